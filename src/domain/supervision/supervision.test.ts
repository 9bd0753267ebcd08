// Supervision rules (issue #5): the Center's inspections at any time (第十九条), their findings and the recovery of funds
// on the seven grounds of 第十八条. The expected tables below are written from the regulation and the brief — who may
// do what, citing which article — not read from the machines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/permissions';
import { actionsFrom, decide, type Machine } from '../lifecycle/machine';
import {
  type FindingFacts,
  findingMachine,
  groundLabel,
  INSPECTION_ARTICLE,
  type InspectionFacts,
  inspectionMachine,
  paymentAction,
  type RecoveryFacts,
  recoveryMachine,
  sample,
  VIOLATION_ARTICLE,
  VIOLATION_GROUNDS,
} from './supervision';

interface Allowed {
  from: string;
  action: string;
  to: string;
  article: string;
  roles: readonly Role[];
}

const CENTER: readonly Role[] = ['center_admin', 'center_staff'];

/**
 * Every state × action × role: the allowed pairs go to their state citing their article for exactly their roles
 * (everyone else is told who may, citing the same article); every other pair is refused naming the current state.
 */
function exhaustive<S extends string, A extends string, C>(
  m: Machine<S, A, C>,
  actions: readonly A[],
  allowed: Allowed[],
  okFacts: (action: A) => C,
) {
  describe(`${m.name}: every state × action × role`, () => {
    for (const from of m.states) {
      for (const action of actions) {
        const exp = allowed.find((e) => e.from === from && e.action === action);
        if (exp) {
          it(`${from} —${action}→ ${exp.to} (${exp.article}) for ${exp.roles.join(', ')} only`, () => {
            for (const role of ROLES) {
              const d = decide({ machine: m, from, action, role, facts: okFacts(action) });
              if (exp.roles.includes(role)) {
                expect(d, role).toEqual({ ok: true, to: exp.to, article: exp.article });
              } else {
                expect(d, role).toMatchObject({ ok: false, article: exp.article });
                if (!d.ok) {
                  expect(d.reason).toContain('只有');
                  expect(d.reason).toContain(m.actionLabels[action]);
                  expect(d.reason).toContain(exp.article);
                }
              }
            }
          });
        } else {
          it(`${from} —${action}→ refused for every role, naming the state`, () => {
            for (const role of ROLES) {
              const d = decide({ machine: m, from, action, role, facts: okFacts(action) });
              expect(d.ok, role).toBe(false);
              if (!d.ok) {
                expect(d.reason).toContain(`“${m.stateLabels[from]}”`);
                expect(d.article).toMatch(/^第.+条$/);
              }
            }
          });
        }
      }
    }
  });
}

// --- Inspections (第十九条) ----------------------------------------------------------------------------------------

const inspectionOk: InspectionFacts = { hasSummary: true };
exhaustive(
  inspectionMachine,
  ['add_finding', 'complete'],
  [
    { from: 'planned', action: 'add_finding', to: 'planned', article: '第十九条', roles: CENTER },
    { from: 'planned', action: 'complete', to: 'completed', article: '第十九条', roles: CENTER },
  ],
  () => inspectionOk,
);

describe('监督检查 (第十九条)', () => {
  it('cannot be completed without a conclusion, citing 第十九条', () => {
    const d = decide({
      machine: inspectionMachine,
      from: 'planned',
      action: 'complete',
      role: 'center_admin',
      facts: { hasSummary: false },
    });
    expect(d).toEqual({ ok: false, reason: '请填写检查结论（第十九条）', article: '第十九条' });
  });
  it('a completed inspection takes no more findings', () => {
    const d = decide({
      machine: inspectionMachine,
      from: 'completed',
      action: 'add_finding',
      role: 'center_admin',
      facts: inspectionOk,
    });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toContain('“已完成”');
  });
  it('only the Center inspects: a host, district or auditor is refused, citing 第十九条', () => {
    for (const role of ['host', 'district', 'auditor'] as Role[]) {
      expect(
        decide({ machine: inspectionMachine, from: 'planned', action: 'add_finding', role, facts: inspectionOk }),
      ).toMatchObject({
        ok: false,
        article: '第十九条',
      });
    }
  });
  it('offers the Center its buttons and nobody else any', () => {
    expect(actionsFrom(inspectionMachine, 'planned', 'center_staff').sort()).toEqual(['add_finding', 'complete']);
    expect(actionsFrom(inspectionMachine, 'completed', 'center_admin')).toEqual([]);
    expect(actionsFrom(inspectionMachine, 'planned', 'host')).toEqual([]);
  });
});

// --- Findings (第十九条) --------------------------------------------------------------------------------------------

const findingOk: FindingFacts = { hasText: true };
exhaustive(
  findingMachine,
  ['respond', 'close', 'reopen'],
  [
    { from: 'open', action: 'respond', to: 'responded', article: '第十九条', roles: ['host'] },
    { from: 'open', action: 'close', to: 'closed', article: '第十九条', roles: CENTER },
    { from: 'responded', action: 'close', to: 'closed', article: '第十九条', roles: CENTER },
    { from: 'responded', action: 'reopen', to: 'open', article: '第十九条', roles: CENTER },
  ],
  () => findingOk,
);

describe('检查发现 (第十九条): the host answers, the Center decides', () => {
  it.each([
    ['a response without text', 'open', 'respond', 'host', '请填写整改情况'],
    ['closing without a note', 'responded', 'close', 'center_staff', '请填写办结意见'],
    ['closing an open finding without a note', 'open', 'close', 'center_admin', '请填写办结意见'],
    ['sending back without a reason', 'responded', 'reopen', 'center_admin', '请填写退回理由'],
  ] as const)('refuses %s, saying why and citing 第十九条', (_n, from, action, role, why) => {
    const d = decide({ machine: findingMachine, from, action, role, facts: { hasText: false } });
    expect(d).toEqual({ ok: false, reason: `${why}（第十九条）`, article: '第十九条' });
  });
  it('the host may only respond: it cannot close or send back its own finding', () => {
    expect(
      decide({ machine: findingMachine, from: 'responded', action: 'close', role: 'host', facts: findingOk }),
    ).toMatchObject({ ok: false });
    expect(
      decide({ machine: findingMachine, from: 'responded', action: 'reopen', role: 'host', facts: findingOk }),
    ).toMatchObject({ ok: false });
    expect(actionsFrom(findingMachine, 'open', 'host')).toEqual(['respond']);
    expect(actionsFrom(findingMachine, 'responded', 'host')).toEqual([]);
  });
  it('the Center does not respond for the host; a district or auditor does neither', () => {
    const d = decide({
      machine: findingMachine,
      from: 'open',
      action: 'respond',
      role: 'center_admin',
      facts: findingOk,
    });
    expect(d).toEqual({ ok: false, reason: '只有依托单位可以反馈整改情况（第十九条）', article: '第十九条' });
    for (const role of ['district', 'auditor'] as Role[]) {
      expect(actionsFrom(findingMachine, 'open', role)).toEqual([]);
      expect(actionsFrom(findingMachine, 'responded', role)).toEqual([]);
    }
  });
  it('a closed finding is final: nobody responds, closes or reopens it', () => {
    for (const role of ROLES) expect(actionsFrom(findingMachine, 'closed', role)).toEqual([]);
    const d = decide({
      machine: findingMachine,
      from: 'closed',
      action: 'reopen',
      role: 'center_admin',
      facts: findingOk,
    });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toContain('只能在“已反馈整改”时退回重新整改');
  });
  it('offers the Center close and reopen once the host has responded', () => {
    expect(actionsFrom(findingMachine, 'responded', 'center_staff').sort()).toEqual(['close', 'reopen']);
    expect(actionsFrom(findingMachine, 'open', 'center_admin')).toEqual(['close']);
  });
});

// --- Recovery of funds (第十八条) ------------------------------------------------------------------------------------

const OWED = 10_000;
const recoveryOk = (action: 'pay_part' | 'pay_rest' | 'close'): RecoveryFacts => ({
  owedFen: OWED,
  paymentFen: action === 'pay_part' ? 4_000 : action === 'pay_rest' ? OWED : 0,
  hasReason: true,
});
exhaustive(
  recoveryMachine,
  ['pay_part', 'pay_rest', 'close'],
  [
    { from: 'issued', action: 'pay_part', to: 'partly_paid', article: '第十八条', roles: ['center_admin'] },
    { from: 'partly_paid', action: 'pay_part', to: 'partly_paid', article: '第十八条', roles: ['center_admin'] },
    { from: 'issued', action: 'pay_rest', to: 'paid', article: '第十八条', roles: ['center_admin'] },
    { from: 'partly_paid', action: 'pay_rest', to: 'paid', article: '第十八条', roles: ['center_admin'] },
    { from: 'paid', action: 'close', to: 'closed', article: '第十八条', roles: ['center_admin'] },
  ],
  recoveryOk,
);

describe('追回经费 (第十八条): only the Center administrator settles a recovery', () => {
  it('center_staff may not record a payment or close, citing 第十八条', () => {
    for (const [from, action] of [
      ['issued', 'pay_part'],
      ['partly_paid', 'pay_rest'],
      ['paid', 'close'],
    ] as const) {
      const d = decide({ machine: recoveryMachine, from, action, role: 'center_staff', facts: recoveryOk(action) });
      expect(d).toMatchObject({ ok: false, article: '第十八条' });
      if (!d.ok) expect(d.reason).toContain(recoveryMachine.actionLabels[action]);
    }
    for (const s of recoveryMachine.states) expect(actionsFrom(recoveryMachine, s, 'center_staff')).toEqual([]);
  });
  it('the host owes the money but records nothing itself', () => {
    for (const s of recoveryMachine.states) expect(actionsFrom(recoveryMachine, s, 'host')).toEqual([]);
  });
  it('a partial payment must be above 0 and below the balance', () => {
    const at = (paymentFen: number) =>
      decide({
        machine: recoveryMachine,
        from: 'issued',
        action: 'pay_part',
        role: 'center_admin',
        facts: { owedFen: OWED, paymentFen, hasReason: false },
      });
    expect(at(1)).toEqual({ ok: true, to: 'partly_paid', article: '第十八条' });
    expect(at(OWED - 1)).toEqual({ ok: true, to: 'partly_paid', article: '第十八条' });
    for (const bad of [0, -1, OWED, OWED + 1]) {
      const d = at(bad);
      expect(d, String(bad)).toMatchObject({ ok: false, article: '第十八条' });
      if (!d.ok) expect(d.reason).toContain('部分退回的金额应大于 0 且小于应退余额');
    }
  });
  it('paying the rest must be exactly the balance', () => {
    const at = (paymentFen: number) =>
      decide({
        machine: recoveryMachine,
        from: 'partly_paid',
        action: 'pay_rest',
        role: 'center_admin',
        facts: {
          owedFen: OWED,
          paymentFen,
          hasReason: false,
        },
      });
    expect(at(OWED)).toEqual({ ok: true, to: 'paid', article: '第十八条' });
    for (const bad of [OWED - 1, OWED + 1]) {
      const d = at(bad);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reason).toBe('退回金额应大于 0 且等于应退余额（第十八条）');
    }
    // Nothing owed and nothing paid is not a payment (found by the property below).
    const zero = decide({
      machine: recoveryMachine,
      from: 'issued',
      action: 'pay_rest',
      role: 'center_admin',
      facts: {
        owedFen: 0,
        paymentFen: 0,
        hasReason: false,
      },
    });
    expect(zero.ok).toBe(false);
  });
  it('closing needs a note and is possible only once everything is paid back', () => {
    expect(
      decide({
        machine: recoveryMachine,
        from: 'paid',
        action: 'close',
        role: 'center_admin',
        facts: { owedFen: 0, paymentFen: 0, hasReason: false },
      }),
    ).toEqual({ ok: false, reason: '请填写结案意见（第十八条）', article: '第十八条' });
    for (const from of ['issued', 'partly_paid', 'closed'] as const) {
      const d = decide({
        machine: recoveryMachine,
        from,
        action: 'close',
        role: 'center_admin',
        facts: recoveryOk('close'),
      });
      expect(d.ok, from).toBe(false);
      if (!d.ok) expect(d.reason).toContain('只能在“已全部退回”时结案');
    }
  });
  it('nothing can be paid on a paid or closed order', () => {
    for (const from of ['paid', 'closed'] as const) {
      for (const action of ['pay_part', 'pay_rest'] as const) {
        expect(
          decide({ machine: recoveryMachine, from, action, role: 'center_admin', facts: recoveryOk(action) }).ok,
        ).toBe(false);
      }
    }
  });
});

describe('paymentAction: which step a payment is', () => {
  it.each([
    ['nothing', 10_000, 0, null],
    ['a negative amount', 10_000, -1, null],
    ['one fen', 10_000, 1, 'pay_part'],
    ['one fen short of the balance', 10_000, 9_999, 'pay_part'],
    ['exactly the balance', 10_000, 10_000, 'pay_rest'],
    ['one fen over the balance', 10_000, 10_001, null],
    ['one fen when one fen is owed', 1, 1, 'pay_rest'],
    ['anything when nothing is owed', 0, 1, null],
  ] as const)('%s → %s', (_n, owed, payment, expected) => {
    expect(paymentAction(owed, payment)).toBe(expected);
  });

  it('agrees with the machine: every payment it accepts is allowed from “issued”, every other is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -10, max: 1_000_010 }), (owed, pay) => {
        const action = paymentAction(owed, pay);
        const facts = { owedFen: owed, paymentFen: pay, hasReason: false };
        if (action === null) {
          expect(
            decide({ machine: recoveryMachine, from: 'issued', action: 'pay_part', role: 'center_admin', facts }).ok,
          ).toBe(false);
          expect(
            decide({ machine: recoveryMachine, from: 'issued', action: 'pay_rest', role: 'center_admin', facts }).ok,
          ).toBe(false);
        } else {
          expect(decide({ machine: recoveryMachine, from: 'issued', action, role: 'center_admin', facts }).ok).toBe(
            true,
          );
        }
      }),
    );
  });
});

// --- Random samples of stations and expenses ------------------------------------------------------------------------

describe('sample', () => {
  const POOL = ['a', 'b', 'c', 'd', 'e'] as const;
  const first = () => 0;
  const last = (max: number) => max - 1;

  it('returns k distinct items of the pool', () => {
    const got = sample(POOL, 3, last);
    expect(got).toHaveLength(3);
    expect(new Set(got).size).toBe(3);
    for (const x of got) expect(POOL).toContain(x);
  });

  it('returns all of them when n reaches or passes the count', () => {
    expect([...sample(POOL, 5, last)].sort()).toEqual([...POOL]);
    expect([...sample(POOL, 99, last)].sort()).toEqual([...POOL]);
  });

  it('returns none for n ≤ 0 or an empty pool, without drawing', () => {
    let draws = 0;
    const counting = () => {
      draws++;
      return 0;
    };
    expect(sample(POOL, 0, counting)).toEqual([]);
    expect(sample(POOL, -3, counting)).toEqual([]);
    expect(sample([], 4, counting)).toEqual([]);
    expect(draws).toBe(0);
  });

  it('draws from the shrinking rest of the pool and picks what the draws say', () => {
    const maxes: number[] = [];
    const scripted = [3, 0, 2];
    const got = sample(POOL, 3, (max) => {
      maxes.push(max);
      return scripted[maxes.length - 1];
    });
    expect(maxes).toEqual([5, 4, 3]);
    // draw 3 of abcde → d (pool dbcae); draw 0 of bcae → b (dbcae); draw 2 of cae → e (dbeac)
    expect(got).toEqual(['d', 'b', 'e']);
    expect(sample(POOL, 2, first)).toEqual(['a', 'b']);
    // always the last of the rest: e (ebcda), then a (eacdb)
    expect(sample(POOL, 2, last)).toEqual(['e', 'a']);
  });

  it('leaves the caller’s list as it was', () => {
    const pool = ['a', 'b', 'c'];
    sample(pool, 2, last);
    expect(pool).toEqual(['a', 'b', 'c']);
  });

  it('is uniform: every ordered pair of 4 items comes from exactly one sequence of draws', () => {
    const seen = new Map<string, number>();
    for (let d0 = 0; d0 < 4; d0++) {
      for (let d1 = 0; d1 < 3; d1++) {
        const draws = [d0, d1];
        let i = 0;
        const key = sample(['w', 'x', 'y', 'z'], 2, () => draws[i++]).join('');
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    expect(seen.size).toBe(12); // 4 × 3 ordered pairs
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('property: a sample is a subset of distinct items of the requested size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { maxLength: 40 }),
        fc.integer({ min: -5, max: 50 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        (pool, n, noise) => {
          let i = 0;
          const randomInt = (max: number) => {
            expect(max).toBeGreaterThanOrEqual(1);
            return noise[i++ % noise.length] % max;
          };
          const got = sample(pool, n, randomInt);
          expect(got).toHaveLength(Math.min(Math.max(n, 0), pool.length));
          expect(new Set(got).size).toBe(got.length);
          for (const x of got) expect(pool).toContain(x);
        },
      ),
    );
  });
});

// --- The seven grounds of 第十八条 -----------------------------------------------------------------------------------

describe('the seven grounds of 第十八条', () => {
  // Words of each clause of the regulation (第十八条（一）–（七）) the label must carry.
  const EXPECTED = [
    ['false_materials', '（一）', ['虚假']],
    ['misappropriation', '（二）', ['截留、挤占、挪用项目']],
    ['dereliction', '（三）', ['失职', '计划无法实施', '不良影响']],
    ['budget_breach', '（四）', ['未按规定执行', '预算']],
    ['illegal_transfer', '（五）', ['违反规定转拨、转移项目经费']],
    ['late_payment', '（六）', ['因主观原因', '及时', '支付']],
    ['other_violation', '（七）', ['其他', '违']],
  ] as const;

  it('are seven, in the order of the regulation, with clauses （一）…（七）', () => {
    expect(VIOLATION_GROUNDS.map((g) => [g.code, g.clause])).toEqual(EXPECTED.map(([code, clause]) => [code, clause]));
    expect(new Set(VIOLATION_GROUNDS.map((g) => g.name)).size).toBe(7);
  });

  it.each(EXPECTED)('%s is labelled 第十八条%s with the clause’s words', (code, clause, words) => {
    const label = groundLabel(code);
    expect(label.startsWith(`第十八条${clause}`)).toBe(true);
    for (const w of words) expect(label).toContain(w);
  });

  it('names the articles: violations under 第十八条, inspections under 第十九条', () => {
    expect(VIOLATION_ARTICLE).toBe('第十八条');
    expect(INSPECTION_ARTICLE).toBe('第十九条');
  });

  it('an unknown or missing ground has no label', () => {
    expect(groundLabel('bribery')).toBe('');
    expect(groundLabel(null)).toBe('');
    expect(groundLabel(undefined)).toBe('');
    expect(groundLabel('')).toBe('');
  });
});
