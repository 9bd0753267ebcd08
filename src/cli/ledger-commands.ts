import { readFileSync } from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { isIsoDate, type Ledger, parseLedgerText } from '../domain/ledger/schema';
import { normalizeUscc } from '../domain/uscc';
import { writeTx } from '../server/audit/audit';
import type { Ctx } from '../server/context';
import { loadPolicy } from '../server/core/policy';
import type { StationTable } from '../server/db/schema';
import { expenseImportProblems, moneyContext } from '../server/features/funds/expense-import';
import { evaluateStation } from '../server/features/kpis/kpis.service';
import { buildLedger } from '../server/features/ledger-exchange/ledger-export.service';
import { importChecks, writeStationLedger } from '../server/features/ledger-exchange/ledger-import.service';
import { ensureBuiltInYears } from '../server/features/program-years/program-years.service';
import { shanghaiDate } from '../server/scope';
import type { CliIo } from './evaluate';

// `qianqi import | export | kpis` (issue #3): the same services as the web, acting as the command line ('cli' in the
// audit trail). `kpis` of a station equals `evaluate` of its exported ledger.

const CLI_ACTOR = { id: null, name: 'cli', role: null };

async function stationOf(ctx: Ctx, id: string, io: CliIo): Promise<StationTable | null> {
  const s = await ctx.db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) io.err(`站点 ${id} 不存在`);
  return s ?? null;
}

export async function runExport(ctx: Ctx, stationId: string, io: CliIo): Promise<number> {
  const s = await stationOf(ctx, stationId, io);
  if (!s) return 2;
  io.out(`${JSON.stringify(await buildLedger(ctx, s), null, 2)}\n`);
  return 0;
}

export async function runKpis(ctx: Ctx, opts: { station: string; on: string | undefined }, io: CliIo): Promise<number> {
  const on = opts.on ?? shanghaiDate(ctx.clock.now());
  if (!isIsoDate(on)) {
    io.err('--on: 评价日期应为 YYYY-MM-DD 格式的有效日期');
    return 2;
  }
  const s = await stationOf(ctx, opts.station, io);
  if (!s) return 2;
  io.out(`${JSON.stringify(await evaluateStation(ctx, { station: s, on }), null, 2)}\n`);
  return 0;
}

/** The station the ledger names (year, type, district; for IUR the host), created with its host when missing. */
async function findOrCreateStation(ctx: Ctx, ledger: Ledger, io: CliIo): Promise<StationTable> {
  const st = ledger.station;
  const hostUscc = st.host.uscc ? normalizeUscc(st.host.uscc) : null;
  return writeTx(ctx, async (tx, audit) => {
    let host = hostUscc
      ? await tx.selectFrom('organizations').selectAll().where('uscc', '=', hostUscc).executeTakeFirst()
      : await tx
          .selectFrom('organizations')
          .selectAll()
          .where('name', '=', st.host.name)
          .where('kind', '=', 'host')
          .executeTakeFirst();
    const now = ctx.clock.now().toISOString();
    if (!host) {
      host = {
        id: uuidv7(),
        kind: 'host',
        // The ledger does not say what kind of body the host is; the Center corrects it on the organisation page.
        host_kind: st.type === 'iur' ? 'university_association' : 'association',
        name: st.host.name,
        uscc: hostUscc,
        district_code: st.district,
        contact_name: null,
        contact_phone: null,
        address: null,
        is_active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await tx.insertInto('organizations').values(host).execute();
      await audit.record({
        entity: 'organization',
        entityId: host.id,
        action: 'create',
        summary: `命令行导入台账时新建依托单位“${host.name}”`,
        after: { ...host },
        actorOverride: CLI_ACTOR,
      });
      io.err(
        `已新建依托单位“${host.name}”（单位类型暂定为${host.host_kind === 'association' ? '协会' : '高校科协'}，请在系统中核对）`,
      );
    }
    let q = tx
      .selectFrom('stations')
      .selectAll()
      .where('program_year', '=', ledger.programYear)
      .where('type', '=', st.type);
    q = st.district ? q.where('district_code', '=', st.district) : q.where('host_org_id', '=', host.id);
    const found = await q.executeTakeFirst();
    if (found) return found;
    const station: StationTable = {
      id: uuidv7(),
      program_year: ledger.programYear,
      type: st.type,
      district_code: st.district,
      host_org_id: host.id,
      name: st.name,
      period_start: st.period.start,
      period_end: st.period.end,
      leader_name: '（待补充）',
      leader_phone: '',
      contact_name: '（待补充）',
      contact_phone: '',
      created_at: now,
      updated_at: now,
      version: 1,
      ledger_version: 0,
    };
    await tx.insertInto('stations').values(station).execute();
    await audit.record({
      entity: 'station',
      entityId: station.id,
      action: 'create',
      summary: `命令行导入台账时新建工作站点“${station.name}”`,
      after: { ...station },
      actorOverride: CLI_ACTOR,
    });
    io.err(`已新建工作站点“${station.name}”（${station.id}），负责人和联系人待补充`);
    return station;
  });
}

export async function runImport(ctx: Ctx, opts: { file: string; replace: boolean }, io: CliIo): Promise<number> {
  const { file } = opts;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`$: 无法读取文件 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    return 2;
  }
  await ensureBuiltInYears(ctx);
  const years = new Set((await ctx.db.selectFrom('program_years').select('year').execute()).map((r) => r.year));
  const parsed = parseLedgerText(text, (y) => years.has(y));
  if (!parsed.ok) {
    for (const p of parsed.problems) io.err(p);
    return 2;
  }
  // A refused expense stops the import before anything is written, the station included.
  const policy = await loadPolicy(ctx.db, parsed.ledger.programYear);
  const early = expenseImportProblems(
    parsed.ledger,
    { period_end: parsed.ledger.station.period.end },
    { policy, agreement: null },
  );
  if (early.errors.length) {
    for (const e of early.errors) io.err(`${e.path}: ${e.message}`);
    io.err('台账中有不能记账的支出，未导入任何记录');
    return 2;
  }
  const station = await findOrCreateStation(ctx, parsed.ledger, io);
  const checks = importChecks(parsed.ledger, {
    station,
    money: await moneyContext(ctx.db, station, policy),
    today: shanghaiDate(ctx.clock.now()),
  });
  for (const w of checks.warnings) io.err(`提示 ${w.path}: ${w.message}`);
  if (checks.errors.length) {
    for (const e of checks.errors) io.err(`${e.path}: ${e.message}`);
    return 2;
  }
  const outcome = await writeStationLedger(ctx, {
    station,
    ledger: parsed.ledger,
    replace: opts.replace,
    actorOverride: CLI_ACTOR,
  });
  for (const w of outcome.warnings) io.err(`提示 ${w.sheet ?? ''}: ${w.message}`);
  const counts = outcome.counts;
  const plan = Object.fromEntries(outcome.plan.map((x) => [x.key, { ...x, label: undefined, key: undefined }]));
  io.out(`${JSON.stringify({ station: station.id, counts, plan })}\n`);
  return 0;
}
