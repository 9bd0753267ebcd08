import type { SelectQueryBuilder } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { conflict, invalid, notFound } from '../../../shared/errors';
import type {
  RecordDto,
  RecordInput,
  RecordKind,
  RecordListItem,
  RevealedSecretDto,
} from '../../../shared/schemas/ledger-records';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page } from '../../core/paging';
import { requireStation } from '../../core/stations';
import { decryptPii, piiKey } from '../../crypto/pii';
import { touchStations } from './ledger-version';
import { type LooseDb, type LooseTx, RECORD_KIND_DEFS, type RecordKindDef, type Row } from './records.kinds';

export interface RecordFilter {
  q?: string;
  from?: string;
  to?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the generic record service addresses tables by name
type AnyQuery = SelectQueryBuilder<any, any, Row>;

const loose = (ctx: Ctx) => ctx.db as unknown as LooseDb;

function baseQuery(db: LooseDb, def: Pick<RecordKindDef, 'table' | 'join'>, stationId: string): AnyQuery {
  let qb = db.selectFrom(`${def.table} as r`).selectAll('r').where('r.station_id', '=', stationId) as AnyQuery;
  if (def.join === 'enterprise_by_uscc') {
    qb = qb.leftJoin('enterprises as e', 'e.uscc', 'r.uscc').select(['e.name as e_name']);
  } else if (def.join === 'enterprise_by_id') {
    qb = qb
      .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
      .select([
        'e.uscc as e_uscc',
        'e.name as e_name',
        'e.district_code as e_district_code',
        'e.has_association as e_has_association',
        'e.srdi as e_srdi',
      ])
      // “contacted” of a station's enterprise is derived from its contact records, never typed (issue #3).
      .select((eb) =>
        eb
          .selectFrom('contacts as c')
          .select(eb.fn.countAll().as('n'))
          .whereRef('c.station_id', '=', 'r.station_id')
          .whereRef('c.uscc', '=', 'e.uscc')
          .as('contact_count'),
      );
  }
  return qb;
}

function filtered(qb: AnyQuery, def: Pick<RecordKindDef, 'searchColumns' | 'dateColumn'>, f: RecordFilter): AnyQuery {
  if (f.q) qb = qb.where((eb) => eb.or(def.searchColumns.map((c) => containsCi(c, f.q!))));
  if (def.dateColumn && f.from) qb = qb.where(`r.${def.dateColumn}`, '>=', f.from);
  if (def.dateColumn && f.to) qb = qb.where(`r.${def.dateColumn}`, '<=', f.to);
  return qb;
}

async function toDtos<K extends RecordKind>(db: LooseDb, def: RecordKindDef<K>, rows: Row[]): Promise<RecordDto<K>[]> {
  const extras = def.loadExtras
    ? await def.loadExtras(
        db,
        rows.map((r) => r.id as string),
      )
    : new Map<string, unknown>();
  return rows.map((r) => def.toDto(r, extras));
}

export async function listRecords<K extends RecordKind>(
  ctx: Ctx,
  kind: K,
  stationId: string,
  f: RecordFilter & { page: number; pageSize: number },
): Promise<Page<RecordListItem<K>>> {
  await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const db = loose(ctx);
  const qb = filtered(baseQuery(db, def, stationId), def, f);
  const count = (await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()) as { n: number | string } | undefined;
  let ordered = qb;
  if (def.dateColumn) ordered = ordered.orderBy(`r.${def.dateColumn}`, 'desc');
  const rows = await ordered
    .orderBy('r.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const items = (await toDtos(db, def, rows)).map((d) => def.toListItem(d));
  return { items, total: Number(count?.n ?? 0), page: f.page, pageSize: f.pageSize };
}

/** All records of a kind in ledger order (ids are UUIDv7, so id order is entry order). */
export async function allRecords<K extends RecordKind>(
  ctx: Ctx,
  kind: K,
  stationId: string,
  f: RecordFilter,
  limit: number,
): Promise<RecordDto<K>[]> {
  await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const db = loose(ctx);
  const rows = await filtered(baseQuery(db, def, stationId), def, f)
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return toDtos(db, def, rows);
}

export async function getRecord<K extends RecordKind>(
  ctx: Ctx,
  kind: K,
  stationId: string,
  recordId: string,
): Promise<RecordDto<K>> {
  await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const db = loose(ctx);
  const row = await baseQuery(db, def, stationId).where('r.id', '=', recordId).executeTakeFirst();
  if (!row) throw notFound(def.label);
  return (await toDtos(db, def, [row]))[0];
}

async function readRow(
  tx: LooseTx,
  def: Pick<RecordKindDef, 'table' | 'join'>,
  stationId: string,
  id: string,
): Promise<Row | undefined> {
  return (await baseQuery(tx as unknown as LooseDb, def, stationId)
    .where('r.id', '=', id)
    .executeTakeFirst()) as Row | undefined;
}

export async function createRecord<K extends RecordKind>(
  ctx: Ctx,
  kind: K,
  stationId: string,
  input: RecordInput<K>,
): Promise<RecordDto<K>> {
  await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const id = uuidv7();
  await writeTx(ctx, async (rawTx, audit) => {
    const tx = rawTx as unknown as LooseTx;
    const k = { ctx, tx, stationId, recordId: id, before: null };
    const cols = await def.toRow(input, k);
    const now = ctx.clock.now().toISOString();
    await tx
      .insertInto(def.table)
      .values({ id, station_id: stationId, ...cols, created_at: now, updated_at: now, version: 1 })
      .execute();
    await def.afterWrite?.(input, k);
    await touchStations(rawTx, [stationId]);
    const after = await readRow(tx, def, stationId, id);
    await audit.record({
      entity: def.entity,
      entityId: id,
      action: 'create',
      summary: `新建${def.describe(after!)}`,
      after: { station_id: stationId, ...after },
    });
  });
  return getRecord(ctx, kind, stationId, id);
}

export async function updateRecord<K extends RecordKind>(
  ctx: Ctx,
  kind: K,
  stationId: string,
  recordId: string,
  version: number,
  input: RecordInput<K>,
): Promise<RecordDto<K>> {
  await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  await writeTx(ctx, async (rawTx, audit) => {
    const tx = rawTx as unknown as LooseTx;
    const before = await readRow(tx, def, stationId, recordId);
    if (!before) throw notFound(def.label);
    if (Number(before.version) !== version) throw conflict(`该${def.label}记录已被他人修改，请刷新后重试`);
    const k = { ctx, tx, stationId, recordId, before };
    const cols = await def.toRow(input, k);
    const res = await tx
      .updateTable(def.table)
      .set({ ...cols, updated_at: ctx.clock.now().toISOString(), version: version + 1 })
      .where('id', '=', recordId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict(`该${def.label}记录已被他人修改，请刷新后重试`);
    await def.afterWrite?.(input, k);
    await touchStations(rawTx, [stationId]);
    const after = await readRow(tx, def, stationId, recordId);
    await audit.record({
      entity: def.entity,
      entityId: recordId,
      action: 'update',
      summary: `修改${def.describe(after!)}`,
      before,
      after,
    });
  });
  return getRecord(ctx, kind, stationId, recordId);
}

export async function deleteRecord(
  ctx: Ctx,
  kind: RecordKind,
  stationId: string,
  recordId: string,
  version: number,
): Promise<void> {
  await requireStation(ctx, stationId);
  const def = RECORD_KIND_DEFS[kind] as RecordKindDef;
  await writeTx(ctx, async (rawTx, audit) => {
    const tx = rawTx as unknown as LooseTx;
    const before = await readRow(tx, def, stationId, recordId);
    if (!before) throw notFound(def.label);
    if (Number(before.version) !== version) throw conflict(`该${def.label}记录已被他人修改，请刷新后重试`);
    await def.beforeDelete?.({ ctx, tx, stationId, recordId, before });
    await tx.deleteFrom(def.table).where('id', '=', recordId).execute();
    await touchStations(rawTx, [stationId]);
    await audit.record({
      entity: def.entity,
      entityId: recordId,
      action: 'delete',
      summary: `删除${def.describe(before)}`,
      before,
    });
  });
}

/**
 * Shows an expert's full ID card or bank account number to a permitted role that gives a reason (PIPL 第二十八条,
 * 等保 2.0): the reveal is audited with the reason, in the same transaction that reads the value.
 */
export async function revealExpertSecret(
  ctx: Ctx,
  stationId: string,
  expertId: string,
  field: 'idCard' | 'bankAccount',
  reason: string,
): Promise<RevealedSecretDto> {
  await requireStation(ctx, stationId);
  const column = field === 'idCard' ? 'id_card_enc' : 'bank_account_enc';
  return writeTx(ctx, async (tx, audit) => {
    const row = await tx
      .selectFrom('experts')
      .select(['id', 'name', column])
      .where('id', '=', expertId)
      .where('station_id', '=', stationId)
      .executeTakeFirst();
    if (!row) throw notFound('专家');
    const stored = (row as Row)[column] as string | null;
    const label = field === 'idCard' ? '身份证号' : '银行账号';
    if (!stored) throw invalid([{ path: 'field', message: `该专家未登记${label}` }]);
    await audit.record({
      entity: 'expert',
      entityId: expertId,
      action: 'reveal_personal_info',
      summary: `查看专家 ${row.name} 的${label}，原因：${reason}`,
    });
    return { value: decryptPii(stored, piiKey(ctx.env)) };
  });
}

/** Records of a station exist: the station may no longer be deleted (its ledger would be orphaned). */
export async function stationHasRecords(db: LooseDb, stationId: string): Promise<boolean> {
  for (const def of Object.values(RECORD_KIND_DEFS)) {
    const r = await db.selectFrom(def.table).select('id').where('station_id', '=', stationId).executeTakeFirst();
    if (r) return true;
  }
  const a = await db.selectFrom('attachments').select('id').where('station_id', '=', stationId).executeTakeFirst();
  return !!a;
}
