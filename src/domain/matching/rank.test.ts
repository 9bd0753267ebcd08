import { describe, expect, it } from 'vitest';
import { idf, type MatchCandidate, rankMatches, readableTerms } from './rank';

const labels = { limit: 10, industryLabel: (c: string) => `行业${c}`, districtLabel: (c: string) => `区${c}` };
const candidate = (over: Partial<MatchCandidate>): MatchCandidate => ({
  kind: 'expert',
  id: 'x',
  text: 10,
  shared: ['隔膜'],
  industry: null,
  districtCode: null,
  stationId: 'other',
  stationName: '甲站点',
  dockings: 0,
  ...over,
});
const subject = { industry: 'new_materials', districtCode: '110108', stationId: 'own' };

describe('rankMatches (第七条、第八条)', () => {
  it('lets the text decide: the same industry does not lift a weak text over a strong one', () => {
    const r = rankMatches(
      subject,
      [
        candidate({ id: 'strong', text: 10 }),
        candidate({ id: 'weak', text: 5, industry: 'new_materials', districtCode: '110108', dockings: 3 }),
      ],
      labels,
    );
    expect(r.map((m) => m.candidate.id)).toEqual(['strong', 'weak']);
  });

  it('breaks a near tie by industry, and explains each signal in Chinese', () => {
    const r = rankMatches(
      subject,
      [
        candidate({ id: 'a', text: 10 }),
        candidate({ id: 'b', text: 9.5, industry: 'new_materials', stationId: 'own', dockings: 2 }),
      ],
      labels,
    );
    expect(r[0].candidate.id).toBe('b');
    expect(r[0].reasons).toEqual([
      '共有关键词：隔膜',
      '同属行业：行业new_materials',
      '已对接过 2 项需求',
      '本站点登记',
    ]);
    expect(r[1].reasons).toEqual(['共有关键词：隔膜', '来自甲站点']);
    expect(r[0].score).toBeGreaterThan(r[1].score);
    expect(r[0].score).toBeLessThanOrEqual(100);
  });

  it('suggests nothing below a fifth of the best text score, and nothing without a shared term', () => {
    expect(
      rankMatches(subject, [candidate({ id: 'a', text: 10 }), candidate({ id: 'b', text: 1.5 })], labels),
    ).toHaveLength(1);
    expect(rankMatches(subject, [candidate({ text: 0 })], labels)).toEqual([]);
  });

  it('keeps to the limit and a stable order on ties', () => {
    const many = Array.from({ length: 15 }, (_, i) => candidate({ id: `c${String(i).padStart(2, '0')}`, text: 10 }));
    const r = rankMatches(subject, many, { ...labels, limit: 3 });
    expect(r.map((m) => m.candidate.id)).toEqual(['c00', 'c01', 'c02']);
  });
});

describe('readableTerms', () => {
  it('drops a term inside a longer shared one', () => {
    expect(readableTerms(['挥发性', '挥发', '发性', '有机物', '有机', '催化'])).toEqual(['挥发性', '有机物', '催化']);
  });
});

describe('idf', () => {
  it('is never negative and falls as a term gets common', () => {
    expect(idf(100, 100)).toBeGreaterThanOrEqual(0);
    expect(idf(100, 1)).toBeGreaterThan(idf(100, 50));
  });
});
