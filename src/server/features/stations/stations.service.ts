import { uuidv7 } from 'uuidv7';
import { stationTypeForDistrict } from '../../../domain/policy/index';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { can } from '../../../shared/permissions';
import type { StationDto, StationInput } from '../../../shared/schemas/station';
import { type AuditRecorder, writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate, sortedBy } from '../../core/paging';
import { loadPolicy, parsePolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import { versionedUpdate } from '../../db/locks';
import type { StationTable } from '../../db/schema';
import { shanghaiDate, stationScope } from '../../scope';
import { stationsWithRecords } from '../ledger/records.service';

type Row = StationTable & { host_name: string; host_uscc: string | null; association_name: string | null };

export function toStationDto(
  r: Row,
  districtNames: ReadonlyMap<string, string>,
  refusals: ReadonlyMap<string, string> = new Map(),
): StationDto {
  return {
    id: r.id,
    programYear: r.program_year,
    type: r.type,
    typeLabel: STATION_TYPE_LABELS[r.type] ?? r.type,
    districtCode: r.district_code,
    districtName: r.district_code ? (districtNames.get(`${r.program_year}:${r.district_code}`) ?? null) : null,
    districtAssociationName: r.association_name,
    hostOrgId: r.host_org_id,
    hostName: r.host_name,
    hostUscc: r.host_uscc,
    name: r.name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    leaderName: r.leader_name,
    leaderPhone: r.leader_phone,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deleteRefusal: refusals.get(r.id) ?? null,
    version: r.version,
  };
}

export interface StationFilter {
  year?: number;
  type?: StationTable['type'];
  districtCode?: string;
  q?: string;
  sort?: string;
}

const SORT_COLUMNS = {
  name: 'stations.name',
  district: 'stations.district_code',
  host: 'host.name',
  periodEnd: 'stations.period_end',
  year: 'stations.program_year',
};

function scopedQuery(ctx: Ctx, f: StationFilter) {
  let qb = ctx.db
    .selectFrom('stations')
    .innerJoin('organizations as host', 'host.id', 'stations.host_org_id')
    .leftJoin('organizations as da', (j) =>
      j.onRef('da.district_code', '=', 'stations.district_code').on('da.kind', '=', 'district_association'),
    )
    .selectAll('stations')
    .select(['host.name as host_name', 'host.uscc as host_uscc', 'da.name as association_name'])
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())));
  if (f.year) qb = qb.where('stations.program_year', '=', f.year);
  if (f.type) qb = qb.where('stations.type', '=', f.type);
  if (f.districtCode) qb = qb.where('stations.district_code', '=', f.districtCode);
  if (f.q) qb = qb.where((eb) => eb.or([containsCi('stations.name', f.q!), containsCi('host.name', f.q!)]));
  return qb;
}

/** District names come from each year's policy (one small read per distinct year on the page). */
async function districtNamesFor(ctx: Ctx, rows: Row[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const year of new Set(rows.map((r) => r.program_year))) {
    const policy = await loadPolicy(ctx.db, year);
    for (const d of policy.districts) names.set(`${year}:${d.code}`, d.name);
  }
  return names;
}

async function toDtos(ctx: Ctx, rows: Row[]): Promise<StationDto[]> {
  const names = await districtNamesFor(ctx, rows);
  // Only an account that may delete stations is told why it cannot.
  const refusals = can(ctx.actor!.role, 'write:station') ? await deletionRefusals(ctx.db, rows) : new Map();
  return rows.map((r) => toStationDto(r, names, refusals));
}

export async function listStations(
  ctx: Ctx,
  f: StationFilter & { page: number; pageSize: number },
): Promise<Page<StationDto>> {
  const page = await paginate(scopedQuery(ctx, f), {
    page: f.page,
    pageSize: f.pageSize,
    map: (r) => r as Row,
    orderBy: (qb) =>
      sortedBy(qb, { sort: f.sort, columns: SORT_COLUMNS })
        .orderBy('stations.program_year', 'desc')
        .orderBy('stations.type')
        .orderBy('stations.district_code')
        .orderBy('stations.id'),
  });
  return { ...page, items: await toDtos(ctx, page.items) };
}

export async function allStations(ctx: Ctx, f: StationFilter, limit: number): Promise<StationDto[]> {
  const rows = await sortedBy(scopedQuery(ctx, f), { sort: f.sort, columns: SORT_COLUMNS })
    .orderBy('stations.program_year', 'desc')
    .orderBy('stations.type')
    .orderBy('stations.district_code')
    .limit(limit)
    .execute();
  return toDtos(ctx, rows as Row[]);
}

/** Out of scope and missing are the same answer (404), so a URL does not reveal whether a station exists. */
export async function getStation(ctx: Ctx, id: string): Promise<StationDto> {
  const row = await scopedQuery(ctx, {}).where('stations.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('工作站点');
  return (await toDtos(ctx, [row as Row]))[0];
}

export interface StationRulesOptions {
  input: StationInput;
  /** the station being changed, not counted against itself; null for a new one */
  exceptId: string | null;
}

/**
 * The rules a station must keep (第三条, 第六条), checked inside the write transaction that holds the year's row:
 * the district's class decides the type; the host's kind may host that type; one district station per district;
 * the year's quota per type.
 */
export async function checkStationRules(ctx: Ctx, tx: Tx, { input, exceptId }: StationRulesOptions): Promise<void> {
  let yq = tx.selectFrom('program_years').select(['policy_json', 'year']).where('year', '=', input.programYear);
  if (ctx.engine === 'postgres') yq = yq.forUpdate();
  const yearRow = await yq.executeTakeFirst();
  if (!yearRow) throw invalid([{ path: 'programYear', message: `${input.programYear} 年度不存在` }]);
  const policy = parsePolicy(yearRow);
  const typePolicy = policy.stationTypes[input.type];
  const issues: { path: string; message: string }[] = [];

  if (input.districtCode) {
    const districtType = stationTypeForDistrict(policy, input.districtCode);
    if (!districtType) {
      issues.push({ path: 'districtCode', message: `区代码 ${input.districtCode} 不在 ${policy.year} 年度的区名单中` });
    } else if (districtType !== input.type) {
      issues.push({
        path: 'type',
        message: `该区属于${STATION_TYPE_LABELS[districtType]}，站点类型应与区的类别一致（第三条）`,
      });
    }
  }

  const host = await tx.selectFrom('organizations').selectAll().where('id', '=', input.hostOrgId).executeTakeFirst();
  if (host?.kind !== 'host') {
    issues.push({ path: 'hostOrgId', message: '依托单位不存在' });
  } else if (!host.host_kind || !(typePolicy.hostKinds as string[]).includes(host.host_kind)) {
    issues.push({
      path: 'hostOrgId',
      message: `“${host.name}”的单位类型不能承担${typePolicy.name}（${typePolicy.hostArticle}）`,
    });
  } else if (!host.is_active) {
    issues.push({ path: 'hostOrgId', message: `“${host.name}”已停用` });
  }
  if (issues.length) throw invalid(issues);

  if (input.districtCode) {
    let dq = tx
      .selectFrom('stations')
      .select(['id', 'name'])
      .where('program_year', '=', input.programYear)
      .where('district_code', '=', input.districtCode);
    if (exceptId) dq = dq.where('id', '!=', exceptId);
    const other = await dq.executeTakeFirst();
    if (other)
      throw conflict(`该区 ${input.programYear} 年度已有工作站点“${other.name}”，每区只设一个区工作站点（第六条）`);
  }
  let cq = tx
    .selectFrom('stations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_year', '=', input.programYear)
    .where('type', '=', input.type);
  if (exceptId) cq = cq.where('id', '!=', exceptId);
  const { n } = await cq.executeTakeFirstOrThrow();
  if (Number(n) >= typePolicy.quota) {
    throw conflict(
      `${input.programYear} 年度${typePolicy.name}名额 ${typePolicy.quota} 个已满（${typePolicy.quotaArticle}）`,
    );
  }
}

/** The columns of a station from its input (creation and update). */
function stationRow(
  input: StationInput,
): Omit<StationTable, 'id' | 'created_at' | 'updated_at' | 'version' | 'ledger_version'> {
  return {
    program_year: input.programYear,
    type: input.type,
    district_code: input.districtCode,
    host_org_id: input.hostOrgId,
    name: input.name,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    leader_name: input.leaderName,
    leader_phone: input.leaderPhone,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
  };
}

export interface InsertStationOptions {
  audit: AuditRecorder;
  input: StationInput;
  /** the audit row's summary: how the station came to be (the station screen, or an approval under 第十条) */
  summary: string;
}

/** Creates a station under the station rules, audited; the station screen and approvals share it. Returns its id. */
export async function insertStation(
  ctx: Ctx,
  tx: Tx,
  { audit, input, summary }: InsertStationOptions,
): Promise<string> {
  await checkStationRules(ctx, tx, { input, exceptId: null });
  const now = ctx.clock.now().toISOString();
  const row: StationTable = {
    id: uuidv7(),
    ...stationRow(input),
    created_at: now,
    updated_at: now,
    version: 1,
    ledger_version: 0,
  };
  await tx.insertInto('stations').values(row).execute();
  await audit.record({ entity: 'station', entityId: row.id, action: 'create', summary, after: { ...row } });
  return row.id;
}

export async function createStation(ctx: Ctx, input: StationInput): Promise<StationDto> {
  const id = await writeTx(ctx, (tx, audit) =>
    insertStation(ctx, tx, { audit, input, summary: `新建工作站点“${input.name}”` }),
  );
  return getStation(ctx, id);
}

export interface UpdateStationOptions {
  id: string;
  version: number;
  input: StationInput;
}

export async function updateStation(ctx: Ctx, { id, version, input }: UpdateStationOptions): Promise<StationDto> {
  await getStation(ctx, id);
  await writeTx(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (before.version !== version) throw conflict('该站点信息已被他人修改，请刷新后重试');
    if (before.program_year !== input.programYear) {
      throw invalid([{ path: 'programYear', message: '站点的项目年度不能修改' }]);
    }
    await checkStationRules(ctx, tx, { input, exceptId: id });
    const after: StationTable = {
      ...before,
      ...stationRow(input),
      updated_at: ctx.clock.now().toISOString(),
      version: before.version + 1,
      // The period decides what counts (docs/ledger-format.md): computed KPIs of the station are stale.
      ledger_version: before.ledger_version + 1,
    };
    await versionedUpdate(tx, {
      table: 'stations',
      before,
      set: after,
      now: after.updated_at,
      message: '该站点信息已被他人修改，请刷新后重试',
    });
    await audit.record({
      entity: 'station',
      entityId: id,
      action: 'update',
      summary: `修改工作站点“${after.name}”`,
      before: { ...before },
      after: { ...after },
    });
  });
  return getStation(ctx, id);
}

/**
 * Why a station cannot be deleted, if it cannot: its year is locked, or it has ledger records, money or a project
 * agreement — evidence the program must keep. The list shows it beside a disabled 删除 (issue 14), and the delete
 * refuses with the same sentence; a few grouped queries answer for a whole page of stations.
 */
export async function deletionRefusals(
  db: Database | Tx,
  stations: Pick<StationTable, 'id' | 'program_year'>[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!stations.length) return out;
  const ids = stations.map((s) => s.id);
  const years = await db
    .selectFrom('program_years')
    .select('year')
    .where('status', '=', 'locked')
    .where(
      'year',
      'in',
      stations.map((s) => s.program_year),
    )
    .execute();
  const locked = new Set(years.map((y) => y.year));
  const records = await stationsWithRecords(db, ids);
  const money = new Set(
    (
      await db
        .selectFrom('expenses')
        .select('station_id')
        .where('station_id', 'in', ids)
        .union(db.selectFrom('fund_payments').select('station_id').where('station_id', 'in', ids))
        .execute()
    ).map((r) => r.station_id),
  );
  const projects = new Set(
    (await db.selectFrom('projects').select('station_id').where('station_id', 'in', ids).execute()).map(
      (r) => r.station_id,
    ),
  );
  for (const s of stations) {
    const why = locked.has(s.program_year)
      ? `${s.program_year} 年度已锁定，站点不能删除`
      : records.has(s.id)
        ? '该站点已有台账记录（企业、活动、报告等），不能删除；台账是考核和审计的依据（第十三条）'
        : money.has(s.id)
          ? '该站点已有经费拨付或支出记录，不能删除；经费账目须留存备查（第十二条、第十五条）'
          : projects.has(s.id)
            ? '该站点已有项目合作协议，不能删除；协议及其各版本须留存（第十条、第十一条）'
            : null;
    if (why) out.set(s.id, why);
  }
  return out;
}

export async function deleteStation(ctx: Ctx, id: string, version: number): Promise<void> {
  const station = await getStation(ctx, id);
  await writeTx(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (before.version !== version) throw conflict('该站点信息已被他人修改，请刷新后重试');
    const refusal = (await deletionRefusals(tx, [before])).get(id);
    if (refusal) throw conflict(refusal);
    await tx.deleteFrom('station_budgets').where('station_id', '=', id).execute();
    await tx.deleteFrom('user_stations').where('station_id', '=', id).execute();
    await tx.deleteFrom('stations').where('id', '=', id).execute();
    await audit.record({
      entity: 'station',
      entityId: id,
      action: 'delete',
      summary: `删除工作站点“${station.name}”`,
      before: { ...before },
    });
  });
}
