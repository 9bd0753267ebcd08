import { formatYuan } from '../../../domain/money';
import type { Role } from '../../../shared/permissions';
import type { Database, Tx } from '../../db/database';
import { shanghaiDate } from '../../scope';
import { gapsOfStations } from '../gaps/gaps.service';
import { APPROVAL_VALID_HOURS } from '../users/password-resets.service';

// What waits for whom (issue #4, 待办): computed from the lifecycle's rows, never stored, so it cannot go stale.
// Each task names its audience; `tasksFor` keeps an account's own, the reminder job all of them.

export interface Task {
  /** stable across runs: the reminder job keys its rows by it */
  key: string;
  kind: string;
  title: string;
  dueOn: string | null;
  link: string;
  article: string;
  audience: { roles: Role[]; orgId?: string; district?: string; userId?: string };
}

const CENTER: Role[] = ['center_admin', 'center_staff'];
const name = (formJson: string) => (JSON.parse(formJson) as { stationName?: string }).stationName || '（未命名）';

/** The account an inbox is for; without it (the reminder job) every task is collected. */
export interface TaskAccount {
  role: Role;
  userId: string;
  organizationId: string | null;
  districtCode: string | null;
}

/**
 * The tasks, narrowed in SQL to the rows that can concern `who` (its organisation's, its district's, its review
 * assignments, or all for the Center), so that a home page does not read every open row; `forAccount` still decides.
 */
export async function collectTasks(db: Database | Tx, who?: TaskAccount, now?: Date): Promise<Task[]> {
  const tasks: Task[] = [];
  if (!who || who.role === 'sec_admin' || who.role === 'sys_admin') tasks.push(...(await passwordResetTasks(db, now)));
  const all = !who || CENTER.includes(who.role);
  const hostOrg = who?.role === 'host' ? (who.organizationId ?? '-') : null;
  const district = who?.role === 'district' ? (who.districtCode ?? '-') : null;
  const reviewer = who?.role === 'reviewer' ? who.userId : null;
  if (!all && !hostOrg && !district && !reviewer) return tasks;
  const apps = await db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select([
      'a.id',
      'a.call_id',
      'a.status',
      'a.form_json',
      'a.host_org_id',
      'a.district_code',
      'a.station_type',
      'c.closes_on',
    ])
    .where('a.status', 'in', ['draft', 'returned', 'submitted', 'recommended', 'under_review'])
    .$if(!all, (q) =>
      q.where((eb) => eb.or([eb('a.host_org_id', '=', hostOrg ?? '-'), eb('a.district_code', '=', district ?? '-')])),
    )
    .execute();
  const scored = await db
    .selectFrom('review_assignments')
    .select(['application_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'submitted')
    .groupBy('application_id')
    .execute();
  const mins = await db.selectFrom('calls').select(['id', 'min_reviewers']).execute();
  for (const a of apps) {
    const n = name(a.form_json);
    const link = `/applications/${a.id}`;
    if (a.status === 'draft' || a.status === 'returned')
      tasks.push({
        key: `app-submit:${a.id}`,
        kind: 'submit_application',
        title: a.status === 'returned' ? `修改并重新提交被退回的申报书“${n}”` : `完成并提交申报书“${n}”`,
        dueOn: a.closes_on,
        link,
        article: '第十条',
        audience: { roles: ['host'], orgId: a.host_org_id },
      });
    else if (a.status === 'submitted' && a.station_type !== 'iur' && a.district_code)
      tasks.push({
        key: `app-recommend:${a.id}`,
        kind: 'recommend',
        title: `推荐或退回申报书“${n}”`,
        dueOn: a.closes_on,
        link,
        article: '第六条',
        audience: { roles: ['district'], district: a.district_code },
      });
    else if (a.status === 'recommended' || (a.status === 'submitted' && a.station_type === 'iur'))
      tasks.push({
        key: `app-review:${a.id}`,
        kind: 'organise_review',
        title: `为“${n}”指派评审专家并组织评审`,
        dueOn: null,
        link,
        article: '第十条',
        audience: { roles: CENTER },
      });
    else if (a.status === 'under_review') {
      const done = Number(scored.find((s) => s.application_id === a.id)?.n ?? 0);
      const min = mins.find((m) => m.id === a.call_id)?.min_reviewers ?? 3;
      if (done >= min)
        tasks.push({
          key: `app-decide:${a.id}`,
          kind: 'approve',
          title: `评审已完成，审批立项：“${n}”`,
          dueOn: null,
          link,
          article: '第十条',
          audience: { roles: ['center_admin'] },
        });
    }
  }
  const reviews = await db
    .selectFrom('review_assignments as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select(['r.id', 'r.reviewer_id', 'r.declared_at', 'a.form_json', 'a.id as aid', 'c.closes_on'])
    .where('r.status', '=', 'assigned')
    .where('a.status', 'in', ['submitted', 'recommended', 'under_review'])
    .$if(!!who, (q) => q.where('r.reviewer_id', '=', reviewer ?? '-'))
    .execute();
  for (const r of reviews)
    tasks.push({
      key: `review:${r.id}`,
      kind: 'review',
      title: r.declared_at ? `为“${name(r.form_json)}”评分` : `声明利益冲突并评审“${name(r.form_json)}”`,
      dueOn: null,
      link: `/reviews`,
      article: '第十条',
      audience: { roles: ['reviewer'], userId: r.reviewer_id },
    });
  const projects = await db
    .selectFrom('projects as p')
    .innerJoin('stations as s', 's.id', 'p.station_id')
    .select(['p.id', 'p.status', 'p.reports_due_on', 's.name', 's.host_org_id'])
    .where('p.status', 'in', ['agreement_pending', 'in_progress', 'returned_for_revision', 'reports_submitted'])
    .$if(!all, (q) => q.where('s.host_org_id', '=', hostOrg ?? '-'))
    .execute();
  for (const p of projects) {
    const tab = p.status === 'agreement_pending' ? 'signing' : 'acceptance';
    const link = `/projects/${p.id}?tab=${tab}`;
    if (p.status === 'agreement_pending')
      tasks.push({
        key: `sign:${p.id}`,
        kind: 'sign',
        title: `签订“${p.name}”项目合作协议并上传扫描件`,
        dueOn: null,
        link,
        article: '第十条',
        audience: { roles: CENTER },
      });
    else if (p.status === 'in_progress' || p.status === 'returned_for_revision')
      tasks.push({
        key: `reports:${p.id}`,
        kind: 'submit_reports',
        title:
          p.status === 'returned_for_revision'
            ? `验收材料被退回，修改后重新提交：“${p.name}”`
            : `提交“${p.name}”的总结报告和决算报告`,
        dueOn: p.reports_due_on,
        link,
        article: '第十二条',
        audience: { roles: ['host'], orgId: p.host_org_id },
      });
    else
      tasks.push({
        key: `accept:${p.id}`,
        kind: 'acceptance',
        title: `验收“${p.name}”`,
        dueOn: null,
        link,
        article: '第十三条',
        audience: { roles: ['center_admin'] },
      });
  }
  const crs = await db
    .selectFrom('change_requests as cr')
    .innerJoin('projects as p', 'p.id', 'cr.project_id')
    .innerJoin('stations as s', 's.id', 'p.station_id')
    .select(['cr.id', 'cr.status', 'cr.title', 'cr.effective_on', 'cr.project_id', 's.host_org_id', 's.name'])
    .where('cr.status', 'in', ['draft', 'submitted'])
    .$if(!all, (q) => q.where('s.host_org_id', '=', hostOrg ?? '-'))
    .execute();
  for (const c of crs) {
    const link = `/projects/${c.project_id}?tab=changes`;
    if (c.status === 'draft')
      tasks.push({
        key: `cr-submit:${c.id}`,
        kind: 'submit_change',
        title: `提交工作调整申请“${c.title}”（须上传纸质说明）`,
        dueOn: c.effective_on,
        link,
        article: '第十一条',
        audience: { roles: ['host'], orgId: c.host_org_id },
      });
    else
      tasks.push({
        key: `cr-decide:${c.id}`,
        kind: 'approve_change',
        title: `审批“${c.name}”的工作调整申请“${c.title}”`,
        dueOn: c.effective_on,
        link,
        article: '第十一条',
        audience: { roles: ['center_admin'] },
      });
  }
  // Supervision (issue #5): rectifications the host owes, answers the Center decides, money to be paid back.
  const findings = await db
    .selectFrom('inspection_findings as f')
    .innerJoin('stations as s', 's.id', 'f.station_id')
    .select(['f.id', 'f.status', 'f.description', 'f.due_on', 'f.kind', 'f.station_id', 's.name', 's.host_org_id'])
    .where('f.status', 'in', ['open', 'responded'])
    .$if(!all, (q) => q.where('s.host_org_id', '=', hostOrg ?? '-'))
    .execute();
  for (const f of findings) {
    const link = `/stations/${f.station_id}/supervision`;
    if (f.status === 'open' && f.kind === 'rectification')
      tasks.push({
        key: `finding-respond:${f.id}`,
        kind: 'respond_finding',
        title: `按检查要求整改并反馈：“${f.description}”`,
        dueOn: f.due_on,
        link,
        article: '第十九条',
        audience: { roles: ['host'], orgId: f.host_org_id },
      });
    else if (f.status === 'responded')
      tasks.push({
        key: `finding-decide:${f.id}`,
        kind: 'decide_finding',
        title: `审核“${f.name}”的整改反馈：“${f.description}”`,
        dueOn: null,
        link,
        article: '第十九条',
        audience: { roles: CENTER },
      });
  }
  const orders = await db
    .selectFrom('recovery_orders as o')
    .innerJoin('stations as s', 's.id', 'o.station_id')
    .select(['o.id', 'o.status', 'o.due_on', 'o.amount_fen', 'o.paid_fen', 'o.station_id', 's.name', 's.host_org_id'])
    .where('o.status', 'in', ['issued', 'partly_paid', 'paid'])
    .$if(!all, (q) => q.where('s.host_org_id', '=', hostOrg ?? '-'))
    .execute();
  for (const o of orders) {
    const owed = Number(o.amount_fen) - Number(o.paid_fen);
    const yuan = formatYuan(owed, { symbol: false });
    if (o.status === 'paid')
      tasks.push({
        key: `recovery-close:${o.id}`,
        kind: 'close_recovery',
        title: `“${o.name}”的追回经费已全部退回，请结案`,
        dueOn: null,
        link: `/stations/${o.station_id}/supervision`,
        article: '第十八条',
        audience: { roles: ['center_admin'] },
      });
    else {
      tasks.push({
        key: `recovery-pay:${o.id}`,
        kind: 'pay_recovery',
        title: `按追回经费通知退回 ${yuan} 元`,
        dueOn: o.due_on,
        link: `/stations/${o.station_id}/supervision`,
        article: '第十八条',
        audience: { roles: ['host'], orgId: o.host_org_id },
      });
      tasks.push({
        key: `recovery-record:${o.id}`,
        kind: 'record_recovery',
        title: `登记“${o.name}”退回的经费（尚欠 ${yuan} 元）`,
        dueOn: o.due_on,
        link: `/stations/${o.station_id}/supervision`,
        article: '第十八条',
        audience: { roles: ['center_admin'] },
      });
    }
  }
  if (hostOrg && now) tasks.push(...(await gapTasks(db, { orgId: hostOrg, today: shanghaiDate(now) })));
  if (all) tasks.push(...(await centerQueues(db, shanghaiDate(now ?? new Date()))));
  return tasks.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.key.localeCompare(b.key));
}

/**
 * What the Center works through as a queue rather than record by record (issue 14): the year's 金桥 candidates not
 * yet reviewed (第九条), the projects whose year-end reports are overdue (第十二条: the Center chases them) and the
 * host registrations waiting for approval. One task per queue and year, counted in SQL, each linking to the list
 * filtered to exactly those rows; both Center roles hold the permissions these lists need.
 */
async function centerQueues(db: Database | Tx, today: string): Promise<Task[]> {
  const tasks: Task[] = [];
  const candidates = await db
    .selectFrom('outcomes as o')
    .innerJoin('stations as s', 's.id', 'o.station_id')
    .leftJoin('golden_bridge_reviews as g', 'g.outcome_id', 'o.id')
    .select(['s.program_year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.golden_bridge', '=', 1)
    .where('s.type', '!=', 'iur')
    .where('g.outcome_id', 'is', null)
    .groupBy('s.program_year')
    .execute();
  for (const c of candidates)
    tasks.push({
      key: `golden-bridge:${c.program_year}`,
      kind: 'review_golden_bridge',
      title: `审核 ${c.program_year} 年度 ${Number(c.n)} 项金桥工程候选成果`,
      dueOn: null,
      link: `/golden-bridge?year=${c.program_year}&status=pending`,
      article: '第九条',
      audience: { roles: CENTER },
    });
  const overdue = await db
    .selectFrom('projects as p')
    .innerJoin('stations as s', 's.id', 'p.station_id')
    .select([
      'p.program_year',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.min('p.reports_due_on').as('due'),
    ])
    .where('p.status', '=', 'in_progress')
    .where('s.period_end', '<', today)
    .where('p.reports_due_on', '<', today)
    .groupBy('p.program_year')
    .execute();
  for (const o of overdue)
    tasks.push({
      key: `reports-overdue:${o.program_year}`,
      kind: 'chase_reports',
      title: `${o.program_year} 年度 ${Number(o.n)} 个项目逾期未提交总结报告和决算报告，请督促`,
      dueOn: o.due,
      link: `/projects?year=${o.program_year}&status=reports_due`,
      article: '第十二条',
      audience: { roles: CENTER },
    });
  const registrations = await db
    .selectFrom('host_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(registrations?.n ?? 0) > 0)
    tasks.push({
      key: 'host-registrations',
      kind: 'approve_registration',
      title: `审核 ${Number(registrations!.n)} 个依托单位注册申请`,
      dueOn: null,
      link: '/organizations?review=registrations',
      article: '第十条',
      audience: { roles: CENTER },
    });
  return tasks;
}

/**
 * 待补事项 (src/domain/gaps): one task per station of the host's organisation whose ledger is still worked on (its
 * period not over, or its year-end materials not yet submitted) and that lacks something. The gaps are SQL aggregates
 * over those few stations together, so the inbox reads no records. Due at the end of the period, after which records
 * no longer count (第七条、第八条).
 */
async function gapTasks(db: Database | Tx, { orgId, today }: { orgId: string; today: string }): Promise<Task[]> {
  const stations = await db
    .selectFrom('stations as s')
    .select(['s.id', 's.name', 's.type', 's.program_year', 's.period_start', 's.period_end'])
    .where('s.host_org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('s.period_end', '>=', today),
        eb.exists(
          eb
            .selectFrom('projects as p')
            .select('p.id')
            .whereRef('p.station_id', '=', 's.id')
            .where('p.status', 'in', ['in_progress', 'returned_for_revision']),
        ),
      ]),
    )
    .execute();
  const gaps = await gapsOfStations(db, { stations, today });
  return stations.flatMap((s): Task[] => {
    const items = gaps.get(s.id) ?? [];
    if (!items.length) return [];
    return [
      {
        key: `gaps:${s.id}`,
        kind: 'station_gaps',
        title: `${s.name}：待补事项 ${items.length} 项`,
        dueOn: s.period_end >= today ? s.period_end : null,
        link: `/?gaps=${s.id}`,
        article: [...new Set(items.map((i) => i.article))].join('、'),
        audience: { roles: ['host'], orgId },
      },
    ];
  });
}

/**
 * 密码重置双人复核 (decision 018): a request waits for the security administrator; a confirmed one for the system
 * administrator who asked, to collect the temporary password. No due date: nothing to remind of ahead of time.
 */
async function passwordResetTasks(db: Database | Tx, now?: Date): Promise<Task[]> {
  const rows = await db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('users as q', 'q.id', 'r.requested_by')
    .select(['r.id', 'r.status', 'r.decided_at', 'r.requested_by', 'u.username', 'q.username as requester'])
    .where('r.status', 'in', ['pending', 'approved'])
    .orderBy('r.id')
    .execute();
  // A confirmation not collected in time has lapsed (password-resets.service.ts): nothing is left to do for it.
  const live = rows.filter(
    (r) =>
      !now ||
      r.status !== 'approved' ||
      new Date(r.decided_at ?? 0).getTime() + APPROVAL_VALID_HOURS * 3600_000 > now.getTime(),
  );
  return live.map(
    (r): Task =>
      r.status === 'pending'
        ? {
            key: `password-reset-confirm:${r.id}`,
            kind: 'confirm_password_reset',
            title: `确认或不同意 ${r.requester} 重置账户 ${r.username} 密码的申请`,
            dueOn: null,
            link: '/users',
            article: '三员分立',
            audience: { roles: ['sec_admin'] },
          }
        : {
            key: `password-reset-issue:${r.id}`,
            kind: 'issue_password_reset',
            title: `安全管理员已确认：领取账户 ${r.username} 的临时密码`,
            dueOn: null,
            link: '/users',
            article: '三员分立',
            audience: { roles: ['sys_admin'], userId: r.requested_by },
          },
  );
}

export function forAccount(
  t: Task,
  a: { role: Role; userId: string; organizationId: string | null; districtCode: string | null },
): boolean {
  const au = t.audience;
  if (!au.roles.includes(a.role)) return false;
  if (au.orgId && au.orgId !== a.organizationId) return false;
  if (au.district && au.district !== a.districtCode) return false;
  if (au.userId && au.userId !== a.userId) return false;
  return true;
}
