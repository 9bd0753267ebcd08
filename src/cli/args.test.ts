import { describe, expect, it } from 'vitest';
import { type CommandSpec, commandUsage, parseArgs, synopsis, wantsHelp } from './args';
import { CliFailure, describeError } from './errors';
import { databaseLabel } from './target';

const KPIS: CommandSpec = {
  name: 'kpis',
  summary: '',
  description: [],
  environment: [],
  positionals: [{ name: 'FILE', help: '文件' }],
  options: { station: { value: 'ID', required: true, help: '站点' }, replace: { help: '替换' } },
};

describe('parseArgs', () => {
  it('reads positionals, `--x v`, `--x=v` and flags in any order', () => {
    const r = parseArgs(KPIS, ['--station=a=b', 'f.json', '--replace']);
    expect(r.ok && [r.args.positionals, r.args.string('station'), r.args.flag('replace')]).toEqual([
      ['f.json'],
      'a=b',
      true,
    ]);
    const s = parseArgs(KPIS, ['--station', 'x', '--', '--odd-name']);
    expect(s.ok && [s.args.positionals, s.args.flag('replace')]).toEqual([['--odd-name'], false]);
  });

  it.each([
    [['f', '--station'], '选项 --station 缺少值（ID）'],
    [['f', '--station', '--replace'], '选项 --station 缺少值（ID）；若值以 - 开头，请写成 --station=--replace'],
    [['f', '--station', 'x', '--station', 'y'], '选项 --station 只能给一次'],
    [['f', '--replace=yes', '--station', 'x'], '选项 --replace 不带值'],
    [['f', '--constructor', '--station', 'x'], '未知选项：--constructor'],
    [['f', '-s', 'x'], '未知选项：-s'],
    [['--station', 'x'], '缺少参数 FILE（文件）'],
    [['f', 'g', '--station', 'x'], '多余的参数：g'],
    [['f'], '缺少选项 --station ID'],
  ])('%j → %s', (argv, message) => {
    expect(parseArgs(KPIS, argv)).toEqual({ ok: false, message });
  });

  it('help anywhere before `--`', () => {
    expect(wantsHelp(['f', '--station', 'x', '-h'])).toBe(true);
    expect(wantsHelp(['--', '-h'])).toBe(false);
  });

  it('the usage is the spec', () => {
    expect(synopsis(KPIS)).toBe('bin/qianqi kpis FILE --station ID [--replace]');
    expect(commandUsage(KPIS)).toContain('  --station ID      站点');
  });
});

describe('what the command line prints for an error', () => {
  it('says the common library errors in Chinese, and any other after 出错：', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'a.tar.gz'"), {
      code: 'ENOENT',
      path: 'a.tar.gz',
    });
    expect(describeError(enoent)).toBe('文件或目录不存在：a.tar.gz');
    expect(describeError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(
      '数据库正被其他进程使用（已锁定），请稍后重试（SQLITE_BUSY）',
    );
    expect(
      describeError(Object.assign(new Error('Blob not found: ab'), { code: 'blob_not_found', sha256: 'ab' })),
    ).toBe('文件库（STORAGE_DIR）中缺少文件 ab');
    expect(describeError(new CliFailure('环境变量配置有误：\n  X: 不对'))).toBe('环境变量配置有误：\n  X: 不对');
    expect(describeError(new TypeError('boom'))).toBe('出错：boom');
  });

  it('names the database without its password', () => {
    expect(databaseLabel('postgres://u:p@h:5432/q?sslmode=require&password=p')).toBe(
      'postgres://u@h:5432/q?sslmode=require&password=***',
    );
    expect(databaseLabel('sqlite:/var/lib/qianqi.db')).toBe('sqlite:/var/lib/qianqi.db');
    expect(databaseLabel('sqlite:./data/qianqi.db')).toMatch(/^sqlite:\.\/data\/qianqi\.db（\/.*\/data\/qianqi\.db）$/);
  });
});
