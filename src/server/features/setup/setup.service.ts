import { type SetupFacts, type SetupStep, setupChecklist } from '../../../domain/setup/checklist';
import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import type { SetupChecklistDto, SetupStepDto } from '../../../shared/schemas/setup';
import type { Ctx } from '../../context';
import { shanghaiDate } from '../../scope';

// 上线准备清单 (issue #10 §3): the facts are counts (no row leaves the database), the rule is the domain's.

async function setupFacts(ctx: Ctx): Promise<SetupFacts> {
  const accounts = await ctx.db
    .selectFrom('users')
    .select((eb) => ['role', eb.fn.countAll<number>().as('n')])
    .where('is_active', '=', 1)
    .groupBy('role')
    .execute();
  const hosts = await ctx.db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'host')
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  const years = await ctx.db.selectFrom('program_years').select('year').execute();
  const stations = await ctx.db
    .selectFrom('stations')
    .select((eb) => ['program_year', eb.fn.countAll<number>().as('n')])
    .groupBy('program_year')
    .execute();
  const perYear = new Map(stations.map((s) => [Number(s.program_year), Number(s.n)]));
  return {
    activeAccounts: Object.fromEntries(accounts.map((a) => [a.role, Number(a.n)])) as Partial<Record<Role, number>>,
    hosts: Number(hosts.n),
    programYears: years.map((y) => ({ year: Number(y.year), stations: perYear.get(Number(y.year)) ?? 0 })),
  };
}

const roleList = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');

function toSetupStepDto(s: SetupStep): SetupStepDto {
  return {
    id: s.id,
    title: s.title,
    why: s.why,
    article: s.article,
    who: [...s.who],
    whoLabel: roleList(s.who),
    done: s.done,
    detail: s.detail,
    link: s.link,
    items: s.items.map((i) => ({
      role: i.role,
      label: ROLE_LABELS[i.role],
      done: i.done,
      count: i.count,
      hint: i.hint,
    })),
  };
}

export async function getSetupChecklist(ctx: Ctx): Promise<SetupChecklistDto> {
  const c = setupChecklist(await setupFacts(ctx), shanghaiDate(ctx.clock.now()));
  return {
    today: c.today,
    comingYear: c.comingYear,
    workingYear: c.workingYear,
    doneCount: c.doneCount,
    total: c.steps.length,
    isComplete: c.isComplete,
    steps: c.steps.map(toSetupStepDto),
  };
}
