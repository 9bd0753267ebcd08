import type { Insertable, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { maskSecret } from '../../../domain/id-card';
import { hasContent } from '../../../domain/kpi/from-ledger';
import type {
  ContactMode,
  DemandStatus,
  EventKind,
  EvidenceKind,
  ExpertKind,
  Industry,
  PressChannel,
  ReportKind,
  SrdiLevel,
} from '../../../domain/ledger/codes';
import { maskPhone } from '../../../domain/phone';
import type { ExpertGrade } from '../../../domain/policy/types';
import { wordCount } from '../../../domain/word-count';
import { invalid } from '../../../shared/errors';
import type { AuditEntity } from '../../../shared/labels';
import {
  CONTACT_MODE_LABELS,
  DEMAND_STATUS_LABELS,
  EVENT_KIND_LABELS,
  EXPERT_GRADE_LABELS,
  EXPERT_KIND_LABELS,
  INDUSTRY_LABELS,
  MATCH_KIND_LABELS,
  PRESS_CHANNEL_LABELS,
  REPORT_KIND_LABELS,
  SRDI_LABELS,
} from '../../../shared/labels';
import type {
  EvidenceDto,
  MatchKind,
  RecordDto,
  RecordInput,
  RecordKind,
  RecordListItem,
} from '../../../shared/schemas/ledger-records';
import type { Ctx } from '../../context';
import { encryptPii, piiKey } from '../../crypto/pii';
import type { Database, Tx } from '../../db/database';
import { lockStation } from '../../db/locks';
import type { DB } from '../../db/schema';
import type { SheetColumn } from '../../http/excel';
import { touchStationsListing } from './ledger-version';

// Each kind of ledger record as data (Convention 9): its table, columns, DTO and export columns. One service
// (records.service.ts) does scope, concurrency and audit for all of them.

/** The table that holds each kind of record. */
export interface KindTables {
  enterprises: 'station_enterprises';
  contacts: 'contacts';
  demands: 'demands';
  experts: 'experts';
  events: 'events';
  'press-releases': 'press_releases';
  cooperations: 'cooperations';
  outcomes: 'outcomes';
  achievements: 'achievements';
  reports: 'reports';
}
export type RecordTable = KindTables[RecordKind];

/** The enterprise register's columns a kind with `join` lists alongside its own (and a station enterprise's contacts). */
export interface JoinedColumns {
  e_name?: string | null;
  e_uscc?: string;
  e_district_code?: string;
  e_has_association?: number;
  e_srdi?: string;
  e_industry?: string | null;
  contact_count?: number | string | bigint;
}

/** A stored record of kind K as the generic service reads it: its table's row and the joined columns. */
export type RecordRow<K extends RecordKind = RecordKind> = Selectable<DB[KindTables[K]]> & RecordStamps & JoinedColumns;

/** What every record table has; stated again so that it stays known while the kind is a type parameter. */
export interface RecordStamps {
  id: string;
  station_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** What a kind writes of its row; the service adds the id, the station and the stamps. */
export type RecordColumns<K extends RecordKind> = Omit<
  Insertable<DB[KindTables[K]]>,
  'id' | 'station_id' | 'created_at' | 'updated_at' | 'version'
>;

export interface KindContext<K extends RecordKind = RecordKind> {
  ctx: Ctx;
  tx: Tx;
  stationId: string;
  recordId: string;
  /** the stored row when updating */
  before: RecordRow<K> | null;
}

/** `X`: what `loadExtras` loads per record for `toDto` (an event's experts and evidence). */
export interface RecordKindDef<K extends RecordKind = RecordKind, X = unknown> {
  kind: K;
  table: KindTables[K];
  /** audit entity name */
  entity: AuditEntity;
  label: string;
  /** column that dates the record (filters, ordering); null when undated */
  dateColumn: string | null;
  searchColumns: string[];
  /** columns of the row from the validated input (without id, station_id and stamps) */
  toRow(input: RecordInput<K>, k: KindContext<K>): Promise<RecordColumns<K>> | RecordColumns<K>;
  /** relations written after the row (event experts, registry) */
  afterWrite?(input: RecordInput<K>, k: KindContext<K>): Promise<void>;
  /** refuses a delete or removes dependent rows */
  beforeDelete?(k: KindContext<K>): Promise<void>;
  /** extra selected columns (joins) for lists */
  join?: 'enterprise_by_uscc' | 'enterprise_by_id';
  toDto(row: RecordRow<K>, extras: Map<string, X>): RecordDto<K>;
  /** the record as its list carries it (a report's excerpt instead of its text) */
  toListItem(dto: RecordDto<K>): RecordListItem<K>;
  /** extra per-record data loaded for a page of rows */
  loadExtras?(db: Database | Tx, ids: string[]): Promise<Map<string, X>>;
  describe(row: RecordRow<K>): string;
  exportColumns: SheetColumn<Record<string, unknown>>[];
}

/** A DTO as the export columns read it, field by field. */
type Row = Record<string, unknown>;

const b = (v: unknown) => Number(v) === 1;
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const yes = (v: unknown) => (v ? '是' : '否');
// A loose row's columns are `unknown` to the compiler; these read them as db/schema.ts declares them.
const str = (v: unknown) => String(v);
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** A code column (mode, status, kind …) holds one of its domain list: the record schemas and the import admit no other. */
const code = <T extends string>(v: unknown) => v as T;
const codeOrNull = <T extends string>(v: unknown) => (v === null || v === undefined ? null : code<T>(v));
const stamp = (r: RecordRow) => ({ id: str(r.id), version: Number(r.version), updatedAt: str(r.updated_at) });
/** Most kinds list the whole record. */
const whole = <T>(dto: T) => dto;

/** `3 条联系走访、1 条企业需求` of the counts that are not zero; null when nothing refers to the record. */
function usedBy(parts: Array<[number | undefined, string]>): string | null {
  const named = parts.filter(([n]) => (n ?? 0) > 0).map(([n, what]) => `${n} ${what}`);
  return named.length ? named.join('、') : null;
}

/** Counts by key (`key` → n) of a grouped query's rows. */
const countsOf = (rows: Array<{ k: string | null; n: number | string | bigint }>) =>
  new Map(rows.map((r) => [String(r.k), Number(r.n)]));

/**
 * Why each expert cannot be deleted: an event that lists them present (第七条 counts their 人次) or an expense that
 * paid them (the expense ledger keeps its payee, 第十六条) would lose what it refers to. Null when nothing names them.
 */
async function expertDeleteBlockers(db: Database | Tx, ids: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (!ids.length) return out;
  const events = countsOf(
    await db
      .selectFrom('event_experts')
      .select((eb) => ['expert_id as k', eb.fn.countAll<number>().as('n')])
      .where('expert_id', 'in', ids)
      .groupBy('expert_id')
      .execute(),
  );
  const expenses = countsOf(
    await db
      .selectFrom('expenses')
      .select((eb) => ['payee_expert_id as k', eb.fn.countAll<number>().as('n')])
      .where('payee_expert_id', 'in', ids)
      .groupBy('payee_expert_id')
      .execute(),
  );
  for (const id of ids) {
    const uses = usedBy([
      [events.get(id), '场活动的到场专家'],
      [expenses.get(id), '笔支出的收款人'],
    ]);
    out.set(id, uses && `该专家已登记为 ${uses}，不能删除：请先从这些活动、支出中移除`);
  }
  return out;
}

/**
 * Why each of a station's enterprises cannot leave its 服务企业名录: the station's contacts, demands, events and
 * outcomes that name it count towards 第七条 only while it is listed, so removing it would silently drop them.
 */
async function enterpriseDeleteBlockers(db: Database | Tx, ids: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (!ids.length) return out;
  const listed = await db
    .selectFrom('station_enterprises as se')
    .innerJoin('enterprises as e', 'e.id', 'se.enterprise_id')
    .select(['se.id', 'se.station_id', 'e.uscc'])
    .where('se.id', 'in', ids)
    .execute();
  for (const stationId of new Set(listed.map((r) => r.station_id))) {
    const rows = listed.filter((r) => r.station_id === stationId);
    const usccs = rows.map((r) => r.uscc);
    const byUscc = (table: 'contacts' | 'demands' | 'outcomes') =>
      db
        .selectFrom(table)
        .select((eb) => ['uscc as k', eb.fn.countAll<number>().as('n')])
        .where('station_id', '=', stationId)
        .where('uscc', 'in', usccs)
        .groupBy('uscc')
        .execute()
        .then(countsOf);
    const contacts = await byUscc('contacts');
    const demands = await byUscc('demands');
    const outcomes = await byUscc('outcomes');
    const events = countsOf(
      await db
        .selectFrom('event_enterprises as ee')
        .innerJoin('events as ev', 'ev.id', 'ee.event_id')
        .select((eb) => ['ee.uscc as k', eb.fn.countAll<number>().as('n')])
        .where('ev.station_id', '=', stationId)
        .where('ee.uscc', 'in', usccs)
        .groupBy('ee.uscc')
        .execute(),
    );
    for (const r of rows) {
      const uses = usedBy([
        [contacts.get(r.uscc), '条联系走访'],
        [demands.get(r.uscc), '条企业需求'],
        [events.get(r.uscc), '场活动'],
        [outcomes.get(r.uscc), '项落地成果'],
      ]);
      out.set(r.id, uses && `本站点已有该企业的 ${uses}记录，不能从服务企业名录中删除：请先删除或修改这些记录`);
    }
  }
  return out;
}

/** Refuses a delete that `blockers` names a reason for (the same sentence the list shows beside 删除). */
async function refuseDeleteWhenUsed(
  k: KindContext,
  blockers: (db: Database | Tx, ids: string[]) => Promise<Map<string, string | null>>,
): Promise<void> {
  const why = (await blockers(k.tx, [k.recordId])).get(k.recordId);
  if (why) throw invalid([], why);
}

async function upsertEnterprise(input: RecordInput<'enterprises'>, k: KindContext<'enterprises'>): Promise<string> {
  const now = k.ctx.clock.now().toISOString();
  const existing = await k.tx.selectFrom('enterprises').selectAll().where('uscc', '=', input.uscc).executeTakeFirst();
  const next = {
    name: input.name,
    district_code: input.districtCode,
    has_association: input.hasAssociation ? 1 : 0,
    srdi: input.srdi,
    // Shared by every station that lists the enterprise: a form that leaves 行业 out keeps it (issue #15).
    industry: input.industry === undefined ? (existing?.industry ?? null) : input.industry,
  };
  if (!existing) {
    const id = uuidv7();
    await k.tx
      .insertInto('enterprises')
      .values({ id, uscc: input.uscc, ...next, created_at: now, updated_at: now, version: 1 })
      .execute();
    return id;
  }
  const changed = (Object.keys(next) as Array<keyof typeof next>).some((c) => existing[c] !== next[c]);
  if (changed) {
    // The registry is shared by all stations: keep what the flags were before this change (issue #3).
    await k.tx
      .insertInto('enterprise_history')
      .values({
        id: uuidv7(),
        enterprise_id: existing.id,
        changed_at: now,
        actor_name: k.ctx.actor?.username ?? null,
        name: existing.name,
        district_code: existing.district_code,
        has_association: existing.has_association,
        srdi: existing.srdi,
      })
      .execute();
    await k.tx
      .updateTable('enterprises')
      .set({ ...next, updated_at: now, version: Number(existing.version) + 1 })
      .where('id', '=', existing.id)
      .execute();
    await touchStationsListing(k.tx, [existing.id]);
  }
  return existing.id;
}

const enterprises: RecordKindDef<'enterprises', string | null> = {
  kind: 'enterprises',
  table: 'station_enterprises',
  entity: 'station_enterprise',
  label: '服务企业',
  dateColumn: null,
  searchColumns: ['e.name', 'e.uscc'],
  join: 'enterprise_by_id',
  async toRow(input, k) {
    const enterpriseId = await upsertEnterprise(input, k);
    const dup = await k.tx
      .selectFrom('station_enterprises')
      .select('id')
      .where('station_id', '=', k.stationId)
      .where('enterprise_id', '=', enterpriseId)
      .where('id', '!=', k.recordId)
      .executeTakeFirst();
    if (dup) throw invalid([{ path: 'uscc', message: '该企业已在本站点的服务企业名录中' }]);
    return { enterprise_id: enterpriseId, key_served: input.keyServed ? 1 : 0 };
  },
  beforeDelete: (k) => refuseDeleteWhenUsed(k, enterpriseDeleteBlockers),
  loadExtras: enterpriseDeleteBlockers,
  toDto: (r, blockers) => ({
    ...stamp(r),
    enterpriseId: str(r.enterprise_id),
    uscc: str(r.e_uscc),
    name: str(r.e_name),
    districtCode: str(r.e_district_code),
    hasAssociation: b(r.e_has_association),
    srdi: code<SrdiLevel>(r.e_srdi),
    keyServed: b(r.key_served),
    industry: codeOrNull<Industry>(r.e_industry),
    contactCount: Number(r.contact_count ?? 0),
    deleteBlockedBy: blockers.get(str(r.id)) ?? null,
  }),
  toListItem: whole,
  describe: (r) => `服务企业 ${s(r.e_name ?? r.enterprise_id)}`,
  exportColumns: [
    { header: '统一社会信用代码', width: 22, value: (d) => s(d.uscc) },
    { header: '企业名称', width: 32, value: (d) => s(d.name) },
    { header: '注册区代码', width: 10, value: (d) => s(d.districtCode) },
    { header: '企业科协', width: 10, value: (d) => yes(d.hasAssociation) },
    { header: '专精特新', width: 20, value: (d) => SRDI_LABELS[s(d.srdi)] ?? s(d.srdi) },
    { header: '重点服务企业', width: 12, value: (d) => yes(d.keyServed) },
    { header: '联系次数', width: 10, value: (d) => Number(d.contactCount) },
  ],
};

const contacts: RecordKindDef<'contacts'> = {
  kind: 'contacts',
  table: 'contacts',
  entity: 'contact',
  label: '联系走访',
  dateColumn: 'date',
  searchColumns: ['r.uscc', 'r.note', 'e.name'],
  join: 'enterprise_by_uscc',
  toRow: (i) => ({ uscc: i.uscc, date: i.date, mode: i.mode, people: i.people ?? null, note: i.note ?? null }),
  toDto: (r) => ({
    ...stamp(r),
    uscc: str(r.uscc),
    enterpriseName: strOrNull(r.e_name),
    date: str(r.date),
    mode: code<ContactMode>(r.mode),
    people: strOrNull(r.people),
    note: strOrNull(r.note),
  }),
  toListItem: whole,
  describe: (r) => `联系企业 ${s(r.uscc)}（${s(r.date)}）`,
  exportColumns: [
    { header: '联系日期', width: 12, value: (d) => s(d.date) },
    { header: '统一社会信用代码', width: 22, value: (d) => s(d.uscc) },
    { header: '企业名称', width: 30, value: (d) => s(d.enterpriseName) },
    { header: '联系方式', width: 10, value: (d) => CONTACT_MODE_LABELS[s(d.mode)] ?? s(d.mode) },
    { header: '参与人员', width: 20, value: (d) => s(d.people) },
    { header: '备注', width: 40, value: (d) => s(d.note) },
  ],
};

/**
 * A ledger-facing id (D1, E1, A1) for records made in the app: short, unique in the station. Numbered like expenses,
 * under the station's lock (PostgreSQL; SQLite serialises writers anyway): without it two creates at once read the
 * same count and the second failed on the unique index with a spurious 409.
 */
async function nextRef(
  k: KindContext<'demands' | 'experts' | 'events'>,
  table: 'demands' | 'experts' | 'events',
  prefix: string,
): Promise<string> {
  if (k.before) return k.before.ref;
  await lockStation(k.ctx, k.tx, k.stationId);
  const r = await k.tx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', '=', k.stationId)
    .executeTakeFirstOrThrow();
  let n = Number(r.n) + 1;
  for (;;) {
    const ref = `${prefix}${n}`;
    const taken = await k.tx
      .selectFrom(table)
      .select('id')
      .where('station_id', '=', k.stationId)
      .where('ref', '=', ref)
      .executeTakeFirst();
    if (!taken) return ref;
    n += 1;
  }
}

/**
 * An accepted suggestion (issue #15) names its target by id. An edit that keeps the demand matched with the same kind
 * and 匹配对象 keeps that link; one that changes them, or takes the demand back to 已征集, drops it, since the text
 * no longer names that record.
 */
function acceptedMatchKept(
  i: RecordInput<'demands'>,
  before: RecordRow<'demands'> | null | undefined,
): { match_target_id: string | null; match_station_id: string | null } {
  const keep =
    before?.match_target_id &&
    i.status !== 'collected' &&
    before.matched_kind === (i.matchedKind ?? null) &&
    before.matched_to === (i.matchedTo ?? null);
  return keep
    ? { match_target_id: before.match_target_id, match_station_id: before.match_station_id }
    : { match_target_id: null, match_station_id: null };
}

const demands: RecordKindDef<'demands'> = {
  kind: 'demands',
  table: 'demands',
  entity: 'demand',
  label: '企业需求',
  dateColumn: 'collected_on',
  searchColumns: ['r.title', 'r.uscc', 'e.name'],
  join: 'enterprise_by_uscc',
  toRow: async (i, k) => ({
    ref: await nextRef(k, 'demands', 'D'),
    uscc: i.uscc,
    title: i.title,
    collected_on: i.collectedOn,
    status: i.status,
    matched_kind: i.matchedKind ?? null,
    matched_to: i.matchedTo ?? null,
    matched_on: i.matchedOn ?? null,
    docked_on: i.dockedOn ?? null,
    resolved_on: i.resolvedOn ?? null,
    closed_on: i.closedOn ?? null,
    note: i.note ?? null,
    description: i.description ?? null,
    industry: i.industry ?? null,
    ...acceptedMatchKept(i, k.before),
  }),
  toDto: (r) => ({
    ...stamp(r),
    ref: str(r.ref),
    uscc: str(r.uscc),
    enterpriseName: strOrNull(r.e_name),
    title: str(r.title),
    collectedOn: str(r.collected_on),
    status: code<DemandStatus>(r.status),
    matchedKind: codeOrNull<MatchKind>(r.matched_kind),
    matchedTo: strOrNull(r.matched_to),
    matchedOn: strOrNull(r.matched_on),
    dockedOn: strOrNull(r.docked_on),
    resolvedOn: strOrNull(r.resolved_on),
    closedOn: strOrNull(r.closed_on),
    note: strOrNull(r.note),
    description: strOrNull(r.description),
    industry: codeOrNull<Industry>(r.industry),
    matchTargetId: strOrNull(r.match_target_id),
    matchStationId: strOrNull(r.match_station_id),
  }),
  toListItem: whole,
  describe: (r) => `企业需求“${s(r.title)}”`,
  exportColumns: [
    { header: '编号', width: 8, value: (d) => s(d.ref) },
    { header: '需求名称', width: 30, value: (d) => s(d.title) },
    { header: '统一社会信用代码', width: 22, value: (d) => s(d.uscc) },
    { header: '企业名称', width: 28, value: (d) => s(d.enterpriseName) },
    { header: '征集日期', width: 12, value: (d) => s(d.collectedOn) },
    { header: '状态', width: 10, value: (d) => DEMAND_STATUS_LABELS[s(d.status)] ?? s(d.status) },
    { header: '匹配对象类型', width: 10, value: (d) => MATCH_KIND_LABELS[s(d.matchedKind)] ?? '' },
    { header: '匹配对象', width: 20, value: (d) => s(d.matchedTo) },
    { header: '匹配日期', width: 12, value: (d) => s(d.matchedOn) },
    { header: '对接日期', width: 12, value: (d) => s(d.dockedOn) },
    { header: '解决日期', width: 12, value: (d) => s(d.resolvedOn) },
    { header: '关闭日期', width: 12, value: (d) => s(d.closedOn) },
    { header: '行业', width: 16, value: (d) => INDUSTRY_LABELS[s(d.industry)] ?? '' },
    { header: '需求描述', width: 50, value: (d) => s(d.description) },
  ],
};

const experts: RecordKindDef<'experts', string | null> = {
  kind: 'experts',
  table: 'experts',
  entity: 'expert',
  label: '专家与产业特派员',
  dateColumn: null,
  searchColumns: ['r.name', 'r.employer'],
  toRow: async (i, k) => {
    const key = piiKey(k.ctx.env);
    // A secret left empty keeps the stored one: the form never receives it back.
    const secret = (v: string | null | undefined, stored: { enc: string | null; masked: string | null } | undefined) =>
      v
        ? { enc: encryptPii(v.toUpperCase(), key), masked: maskSecret(v) }
        : { enc: stored?.enc ?? null, masked: stored?.masked ?? null };
    const before = k.before;
    const idCard = secret(i.idCard, before ? { enc: before.id_card_enc, masked: before.id_card_masked } : undefined);
    const bank = secret(
      i.bankAccount,
      before ? { enc: before.bank_account_enc, masked: before.bank_account_masked } : undefined,
    );
    return {
      ref: await nextRef(k, 'experts', 'E'),
      name: i.name,
      kind: i.kind,
      employer: i.employer ?? null,
      title: i.title ?? null,
      grade: i.grade ?? null,
      phone: i.phone || null,
      host_staff: i.hostStaff ? 1 : 0,
      fiscally_supported: i.fiscallySupported ? 1 : 0,
      id_card_enc: idCard.enc,
      id_card_masked: idCard.masked,
      bank_account_enc: bank.enc,
      bank_account_masked: bank.masked,
      bank_name: i.bankName ?? null,
      expertise: i.expertise ?? null,
      industry: i.industry ?? null,
    };
  },
  beforeDelete: (k) => refuseDeleteWhenUsed(k, expertDeleteBlockers),
  loadExtras: expertDeleteBlockers,
  toDto: (r, blockers) => ({
    ...stamp(r),
    ref: str(r.ref),
    name: str(r.name),
    kind: code<ExpertKind>(r.kind),
    employer: strOrNull(r.employer),
    title: strOrNull(r.title),
    grade: codeOrNull<ExpertGrade>(r.grade),
    phone: strOrNull(r.phone),
    hostStaff: b(r.host_staff),
    fiscallySupported: b(r.fiscally_supported),
    idCardMasked: strOrNull(r.id_card_masked),
    bankAccountMasked: strOrNull(r.bank_account_masked),
    bankName: strOrNull(r.bank_name),
    expertise: strOrNull(r.expertise),
    industry: codeOrNull<Industry>(r.industry),
    deleteBlockedBy: blockers.get(str(r.id)) ?? null,
  }),
  toListItem: whole,
  describe: (r) => `${EXPERT_KIND_LABELS[s(r.kind)] ?? '专家'} ${s(r.name)}`,
  exportColumns: [
    { header: '编号', width: 8, value: (d) => s(d.ref) },
    { header: '姓名', width: 10, value: (d) => s(d.name) },
    { header: '类别', width: 12, value: (d) => EXPERT_KIND_LABELS[s(d.kind)] ?? s(d.kind) },
    { header: '工作单位', width: 28, value: (d) => s(d.employer) },
    { header: '职称', width: 14, value: (d) => s(d.title) },
    { header: '职称等级', width: 18, value: (d) => EXPERT_GRADE_LABELS[s(d.grade)] ?? '' },
    // Masked like the ID number (PIPL, decision 018): a file leaves the system; the page shows the number to those in
    // scope. The ledger exchange file keeps it whole, or a round trip would lose it (docs/ledger-format.md).
    { header: '电话（脱敏）', width: 14, value: (d) => (d.phone ? maskPhone(s(d.phone)) : '') },
    { header: '依托单位工作人员', width: 10, value: (d) => yes(d.hostStaff) },
    { header: '财政供养人员', width: 10, value: (d) => yes(d.fiscallySupported) },
    // Masked in every export (PIPL): the full number is shown only through an audited reveal.
    { header: '身份证号（脱敏）', width: 22, value: (d) => s(d.idCardMasked) },
    { header: '银行账号（脱敏）', width: 24, value: (d) => s(d.bankAccountMasked) },
    { header: '开户行', width: 20, value: (d) => s(d.bankName) },
  ],
};

/** What an event's row alone does not hold: the experts present, the enterprises, the evidence. */
interface EventExtras {
  experts: Array<{ id: string; name: string }>;
  enterprises: string[];
  evidence: EvidenceDto[];
}
const noExtras = (): EventExtras => ({ experts: [], enterprises: [], evidence: [] });

const events: RecordKindDef<'events', EventExtras> = {
  kind: 'events',
  table: 'events',
  entity: 'event',
  label: '活动',
  dateColumn: 'date',
  searchColumns: ['r.title', 'r.place'],
  toRow: async (i, k) => ({
    ref: await nextRef(k, 'events', 'A'),
    kind: i.kind,
    title: i.title,
    date: i.date,
    place: i.place ?? null,
  }),
  async afterWrite(i, k) {
    const ids = [...new Set(i.expertIds)];
    if (ids.length) {
      const found = await k.tx
        .selectFrom('experts')
        .select('id')
        .where('station_id', '=', k.stationId)
        .where('id', 'in', ids)
        .execute();
      if (found.length !== ids.length) {
        throw invalid([{ path: 'expertIds', message: '到场专家须是本站点已登记的专家' }]);
      }
    }
    await k.tx.deleteFrom('event_experts').where('event_id', '=', k.recordId).execute();
    for (const expertId of ids) {
      await k.tx.insertInto('event_experts').values({ event_id: k.recordId, expert_id: expertId }).execute();
    }
    await k.tx.deleteFrom('event_enterprises').where('event_id', '=', k.recordId).execute();
    for (const uscc of new Set(i.enterpriseUsccs)) {
      await k.tx.insertInto('event_enterprises').values({ event_id: k.recordId, uscc }).execute();
    }
  },
  async beforeDelete(k) {
    await k.tx.deleteFrom('event_experts').where('event_id', '=', k.recordId).execute();
    await k.tx.deleteFrom('event_enterprises').where('event_id', '=', k.recordId).execute();
    await k.tx.deleteFrom('event_evidence').where('event_id', '=', k.recordId).execute();
  },
  async loadExtras(db, ids) {
    const out = new Map<string, EventExtras>();
    if (!ids.length) return out;
    for (const id of ids) out.set(id, noExtras());
    const ex = await db
      .selectFrom('event_experts as ee')
      .innerJoin('experts as x', 'x.id', 'ee.expert_id')
      .select(['ee.event_id', 'x.id', 'x.name'])
      .where('ee.event_id', 'in', ids)
      .execute();
    for (const r of ex) out.get(str(r.event_id))!.experts.push({ id: str(r.id), name: str(r.name) });
    const en = await db.selectFrom('event_enterprises').selectAll().where('event_id', 'in', ids).execute();
    for (const r of en) out.get(str(r.event_id))!.enterprises.push(str(r.uscc));
    const ev = await db
      .selectFrom('event_evidence as v')
      .leftJoin('attachments as a', 'a.id', 'v.attachment_id')
      .select(['v.id', 'v.event_id', 'v.kind', 'v.attachment_id', 'a.file_name', 'a.mime', 'a.size'])
      .where('v.event_id', 'in', ids)
      .orderBy('v.id')
      .execute();
    for (const r of ev) {
      out.get(str(r.event_id))!.evidence.push({
        id: str(r.id),
        kind: code<EvidenceKind>(r.kind),
        attachmentId: strOrNull(r.attachment_id),
        fileName: strOrNull(r.file_name),
        mime: strOrNull(r.mime),
        size: r.size === null || r.size === undefined ? null : Number(r.size),
      });
    }
    return out;
  },
  toDto: (r, extras) => {
    const x = extras.get(str(r.id)) ?? noExtras();
    return {
      ...stamp(r),
      ref: str(r.ref),
      kind: code<EventKind>(r.kind),
      title: str(r.title),
      date: str(r.date),
      place: strOrNull(r.place),
      experts: x.experts,
      expertIds: x.experts.map((e) => e.id),
      enterpriseUsccs: x.enterprises,
      evidence: x.evidence,
    };
  },
  toListItem: whole,
  describe: (r) => `活动“${s(r.title)}”（${s(r.date)}）`,
  exportColumns: [
    { header: '编号', width: 8, value: (d) => s(d.ref) },
    { header: '活动类型', width: 12, value: (d) => EVENT_KIND_LABELS[s(d.kind)] ?? s(d.kind) },
    { header: '活动名称', width: 30, value: (d) => s(d.title) },
    { header: '日期', width: 12, value: (d) => s(d.date) },
    { header: '地点', width: 20, value: (d) => s(d.place) },
    { header: '到场专家', width: 30, value: (d) => (d.experts as Row[]).map((e) => e.name).join('、') },
    { header: '到场专家人数', width: 10, value: (d) => (d.experts as Row[]).length },
    { header: '参与企业数', width: 10, value: (d) => (d.enterpriseUsccs as string[]).length },
    {
      header: '佐证材料',
      width: 24,
      value: (d) => [...new Set((d.evidence as Row[]).map((e) => s(e.kind)))].join('、'),
    },
  ],
};

const pressReleases: RecordKindDef<'press-releases'> = {
  kind: 'press-releases',
  table: 'press_releases',
  entity: 'press_release',
  label: '新闻宣传',
  dateColumn: 'date',
  searchColumns: ['r.title', 'r.url'],
  toRow: (i) => ({ title: i.title, date: i.date, channel: i.channel, url: i.url ?? null }),
  toDto: (r) => ({
    ...stamp(r),
    title: str(r.title),
    date: str(r.date),
    channel: code<PressChannel>(r.channel),
    url: strOrNull(r.url),
  }),
  toListItem: whole,
  describe: (r) => `新闻稿“${s(r.title)}”`,
  exportColumns: [
    { header: '标题', width: 36, value: (d) => s(d.title) },
    { header: '发布日期', width: 12, value: (d) => s(d.date) },
    { header: '发布渠道', width: 12, value: (d) => PRESS_CHANNEL_LABELS[s(d.channel)] ?? s(d.channel) },
    { header: '链接', width: 40, value: (d) => s(d.url) },
  ],
};

const cooperations: RecordKindDef<'cooperations'> = {
  kind: 'cooperations',
  table: 'cooperations',
  entity: 'cooperation',
  label: '合作',
  dateColumn: 'date',
  searchColumns: ['r.title', 'r.content', 'r.parties_json'],
  toRow: (i) => ({
    title: i.title,
    date: i.date,
    parties_json: JSON.stringify(i.parties),
    content: i.content,
    has_content: hasContent(i.content) ? 1 : 0,
  }),
  toDto: (r) => ({
    ...stamp(r),
    title: str(r.title),
    date: str(r.date),
    parties: JSON.parse(s(r.parties_json) || '[]'),
    content: str(r.content),
    hasContent: b(r.has_content),
  }),
  toListItem: whole,
  describe: (r) => `合作“${s(r.title)}”`,
  exportColumns: [
    { header: '合作名称', width: 30, value: (d) => s(d.title) },
    { header: '日期', width: 12, value: (d) => s(d.date) },
    { header: '合作方', width: 30, value: (d) => (d.parties as string[]).join('、') },
    { header: '合作内容', width: 50, value: (d) => s(d.content) },
  ],
};

const outcomes: RecordKindDef<'outcomes'> = {
  kind: 'outcomes',
  table: 'outcomes',
  entity: 'outcome',
  label: '落地成果',
  dateColumn: 'date',
  searchColumns: ['r.title', 'r.uscc'],
  toRow: (i) => ({ title: i.title, date: i.date, uscc: i.uscc ?? null, golden_bridge: i.goldenBridge ? 1 : 0 }),
  toDto: (r) => ({
    ...stamp(r),
    title: str(r.title),
    date: str(r.date),
    uscc: strOrNull(r.uscc),
    goldenBridge: b(r.golden_bridge),
  }),
  toListItem: whole,
  describe: (r) => `落地成果“${s(r.title)}”`,
  exportColumns: [
    { header: '成果名称', width: 36, value: (d) => s(d.title) },
    { header: '落地日期', width: 12, value: (d) => s(d.date) },
    { header: '企业统一社会信用代码', width: 22, value: (d) => s(d.uscc) },
    { header: '金桥工程候选', width: 12, value: (d) => yes(d.goldenBridge) },
  ],
};

const achievements: RecordKindDef<'achievements'> = {
  kind: 'achievements',
  table: 'achievements',
  entity: 'achievement',
  label: '高校创新成果',
  dateColumn: 'collected_on',
  searchColumns: ['r.title', 'r.university'],
  toRow: (i) => ({
    title: i.title,
    university: i.university,
    collected_on: i.collectedOn,
    promoted: i.promoted ? 1 : 0,
    summary: i.summary ?? null,
    industry: i.industry ?? null,
  }),
  toDto: (r) => ({
    ...stamp(r),
    title: str(r.title),
    university: str(r.university),
    collectedOn: str(r.collected_on),
    promoted: b(r.promoted),
    summary: strOrNull(r.summary),
    industry: codeOrNull<Industry>(r.industry),
  }),
  toListItem: whole,
  describe: (r) => `高校创新成果“${s(r.title)}”`,
  exportColumns: [
    { header: '成果名称', width: 36, value: (d) => s(d.title) },
    { header: '高校', width: 20, value: (d) => s(d.university) },
    { header: '征集日期', width: 12, value: (d) => s(d.collectedOn) },
    { header: '已推广', width: 10, value: (d) => yes(d.promoted) },
    { header: '行业', width: 16, value: (d) => INDUSTRY_LABELS[s(d.industry)] ?? '' },
    { header: '成果简介', width: 50, value: (d) => s(d.summary) },
  ],
};

const reports: RecordKindDef<'reports'> = {
  kind: 'reports',
  table: 'reports',
  entity: 'report',
  label: '报告',
  dateColumn: 'submitted_on',
  searchColumns: ['r.title'],
  toRow: (i, k) => ({
    kind: i.kind,
    title: i.title,
    submitted_on: i.submittedOn ?? null,
    text: i.text,
    // 字数 as docs/ledger-format.md defines it, stored so that the KPI SQL takes max() without re-counting.
    word_count: wordCount(i.text),
    attachment_id: k.before?.attachment_id ?? null,
  }),
  toDto: (r) => ({
    ...stamp(r),
    kind: code<ReportKind>(r.kind),
    title: str(r.title),
    submittedOn: strOrNull(r.submitted_on),
    text: str(r.text),
    wordCount: Number(r.word_count),
    attachmentId: strOrNull(r.attachment_id),
  }),
  // A report may run to 200,000 characters: lists carry an excerpt, the full text comes with the single record.
  toListItem: ({ text, ...r }) => ({ ...r, excerpt: text.slice(0, 120) }),
  describe: (r) => `${REPORT_KIND_LABELS[s(r.kind)] ?? '报告'}“${s(r.title)}”`,
  exportColumns: [
    { header: '报告类型', width: 20, value: (d) => REPORT_KIND_LABELS[s(d.kind)] ?? s(d.kind) },
    { header: '标题', width: 36, value: (d) => s(d.title) },
    { header: '提交日期', width: 12, value: (d) => s(d.submittedOn) },
    { header: '字数', width: 10, value: (d) => Number(d.wordCount) },
  ],
};

export const RECORD_KIND_DEFS: { [K in RecordKind]: RecordKindDef<K> } = {
  enterprises,
  contacts,
  demands,
  experts,
  events,
  'press-releases': pressReleases,
  cooperations,
  outcomes,
  achievements,
  reports,
};
