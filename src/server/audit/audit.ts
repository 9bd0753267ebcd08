import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Ctx } from '../context';
import type { Database, Engine, Tx } from '../db/database';
import type { AuditEventTable } from '../db/schema';

export interface AuditInput {
  entity: string;
  entityId?: string | null;
  action: string;
  /** Chinese one-line description for the audit page. */
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Overrides for events with no signed-in actor yet (sign-in, failures). */
  actorOverride?: { id: string | null; name: string | null; role: string | null };
}

export interface AuditRecorder {
  record(input: AuditInput): Promise<void>;
}

const SECRET_FIELDS = new Set([
  'password_hash',
  'password',
  'token',
  'id_card',
  'bank_account',
  'id_card_enc',
  'bank_account_enc',
]);
export const GENESIS_HASH = '0'.repeat(64);

/** The changed fields only, secrets replaced; for a create `before` is null, for a delete `after` is null. */
export function diffOf(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, { before?: unknown; after?: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { before?: unknown; after?: unknown }> = {};
  for (const k of [...keys].sort()) {
    const b = before?.[k];
    const a = after?.[k];
    if (before && after && JSON.stringify(b) === JSON.stringify(a)) continue;
    if (k === 'updated_at' || k === 'version') continue;
    const mask = (v: unknown) => (v === undefined ? undefined : SECRET_FIELDS.has(k) ? '***' : v);
    out[k] = { ...(before ? { before: mask(b) ?? null } : {}), ...(after ? { after: mask(a) ?? null } : {}) };
  }
  return out;
}

type Hashable = Omit<AuditEventTable, 'hash'>;

/** Canonical content of a row: a fixed field order, so the hash does not depend on the engine's column order. */
export function canonicalContent(row: Hashable): string {
  return JSON.stringify([
    Number(row.seq),
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.ip,
    row.entity,
    row.entity_id,
    row.action,
    row.summary,
    row.diff_json,
    row.prev_hash,
  ]);
}

export function chainHash(prevHash: string, row: Hashable): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalContent(row)).digest('hex');
}

export function makeRecorder(tx: Tx, ctx: Ctx): AuditRecorder {
  return {
    async record(input) {
      let head = tx.selectFrom('audit_head').selectAll().where('id', '=', 1);
      if (ctx.engine === 'postgres') head = head.forUpdate();
      const h = await head.executeTakeFirstOrThrow();
      // No signed-in actor and no override: the system itself (start-up seeding, migrations of data).
      const actor =
        input.actorOverride ??
        (ctx.actor
          ? { id: ctx.actor.userId, name: ctx.actor.username, role: ctx.actor.role }
          : { id: null, name: 'system', role: null });
      const row: Hashable = {
        seq: Number(h.seq) + 1,
        id: uuidv7(),
        at: ctx.clock.now().toISOString(),
        actor_id: actor.id,
        actor_name: actor.name,
        actor_role: actor.role,
        ip: ctx.ip,
        entity: input.entity,
        entity_id: input.entityId ?? null,
        action: input.action,
        summary: input.summary,
        diff_json: JSON.stringify(diffOf(input.before, input.after)),
        prev_hash: h.hash,
      };
      const hash = chainHash(h.hash, row);
      await tx
        .insertInto('audit_events')
        .values({ ...row, hash })
        .execute();
      await tx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
    },
  };
}

/**
 * The only way to get a writable transaction: it hands the work an audit recorder bound to the same transaction,
 * so a change and its audit record commit or roll back together.
 */
export async function writeTx<T>(ctx: Ctx, work: (tx: Tx, audit: AuditRecorder) => Promise<T>): Promise<T> {
  // Inside an outer transaction (the demo seed, which must land whole or not at all) the work joins it.
  if (ctx.db.isTransaction) return work(ctx.db as Tx, makeRecorder(ctx.db as Tx, ctx));
  return ctx.db.transaction().execute(async (tx) => work(tx, makeRecorder(tx, ctx)));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: string | null;
}

/** Walks the chain in order; names the first row whose hash, link or sequence is wrong. */
export async function verifyAuditChain(db: Database, _engine?: Engine): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let lastSeq = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) {
        return { ok: false, checked, firstBadSeq: expectedSeq, reason: `缺少第 ${expectedSeq} 条记录（序号不连续）` };
      }
      if (r.prev_hash !== prev) {
        return { ok: false, checked, firstBadSeq: seq, reason: '前序哈希不匹配（链条被改动）' };
      }
      const { hash, ...rest } = r;
      if (chainHash(prev, { ...rest, seq }) !== hash) {
        return { ok: false, checked, firstBadSeq: seq, reason: '内容哈希不匹配（记录被篡改）' };
      }
      prev = hash;
      expectedSeq += 1;
      checked += 1;
      lastSeq = seq;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== lastSeq || head.hash !== prev)) {
    return { ok: false, checked, firstBadSeq: lastSeq + 1, reason: '链尾与记录不一致（末尾记录被删除）' };
  }
  return { ok: true, checked, firstBadSeq: null, reason: null };
}
