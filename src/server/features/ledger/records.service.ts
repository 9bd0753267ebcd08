import { type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { datedSection, futureDateProblems } from '../../../domain/ledger/record-dates';
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
import type { Database, Tx } from '../../db/database';
import type { DB } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { touchStations } from './ledger-version';
import { type GapListFilter, gapConditions } from './records.gap-filters';
import {
  type KindContext,
  RECORD_KIND_DEFS,
  type RecordKindDef,
  type RecordRow,
  type RecordStamps,
  type RecordTable,
} from './records.kinds';

export interface RecordFilter extends GapListFilter {
  q?: string;
  from?: string;
  to?: string;
}

/** A record table as the generic service sees it: the shared columns typed, a kind's own named at run time. */
interface AnyRecordTable extends RecordStamps {
  [column: string]: unknown;
}
type RecordDb = Omit<DB, RecordTable> & Record<RecordTable, AnyRecordTable>;

/**
 * The database with the record tables seen through `AnyRecordTable`. While the kind is a type parameter TypeScript
 * cannot evaluate Kysely's types for `DB[KindTables[K]]` (nor for the union of record tables, which Kysely turns into
 * a union of incompatible builders), so the generic service addresses these tables through this view; the other
 * tables (the enterprise register, contacts in the join) keep their types. The generic layer's one cast; rows come
 * back as the kind's own through `kindRows`.
 */
function recordDb(db: Database | Tx): Kysely<RecordDb> {
  return db as unknown as Kysely<RecordDb>;
}

/**
 * The kind's table under one literal type. Kysely types a statement on a union of table names (or on a name still
 * depending on K) as a union of builders whose methods cannot be called; in `RecordDb` every record table has the
 * same type, so naming it as any one of them types the statement exactly as its own name would.
 */
const tableOf = (def: Pick<RecordKindDef, 'table'>): 'contacts' => def.table as 'contacts';

/** The kind's table as `r`, with the register's columns of `def.join`. */
function baseQuery(db: Database | Tx, def: Pick<RecordKindDef, 'table' | 'join'>, stationId: string) {
  const table: RecordTable = def.table;
  return recordDb(db)
    .selectFrom(`${table} as r`)
    .selectAll('r')
    .where('r.station_id', '=', stationId)
    .$if(def.join === 'enterprise_by_uscc', (qb) =>
      qb.leftJoin('enterprises as e', 'e.uscc', 'r.uscc').select(['e.name as e_name']),
    )
    .$if(def.join === 'enterprise_by_id', (qb) =>
      qb
        .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
        .select([
          'e.uscc as e_uscc',
          'e.name as e_name',
          'e.district_code as e_district_code',
          'e.has_association as e_has_association',
          'e.srdi as e_srdi',
          'e.industry as e_industry',
        ])
        // “contacted” of a station's enterprise is derived from its contact records, never typed (issue #3).
        .select((eb) =>
          eb
            .selectFrom('contacts as c')
            .select(eb.fn.countAll().as('n'))
            .whereRef('c.station_id', '=', 'r.station_id')
            .whereRef('c.uscc', '=', 'e.uscc')
            .as('contact_count'),
        ),
    );
}
type BaseQuery = ReturnType<typeof baseQuery>;
type BaseRow = Awaited<ReturnType<BaseQuery['executeTakeFirstOrThrow']>>;

/** `baseQuery` selected the kind's whole row (`selectAll('r')`): its columns are the kind's table's. */
function kindRows<K extends RecordKind>(_def: RecordKindDef<K>, rows: BaseRow[]): RecordRow<K>[] {
  return rows as RecordRow<K>[];
}

function filtered(qb: BaseQuery, def: Pick<RecordKindDef, 'searchColumns' | 'dateColumn'>, f: RecordFilter): BaseQuery {
  if (f.q) qb = qb.where((eb) => eb.or(def.searchColumns.map((c) => containsCi(c, f.q!))));
  if (def.dateColumn && f.from) qb = qb.where(sql.ref(`r.${def.dateColumn}`), '>=', f.from);
  if (def.dateColumn && f.to) qb = qb.where(sql.ref(`r.${def.dateColumn}`), '<=', f.to);
  return qb;
}

async function toDtos<K extends RecordKind>(
  db: Database | Tx,
  def: RecordKindDef<K>,
  rows: RecordRow<K>[],
): Promise<RecordDto<K>[]> {
  const extras = def.loadExtras
    ? await def.loadExtras(
        db,
        rows.map((r) => r.id),
      )
    : new Map<string, unknown>();
  return rows.map((r) => def.toDto(r, extras));
}

/** Which records of a station: its kind and station, and for a list or export the filter. */
export interface RecordsOf<K extends RecordKind> {
  kind: K;
  stationId: string;
}

export interface ListRecordsOptions<K extends RecordKind> extends RecordsOf<K> {
  filter: RecordFilter & { page: number; pageSize: number };
}

export async function listRecords<K extends RecordKind>(
  ctx: Ctx,
  { kind, stationId, filter: f }: ListRecordsOptions<K>,
): Promise<Page<RecordListItem<K>>> {
  const station = await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const db = ctx.db;
  let qb = filtered(baseQuery(db, def, stationId), def, f);
  for (const c of await gapConditions(db, { kind, station, filter: f })) qb = qb.where(c);
  const count = await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  let ordered = qb;
  if (def.dateColumn) ordered = ordered.orderBy(sql.ref(`r.${def.dateColumn}`), 'desc');
  const rows = await ordered
    .orderBy('r.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const items = (await toDtos(db, def, kindRows(def, rows))).map((d) => def.toListItem(d));
  return { items, total: Number(count?.n ?? 0), page: f.page, pageSize: f.pageSize };
}

export interface AllRecordsOptions<K extends RecordKind> extends RecordsOf<K> {
  filter: RecordFilter;
  limit: number;
}

/** All records of a kind in ledger order (ids are UUIDv7, so id order is entry order). */
export async function allRecords<K extends RecordKind>(
  ctx: Ctx,
  { kind, stationId, filter: f, limit }: AllRecordsOptions<K>,
): Promise<RecordDto<K>[]> {
  const station = await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const db = ctx.db;
  let qb = filtered(baseQuery(db, def, stationId), def, f);
  for (const c of await gapConditions(db, { kind, station, filter: f })) qb = qb.where(c);
  const rows = await qb.orderBy('r.id').limit(limit).execute();
  return toDtos(db, def, kindRows(def, rows));
}

export interface RecordRef<K extends RecordKind> extends RecordsOf<K> {
  recordId: string;
}

export async function getRecord<K extends RecordKind>(
  ctx: Ctx,
  { kind, stationId, recordId }: RecordRef<K>,
): Promise<RecordDto<K>> {
  await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const db = ctx.db;
  const row = await baseQuery(db, def, stationId).where('r.id', '=', recordId).executeTakeFirst();
  if (!row) throw notFound(def.label);
  return (await toDtos(db, def, kindRows(def, [row])))[0];
}

interface ReadRowOptions<K extends RecordKind> {
  def: RecordKindDef<K>;
  stationId: string;
  id: string;
}

async function readRow<K extends RecordKind>(
  tx: Tx,
  { def, stationId, id }: ReadRowOptions<K>,
): Promise<RecordRow<K> | undefined> {
  const row = await baseQuery(tx, def, stationId).where('r.id', '=', id).executeTakeFirst();
  return row && kindRows(def, [row])[0];
}

/**
 * A ledger records what has happened: a date after today (Beijing, the server's clock) is refused with the field's
 * name, before anything is written. A date outside the project period is kept: it only does not count (第七条、第八条).
 */
export function refuseFutureDates(ctx: Ctx, { kind, input }: { kind: RecordKind; input: object }): void {
  const section = datedSection(kind);
  if (!section) return;
  const problems = futureDateProblems({ section, record: { ...input }, today: shanghaiDate(ctx.clock.now()) });
  if (problems.length) throw invalid(problems, problems.map((p) => p.message).join('；'));
}

export interface CreateRecordOptions<K extends RecordKind> extends RecordsOf<K> {
  input: RecordInput<K>;
}

export async function createRecord<K extends RecordKind>(
  ctx: Ctx,
  { kind, stationId, input }: CreateRecordOptions<K>,
): Promise<RecordDto<K>> {
  await requireStation(ctx, stationId);
  refuseFutureDates(ctx, { kind, input });
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const k: KindContext<K> = { ctx, tx, stationId, recordId: id, before: null };
    const cols = await def.toRow(input, k);
    const now = ctx.clock.now().toISOString();
    await recordDb(tx)
      .insertInto(tableOf(def))
      .values({ id, station_id: stationId, ...cols, created_at: now, updated_at: now, version: 1 })
      .execute();
    await def.afterWrite?.(input, k);
    await touchStations(tx, [stationId]);
    const after = await readRow(tx, { def, stationId, id });
    await audit.record({
      entity: def.entity,
      entityId: id,
      action: 'create',
      summary: `新建${def.describe(after!)}`,
      after: { station_id: stationId, ...after },
    });
  });
  return getRecord(ctx, { kind, stationId, recordId: id });
}

export interface UpdateRecordOptions<K extends RecordKind> extends RecordRef<K> {
  version: number;
  input: RecordInput<K>;
}

export async function updateRecord<K extends RecordKind>(
  ctx: Ctx,
  { kind, stationId, recordId, version, input }: UpdateRecordOptions<K>,
): Promise<RecordDto<K>> {
  await requireStation(ctx, stationId);
  refuseFutureDates(ctx, { kind, input });
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  await writeTx(ctx, async (tx, audit) => {
    const before = await readRow(tx, { def, stationId, id: recordId });
    if (!before) throw notFound(def.label);
    if (Number(before.version) !== version) throw conflict(`该${def.label}记录已被他人修改，请刷新后重试`);
    const k: KindContext<K> = { ctx, tx, stationId, recordId, before };
    const cols = await def.toRow(input, k);
    const res = await recordDb(tx)
      .updateTable(tableOf(def))
      .set({ ...cols, updated_at: ctx.clock.now().toISOString(), version: version + 1 })
      .where('id', '=', recordId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict(`该${def.label}记录已被他人修改，请刷新后重试`);
    await def.afterWrite?.(input, k);
    await touchStations(tx, [stationId]);
    const after = await readRow(tx, { def, stationId, id: recordId });
    await audit.record({
      entity: def.entity,
      entityId: recordId,
      action: 'update',
      summary: `修改${def.describe(after!)}`,
      before,
      after,
    });
  });
  return getRecord(ctx, { kind, stationId, recordId });
}

export interface DeleteRecordOptions<K extends RecordKind> extends RecordRef<K> {
  version: number;
}

export async function deleteRecord<K extends RecordKind>(
  ctx: Ctx,
  { kind, stationId, recordId, version }: DeleteRecordOptions<K>,
): Promise<void> {
  await requireStation(ctx, stationId);
  const def: RecordKindDef<K> = RECORD_KIND_DEFS[kind];
  await writeTx(ctx, async (tx, audit) => {
    const before = await readRow(tx, { def, stationId, id: recordId });
    if (!before) throw notFound(def.label);
    if (Number(before.version) !== version) throw conflict(`该${def.label}记录已被他人修改，请刷新后重试`);
    await def.beforeDelete?.({ ctx, tx, stationId, recordId, before });
    await recordDb(tx).deleteFrom(tableOf(def)).where('id', '=', recordId).execute();
    await touchStations(tx, [stationId]);
    await audit.record({
      entity: def.entity,
      entityId: recordId,
      action: 'delete',
      summary: `删除${def.describe(before)}`,
      before,
    });
  });
}

export interface RevealExpertSecretOptions {
  stationId: string;
  expertId: string;
  field: 'idCard' | 'bankAccount';
  reason: string;
}

/**
 * Shows an expert's full ID card or bank account number to a permitted role that gives a reason (PIPL 第二十八条,
 * 等保 2.0): the reveal is audited with the reason, in the same transaction that reads the value.
 */
export async function revealExpertSecret(
  ctx: Ctx,
  { stationId, expertId, field, reason }: RevealExpertSecretOptions,
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
    const stored = field === 'idCard' ? row.id_card_enc : row.bank_account_enc;
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
export async function stationHasRecords(db: Database | Tx, stationId: string): Promise<boolean> {
  for (const def of Object.values(RECORD_KIND_DEFS)) {
    const r = await recordDb(db)
      .selectFrom(tableOf(def))
      .select('id')
      .where('station_id', '=', stationId)
      .executeTakeFirst();
    if (r) return true;
  }
  const a = await db.selectFrom('attachments').select('id').where('station_id', '=', stationId).executeTakeFirst();
  return !!a;
}

/** Which of `stationIds` have any record or file: one query per kind for a whole page of stations. */
export async function stationsWithRecords(db: Database | Tx, stationIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!stationIds.length) return found;
  for (const def of Object.values(RECORD_KIND_DEFS)) {
    const rows = await recordDb(db)
      .selectFrom(tableOf(def))
      .select('station_id')
      .distinct()
      .where('station_id', 'in', stationIds)
      .execute();
    for (const r of rows) found.add(r.station_id);
  }
  const files = await db
    .selectFrom('attachments')
    .select('station_id')
    .distinct()
    .where('station_id', 'in', stationIds)
    .execute();
  for (const r of files) if (r.station_id) found.add(r.station_id);
  return found;
}

/** The ids of every record of a station, over all kinds (the audit package gathers their audit rows). */
export async function stationRecordIds(db: Database | Tx, stationId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const def of Object.values(RECORD_KIND_DEFS)) {
    const rows = await recordDb(db).selectFrom(tableOf(def)).select('id').where('station_id', '=', stationId).execute();
    for (const r of rows) ids.push(r.id);
  }
  return ids;
}

/** How many records a station has, over all kinds (an import into a station with records must replace them). */
export async function stationRecordTotal(db: Database | Tx, stationId: string): Promise<number> {
  let n = 0;
  for (const def of Object.values(RECORD_KIND_DEFS)) {
    const r = await recordDb(db)
      .selectFrom(tableOf(def))
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('station_id', '=', stationId)
      .executeTakeFirst();
    n += Number(r?.n ?? 0);
  }
  return n;
}
