import { workingYear } from '../../../domain/lifecycle/working-year';
import {
  BUILT_IN_POLICIES,
  copyPolicyForYear,
  type Policy,
  STATION_TYPES,
  validatePolicy,
} from '../../../domain/policy/index';
import { conflict, type FieldIssue, invalid, notFound } from '../../../shared/errors';
import {
  kpiTargetSchema,
  type ProgramYearDto,
  type ProgramYearSummaryDto,
  type UpdatePolicyInput,
} from '../../../shared/schemas/program-year';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { loadPolicy, parsePolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import type { ProgramYearTable } from '../../db/schema';
import { shanghaiDate, stationScope } from '../../scope';

const quotaTotal = (p: Policy) => STATION_TYPES.reduce((s, t) => s + p.stationTypes[t].quota, 0);

export async function listProgramYears(ctx: Ctx): Promise<ProgramYearSummaryDto[]> {
  const years = await ctx.db.selectFrom('program_years').selectAll().orderBy('year', 'desc').execute();
  // Station counts within the actor's data scope: a host or district does not learn the city's totals here.
  const counts = await ctx.db
    .selectFrom('stations')
    .select((eb) => [
      'stations.program_year',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('stations.period_start').as('start'),
      eb.fn.max('stations.period_end').as('end'),
    ])
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())))
    .groupBy('stations.program_year')
    .execute();
  const n = new Map(counts.map((c) => [c.program_year, c]));
  const rows = years.map((y) => {
    const c = n.get(y.year);
    return { ...y, station_count: Number(c?.n ?? 0), start: c?.start ?? null, end: c?.end ?? null };
  });
  const working = workingYear(
    rows.map((r) => ({ year: r.year, stationCount: r.station_count, periodStart: r.start, periodEnd: r.end })),
    shanghaiDate(ctx.clock.now()),
  );
  return rows.map((r) => {
    const p = parsePolicy(r);
    return {
      year: r.year,
      title: p.title,
      status: r.status,
      lockedAt: r.locked_at,
      stationCount: r.station_count,
      periodStart: r.start,
      periodEnd: r.end,
      working: r.year === working,
      quotaTotal: quotaTotal(p),
      version: r.version,
    };
  });
}

/** A project past `agreement_pending` has a signed agreement: the year's rules are in force for it. */
async function hasSignedProject(db: Database | Tx, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('program_year', '=', year)
    .where('status', '!=', 'agreement_pending')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Why the Center may no longer change a year's policy, or null. A signed project outranks the call: what to do then
 * is a change request on that project (第十一条), not a copy of the year. The update route refuses with these words.
 */
async function policyLockReason(db: Database | Tx, row: Pick<ProgramYearTable, 'year' | 'status'>) {
  if (await hasSignedProject(db, row.year)) {
    return `${row.year} 年度已有项目在实施中，年度政策不能直接修改；项目内容的调整请走变更申请（第十一条）`;
  }
  if (row.status === 'locked') return `${row.year} 年度的申报已开启，年度政策已锁定，不能修改（第十条）`;
  return null;
}

export async function getProgramYear(ctx: Ctx, year: number): Promise<ProgramYearDto> {
  const row = await ctx.db.selectFrom('program_years').selectAll().where('year', '=', year).executeTakeFirst();
  if (!row) throw notFound(`${year} 年度`);
  const policy = parsePolicy(row);
  const lockedReason = await policyLockReason(ctx.db, row);
  return {
    year: row.year,
    title: policy.title,
    status: row.status,
    lockedAt: row.locked_at,
    version: row.version,
    quotaTotal: quotaTotal(policy),
    policy,
    problems: validatePolicy(policy),
    editable: lockedReason === null,
    lockedReason,
  };
}

/** Inserts a built-in year's policy (seed and migrations of a fresh database). */
export async function ensureBuiltInYears(ctx: Ctx): Promise<number[]> {
  const created: number[] = [];
  for (const p of BUILT_IN_POLICIES) {
    const exists = await ctx.db
      .selectFrom('program_years')
      .select('year')
      .where('year', '=', p.year)
      .executeTakeFirst();
    if (exists) continue;
    const now = ctx.clock.now().toISOString();
    await writeTx(ctx, async (tx, audit) => {
      await tx
        .insertInto('program_years')
        .values({
          year: p.year,
          policy_json: JSON.stringify(p),
          status: 'draft',
          locked_at: null,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      await audit.record({
        entity: 'program_year',
        entityId: String(p.year),
        action: 'create',
        summary: `载入 ${p.year} 年度政策（${p.sourceDocument}）`,
        after: { year: p.year, title: p.title },
      });
    });
    created.push(p.year);
  }
  return created;
}

/** 第三条 年度项目制: next year's rules start as a copy of a past year's, then the Center edits them. */
export async function copyProgramYear(ctx: Ctx, input: { fromYear: number; year: number }): Promise<ProgramYearDto> {
  const source = await loadPolicy(ctx.db, input.fromYear);
  const exists = await ctx.db
    .selectFrom('program_years')
    .select('year')
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (exists) throw invalid([{ path: 'year', message: `${input.year} 年度已存在` }]);
  const policy = copyPolicyForYear(source, input.year);
  const now = ctx.clock.now().toISOString();
  await writeTx(ctx, async (tx, audit) => {
    await tx
      .insertInto('program_years')
      .values({
        year: input.year,
        policy_json: JSON.stringify(policy),
        status: 'draft',
        locked_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await audit.record({
      entity: 'program_year',
      entityId: String(input.year),
      action: 'create',
      summary: `由 ${input.fromYear} 年度复制创建 ${input.year} 年度政策`,
      after: { year: input.year, fromYear: input.fromYear, title: policy.title },
    });
  });
  return getProgramYear(ctx, input.year);
}

function applyEdits(policy: Policy, input: UpdatePolicyInput): Policy {
  const next = JSON.parse(JSON.stringify(policy)) as Policy;
  if (input.title) next.title = input.title;
  for (const [type, edit] of Object.entries(input.stationTypes ?? {})) {
    const st = next.stationTypes[type as keyof Policy['stationTypes']];
    if (edit.quota !== undefined) st.quota = edit.quota;
    if (edit.fundingFen !== undefined) st.fundingFen = edit.fundingFen;
  }
  for (const d of input.districts ?? []) {
    const found = next.districts.find((x) => x.code === d.code);
    if (found) found.stationType = d.stationType;
  }
  for (const [type, rows] of Object.entries(input.kpis ?? {})) {
    const list = next.kpis[type as keyof Policy['kpis']];
    for (const r of rows) {
      const k = list.find((x) => x.id === r.id);
      if (k) k.target = r.target;
    }
  }
  return next;
}

/**
 * The route checked each KPI target against a bound loose enough for any KPI; here each is checked by its measure in
 * the year's own list (第七条、第八条). Paths are the body's (`kpis.iur.2.target`), so the form puts each on its field.
 */
function kpiTargetIssues(policy: Policy, input: UpdatePolicyInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [type, rows] of Object.entries(input.kpis ?? {})) {
    const list = policy.kpis[type as keyof Policy['kpis']];
    rows.forEach((r, i) => {
      const k = list.find((x) => x.id === r.id);
      if (!k) return;
      const checked = kpiTargetSchema(k.measure).safeParse(r.target);
      if (!checked.success) {
        issues.push({ path: `kpis.${type}.${i}.target`, message: `${k.name}：${checked.error.issues[0].message}` });
      }
    });
  }
  return issues;
}

/**
 * A draft year's numbers may change; once its call opens the policy is locked (第十条: the call states the rules), and
 * once a project has signed its agreement the year is running: its content changes by change request (第十一条).
 */
export async function updateProgramYear(ctx: Ctx, year: number, input: UpdatePolicyInput): Promise<ProgramYearDto> {
  await writeTx(ctx, async (tx, audit) => {
    const row = await tx.selectFrom('program_years').selectAll().where('year', '=', year).executeTakeFirst();
    if (!row) throw notFound(`${year} 年度`);
    const locked = await policyLockReason(tx, row);
    if (locked) throw conflict(locked);
    if (row.version !== input.version) throw conflict('该年度政策已被他人修改，请刷新后重试');
    const before = parsePolicy(row);
    const targets = kpiTargetIssues(before, input);
    if (targets.length) throw invalid(targets);
    const after = applyEdits(before, input);
    const problems = validatePolicy(after);
    if (problems.length)
      throw invalid(
        problems.map((message) => ({ path: 'policy', message })),
        `年度政策前后不一致：${problems.join('；')}`,
      );
    const now = ctx.clock.now().toISOString();
    const res = await tx
      .updateTable('program_years')
      .set({ policy_json: JSON.stringify(after), updated_at: now, version: row.version + 1 })
      .where('year', '=', year)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该年度政策已被他人修改，请刷新后重试');
    await audit.record({
      entity: 'program_year',
      entityId: String(year),
      action: 'update',
      summary: `修改 ${year} 年度政策`,
      before: {
        stationTypes: before.stationTypes,
        districts: before.districts,
        kpis: before.kpis,
        title: before.title,
      },
      after: { stationTypes: after.stationTypes, districts: after.districts, kpis: after.kpis, title: after.title },
    });
  });
  return getProgramYear(ctx, year);
}

export async function lockProgramYear(ctx: Ctx, year: number, version: number): Promise<ProgramYearDto> {
  await writeTx(ctx, async (tx, audit) => {
    const row = await tx.selectFrom('program_years').selectAll().where('year', '=', year).executeTakeFirst();
    if (!row) throw notFound(`${year} 年度`);
    if (row.status === 'locked') throw conflict(`${year} 年度政策已锁定`);
    if (row.version !== version) throw conflict('该年度政策已被他人修改，请刷新核对后再锁定');
    const problems = validatePolicy(parsePolicy(row));
    if (problems.length) throw conflict(`年度政策存在问题，不能锁定：${problems[0]}`);
    const now = ctx.clock.now().toISOString();
    const res = await tx
      .updateTable('program_years')
      .set({ status: 'locked', locked_at: now, updated_at: now, version: row.version + 1 })
      .where('year', '=', year)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该年度政策已被他人修改，请刷新核对后再锁定');
    await audit.record({
      entity: 'program_year',
      entityId: String(year),
      action: 'lock',
      summary: `锁定 ${year} 年度政策（申报通知发布，第十条）`,
      before: { status: row.status },
      after: { status: 'locked', locked_at: now },
    });
  });
  return getProgramYear(ctx, year);
}
