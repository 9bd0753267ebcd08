// Issue 15: the quality of the suggestions, measured on the labelled evaluation set (tests/fixtures/matching-eval.ts)
// with the real segmenter, index and ranking, on SQLite and on PostgreSQL. `npm run bench` prints the same figures.
import { afterAll, describe, expect, it } from 'vitest';
import { runMatchingEvaluation } from '../fixtures/matching-eval-run';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

describe('matching quality on the labelled set', () => {
  it('puts the right experts and achievements in the top three (precision@3 ≥ 0.8)', async () => {
    const r = await runMatchingEvaluation({
      ...t.ctx,
      actor: {
        userId: ids.users.center.id,
        username: 'center',
        displayName: '中心管理员',
        role: 'center_admin',
        organizationId: null,
        districtCode: null,
        sessionId: 'eval',
        mustChangePassword: false,
      },
    });
    // Printed so that a change of the ranking shows what it gained or lost, demand by demand.
    console.log(
      `precision@3 ${r.precisionAt3.toFixed(3)} · P@3 ${r.plainPrecisionAt3.toFixed(3)} · hit@3 ${r.hitAt3.toFixed(3)} · ${r.demands} demands`,
    );
    for (const m of r.misses)
      console.log(`  miss ${m.id} ${m.title}: top ${m.top.join(',')} / relevant ${m.relevant.join(',')}`);
    expect(r.demands).toBeGreaterThanOrEqual(40);
    expect(r.precisionAt3).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
