// Every allowed and refused transition of the lifecycle machines (issue #4), with its article. The expected tables
// below are written from the regulation (第三条, 第五条, 第六条, 第十条–第十三条), not read from the machines.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/permissions';
import { actionsFrom, decide, type Machine } from './machine';
import {
  type ApplicationFacts,
  applicationMachine,
  type CallFacts,
  type ChangeRequestFacts,
  callMachine,
  changeRequestMachine,
  type ProjectFacts,
  projectMachine,
} from './machines';

interface Expected {
  from: string;
  action: string;
  to: string;
  article: string;
  role: Role;
}

function exhaustive<S extends string, A extends string, C>(
  m: Machine<S, A, C>,
  actions: readonly A[],
  allowed: Expected[],
  okFacts: C,
  /** pairs whose refusal comes from a guard, tested on their own */
  guarded: string[] = [],
) {
  describe(`${m.name}: every state × action`, () => {
    for (const from of m.states) {
      for (const action of actions) {
        const exp = allowed.find((e) => e.from === from && e.action === action);
        if (exp) {
          it(`${from} —${action}→ ${exp.to} (${exp.article})`, () => {
            expect(decide({ machine: m, from, action, role: exp.role, facts: okFacts })).toEqual({
              ok: true,
              to: exp.to,
              article: exp.article,
            });
          });
        } else {
          it(`${from} —${action}→ refused, naming the state`, () => {
            for (const role of ['center_admin', 'center_staff', 'district', 'host'] as Role[]) {
              const d = decide({ machine: m, from, action, role, facts: okFacts });
              expect(d.ok).toBe(false);
              if (!d.ok && !guarded.includes(`${from}:${action}`))
                expect(d.reason).toContain(`“${m.stateLabels[from]}”`);
            }
          });
        }
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------

const callOk: CallFacts = { today: '2026-01-05', opensOn: '2026-01-05', closesOn: '2026-02-28' };
exhaustive(
  callMachine,
  ['open', 'close'],
  [
    { from: 'draft', action: 'open', to: 'open', article: '第三条', role: 'center_admin' },
    { from: 'open', action: 'close', to: 'closed', article: '第十条', role: 'center_admin' },
  ],
  callOk,
);

const appOk: ApplicationFacts = {
  today: '2026-02-01',
  deadline: '2026-02-28',
  complete: true,
  recommendedByDistrict: true,
  hasReason: true,
  reviewers: 3,
  minReviewers: 3,
  scored: 3,
  approvedOfType: 6,
  quota: 7,
};
exhaustive(
  applicationMachine,
  ['submit', 'withdraw', 'return', 'recommend', 'start_review', 'approve', 'reject'],
  [
    { from: 'draft', action: 'submit', to: 'submitted', article: '第十条', role: 'host' },
    { from: 'returned', action: 'submit', to: 'submitted', article: '第十条', role: 'host' },
    { from: 'draft', action: 'withdraw', to: 'withdrawn', article: '第十条', role: 'host' },
    { from: 'submitted', action: 'withdraw', to: 'withdrawn', article: '第十条', role: 'host' },
    { from: 'returned', action: 'withdraw', to: 'withdrawn', article: '第十条', role: 'host' },
    { from: 'submitted', action: 'return', to: 'returned', article: '第六条', role: 'district' },
    { from: 'submitted', action: 'recommend', to: 'recommended', article: '第六条', role: 'district' },
    { from: 'recommended', action: 'start_review', to: 'under_review', article: '第十条', role: 'center_staff' },
    // from `submitted` only for IUR stations (checked below); with district facts it is refused by its guard
    { from: 'under_review', action: 'approve', to: 'approved', article: '第十条', role: 'center_admin' },
    { from: 'under_review', action: 'reject', to: 'rejected', article: '第十条', role: 'center_admin' },
  ],
  appOk,
  // from `submitted` only for IUR stations: with these district facts its guard refuses (tested below)
  ['submitted:start_review'],
);

describe('申报书: roles and guards', () => {
  const d = (
    from: Parameters<typeof decide>[0]['from'],
    action: string,
    role: Role,
    facts: Partial<ApplicationFacts> = {},
  ) =>
    decide({
      machine: applicationMachine,
      from: from as never,
      action: action as never,
      role,
      facts: { ...appOk, ...facts },
    });

  it('only the district recommends; the Center may also send back', () => {
    expect(d('submitted', 'recommend', 'host')).toMatchObject({ ok: false, article: '第六条' });
    expect(d('submitted', 'recommend', 'center_admin')).toMatchObject({ ok: false });
    expect(d('submitted', 'return', 'center_staff')).toMatchObject({ ok: true, to: 'returned' });
  });

  it('IUR stations go to review once submitted; district stations need the recommendation first', () => {
    expect(d('submitted', 'start_review', 'center_staff', { recommendedByDistrict: false })).toEqual({
      ok: true,
      to: 'under_review',
      article: '第十条',
    });
    const refused = d('submitted', 'start_review', 'center_staff');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('须先经区科协推荐');
    const iur = d('submitted', 'recommend', 'district', { recommendedByDistrict: false });
    expect(iur.ok).toBe(false);
    if (!iur.ok) expect(iur.reason).toContain('产学研合作站点不经区科协推荐');
  });

  it.each([
    ['submit after the deadline', 'draft', 'submit', 'host', { today: '2026-03-01' }, '申报已截止'],
    ['submit an incomplete form', 'draft', 'submit', 'host', { complete: false }, '申报材料不完整'],
    ['withdraw after the deadline', 'submitted', 'withdraw', 'host', { today: '2026-03-01' }, '申报已截止'],
    ['send back without a reason', 'submitted', 'return', 'district', { hasReason: false }, '请填写原因'],
    ['review with two reviewers', 'recommended', 'start_review', 'center_admin', { reviewers: 2 }, '评审专家人数不足'],
    ['approve beyond the quota', 'under_review', 'approve', 'center_admin', { approvedOfType: 7 }, '名额已满'],
    ['approve before three reviewers scored', 'under_review', 'approve', 'center_admin', { scored: 2 }, '评审尚未完成'],
    ['reject without a reason', 'under_review', 'reject', 'center_admin', { hasReason: false }, '请填写原因'],
  ] as const)('refuses to %s, saying why and citing the article', (_n, from, action, role, facts, why) => {
    const r = d(from, action, role, facts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(why);
      expect(r.reason).toMatch(/第.+条/);
    }
  });

  it('approval is the Center administrator’s: staff may organise the review but not approve', () => {
    expect(d('under_review', 'approve', 'center_staff')).toMatchObject({ ok: false, article: '第十条' });
  });

  it('offers each role its buttons', () => {
    expect(actionsFrom(applicationMachine, 'submitted', 'district').sort()).toEqual(['recommend', 'return']);
    expect(actionsFrom(applicationMachine, 'draft', 'host').sort()).toEqual(['submit', 'withdraw']);
    expect(actionsFrom(applicationMachine, 'approved', 'center_admin')).toEqual([]);
  });
});

const projectOk: ProjectFacts = { signedScan: true, summaryReport: true, finalAccounts: true, hasReason: true };
exhaustive(
  projectMachine,
  ['sign', 'submit_reports', 'return_reports', 'accept', 'accept_after_rectification', 'fail_acceptance'],
  [
    { from: 'agreement_pending', action: 'sign', to: 'in_progress', article: '第十条', role: 'center_staff' },
    { from: 'in_progress', action: 'submit_reports', to: 'reports_submitted', article: '第十二条', role: 'host' },
    {
      from: 'returned_for_revision',
      action: 'submit_reports',
      to: 'reports_submitted',
      article: '第十二条',
      role: 'host',
    },
    {
      from: 'reports_submitted',
      action: 'return_reports',
      to: 'returned_for_revision',
      article: '第十三条',
      role: 'center_staff',
    },
    { from: 'reports_submitted', action: 'accept', to: 'accepted', article: '第十三条', role: 'center_admin' },
    {
      from: 'reports_submitted',
      action: 'accept_after_rectification',
      to: 'accepted_after_rectification',
      article: '第十三条',
      role: 'center_admin',
    },
    {
      from: 'reports_submitted',
      action: 'fail_acceptance',
      to: 'not_accepted',
      article: '第十三条',
      role: 'center_admin',
    },
  ],
  projectOk,
);

describe('项目: guards', () => {
  it.each([
    ['sign without the scan', 'agreement_pending', 'sign', 'center_admin', { signedScan: false }, '协议扫描件'],
    ['submit without the summary', 'in_progress', 'submit_reports', 'host', { summaryReport: false }, '缺少总结报告'],
    [
      'submit without the final accounts',
      'in_progress',
      'submit_reports',
      'host',
      { finalAccounts: false },
      '决算报告',
    ],
    ['fail without a reason', 'reports_submitted', 'fail_acceptance', 'center_admin', { hasReason: false }, '理由'],
  ] as const)('refuses to %s', (_n, from, action, role, facts, why) => {
    const r = decide({ machine: projectMachine, from, action, role, facts: { ...projectOk, ...facts } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(why);
  });
});

const crOk: ChangeRequestFacts = {
  today: '2025-07-01',
  effectiveOn: '2025-07-15',
  paperExplanation: true,
  hasReason: true,
};
exhaustive(
  changeRequestMachine,
  ['submit', 'approve', 'reject', 'withdraw'],
  [
    { from: 'draft', action: 'submit', to: 'submitted', article: '第十一条', role: 'host' },
    { from: 'submitted', action: 'approve', to: 'approved', article: '第十一条', role: 'center_admin' },
    { from: 'submitted', action: 'reject', to: 'rejected', article: '第十一条', role: 'center_admin' },
    { from: 'draft', action: 'withdraw', to: 'withdrawn', article: '第十一条', role: 'host' },
    { from: 'submitted', action: 'withdraw', to: 'withdrawn', article: '第十一条', role: 'host' },
  ],
  crOk,
);

describe('工作调整 (第十一条): paper explanation, in advance, the Center consents', () => {
  it('a request without the scan of its paper explanation is refused', () => {
    const r = decide({
      machine: changeRequestMachine,
      from: 'draft',
      action: 'submit',
      role: 'host',
      facts: { ...crOk, paperExplanation: false },
    });
    expect(r).toMatchObject({ ok: false, article: '第十一条' });
    if (!r.ok) expect(r.reason).toContain('纸质说明');
  });
  it('a change must be asked for before it takes effect (the same day is too late)', () => {
    const r = decide({
      machine: changeRequestMachine,
      from: 'draft',
      action: 'submit',
      role: 'host',
      facts: { ...crOk, effectiveOn: crOk.today },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('提前申请');
  });
  it('the host cannot approve its own request', () => {
    expect(
      decide({ machine: changeRequestMachine, from: 'submitted', action: 'approve', role: 'host', facts: crOk }),
    ).toMatchObject({ ok: false });
  });
});

describe('a call (第三条)', () => {
  it('cannot open with a window that ends before it starts or is already over', () => {
    expect(
      decide({
        machine: callMachine,
        from: 'draft',
        action: 'open',
        role: 'center_admin',
        facts: { ...callOk, closesOn: '2026-01-01' },
      }).ok,
    ).toBe(false);
    expect(
      decide({
        machine: callMachine,
        from: 'draft',
        action: 'open',
        role: 'center_admin',
        facts: {
          today: '2026-03-01',
          opensOn: '2026-01-01',
          closesOn: '2026-02-01',
        },
      }).ok,
    ).toBe(false);
  });
  it('an unknown action is refused without an article', () => {
    expect(
      decide({ machine: callMachine, from: 'draft', action: 'reopen' as never, role: 'center_admin', facts: callOk }),
    ).toEqual({
      ok: false,
      reason: '申报通知没有“reopen”这一步',
      article: null,
    });
  });
});
