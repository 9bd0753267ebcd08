import { readFileSync } from 'node:fs';
import { evaluateLedger } from '../domain/kpi/evaluate';
import { isIsoDate, parseLedgerText } from '../domain/ledger/schema';
import { BUILT_IN_POLICIES } from '../domain/policy/index';
import type { Policy } from '../domain/policy/types';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

/** Today in Asia/Shanghai, the program's calendar. */
function today(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * `qianqi evaluate FILE [--on DATE]` (docs/ledger-format.md) from its arguments; the command line parses them itself
 * and calls `evaluateFile`.
 */
export function runEvaluate(
  args: string[],
  io: CliIo,
  opts: { now?: Date; policies?: readonly Policy[] } = {},
): number {
  const onIdx = args.indexOf('--on');
  const on = onIdx >= 0 ? (args[onIdx + 1] ?? '') : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (onIdx < 0 || i !== onIdx + 1));
  if (!file) {
    io.err('缺少台账文件：bin/qianqi evaluate FILE [--on YYYY-MM-DD]');
    return 2;
  }
  return evaluateFile({ file, on, io, ...opts });
}

export interface EvaluateFileOptions {
  file: string;
  /** the evaluation date, YYYY-MM-DD; today (Asia/Shanghai) when not given */
  on: string | undefined;
  io: CliIo;
  now?: Date;
  policies?: readonly Policy[];
}

/**
 * The evaluation on stdout and exit 0; exit 2 with one `path: message` line per problem. Pure apart from reading
 * FILE: it needs no database, so anyone can check a ledger.
 */
export function evaluateFile({ file, on, io, now, policies: given }: EvaluateFileOptions): number {
  const policies = given ?? BUILT_IN_POLICIES;
  const problems: string[] = [];
  if (on !== undefined && !isIsoDate(on)) problems.push(`--on: 评价日期应为 YYYY-MM-DD 格式的有效日期`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`$: 无法读取文件 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    return 2;
  }
  const parsed = parseLedgerText(text, (y) => policies.some((p) => p.year === y));
  if (!parsed.ok) problems.push(...parsed.problems);
  if (problems.length || !parsed.ok) {
    for (const p of problems) io.err(p);
    return 2;
  }
  const policy = policies.find((p) => p.year === parsed.ledger.programYear)!;
  const evaluation = evaluateLedger(parsed.ledger, policy, on ?? today(now ?? new Date()));
  io.out(`${JSON.stringify(evaluation, null, 2)}\n`);
  return 0;
}
