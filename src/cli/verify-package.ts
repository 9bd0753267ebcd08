import { readFileSync } from 'node:fs';
import { PROBLEM_LABELS, verifyPackage } from '../server/features/audit-package/manifest';
import type { CliIo } from './evaluate';

/**
 * `qianqi verify-package FILE` (第十二条): exit 0 when every file matches the manifest; exit 1 naming each altered,
 * missing or unlisted file; exit 2 when the file cannot be read as a package. The manifest's own SHA-256 is printed
 * to compare with the audit trail's record of the export.
 */
export function runVerifyPackage(file: string, io: CliIo): number {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    io.err(`无法读取文件 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    return 2;
  }
  const v = verifyPackage(bytes);
  if (v.error) {
    // The zip library's reason in parentheses is English and tells an operator nothing more they could act on.
    io.err(`无法校验 ${file}：${v.error.replace(/（[\x20-\x7e]*）$/, '')}`);
    return 2;
  }
  for (const p of v.problems) io.err(`${PROBLEM_LABELS[p.kind]}：${p.path}`);
  const who = v.station ? `“${v.station.name}”（${v.station.programYear}年度）` : '';
  if (!v.ok) {
    io.err(`审计包${who}校验未通过：${v.problems.length} 处问题（清单 SHA-256 ${v.manifestSha256}）`);
    return 1;
  }
  io.out(
    `审计包${who}校验通过：${v.checked} 个文件与清单一致（清单 SHA-256 ${v.manifestSha256}，可与操作记录中导出时登记的值核对）\n`,
  );
  return 0;
}
