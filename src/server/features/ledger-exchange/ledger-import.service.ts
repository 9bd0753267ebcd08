import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { LEDGER_FORMAT } from '../../../domain/ledger/codes';
import {
  DATED_SECTIONS,
  type DatedRecord,
  futureDateProblems,
  outsidePeriod,
} from '../../../domain/ledger/record-dates';
import { type Ledger, ledgerSchema, parseLedger } from '../../../domain/ledger/schema';
import { isValidUscc, normalizeUscc } from '../../../domain/uscc';
import { conflict } from '../../../shared/errors';
import type { ImportProblemDto, ImportReportDto, ImportSheetPlanDto } from '../../../shared/schemas/ledger';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { Tx } from '../../db/database';
import type { EnterpriseTable, StationTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { expenseImportProblems, type MoneyContext, moneyContext } from '../funds/expense-import';
import { touchStations, touchStationsListing } from '../ledger/ledger-version';
import { stationRecordTotal } from '../ledger/records.service';
import { locateLedgerPath, readLedgerWorkbook } from './ledger-excel';
import { TABLE_SHEETS } from './ledger-excel.layout';
import { buildLedger } from './ledger-export.service';
import { applyMerge, type MergePlan, planCounts, planMerge } from './ledger-merge';

// Import: validate everything first, then write everything in one transaction (all or nothing).
// A whole ledger carries its funds and expenses, so the exchange sits beside ledger/ and funds/, not in either:
// funds builds on ledger, and ledger must not depend on funds.

/** Problems that the schema allows but the database refuses (an invalid USCC cannot become an enterprise). */
export function importChecks(
  ledger: Ledger,
  {
    station,
    money,
    today,
  }: {
    station: StationTable;
    money: MoneyContext;
    today: string;
  },
): { errors: ImportProblemDto[]; warnings: ImportProblemDto[] } {
  const errors: ImportProblemDto[] = [];
  const warnings: ImportProblemDto[] = [];
  const st = ledger.station;
  if (ledger.programYear !== station.program_year) {
    errors.push({
      path: 'programYear',
      message: `台账年度 ${ledger.programYear} 与站点年度 ${station.program_year} 不一致`,
    });
  }
  if (st.type !== station.type) errors.push({ path: 'station.type', message: '台账的站点类型与目标站点不一致' });
  if ((st.district ?? null) !== (station.district_code ?? null)) {
    errors.push({ path: 'station.district', message: '台账的区代码与目标站点不一致' });
  }
  if (st.period.start !== station.period_start || st.period.end !== station.period_end) {
    errors.push({
      path: 'station.period',
      message: `台账的项目期（${st.period.start} 至 ${st.period.end}）与站点协议的项目期（${station.period_start} 至 ${station.period_end}）不一致`,
    });
  }
  const uscc = (path: string, v: string | undefined): void => {
    if (v !== undefined && !isValidUscc(v)) {
      errors.push({ path, message: `统一社会信用代码“${v}”校验不通过（GB 32100-2015），请核对后再导入` });
    }
  };
  const seen = new Set<string>();
  ledger.enterprises.forEach((e, i) => {
    uscc(`enterprises[${i}].uscc`, e.uscc);
    const code = normalizeUscc(e.uscc);
    if (seen.has(code))
      warnings.push({ path: `enterprises[${i}].uscc`, message: `企业 ${code} 重复出现，以第一次为准` });
    seen.add(code);
  });
  ledger.contacts.forEach((c, i) => void uscc(`contacts[${i}].uscc`, c.uscc));
  ledger.demands.forEach((d, i) => void uscc(`demands[${i}].uscc`, d.uscc));
  ledger.outcomes.forEach((o, i) => void uscc(`outcomes[${i}].uscc`, o.uscc));
  const experts = new Set(ledger.experts.map((x) => x.id));
  ledger.events.forEach((ev, i) => {
    ev.enterprises.forEach((u, j) => void uscc(`events[${i}].enterprises[${j}]`, u));
    ev.experts.forEach((x, j) => {
      if (!experts.has(x)) {
        warnings.push({
          path: `events[${i}].experts[${j}]`,
          message: `专家编号 ${x} 未在专家名单中登记，不计人次，未导入`,
        });
      }
    });
  });
  // The same date rules as the record forms (record-dates.ts). A form refuses a future date; an import only flags it:
  // a ledger file may hold a whole year planned ahead (the conformance examples do), and refusing it would refuse
  // the station's own export. Outside the period is kept but does not count (第七条、第八条).
  const period = { start: station.period_start, end: station.period_end };
  for (const section of DATED_SECTIONS) {
    (ledger[section] as unknown as DatedRecord[]).forEach((record, i) => {
      for (const p of futureDateProblems({ section, record, today })) {
        warnings.push({ path: `${section}[${i}].${p.path}`, message: `${p.message}，请核对（导入时不拒绝）` });
      }
      for (const p of outsidePeriod({ section, record, period })) {
        warnings.push({ path: `${section}[${i}].${p.path}`, message: p.message });
      }
    });
  }
  // Expenses go through the compliance engine (第十条、第十五条–第十七条): a refused one stops the import.
  const m = expenseImportProblems(ledger, station, money);
  errors.push(...m.errors);
  warnings.push(...m.warnings);
  return { errors, warnings };
}

/** What an import would write, per kind (a dry run shows it before the user confirms). */
export function ledgerCounts(l: Ledger): Record<string, number> {
  return {
    enterprises: new Set(l.enterprises.map((e) => normalizeUscc(e.uscc))).size,
    contacts: l.contacts.length,
    demands: l.demands.length,
    experts: l.experts.length,
    events: l.events.length,
    pressReleases: l.pressReleases.length,
    cooperations: l.cooperations.length,
    outcomes: l.outcomes.length,
    achievements: l.achievements.length,
    reports: l.reports.length,
    expenses: l.expenses.length,
  };
}

type ImportTable = 'enterprises';
/** The registry's new rows go in through this plain-row view (built above, tested by the round-trip tests). */
type PlainRows = Kysely<Record<ImportTable, Record<string, unknown>>>;

async function stationRecordCount(tx: Tx | Ctx['db'], stationId: string): Promise<number> {
  const n = await stationRecordTotal(tx, stationId);
  const x = await tx
    .selectFrom('expenses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  return n + Number(x?.n ?? 0);
}

interface Registry {
  /** normalised USCC → registry id, for the codes already registered */
  ids: Map<string, string>;
  /** codes whose registry entry the file changes (name, district, 企业科协, 专精特新) */
  changed: Set<string>;
  /** the first listing of each code in the file (docs/ledger-format.md: the first wins) */
  firsts: Map<string, Ledger['enterprises'][number]>;
  rows: Map<string, EnterpriseTable>;
}

const registryFields = (e: Ledger['enterprises'][number]) => ({
  name: e.name,
  district_code: e.district,
  has_association: e.hasAssociation ? 1 : 0,
  srdi: e.srdi,
  // 行业 is optional in a ledger (issue #15): a file without it keeps the registry's.
  ...(e.industry ? { industry: e.industry } : {}),
});

/** The file's enterprises against the shared registry, read only (a preview uses it as it is). */
async function readRegistry(db: Tx | Ctx['db'], ledger: Ledger): Promise<Registry> {
  const reg: Registry = { ids: new Map(), changed: new Set(), firsts: new Map(), rows: new Map() };
  for (const e of ledger.enterprises) {
    const code = normalizeUscc(e.uscc);
    if (!reg.firsts.has(code)) reg.firsts.set(code, e);
  }
  const codes = [...reg.firsts.keys()];
  for (let i = 0; i < codes.length; i += 500) {
    const existing = await db
      .selectFrom('enterprises')
      .selectAll()
      .where('uscc', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of existing) {
      reg.ids.set(row.uscc, row.id);
      reg.rows.set(row.uscc, row);
      const next = registryFields(reg.firsts.get(row.uscc)!);
      if (
        row.name !== next.name ||
        row.district_code !== next.district_code ||
        Number(row.has_association) !== next.has_association ||
        row.srdi !== next.srdi ||
        (next.industry !== undefined && row.industry !== next.industry)
      ) {
        reg.changed.add(row.uscc);
      }
    }
  }
  return reg;
}

/** Registers the file's new enterprises and updates changed ones (keeping their history); returns code → id. */
async function upsertRegistry(
  ctx: Ctx,
  tx: Tx,
  { reg, now }: { reg: Registry; now: string },
): Promise<Map<string, string>> {
  const ids = new Map(reg.ids);
  const changed: string[] = [];
  for (const code of reg.changed) {
    const row = reg.rows.get(code)!;
    await tx
      .insertInto('enterprise_history')
      .values({
        id: uuidv7(),
        enterprise_id: row.id,
        changed_at: now,
        actor_name: ctx.actor?.username ?? 'system',
        name: row.name,
        district_code: row.district_code,
        has_association: row.has_association,
        srdi: row.srdi,
      })
      .execute();
    await tx
      .updateTable('enterprises')
      .set({ ...registryFields(reg.firsts.get(code)!), updated_at: now, version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    changed.push(row.id);
  }
  // Other stations listing a changed enterprise count it differently now.
  await touchStationsListing(tx, changed);
  const fresh = [...reg.firsts.keys()]
    .filter((c) => !ids.has(c))
    .map((c) => {
      const id = uuidv7();
      ids.set(c, id);
      return {
        id,
        uscc: c,
        industry: null,
        ...registryFields(reg.firsts.get(c)!),
        created_at: now,
        updated_at: now,
        version: 1,
      };
    });
  for (let i = 0; i < fresh.length; i += 200) {
    await (tx as unknown as PlainRows)
      .insertInto('enterprises')
      .values(fresh.slice(i, i + 200))
      .execute();
  }
  return ids;
}

/**
 * Keeps the station's ledger as it is, before an import replaces it: a single-record delete keeps its before-image in
 * the audit row, so a whole-ledger replacement keeps the whole ledger (as exported) in the file store, named by a
 * `ledger_snapshots` row that the audit row of the import names in turn (等保 审计记录保护, 第十三条).
 */
async function snapshotLedger(
  ctx: Ctx,
  tx: Tx,
  { station, actorOverride }: { station: StationTable; actorOverride?: { id: string | null } },
): Promise<{ id: string; sha256: string }> {
  const bytes = Buffer.from(JSON.stringify(await buildLedger({ db: tx }, station)), 'utf8');
  // Content-addressed, so a rollback leaves only an unreferenced file that the storage clean-up removes later.
  const ref = await ctx.blobs.put(bytes);
  const id = uuidv7();
  await tx
    .insertInto('ledger_snapshots')
    .values({
      id,
      station_id: station.id,
      sha256: ref.sha256,
      size: ref.size,
      reason: 'import_replace',
      created_at: ctx.clock.now().toISOString(),
      created_by: actorOverride ? actorOverride.id : (ctx.actor?.userId ?? null),
    })
    .execute();
  return { id, sha256: ref.sha256 };
}

export interface WriteStationLedgerOptions {
  station: StationTable;
  ledger: Ledger;
  /** false: merge by natural keys; true: also delete the records the file no longer lists */
  replace: boolean;
  /** the `ledger_version` the user previewed: a ledger changed since is refused (409) */
  expectedVersion?: number;
  /** who the audit row names when no user acts (the demo seed, the CLI) */
  actorOverride?: { id: string | null; name: string | null; role: string | null };
}

export interface ImportOutcome {
  /** records per ledger array in the file */
  counts: Record<string, number>;
  plan: ImportSheetPlanDto[];
  losses: MergePlan['losses'];
  warnings: ImportProblemDto[];
}

const describePlan = (plan: MergePlan) => {
  const sum = (k: 'added' | 'updated' | 'unchanged' | 'deleted') => plan.sheets.reduce((n, x) => n + x[k], 0);
  const parts = [`新增 ${sum('added')} 条`, `更新 ${sum('updated')} 条`, `未变 ${sum('unchanged')} 条`];
  if (sum('deleted')) {
    parts.push(
      `删除 ${sum('deleted')} 条（随之删除佐证文件 ${plan.losses.files} 个、支出凭证 ${plan.losses.vouchers} 张）`,
    );
  }
  return parts.join('，');
};

/** What importing `ledger` would do, read without writing: the preview the user confirms. */
export async function previewStationLedger(
  ctx: Ctx,
  { station, ledger, replace }: Pick<WriteStationLedgerOptions, 'station' | 'ledger' | 'replace'>,
): Promise<ImportOutcome> {
  const reg = await readRegistry(ctx.db, ledger);
  const ids = new Map(reg.ids);
  for (const code of reg.firsts.keys()) if (!ids.has(code)) ids.set(code, `new:${code}`);
  const policy = await loadPolicy(ctx.db, station.program_year);
  const plan = await planMerge(ctx.db, {
    station,
    ledger,
    replace,
    enterpriseIds: ids,
    registryChanged: reg.changed,
    money: await moneyContext(ctx.db, station, policy),
    now: ctx.clock.now().toISOString(),
  });
  return { counts: ledgerCounts(ledger), plan: plan.sheets, losses: plan.losses, warnings: plan.warnings };
}

/**
 * Writes a validated ledger into a station in one transaction: merged by natural keys (decision 022), each updated
 * record audited before/after, one audit row for the import. With `replace` the records the file no longer lists
 * are deleted too, after the whole ledger is kept as a snapshot. Callers check scope and the ledger first
 * (`importLedger`; the demo seed and the CLI, which act as the system).
 */
export async function writeStationLedger(
  ctx: Ctx,
  { station, ledger, replace, expectedVersion, actorOverride }: WriteStationLedgerOptions,
): Promise<ImportOutcome> {
  return writeTx(ctx, async (tx, audit) => {
    const now = ctx.clock.now().toISOString();
    const current = await tx
      .selectFrom('stations')
      .select('ledger_version')
      .where('id', '=', station.id)
      .executeTakeFirstOrThrow();
    if (expectedVersion !== undefined && Number(current.ledger_version) !== expectedVersion) {
      throw conflict('该站点的台账在校验之后已有改动，未导入任何记录；请重新校验，确认新的导入预览后再导入');
    }
    const existing = await stationRecordCount(tx, station.id);
    const snapshot = replace && existing > 0 ? await snapshotLedger(ctx, tx, { station, actorOverride }) : null;
    const reg = await readRegistry(tx, ledger);
    const ids = await upsertRegistry(ctx, tx, { reg, now });
    const policy = await loadPolicy(tx, station.program_year);
    const plan = await planMerge(tx, {
      station,
      ledger,
      replace,
      enterpriseIds: ids,
      registryChanged: reg.changed,
      money: await moneyContext(tx, station, policy),
      now,
    });
    await applyMerge(tx, { plan, audit, now });
    await touchStations(tx, [station.id]);
    await audit.record({
      entity: 'station',
      entityId: station.id,
      action: 'import_ledger',
      summary: `${replace ? '替换导入' : '合并导入'}台账到“${station.name}”：${describePlan(plan)}${snapshot ? `；原台账留档 ${snapshot.id}` : ''}`,
      after: {
        import_mode: replace ? '替换导入' : '合并导入',
        sheets: planCounts(plan),
        ...(replace ? { deleted_files: plan.losses.files, deleted_vouchers: plan.losses.vouchers } : {}),
        ...(snapshot ? { ledger_snapshot_id: snapshot.id, ledger_snapshot_sha256: snapshot.sha256 } : {}),
      },
      actorOverride,
    });
    return { counts: ledgerCounts(ledger), plan: plan.sheets, losses: plan.losses, warnings: plan.warnings };
  });
}

export interface ImportLedgerOptions {
  stationId: string;
  /** the ledger as parsed from JSON or Excel, not yet validated */
  value: unknown;
  replace: boolean;
  dryRun?: boolean;
  expectedVersion?: number;
  /** problems found before (cells of a workbook that could not be read) */
  preProblems?: ImportProblemDto[];
}

/**
 * The ledger's valid parts, for the checks beyond the schema when the schema refuses some records: each record that
 * passes on its own, and the target station's own values where the file's station block is wrong (its problems are
 * the schema's). `at` maps a kept record back to its index in the file, so every problem keeps its place.
 */
function validParts(value: unknown, station: StationTable): { ledger: Ledger; at: Map<string, number[]> } {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const shape = ledgerSchema.shape;
  const out: Record<string, unknown> = { format: LEDGER_FORMAT };
  const at = new Map<string, number[]>();
  for (const { key } of TABLE_SHEETS) {
    const raw = Array.isArray(v[key]) ? (v[key] as unknown[]) : [];
    const kept: unknown[] = [];
    const index: number[] = [];
    raw.forEach((item, i) => {
      const r = shape[key].safeParse([item]);
      if (r.success) {
        kept.push(r.data[0]);
        index.push(i);
      }
    });
    out[key] = kept;
    at.set(key, index);
  }
  const st = shape.station.safeParse(v.station);
  out.station = st.success
    ? st.data
    : {
        name: station.name,
        type: station.type,
        district: station.district_code,
        host: { name: '' },
        period: { start: station.period_start, end: station.period_end },
      };
  const year = shape.programYear.safeParse(v.programYear);
  out.programYear = year.success ? year.data : station.program_year;
  const funds = shape.funds.safeParse(v.funds);
  if (funds.success) out.funds = funds.data;
  return { ledger: out as Ledger, at };
}

function placeBack(p: ImportProblemDto, at: Map<string, number[]>): ImportProblemDto {
  const m = /^(\w+)\[(\d+)\](.*)$/.exec(p.path);
  const index = m ? at.get(m[1])?.[Number(m[2])] : undefined;
  return m && index !== undefined ? { ...p, path: `${m[1]}[${index}]${m[3]}` } : p;
}

/**
 * Every check of an import in one pass (issue #13): the schema, the codes, USCC check digits, references between
 * sheets, dates (none in the future; outside the period they do not count, 第七条、第八条) and the expense rules.
 */
async function checkLedger(
  ctx: Ctx,
  { station, value, pre }: { station: StationTable; value: unknown; pre: ImportProblemDto[] },
): Promise<{ ledger: Ledger | null; errors: ImportProblemDto[]; warnings: ImportProblemDto[] }> {
  const years = new Set((await ctx.db.selectFrom('program_years').select('year').execute()).map((r) => r.year));
  const parsed = parseLedger(value, (y) => years.has(y));
  const schema = parsed.ok
    ? []
    : parsed.problems.map((p) => {
        const i = p.indexOf(': ');
        return { path: p.slice(0, i), message: p.slice(i + 2) };
      });
  const parts = parsed.ok ? { ledger: parsed.ledger, at: null } : validParts(value, station);
  const policy = await loadPolicy(ctx.db, station.program_year);
  const checks = importChecks(parts.ledger, {
    station,
    money: await moneyContext(ctx.db, station, policy),
    today: shanghaiDate(ctx.clock.now()),
  });
  const at = parts.at;
  const place = (p: ImportProblemDto) => (at ? placeBack(p, at) : p);
  const errors = [...pre, ...schema, ...checks.errors.map(place)];
  return {
    ledger: parsed.ok && !errors.length ? parsed.ledger : null,
    errors,
    warnings: checks.warnings.map(place),
  };
}

/**
 * Imports a ledger (already parsed from JSON or Excel) into a station: every problem is reported and nothing is
 * written; a dry run answers the plan (per sheet 新增/更新/未变/删除, and what a replace loses); otherwise the plan is
 * written in one transaction (`writeStationLedger`).
 */
export async function importLedger(
  ctx: Ctx,
  { stationId, value, replace, dryRun, expectedVersion, preProblems }: ImportLedgerOptions,
): Promise<ImportReportDto> {
  const station = await requireStation(ctx, stationId);
  const { ledger, errors, warnings } = await checkLedger(ctx, { station, value, pre: preProblems ?? [] });
  const mode = replace ? 'replace' : 'merge';
  if (!ledger) return { ok: false, errors, warnings, counts: {}, mode };
  const outcome = dryRun
    ? await previewStationLedger(ctx, { station, ledger, replace })
    : await writeStationLedger(ctx, { station, ledger, replace, expectedVersion });
  return {
    ok: true,
    errors: [],
    warnings: [...warnings, ...outcome.warnings],
    counts: outcome.counts,
    mode,
    plan: outcome.plan,
    ...(replace ? { losses: outcome.losses } : {}),
    ledgerVersion: dryRun
      ? Number(station.ledger_version)
      : Number((await requireStation(ctx, stationId)).ledger_version),
  };
}

export interface ImportLedgerWorkbookOptions {
  stationId: string;
  bytes: Uint8Array;
  replace: boolean;
  dryRun?: boolean;
  expectedVersion?: number;
}

/**
 * Imports a ledger workbook. Cells that could not be read are problems of the import like the schema's, and every
 * problem is placed in the workbook (sheet, row, column) — once per cell, since a bad cell usually fails both ways.
 */
export async function importLedgerWorkbook(
  ctx: Ctx,
  { stationId, bytes, replace, dryRun, expectedVersion }: ImportLedgerWorkbookOptions,
): Promise<ImportReportDto> {
  const station = await requireStation(ctx, stationId);
  const policy = await loadPolicy(ctx.db, station.program_year);
  const book = await readLedgerWorkbook(bytes, policy);
  const pre: ImportProblemDto[] = book.problems.map((p) => ({
    path: '',
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    message: p.message,
  }));
  const report = await importLedger(ctx, {
    stationId,
    value: book.value,
    replace,
    dryRun,
    expectedVersion,
    preProblems: pre,
  });
  const seen = new Set(pre.map((p) => `${p.sheet}|${p.row}|${p.column}`));
  report.errors = report.errors.filter((e) => {
    if (e.sheet !== undefined) return true;
    Object.assign(e, locateLedgerPath(e.path, book.value));
    const key = `${e.sheet}|${e.row}|${e.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const w of report.warnings) Object.assign(w, locateLedgerPath(w.path, book.value));
  return report;
}
