import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import {
  applyListFlag,
  type ListPlan,
  nameKey,
  OFFICIAL_LIST_KIND_LABELS,
  OFFICIAL_LIST_OUTCOME_LABELS,
  OFFICIAL_LIST_RULES,
  type OfficialListKind,
  type PlannedEntry,
  planOfficialList,
  problemText,
  type RawListRow,
  type RegistryEnterprise,
  registryFingerprint,
} from '../../../domain/official-lists/official-lists';
import { isValidUscc, normalizeUscc } from '../../../domain/uscc';
import { conflict, invalid, notFound } from '../../../shared/errors';
import type {
  OfficialListChangeDto,
  OfficialListDto,
  OfficialListEntriesDto,
  OfficialListImportReportDto,
} from '../../../shared/schemas/official-lists';
import { writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../core/paging';
import type { Database, Tx } from '../../db/database';
import type { EnterpriseTable, OfficialListTable } from '../../db/schema';
import { touchStationsListing } from '../ledger/ledger-version';
import { officialListTemplate, readOfficialListWorkbook } from './official-lists.excel';
import { stationImpacts } from './official-lists.impact';

// 官方名单 (issue 15 §4, 第七条). An import is previewed first (dryRun): every bad row, every enterprise whose flag
// changes (before → after) and every station whose KPIs move. The preview answers a token — a digest of the rows,
// the kind and the registry rows of the file's codes — and the import is refused (409) unless the registry still
// reads the same, so what is written is what was shown. The import writes the list, its entries, the flags, one
// history row per changed enterprise naming the list, and the audit row, in one transaction.

const CHUNK = 500;
/** The preview's lists of rows are cut here (the counts stay whole): a list of 8 000 enterprises is still one page. */
const PREVIEW_LIMIT = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export async function officialListTemplateFile(ctx: Ctx): Promise<Buffer> {
  return officialListTemplate({ maxMb: ctx.env.UPLOAD_MAX_MB });
}

// ----------------------------------------------------------------------------------------------------------------
// Reading.

type ListRow = OfficialListTable & { entries: unknown; changed: unknown; unregistered: unknown };

function listDto(r: ListRow): OfficialListDto {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: OFFICIAL_LIST_KIND_LABELS[r.kind],
    name: r.name,
    effectiveOn: r.effective_on,
    fileName: r.file_name,
    importedAt: r.created_at,
    importedBy: r.actor_name,
    entries: Number(r.entries ?? 0),
    changed: Number(r.changed ?? 0),
    unregistered: Number(r.unregistered ?? 0),
  };
}

function listsQuery(db: Database) {
  const countOf = (status: string | null) =>
    sql<number>`(select count(*) from official_list_entries e where e.list_id = l.id${
      status ? sql` and e.status = ${status}` : sql``
    })`;
  return db
    .selectFrom('official_lists as l')
    .selectAll('l')
    .select([
      countOf(null).as('entries'),
      countOf('changed').as('changed'),
      countOf('unregistered').as('unregistered'),
    ]);
}

export async function listOfficialLists(
  ctx: Ctx,
  f: { kind?: OfficialListKind; q?: string; page: number; pageSize: number },
): Promise<Page<OfficialListDto>> {
  let qb = listsQuery(ctx.db);
  if (f.kind) qb = qb.where('l.kind', '=', f.kind);
  if (f.q) qb = qb.where((eb) => eb.or([containsCi('l.name', f.q!), containsCi('l.file_name', f.q!)]));
  return paginate(qb, {
    page: f.page,
    pageSize: f.pageSize,
    orderBy: (q) => q.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc'),
    map: (r) => listDto(r as ListRow),
  });
}

const flagsOf = (srdi: string | null, assoc: number | null) =>
  srdi === null || assoc === null
    ? null
    : { srdi: srdi as EnterpriseTable['srdi'], hasAssociation: Number(assoc) === 1 };

/**
 * Entries of the lists: one list's (`listId`, in file order, with the list itself), or every list's naming an
 * enterprise (`uscc`: where its flag came from), newest list first. The registry's name is today's, by the code.
 */
export async function listOfficialListEntries(
  ctx: Ctx,
  f: { listId?: string; uscc?: string; status?: PlannedEntry['outcome']; q?: string; page: number; pageSize: number },
): Promise<OfficialListEntriesDto> {
  let list: OfficialListDto | null = null;
  if (f.listId) {
    const row = await listsQuery(ctx.db).where('l.id', '=', f.listId).executeTakeFirst();
    if (!row) throw notFound('官方名单');
    list = listDto(row as ListRow);
  }
  let qb = ctx.db
    .selectFrom('official_list_entries as e')
    .innerJoin('official_lists as l', 'l.id', 'e.list_id')
    .leftJoin('enterprises as en', 'en.uscc', 'e.uscc')
    .selectAll('e')
    .select([
      'l.name as list_name',
      'l.kind as list_kind',
      'l.effective_on as list_effective_on',
      'en.name as en_name',
    ]);
  if (f.listId) qb = qb.where('e.list_id', '=', f.listId);
  if (f.uscc) qb = qb.where('e.uscc', '=', normalizeUscc(f.uscc));
  if (f.status) qb = qb.where('e.status', '=', f.status);
  if (f.q) qb = qb.where((eb) => eb.or([containsCi('e.name', f.q!), containsCi('e.uscc', f.q!)]));
  const page = await paginate(qb, {
    page: f.page,
    pageSize: f.pageSize,
    orderBy: (q) =>
      f.listId
        ? q.orderBy('e.row_no').orderBy('e.id')
        : q.orderBy('l.effective_on', 'desc').orderBy('l.created_at', 'desc').orderBy('e.row_no').orderBy('e.id'),
    map: (r) => {
      const before = flagsOf(r.srdi, r.has_association);
      return {
        id: r.id,
        listId: r.list_id,
        listName: r.list_name,
        listKind: r.list_kind,
        listKindLabel: OFFICIAL_LIST_KIND_LABELS[r.list_kind],
        listEffectiveOn: r.list_effective_on,
        row: Number(r.row_no),
        uscc: r.uscc,
        name: r.name,
        enterpriseId: r.enterprise_id,
        registryName: r.en_name && nameKey(r.en_name) !== nameKey(r.name) ? r.en_name : null,
        status: r.status,
        statusLabel: OFFICIAL_LIST_OUTCOME_LABELS[r.status],
        before,
        after: before ? applyListFlag(r.list_kind, before).after : null,
      };
    },
  });
  return { ...page, list };
}

// ----------------------------------------------------------------------------------------------------------------
// The import.

export interface OfficialListImportInput {
  kind: OfficialListKind;
  name: string;
  effectiveOn: string;
  fileName: string;
  dryRun: boolean;
  token?: string;
}

interface Analysis {
  plan: ListPlan;
  registry: Map<string, RegistryEnterprise & { districtCode: string }>;
  token: string;
  fileSha: string;
}

async function readRegistry(db: Database | Tx, raw: readonly RawListRow[]): Promise<Analysis['registry']> {
  const codes = [...new Set(raw.map((r) => normalizeUscc(r.cells.uscc ?? '')).filter(isValidUscc))];
  const registry: Analysis['registry'] = new Map();
  for (const part of chunks(codes)) {
    const rows = await db
      .selectFrom('enterprises')
      .select(['id', 'uscc', 'name', 'district_code', 'srdi', 'has_association', 'version'])
      .where('uscc', 'in', part)
      .execute();
    for (const e of rows) {
      registry.set(e.uscc, {
        id: e.id,
        uscc: e.uscc,
        name: e.name,
        districtCode: e.district_code,
        srdi: e.srdi,
        hasAssociation: Number(e.has_association) === 1,
        version: Number(e.version),
      });
    }
  }
  return registry;
}

async function analyse(
  db: Database | Tx,
  { kind, raw, bytes }: { kind: OfficialListKind; raw: readonly RawListRow[]; bytes: Uint8Array },
): Promise<Analysis> {
  const registry = await readRegistry(db, raw);
  const plan = planOfficialList({ kind, rows: raw, registry });
  const fingerprint = registryFingerprint({ codes: plan.entries.map((e) => e.uscc), registry });
  // The rows as read, not the file's bytes: the same list saved again (Excel rewrites its timestamps) is the same list.
  const token = sha256(JSON.stringify([kind, raw, fingerprint]));
  return { plan, registry, fileSha: sha256(bytes), token };
}

const changeDto = (e: PlannedEntry): OfficialListChangeDto => ({
  row: e.row,
  uscc: e.uscc,
  name: e.name,
  enterpriseId: e.enterpriseId,
  registryName: e.registryName,
  status: e.outcome,
  statusLabel: OFFICIAL_LIST_OUTCOME_LABELS[e.outcome],
  before: e.before,
  after: e.after,
  kpiCounted: e.kpiCounted,
});

async function reportOf(
  db: Database | Tx,
  { a, input, listId }: { a: Analysis; input: OfficialListImportInput; listId: string | null },
): Promise<OfficialListImportReportDto> {
  const { plan } = a;
  const by = (o: PlannedEntry['outcome']) => plan.entries.filter((e) => e.outcome === o);
  const changed = by('changed');
  const stations = plan.errors.length
    ? []
    : await stationImpacts(db, {
        kind: input.kind,
        changedIds: changed.map((e) => e.enterpriseId!),
        countedIds: changed.filter((e) => e.kpiCounted).map((e) => e.enterpriseId!),
      });
  const same = await db
    .selectFrom('official_lists')
    .select(['id', 'created_at'])
    .where('kind', '=', input.kind)
    .where('name', '=', input.name)
    .where('effective_on', '=', input.effectiveOn)
    .$if(listId !== null, (q) => q.where('id', '!=', listId!))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const cut = <T>(xs: T[]) => xs.slice(0, PREVIEW_LIMIT);
  return {
    dryRun: listId === null,
    ok: plan.errors.length === 0,
    token: a.token,
    listId,
    kind: input.kind,
    kindLabel: OFFICIAL_LIST_KIND_LABELS[input.kind],
    name: input.name,
    effectiveOn: input.effectiveOn,
    fileName: input.fileName,
    counts: {
      rows: plan.rows,
      entries: plan.entries.length,
      errors: plan.errors.length,
      warnings: plan.warnings.length,
      changed: changed.length,
      unchanged: by('unchanged').length,
      higherKept: by('higher_kept').length,
      unregistered: by('unregistered').length,
      stations: stations.length,
      stationsKpiChanged: stations.filter((s) => s.kpis.length > 0).length,
    },
    limit: PREVIEW_LIMIT,
    errors: cut(plan.errors),
    warnings: cut(plan.warnings),
    changes: cut(changed).map(changeDto),
    unchanged: cut(plan.entries.filter((e) => e.outcome === 'unchanged' || e.outcome === 'higher_kept')).map(changeDto),
    unregistered: cut(by('unregistered')).map(changeDto),
    stations: cut(stations),
    rules: [...OFFICIAL_LIST_RULES],
    sameAs: same ? { id: same.id, importedAt: same.created_at } : null,
  };
}

/** The flag a list sets, and the condition under which it is still unset (the change applies only then). */
function flagUpdate(kind: OfficialListKind) {
  switch (kind) {
    case 'srdi_national':
      return { set: { srdi: 'national' as const }, unset: sql<boolean>`srdi <> 'national'` };
    case 'srdi_municipal':
      return { set: { srdi: 'municipal' as const }, unset: sql<boolean>`srdi = 'none'` };
    case 'association':
      return { set: { has_association: 1 }, unset: sql<boolean>`has_association = 0` };
  }
}

async function applyList(
  ctx: Ctx,
  tx: Tx,
  { a, input, listId }: { a: Analysis; input: OfficialListImportInput; listId: string },
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await tx
    .insertInto('official_lists')
    .values({
      id: listId,
      kind: input.kind,
      name: input.name,
      effective_on: input.effectiveOn,
      file_name: input.fileName,
      sha256: a.fileSha,
      created_at: now,
      created_by: ctx.actor?.userId ?? null,
      actor_name: ctx.actor?.displayName ?? null,
    })
    .execute();
  for (const part of chunks(a.plan.entries, 200)) {
    await tx
      .insertInto('official_list_entries')
      .values(
        part.map((e) => ({
          id: uuidv7(),
          list_id: listId,
          row_no: e.row,
          uscc: e.uscc,
          name: e.name,
          enterprise_id: e.enterpriseId,
          status: e.outcome,
          srdi: e.before?.srdi ?? null,
          has_association: e.before ? (e.before.hasAssociation ? 1 : 0) : null,
        })),
      )
      .execute();
  }
  const changed = a.plan.entries.filter((e) => e.outcome === 'changed');
  // The registry keeps what each enterprise was before this change, and which list made it (traceability).
  for (const part of chunks(changed, 200)) {
    await tx
      .insertInto('enterprise_history')
      .values(
        part.map((e) => {
          const r = a.registry.get(e.uscc)!;
          return {
            id: uuidv7(),
            enterprise_id: r.id,
            changed_at: now,
            actor_name: ctx.actor?.username ?? null,
            name: r.name,
            district_code: r.districtCode,
            has_association: r.hasAssociation ? 1 : 0,
            srdi: r.srdi,
            source_list_id: listId,
          };
        }),
      )
      .execute();
  }
  const { set, unset } = flagUpdate(input.kind);
  const ids = changed.map((e) => e.enterpriseId!);
  for (const part of chunks(ids)) {
    const r = await tx
      .updateTable('enterprises')
      .set({ ...set, updated_at: now, version: sql`version + 1` })
      .where('id', 'in', part)
      .where(unset)
      .executeTakeFirst();
    // The token held the registry as previewed; a writer that slipped in since is refused all the same.
    if (Number(r.numUpdatedRows) !== part.length) throw changedSincePreview();
  }
  // Every station listing a changed enterprise counts it differently now (their KPI caches are keyed by this).
  for (const part of chunks(ids)) await touchStationsListing(tx, part);
}

const changedSincePreview = () =>
  conflict(
    '企业名录在预览之后已有变动（或上传的文件、名单类型与预览时不同），未导入任何内容；请重新预览，确认新的变更后再导入',
  );

function summaryOf(report: OfficialListImportReportDto): string {
  const c = report.counts;
  const parts = [`${c.entries} 家企业`, `更新标识 ${c.changed} 家`, `已有标识 ${c.unchanged} 家`];
  if (c.higherKept) parts.push(`已是国家级保持不变 ${c.higherKept} 家`);
  if (c.unregistered) parts.push(`未在台账中 ${c.unregistered} 家`);
  return `导入官方名单“${report.name}”（${report.kindLabel}，${report.effectiveOn} 起生效）：${parts.join('，')}；${c.stations} 个站点的考核指标随之重算，其中 ${c.stationsKpiChanged} 个站点指标有变化（第七条）`;
}

/**
 * Imports an official list from an Excel file. `dryRun`: the preview, nothing written. Otherwise the file must have
 * no bad row (400, one issue per row) and `token` must be the preview's for the registry as it is now (409), and
 * the list is written in one transaction.
 */
export async function importOfficialList(
  ctx: Ctx,
  bytes: Uint8Array,
  input: OfficialListImportInput,
): Promise<OfficialListImportReportDto> {
  acceptUpload(ctx, bytes, ['xlsx']);
  const raw = await readOfficialListWorkbook(bytes);
  if (input.dryRun)
    return reportOf(ctx.db, { a: await analyse(ctx.db, { kind: input.kind, raw, bytes }), input, listId: null });
  if (!input.token) {
    throw invalid(
      [{ path: 'token', message: '请先预览，确认预览中的变更后再导入' }],
      '请先预览，确认预览中的变更后再导入',
    );
  }
  return writeTx(ctx, async (tx, audit) => {
    // Read again inside the transaction: what is written is the registry as it is now, and must be as previewed.
    const a = await analyse(tx, { kind: input.kind, raw, bytes });
    if (a.plan.errors.length) {
      throw invalid(
        a.plan.errors.map((p) => ({ path: `rows.${p.row}.${p.field}`, message: problemText(p) })),
        `名单中有 ${a.plan.errors.length} 处问题，未导入；请按预览改正后重新上传（${problemText(a.plan.errors[0])}）`,
      );
    }
    if (a.token !== input.token) throw changedSincePreview();
    const listId = uuidv7();
    // The report is made before the write: its KPI changes are the step from the registry as it was.
    const report = await reportOf(tx, { a, input, listId });
    await applyList(ctx, tx, { a, input, listId });
    await audit.record({
      entity: 'official_list',
      entityId: listId,
      action: 'import_official_list',
      summary: summaryOf(report),
      after: {
        kind: input.kind,
        name: input.name,
        effective_on: input.effectiveOn,
        file_name: input.fileName,
        sha256: a.fileSha,
        counts: {
          rows: report.counts.rows,
          entries: report.counts.entries,
          changed: report.counts.changed,
          unchanged: report.counts.unchanged,
          higher_kept: report.counts.higherKept,
          unregistered: report.counts.unregistered,
          stations: report.counts.stations,
        },
      },
    });
    return report;
  });
}
