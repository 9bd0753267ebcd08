// One declared spec per command gives its parser, its usage text and the overall usage, so that what `--help` says
// is what the parser accepts. Our own parser rather than util.parseArgs: its errors are English and would have to be
// translated back from their text.

export interface OptionSpec {
  /** The value's placeholder in the usage (`ID`, `日期`); a flag has none. */
  value?: string;
  required?: boolean;
  help: string;
}

const ENVIRONMENT = {
  DATABASE_URL: '数据库，默认 sqlite:./data/qianqi.db；须与服务相同',
  STORAGE_DIR: '文件目录，默认 ./data/storage；须与服务相同',
  QIANQI_PASSWORD: '新密码；未设置时生成临时密码',
  AUDIT_KEY: '操作日志密钥（base64）；须与服务相同，否则校验失败',
} as const;

export interface CommandSpec {
  /** One word, or two for a group (`audit verify`). */
  name: string;
  /** One line for the overall usage. */
  summary: string;
  /** Lines under the synopsis of the command's own usage. */
  description: readonly string[];
  /** All required, in order. */
  positionals: ReadonlyArray<{ name: string; help: string }>;
  /** By long name, without the leading `--`. */
  options: Readonly<Record<string, OptionSpec>>;
  /** The environment variables it reads. */
  environment: ReadonlyArray<keyof typeof ENVIRONMENT>;
}

export interface ParsedArgs {
  positionals: string[];
  string(name: string): string | undefined;
  flag(name: string): boolean;
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

/** `--help`/`-h` anywhere before a `--` (after it, `-h` may be a file name). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParseResult {
  const fail = (message: string): ParseResult => ({ ok: false, message });
  const positionals: string[] = [];
  const values = new Map<string, string | true>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositionals || a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    if (!a.startsWith('--')) return fail(`未知选项：${a}`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const opt = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!opt) return fail(`未知选项：--${name}`);
    if (values.has(name)) return fail(`选项 --${name} 只能给一次`);
    if (!opt.value) {
      if (eq >= 0) return fail(`选项 --${name} 不带值`);
      values.set(name, true);
      continue;
    }
    if (eq >= 0) {
      values.set(name, a.slice(eq + 1));
      continue;
    }
    const v = argv[i + 1];
    // As util.parseArgs: a dash after an option that takes a value is more likely a forgotten value than a value.
    if (v === undefined) return fail(`选项 --${name} 缺少值（${opt.value}）`);
    if (v.startsWith('-') && v !== '-') {
      return fail(`选项 --${name} 缺少值（${opt.value}）；若值以 - 开头，请写成 --${name}=${v}`);
    }
    values.set(name, v);
    i++;
  }
  const missing = spec.positionals[positionals.length];
  if (missing) return fail(`缺少参数 ${missing.name}（${missing.help}）`);
  if (positionals.length > spec.positionals.length) {
    return fail(`多余的参数：${positionals.slice(spec.positionals.length).join(' ')}`);
  }
  for (const [name, opt] of Object.entries(spec.options)) {
    if (opt.required && !values.has(name)) return fail(`缺少选项 --${name} ${opt.value ?? ''}`.trimEnd());
  }
  return {
    ok: true,
    args: {
      positionals,
      string: (name) => {
        const v = values.get(name);
        return typeof v === 'string' ? v : undefined;
      },
      flag: (name) => values.get(name) === true,
    },
  };
}

/** Terminal columns: CJK characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** `label` padded to `col`, then `text`; on its own line first when the label does not fit. */
function row(label: string, text: string, col: number): string {
  if (width(label) >= col - 1) return `${label}\n${' '.repeat(col)}${text}`;
  return `${label}${' '.repeat(col - width(label))}${text}`;
}

export function synopsis(spec: CommandSpec): string {
  const parts = [spec.name, ...spec.positionals.map((p) => p.name)];
  for (const [name, opt] of Object.entries(spec.options)) {
    const o = opt.value ? `--${name} ${opt.value}` : `--${name}`;
    parts.push(opt.required ? o : `[${o}]`);
  }
  return `bin/qianqi ${parts.join(' ')}`;
}

export function commandUsage(spec: CommandSpec): string {
  const lines = [`用法：${synopsis(spec)}`, '', ...spec.description];
  if (spec.positionals.length) {
    lines.push('', '参数：', ...spec.positionals.map((p) => row(`  ${p.name}`, p.help, 20)));
  }
  lines.push('', '选项：');
  for (const [name, opt] of Object.entries(spec.options)) {
    lines.push(row(`  --${name}${opt.value ? ` ${opt.value}` : ''}`, opt.help, 20));
  }
  lines.push(row('  -h, --help', '显示本说明', 20));
  if (spec.environment.length) {
    lines.push('', '环境变量：', ...spec.environment.map((v) => row(`  ${v}`, ENVIRONMENT[v], 20)));
  }
  return lines.join('\n');
}

export function overallUsage(specs: readonly CommandSpec[]): string {
  return [
    'qianqi — 千企命令行工具',
    '',
    '用法：bin/qianqi 命令 [参数] [选项]',
    '',
    ...specs.map((s) => row(`  ${synopsis(s)}`, s.summary, 48)),
    '',
    '查看一个命令的说明：bin/qianqi help 命令，或 bin/qianqi 命令 --help',
    '数据库由环境变量 DATABASE_URL 指定（默认 sqlite:./data/qianqi.db），文件目录由 STORAGE_DIR 指定（默认 ./data/storage）。',
    '命令行须与服务使用相同的 DATABASE_URL 和 STORAGE_DIR。',
  ].join('\n');
}
