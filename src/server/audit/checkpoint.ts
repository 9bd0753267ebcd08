import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '../../shared/errors';
import type { Ctx } from '../context';
import type { Database } from '../db/database';
import { auditKey, type VerifyResult, verifyAuditChain, writeTx } from './audit';

// A checkpoint anchors the chain outside the system (等保 审计记录保护, decision 017). The chain alone proves that
// what is there is unbroken, not that nothing was cut off its end: someone with table rights who deletes the last
// rows and moves the head back leaves a chain that verifies. A signed head kept elsewhere names how far the chain
// reached and what its hash was there; the chain must still reach that far with that hash.

export const CHECKPOINT_FORMAT = 'qianqi-audit-checkpoint/1';

export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  seq: number;
  hash: string;
  /** when it was issued (ISO-8601 UTC) */
  at: string;
  /** hex HMAC-SHA-256 with AUDIT_KEY over the other fields */
  signature: string;
}

export interface CheckpointVerifyResult extends VerifyResult {
  checkpoint: { seq: number; at: string } | null;
}

const HEX64 = /^[0-9a-f]{64}$/;

function signatureOf(key: Buffer, cp: Omit<AuditCheckpoint, 'signature'>): string {
  // A prefix of its own keeps a checkpoint's MAC from ever being the MAC of a chain row (those start with a hash).
  return createHmac('sha256', key)
    .update('qianqi-audit-checkpoint\n')
    .update(JSON.stringify([cp.format, cp.seq, cp.hash, cp.at]))
    .digest('hex');
}

export function signCheckpoint(key: Buffer, head: { seq: number; hash: string; at: string }): AuditCheckpoint {
  const body = { format: CHECKPOINT_FORMAT, seq: head.seq, hash: head.hash, at: head.at } as const;
  return { ...body, signature: signatureOf(key, body) };
}

export function isCheckpointSigned(key: Buffer, cp: AuditCheckpoint): boolean {
  const want = Buffer.from(signatureOf(key, cp), 'hex');
  const got = Buffer.from(cp.signature, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The checkpoint in a file's text, or what is wrong with it, naming the field. */
export function parseCheckpoint(
  text: string,
): { ok: true; checkpoint: AuditCheckpoint } | { ok: false; message: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, message: '检查点文件不是 JSON：请使用 bin/qianqi audit checkpoint 或操作日志页面下载的文件' };
  }
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  if (o.format !== CHECKPOINT_FORMAT) return { ok: false, message: `检查点文件的 format 应为 ${CHECKPOINT_FORMAT}` };
  if (typeof o.seq !== 'number' || !Number.isSafeInteger(o.seq) || o.seq < 0) {
    return { ok: false, message: '检查点文件的 seq 应为非负整数' };
  }
  if (typeof o.hash !== 'string' || !HEX64.test(o.hash)) {
    return { ok: false, message: '检查点文件的 hash 应为 64 位十六进制' };
  }
  if (typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at))) {
    return { ok: false, message: '检查点文件的 at 应为 ISO-8601 时间' };
  }
  if (typeof o.signature !== 'string' || !HEX64.test(o.signature)) {
    return { ok: false, message: '检查点文件的 signature 应为 64 位十六进制' };
  }
  return {
    ok: true,
    checkpoint: { format: CHECKPOINT_FORMAT, seq: o.seq, hash: o.hash, at: o.at, signature: o.signature },
  };
}

/**
 * Signs the current head and records the export in the same transaction (the head is locked, so the checkpoint
 * names exactly the row before its own audit record).
 */
export async function issueCheckpoint(ctx: Ctx): Promise<AuditCheckpoint> {
  return writeTx(ctx, async (tx, audit) => {
    let q = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    if (ctx.engine === 'postgres') q = q.forUpdate();
    const head = await q.executeTakeFirstOrThrow();
    const cp = signCheckpoint(auditKey(ctx.env), {
      seq: Number(head.seq),
      hash: head.hash,
      at: ctx.clock.now().toISOString(),
    });
    await audit.record({
      entity: 'audit_event',
      action: 'export',
      summary: `导出操作日志检查点：第 ${cp.seq} 条，哈希 ${cp.hash.slice(0, 16)}…`,
      after: { checkpoint_seq: cp.seq, checkpoint_hash: cp.hash },
    });
    return cp;
  });
}

/**
 * The chain verified with the key, and then held against the checkpoint: its signature, that the chain still reaches
 * its seq, and that the row there still has its hash (so nothing up to it was removed or rewritten).
 */
export async function verifyWithCheckpoint(
  db: Database,
  key: Buffer,
  cp: AuditCheckpoint,
): Promise<CheckpointVerifyResult> {
  const named = { seq: cp.seq, at: cp.at };
  const chain = await verifyAuditChain(db, key);
  if (!isCheckpointSigned(key, cp)) {
    return {
      ...chain,
      ok: false,
      firstBadSeq: null,
      reason: '检查点签名无效：检查点文件被改动，或不是以当前 AUDIT_KEY 签发',
      checkpoint: named,
    };
  }
  if (!chain.ok) return { ...chain, checkpoint: named };
  if (chain.checked < cp.seq) {
    return {
      ...chain,
      ok: false,
      firstBadSeq: chain.checked + 1,
      reason: `操作日志比检查点短：检查点（${cp.at}）记录到第 ${cp.seq} 条，现只有 ${chain.checked} 条（末尾记录被删除）`,
      checkpoint: named,
    };
  }
  if (cp.seq > 0) {
    const row = await db.selectFrom('audit_events').select('hash').where('seq', '=', cp.seq).executeTakeFirst();
    if (row?.hash !== cp.hash) {
      return {
        ...chain,
        ok: false,
        firstBadSeq: cp.seq,
        reason: `第 ${cp.seq} 条记录的哈希与检查点不符：该条或此前的记录被改写后重算，或检查点来自另一个数据库`,
        checkpoint: named,
      };
    }
  }
  return { ...chain, checkpoint: named };
}

/** The audit page's check: the chain with the server's key, and against an uploaded checkpoint when one is given. */
export async function verifyAuditTrail(ctx: Ctx, checkpointText?: string): Promise<CheckpointVerifyResult> {
  const key = auditKey(ctx.env);
  if (checkpointText === undefined) return { ...(await verifyAuditChain(ctx.db, key)), checkpoint: null };
  const parsed = parseCheckpoint(checkpointText);
  if (!parsed.ok) throw invalid([{ path: 'checkpoint', message: parsed.message }], parsed.message);
  return verifyWithCheckpoint(ctx.db, key, parsed.checkpoint);
}
