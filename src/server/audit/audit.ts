import { createHash, createHmac } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { isPhoneField, maskPhone } from '../../domain/phone';
import type { AuditAction, AuditEntity } from '../../shared/labels';
import type { Ctx } from '../context';
import type { Database, Tx } from '../db/database';
import type { AuditEventTable } from '../db/schema';
import type { Env } from '../env';

export interface AuditInput {
  /** typed by the Chinese label maps: an entity or action without a name on the audit page does not compile */
  entity: AuditEntity;
  entityId?: string | null;
  action: AuditAction;
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

export const SECRET_FIELDS = new Set([
  'password_hash',
  'password',
  'token',
  'id_card',
  'bank_account',
  'id_card_enc',
  'bank_account_enc',
  // as nested objects name them (an expert in a ledger import, a form's values)
  'idCard',
  'bankAccount',
]);
export const GENESIS_HASH = '0'.repeat(64);

/**
 * A value as the audit log keeps it, for every reader: secrets replaced; telephone numbers (personal information,
 * PIPL — an expert's, a station's leader's or contact's) masked to 139****5678, which still shows that one changed.
 */
export function logged(field: string, v: unknown): unknown {
  if (v === undefined) return v;
  if (SECRET_FIELDS.has(field)) return '***';
  if (isPhoneField(field) && typeof v === 'string') return maskPhone(v);
  // At any depth too: an agreement's terms (leaderPhone …) or a change request's proposal are nested objects, or
  // JSON text in a `*_json` column.
  if (Array.isArray(v)) return v.map((x) => logged(field, x));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, logged(k, x)]));
  }
  if (field.endsWith('_json') && typeof v === 'string') {
    try {
      return JSON.stringify(logged('', JSON.parse(v)));
    } catch {
      return v;
    }
  }
  return v;
}

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
    out[k] = {
      ...(before ? { before: logged(k, b) ?? null } : {}),
      ...(after ? { after: logged(k, a) ?? null } : {}),
    };
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

/** The chain before migration 012: plain SHA-256, which anyone who can write the table can recompute. */
export function chainHash(prevHash: string, row: Hashable): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalContent(row)).digest('hex');
}

/** The chain from `audit_head.keyed_from` on: recomputing it takes AUDIT_KEY, which the database does not hold. */
export function keyedChainHash(key: Buffer, prevHash: string, row: Hashable): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalContent(row)).digest('hex');
}

// Development and tests only (production requires AUDIT_KEY, env.ts): a key anyone can read protects nothing.
const DEV_AUDIT_KEY = createHash('sha256').update('qianqi-development-only-audit-key').digest();

export function auditKey(env: Pick<Env, 'AUDIT_KEY'>): Buffer {
  return env.AUDIT_KEY ? Buffer.from(env.AUDIT_KEY, 'base64') : DEV_AUDIT_KEY;
}

/** A missing keyed_from is read as 1, the strictest: it cannot be used to downgrade rows to plain SHA-256. */
function keyedFromOf(head: { keyed_from?: number | null } | undefined): number {
  const k = Number(head?.keyed_from ?? 1);
  return Number.isFinite(k) && k >= 1 ? k : 1;
}

interface RowHashOptions {
  key: Buffer;
  /** the first seq hashed with the key; earlier rows have plain SHA-256 */
  keyedFrom: number;
  prevHash: string;
  row: Hashable;
}

function rowHash({ key, keyedFrom, prevHash, row }: RowHashOptions): string {
  return Number(row.seq) >= keyedFrom ? keyedChainHash(key, prevHash, row) : chainHash(prevHash, row);
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
      const hash = rowHash({ key: auditKey(ctx.env), keyedFrom: keyedFromOf(h), prevHash: h.hash, row });
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
  /** rows before this seq were written with plain SHA-256, before the chain was keyed (decision 017) */
  keyedFrom: number;
}

/**
 * Walks the chain in order with the key; names the first row whose hash, link or sequence is wrong. From
 * `keyed_from` on a row verifies only with AUDIT_KEY, so a chain rewritten and recomputed without it fails here.
 */
export function verifyAuditChain(db: Database, key: Buffer): Promise<VerifyResult> {
  return walkChain(db, key, false);
}

async function walkChain(db: Database, key: Buffer, beforeSeal: boolean): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const keyedFrom = keyedFromOf(head);
  const fail = (checked: number, firstBadSeq: number, reason: string): VerifyResult => ({
    ok: false,
    checked,
    firstBadSeq,
    reason,
    keyedFrom,
  });
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
      if (seq !== expectedSeq) return fail(checked, expectedSeq, `缺少第 ${expectedSeq} 条记录（序号不连续）`);
      if (r.prev_hash !== prev) return fail(checked, seq, '前序哈希不匹配（链条被改动）');
      const { hash, ...rest } = r;
      if (rowHash({ key, keyedFrom, prevHash: prev, row: { ...rest, seq } }) !== hash) {
        return fail(
          checked,
          seq,
          seq >= keyedFrom ? '内容哈希不匹配（记录被篡改，或 AUDIT_KEY 与写入时不同）' : '内容哈希不匹配（记录被篡改）',
        );
      }
      prev = hash;
      expectedSeq += 1;
      checked += 1;
      lastSeq = seq;
    }
    if (rows.length < pageSize) break;
  }
  if (head && (Number(head.seq) !== lastSeq || head.hash !== prev)) {
    return fail(checked, lastSeq + 1, '链尾与记录不一致（末尾记录被删除）');
  }
  // The first keyed row's HMAC covers its prev_hash and so the whole plain prefix: without one, keyed_from could
  // have been moved past the end to pass off a recomputed chain as written before the key.
  if (keyedFrom > 1 && lastSeq < keyedFrom && !beforeSeal) {
    return fail(
      checked,
      keyedFrom,
      `第 ${keyedFrom} 条起应以 AUDIT_KEY 续写，但尚无此记录（密钥起点被改动，或升级后尚未写入新记录）`,
    );
  }
  return { ok: true, checked, firstBadSeq: null, reason: null, keyedFrom };
}

/** The migration that keys the chain (decision 017). */
export const KEYING_MIGRATION = '012_audit_protection';

/**
 * When migration 012 has just upgraded a database that already had a chain, its first keyed row is written at once
 * (server start, command line, restore), so that verification never meets an upgraded chain without one. Only then:
 * a keyed_from moved past the end later is a forgery, not an upgrade, and is left for verification to report. A plain
 * chain that is already broken is not sealed either: verification then names the break instead of a seal covering it.
 */
export async function sealAuditKeying(ctx: Ctx, migrationsJustRun: readonly string[]): Promise<boolean> {
  if (!migrationsJustRun.includes(KEYING_MIGRATION)) return false;
  return writeTx(ctx, async (tx, audit) => {
    let q = tx.selectFrom('audit_head').selectAll().where('id', '=', 1);
    if (ctx.engine === 'postgres') q = q.forUpdate();
    const h = await q.executeTakeFirst();
    const keyedFrom = keyedFromOf(h);
    if (!h || keyedFrom <= 1 || Number(h.seq) + 1 !== keyedFrom) return false;
    if (!(await walkChain(tx, auditKey(ctx.env), true)).ok) return false;
    await audit.record({
      entity: 'audit_event',
      action: 'audit_keyed',
      summary: `操作日志自第 ${keyedFrom} 条起以 AUDIT_KEY 计算 HMAC-SHA-256；此前 ${keyedFrom - 1} 条为启用密钥前的 SHA-256 哈希链`,
      after: { keyedFrom },
    });
    return true;
  });
}
