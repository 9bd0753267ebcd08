import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { OversightDto } from '../../../shared/schemas/oversight';
import type { Ctx } from '../../context';
import { shanghaiDate, stationScope } from '../../scope';
import { yearExecution } from '../funds/execution.service';
import { kpiMatrix } from '../kpis/kpis.service';

// 工作概览 (issue 14): one program year at a glance for the Center (all stations) or a district association (its
// own), in the reader's data scope. Every figure is a SQL count or sum, or comes from the KPI matrix and the funds
// execution that the 考核看板 and 经费执行 pages show, so the overview and the lists behind it cannot disagree.

const WORST = 10;

export async function yearOversight(ctx: Ctx, year: number): Promise<OversightDto> {
  const today = shanghaiDate(ctx.clock.now());
  const scope = stationScope(ctx.actor!, today);
  const stationIds = ctx.db
    .selectFrom('stations')
    .select('stations.id')
    .where('stations.program_year', '=', year)
    .where(scope);

  const matrix = await kpiMatrix(ctx, { year });
  const behind = matrix.rows.filter((r) => r.mainShortfall);
  const ratio = (r: (typeof behind)[number]) =>
    r.mainShortfall!.expected > 0 ? r.mainShortfall!.actual / r.mainShortfall!.expected : 1;
  const worst = [...behind]
    .sort((a, b) => b.behindCount - a.behindCount || ratio(a) - ratio(b) || a.name.localeCompare(b.name))
    .slice(0, WORST)
    .map((r) => ({
      stationId: r.stationId,
      name: r.name,
      type: r.type,
      typeLabel: STATION_TYPE_LABELS[r.type],
      districtName: r.districtName,
      behindCount: r.behindCount,
      kpiCount: r.kpiCount,
      mainShortfall: r.mainShortfall!,
      elapsed: r.elapsed,
    }));

  const projects = await ctx.db
    .selectFrom('projects as p')
    .innerJoin('stations as s', 's.id', 'p.station_id')
    .select((eb) => [
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('p.status', '=', 'in_progress'), eb('s.period_end', '<', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('p.status', 'in', ['in_progress', 'returned_for_revision']),
                eb('s.period_end', '<', today),
                eb('p.reports_due_on', '<', today),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
      eb.fn.sum<number>(eb.case().when('p.status', '=', 'reports_submitted').then(1).else(0).end()).as('submitted'),
    ])
    .where('p.station_id', 'in', stationIds)
    .executeTakeFirst();

  const findings = await ctx.db
    .selectFrom('inspection_findings as f')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('f.due_on', '<', today).then(1).else(0).end()).as('overdue'),
      eb.fn.min('f.due_on').as('next'),
    ])
    .where('f.status', 'in', ['open', 'responded'])
    .where('f.station_id', 'in', stationIds)
    .executeTakeFirst();

  const orders = await ctx.db
    .selectFrom('recovery_orders as o')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('o.due_on', '<', today).then(1).else(0).end()).as('overdue'),
      eb.fn.sum<number>(eb('o.amount_fen', '-', eb.ref('o.paid_fen'))).as('owed'),
      eb.fn.min('o.due_on').as('next'),
    ])
    .where('o.status', 'in', ['issued', 'partly_paid'])
    .where('o.station_id', 'in', stationIds)
    .executeTakeFirst();

  const candidates = await ctx.db
    .selectFrom('outcomes as o')
    .innerJoin('stations as s', 's.id', 'o.station_id')
    .leftJoin('golden_bridge_reviews as g', 'g.outcome_id', 'o.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.golden_bridge', '=', 1)
    .where('s.type', '!=', 'iur')
    .where('g.outcome_id', 'is', null)
    .where('o.station_id', 'in', stationIds)
    .executeTakeFirst();

  const changes = await ctx.db
    .selectFrom('change_requests as cr')
    .innerJoin('projects as p', 'p.id', 'cr.project_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cr.status', '=', 'submitted')
    .where('p.station_id', 'in', stationIds)
    .executeTakeFirst();

  const funds = (await yearExecution(ctx, { year }, { page: 1, pageSize: 1 })).totals;
  const n = (v: unknown) => Number(v ?? 0);
  return {
    year,
    today,
    stations: { total: matrix.rows.length, behind: behind.length, worst },
    reports: { due: n(projects?.due), overdue: n(projects?.overdue), awaitingAcceptance: n(projects?.submitted) },
    findings: { open: n(findings?.n), overdue: n(findings?.overdue), nextDueOn: findings?.next ?? null },
    recoveries: {
      open: n(orders?.n),
      overdue: n(orders?.overdue),
      owedFen: n(orders?.owed),
      nextDueOn: orders?.next ?? null,
    },
    funds: {
      grantedFen: funds.grantedFen,
      spentGrantFen: funds.spentGrantFen,
      executionRate: funds.executionRate,
      timeElapsed: funds.timeElapsed,
    },
    goldenBridgePending: n(candidates?.n),
    changeRequestsPending: n(changes?.n),
  };
}
