import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { auditKey, type VerifyResult, verifyAuditChain } from '../server/audit/audit';
import {
  type AuditCheckpoint,
  issueCheckpoint,
  parseCheckpoint,
  verifyWithCheckpoint,
} from '../server/audit/checkpoint';
import type { Ctx } from '../server/context';
import { CliFailure } from './errors';
import type { CliIo } from './evaluate';

// bin/qianqi audit verify [--checkpoint FILE] and audit checkpoint FILE (等保 审计记录保护, decision 017).

function keyedNote(r: VerifyResult): string {
  return r.keyedFrom > 1 ? `；第 1–${r.keyedFrom - 1} 条为启用 AUDIT_KEY 前的 SHA-256 记录` : '';
}

/** Read before the database is opened, so that a wrong file is said first and nothing is migrated for it. */
export function readCheckpointFile(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CliFailure(`无法读取检查点文件 ${file}${code === 'ENOENT' ? '：文件不存在' : `（${code ?? e}）`}`, 1);
  }
  const parsed = parseCheckpoint(text);
  if (!parsed.ok) throw new CliFailure(`${parsed.message}（${file}）`, 1);
  return parsed.checkpoint;
}

export async function runAuditVerify(
  ctx: Ctx,
  checkpoint: { file: string; cp: AuditCheckpoint } | undefined,
  io: CliIo,
): Promise<number> {
  const key = auditKey(ctx.env);
  if (!checkpoint) {
    const r = await verifyAuditChain(ctx.db, key);
    if (r.ok) {
      io.out(`操作日志哈希链完整：已校验 ${r.checked} 条记录${keyedNote(r)}\n`);
      return 0;
    }
    io.err(`操作日志哈希链校验失败：第 ${r.firstBadSeq} 条记录 — ${r.reason}（此前 ${r.checked} 条完好）`);
    return 1;
  }
  const { file, cp } = checkpoint;
  const r = await verifyWithCheckpoint(ctx.db, key, cp);
  if (r.ok) {
    io.out(
      `操作日志哈希链完整：已校验 ${r.checked} 条记录${keyedNote(r)}\n与检查点一致：第 ${cp.seq} 条（签发于 ${cp.at}）及此前的记录均未被删除或改写\n`,
    );
    return 0;
  }
  io.err(
    r.firstBadSeq === null
      ? `操作日志校验失败：${r.reason}（${file}）`
      : `操作日志校验失败：第 ${r.firstBadSeq} 条记录 — ${r.reason}（检查点 ${file}）`,
  );
  return 1;
}

export async function runAuditCheckpoint(ctx: Ctx, file: string, io: CliIo): Promise<number> {
  let fd: number;
  try {
    // Never over an existing file: an anchor silently replaced by a newer one would no longer anchor the past.
    fd = openSync(file, 'wx');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CliFailure(
      code === 'EEXIST'
        ? `检查点文件已存在，未覆盖：${file}（请换一个文件名）`
        : `无法写入检查点文件 ${file}（${code ?? e}）`,
      1,
    );
  }
  let cp: AuditCheckpoint;
  try {
    cp = await issueCheckpoint(ctx);
    writeFileSync(fd, `${JSON.stringify(cp, null, 2)}\n`);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw e;
  }
  closeSync(fd);
  io.out(
    `已写出操作日志检查点：第 ${cp.seq} 条，哈希 ${cp.hash}\n${file}\n请保存到系统之外（离线介质或另一台主机），核对时执行 bin/qianqi audit verify --checkpoint ${file}\n`,
  );
  return 0;
}
