import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { type Ledger, parseLedger } from '../../../domain/ledger/schema';
import { isValidUscc, normalizeUscc } from '../../../domain/uscc';
import { conflict } from '../../../shared/errors';
import type { ImportProblemDto, ImportReportDto } from '../../../shared/schemas/ledger';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { Tx } from '../../db/database';
import type { StationTable } from '../../db/schema';
import {
  expenseImportProblems,
  expenseRows,
  type MoneyContext,
  moneyContext,
  stationBudgetRow,
} from '../funds/expense-import';
import { touchStations, touchStationsListing } from '../ledger/ledger-version';
import { stationRecordTotal } from '../ledger/records.service';
import { locateLedgerPath, readLedgerWorkbook } from './ledger-excel';
import { buildLedger } from './ledger-export.service';
import { STATION_RECORD_TABLES, stationRecordRows } from './ledger-import.rows';

// Import: validate everything first, then write everything in one transaction (all or nothing).
// A whole ledger carries its funds and expenses, so the exchange sits beside ledger/ and funds/, not in either:
// funds builds on ledger, and ledger must not depend on funds.

/** Problems that the schema allows but the database refuses (an invalid USCC cannot become an enterprise). */
export function importChecks(
  ledger: Ledger,
  station: StationTable,
  money: MoneyContext,
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

const CHUNK = 200;
type ImportTable = (typeof STATION_RECORD_TABLES)[number] | 'enterprises' | 'expenses';
/**
 * The import's rows are built per table by `stationRecordRows` / `expenseRows` (tested against the schema by the
 * round-trip tests); the compiler cannot follow a table chosen in a loop, so they go in through this plain-row view.
 */
type PlainRows = Kysely<Record<ImportTable, Record<string, unknown>>>;

async function insertChunks(tx: Tx, table: ImportTable, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await (tx as unknown as PlainRows)
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

async function stationRecordCount(tx: Tx | Ctx['db'], stationId: string): Promise<number> {
  const n = await stationRecordTotal(tx, stationId);
  const x = await tx
    .selectFrom('expenses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  return n + Number(x?.n ?? 0);
}

/** Deletes every ledger record of a station (import with replace); the audit row of the import says so. */
async function clearStation(tx: Tx, stationId: string): Promise<void> {
  const events = tx.selectFrom('events').select('id').where('station_id', '=', stationId);
  await tx.deleteFrom('event_experts').where('event_id', 'in', events).execute();
  await tx.deleteFrom('event_enterprises').where('event_id', 'in', events).execute();
  await tx.deleteFrom('event_evidence').where('event_id', 'in', events).execute();
  const expenses = tx.selectFrom('expenses').select('id').where('station_id', '=', stationId);
  await tx.deleteFrom('expense_vouchers').where('expense_id', 'in', expenses).execute();
  await tx.deleteFrom('expenses').where('station_id', '=', stationId).execute();
  await tx.deleteFrom('station_budgets').where('station_id', '=', stationId).execute();
  for (const t of [
    'events',
    'experts',
    'contacts',
    'demands',
    'station_enterprises',
    'press_releases',
    'cooperations',
    'outcomes',
    'achievements',
    'reports',
  ] as const) {
    await tx.deleteFrom(t).where('station_id', '=', stationId).execute();
  }
}

async function upsertRegistry(
  ctx: Ctx,
  tx: Tx,
  { ledger, now }: { ledger: Ledger; now: string },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const firsts = new Map<string, Ledger['enterprises'][number]>();
  for (const e of ledger.enterprises) {
    const code = normalizeUscc(e.uscc);
    if (!firsts.has(code)) firsts.set(code, e);
  }
  const codes = [...firsts.keys()];
  const changed: string[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const existing = await tx
      .selectFrom('enterprises')
      .selectAll()
      .where('uscc', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of existing) {
      ids.set(row.uscc, row.id);
      const e = firsts.get(row.uscc)!;
      const next = { name: e.name, district_code: e.district, has_association: e.hasAssociation ? 1 : 0, srdi: e.srdi };
      if (
        row.name !== next.name ||
        row.district_code !== next.district_code ||
        row.has_association !== next.has_association ||
        row.srdi !== next.srdi
      ) {
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
          .set({ ...next, updated_at: now, version: row.version + 1 })
          .where('id', '=', row.id)
          .execute();
        changed.push(row.id);
      }
    }
  }
  // Other stations listing a changed enterprise count it differently now.
  await touchStationsListing(tx, changed);
  const fresh = codes
    .filter((c) => !ids.has(c))
    .map((c) => {
      const e = firsts.get(c)!;
      const id = uuidv7();
      ids.set(c, id);
      return {
        id,
        uscc: c,
        name: e.name,
        district_code: e.district,
        has_association: e.hasAssociation ? 1 : 0,
        srdi: e.srdi,
        created_at: now,
        updated_at: now,
        version: 1,
      };
    });
  await insertChunks(tx, 'enterprises', fresh);
  return ids;
}

async function writeLedger(
  ctx: Ctx,
  tx: Tx,
  { station, ledger }: { station: StationTable; ledger: Ledger },
): Promise<Record<string, number>> {
  const now = ctx.clock.now().toISOString();
  const registry = await upsertRegistry(ctx, tx, { ledger, now });
  const rows = stationRecordRows({ stationId: station.id, ledger, enterpriseIds: registry, now });
  for (const t of STATION_RECORD_TABLES) await insertChunks(tx, t, rows[t]);
  const policy = await loadPolicy(tx, station.program_year);
  const money = await moneyContext(tx, station, policy);
  const budgetRow = money.agreement ? null : stationBudgetRow(station.id, ledger, now);
  if (budgetRow) await tx.insertInto('station_budgets').values(budgetRow).execute();
  const expertIds = new Map(rows.experts.map((x) => [x.ref as string, x.id as string]));
  const expenses = expenseRows({
    stationId: station.id,
    ledger,
    expertIds,
    policy,
    periodEnd: station.period_end,
    now,
  });
  await insertChunks(tx, 'expenses', expenses as unknown as Record<string, unknown>[]);
  return ledgerCounts(ledger);
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
  replace: boolean;
  /** who the audit row names when no user acts (the demo seed, the CLI) */
  actorOverride?: { id: string | null; name: string | null; role: string | null };
}

/**
 * Writes a validated ledger into a station in one transaction with one audit record. Callers check scope and the
 * ledger first (`importLedger`; the demo seed and the CLI, which act as the system).
 */
export async function writeStationLedger(
  ctx: Ctx,
  { station, ledger, replace, actorOverride }: WriteStationLedgerOptions,
): Promise<Record<string, number>> {
  return writeTx(ctx, async (tx, audit) => {
    const existing = await stationRecordCount(tx, station.id);
    if (existing > 0 && !replace) {
      throw conflict(`该站点已有 ${existing} 条台账记录；如需以导入文件替换，请选择“替换现有台账”后重试`);
    }
    const snapshot = existing > 0 ? await snapshotLedger(ctx, tx, { station, actorOverride }) : null;
    if (existing > 0) await clearStation(tx, station.id);
    const c = await writeLedger(ctx, tx, { station, ledger });
    await touchStations(tx, [station.id]);
    await audit.record({
      entity: 'station',
      entityId: station.id,
      action: 'import_ledger',
      summary: `导入台账到“${station.name}”：${Object.entries(c)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n} 条`)
        .join('，')}${snapshot ? `（替换原有 ${existing} 条记录，原台账留档 ${snapshot.id}）` : ''}`,
      after: {
        counts: c,
        replaced: existing,
        ...(snapshot ? { ledger_snapshot_id: snapshot.id, ledger_snapshot_sha256: snapshot.sha256 } : {}),
      },
      actorOverride,
    });
    return c;
  });
}

export interface ImportLedgerOptions {
  stationId: string;
  /** the ledger as parsed from JSON or Excel, not yet validated */
  value: unknown;
  replace: boolean;
  dryRun?: boolean;
  /** problems found before (cells of a workbook that could not be read) */
  preProblems?: ImportProblemDto[];
}

/**
 * Imports a ledger (already parsed from JSON or Excel) into a station: every problem is reported and nothing is
 * written, or all of it is written in one transaction with one audit record. A station that already has records is
 * refused unless `replace` is given, which deletes them in the same transaction.
 */
export async function importLedger(
  ctx: Ctx,
  { stationId, value, replace, dryRun, preProblems }: ImportLedgerOptions,
): Promise<ImportReportDto> {
  const station = await requireStation(ctx, stationId);
  const years = new Set((await ctx.db.selectFrom('program_years').select('year').execute()).map((r) => r.year));
  const parsed = parseLedger(value, (y) => years.has(y));
  const pre = preProblems ?? [];
  if (!parsed.ok || pre.length) {
    const errors = [
      ...pre,
      ...(parsed.ok
        ? []
        : parsed.problems.map((p) => {
            const i = p.indexOf(': ');
            return { path: p.slice(0, i), message: p.slice(i + 2) };
          })),
    ];
    return { ok: false, errors, warnings: [], counts: {} };
  }
  const policy = await loadPolicy(ctx.db, station.program_year);
  const { errors, warnings } = importChecks(parsed.ledger, station, await moneyContext(ctx.db, station, policy));
  if (errors.length) return { ok: false, errors, warnings, counts: {} };
  if (dryRun) return { ok: true, errors, warnings, counts: ledgerCounts(parsed.ledger) };
  const counts = await writeStationLedger(ctx, { station, ledger: parsed.ledger, replace });
  return { ok: true, errors: [], warnings, counts };
}

export interface ImportLedgerWorkbookOptions {
  stationId: string;
  bytes: Uint8Array;
  replace: boolean;
  dryRun?: boolean;
}

/**
 * Imports a ledger workbook. Cells that could not be read are problems of the import like the schema's, and every
 * problem is placed in the workbook (sheet, row, column) — once per cell, since a bad cell usually fails both ways.
 */
export async function importLedgerWorkbook(
  ctx: Ctx,
  { stationId, bytes, replace, dryRun }: ImportLedgerWorkbookOptions,
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
  const report = await importLedger(ctx, { stationId, value: book.value, replace, dryRun, preProblems: pre });
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
