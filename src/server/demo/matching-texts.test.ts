import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '../../domain/ledger/codes';
import { type LedgerInput, ledgerSchema } from '../../domain/ledger/schema';
import { type GenerateOptions, generateLedger } from './ledger-generator';
import { MATCHING_TOPICS, withMatchingTexts } from './matching-texts';

const station: GenerateOptions['station'] = {
  name: '海淀区“千人进千企”工作站点',
  type: 'district_a',
  district: '110108',
  hostName: '某学会',
  start: '2025-04-01',
  end: '2025-12-31',
};
const iurStation: GenerateOptions['station'] = {
  name: '北京理工大学“千人进千企”工作站点',
  type: 'iur',
  district: null,
  hostName: '北京理工大学',
  start: '2025-04-01',
  end: '2025-12-31',
};

function ledgerFor(seed: number, s: GenerateOptions['station'] = station): LedgerInput {
  return generateLedger({ seed, programYear: 2025, station: s, diligence: 0.9, enterpriseBase: 0 });
}

function omit<T extends object>(o: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

const industries: readonly string[] = INDUSTRIES;

describe('withMatchingTexts', () => {
  it('is deterministic', () => {
    expect(withMatchingTexts(ledgerFor(7), 7)).toEqual(withMatchingTexts(ledgerFor(7), 7));
    expect(withMatchingTexts(ledgerFor(7), 8)).not.toEqual(withMatchingTexts(ledgerFor(7), 7));
  });

  it('does not mutate its input', () => {
    const ledger = ledgerFor(7);
    const before = structuredClone(ledger);
    const out = withMatchingTexts(ledger, 7);
    expect(ledger).toEqual(before);
    expect(out).not.toBe(ledger);
  });

  it('changes only the matching texts', () => {
    for (const s of [station, iurStation]) {
      const ledger = ledgerFor(7, s);
      const out = withMatchingTexts(ledger, 7);
      const named = ['demands', 'experts', 'achievements'];
      expect(omit(out, named)).toEqual(omit(ledger, named));
      expect(out.demands).toHaveLength(ledger.demands?.length ?? 0);
      expect(out.experts).toHaveLength(ledger.experts?.length ?? 0);
      expect(out.achievements).toHaveLength(ledger.achievements?.length ?? 0);
      out.demands?.forEach((d, i) => {
        const keys = ['title', 'description', 'industry'];
        expect(omit(d, keys)).toEqual(omit(ledger.demands?.[i] ?? {}, keys));
      });
      out.experts?.forEach((x, i) => {
        const keys = ['expertise', 'industry'];
        expect(omit(x, keys)).toEqual(omit(ledger.experts?.[i] ?? {}, keys));
      });
      out.achievements?.forEach((a, i) => {
        const keys = ['title', 'summary', 'industry'];
        expect(omit(a, keys)).toEqual(omit(ledger.achievements?.[i] ?? {}, keys));
      });
    }
  });

  it('writes texts of the right lengths and valid industries, and the ledger stays valid', () => {
    let withIndustry = 0;
    let records = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const s of [station, iurStation]) {
        const out = withMatchingTexts(ledgerFor(seed, s), seed);
        const parsed = ledgerSchema.safeParse(out);
        expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
        const all = [...(out.demands ?? []), ...(out.experts ?? []), ...(out.achievements ?? [])];
        for (const r of all) {
          records++;
          if (r.industry === undefined) {
            expect('industry' in r).toBe(false);
          } else {
            withIndustry++;
            expect(industries).toContain(r.industry);
          }
        }
        for (const d of out.demands ?? []) {
          expect(d.title).toMatch(/^[\u4e00-\u9fa5]{8,24}$/);
          expect(d.description?.length).toBeGreaterThanOrEqual(60);
          expect(d.description?.length).toBeLessThanOrEqual(200);
        }
        for (const x of out.experts ?? []) {
          expect(x.expertise?.length).toBeGreaterThanOrEqual(30);
          expect(x.expertise?.length).toBeLessThanOrEqual(120);
        }
        for (const a of out.achievements ?? []) {
          expect(a.title).toMatch(/^[\u4e00-\u9fa5]{8,24}$/);
          expect(a.title).not.toMatch(/高校创新成果/);
          expect(a.summary?.length).toBeGreaterThanOrEqual(60);
          expect(a.summary?.length).toBeLessThanOrEqual(200);
        }
      }
    }
    // About 85 % carry an industry.
    expect(withIndustry / records).toBeGreaterThan(0.75);
    expect(withIndustry / records).toBeLessThan(0.95);
  });

  it('draws on a vocabulary of at least 36 topics, 3 per industry', () => {
    expect(MATCHING_TOPICS.length).toBeGreaterThanOrEqual(36);
    expect(new Set(MATCHING_TOPICS.map((t) => t.key)).size).toBe(MATCHING_TOPICS.length);
    for (const i of INDUSTRIES)
      expect(MATCHING_TOPICS.filter((t) => t.industry === i).length).toBeGreaterThanOrEqual(3);
    for (const t of MATCHING_TOPICS) {
      expect(t.demands.length).toBeGreaterThanOrEqual(3);
      expect(t.fields.length * t.strengths.length).toBeGreaterThanOrEqual(3);
      expect(t.achievements.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('spreads its texts over many topics across seeds', () => {
    const descriptions = new Set<string>();
    const topics = new Set<string>();
    const topicOfDemand = new Map(MATCHING_TOPICS.flatMap((t) => t.demands.map(([title]) => [title, t.key] as const)));
    const topicOfAchievement = new Map(
      MATCHING_TOPICS.flatMap((t) => t.achievements.map(([title]) => [title, t.key] as const)),
    );
    for (let seed = 1; seed <= 20; seed++) {
      const out = withMatchingTexts(ledgerFor(seed), seed);
      for (const d of out.demands ?? []) {
        descriptions.add(d.description ?? '');
        const key = topicOfDemand.get(d.title);
        expect(key).toBeDefined();
        topics.add(key ?? '');
      }
      for (const a of out.achievements ?? []) {
        const key = topicOfAchievement.get(a.title);
        expect(key).toBeDefined();
        topics.add(key ?? '');
      }
    }
    expect(descriptions.size).toBeGreaterThan(60);
    expect(topics.size).toBeGreaterThanOrEqual(30);
  });

  it('lets a station specialise: most demands fall in a few topics', () => {
    const out = withMatchingTexts(ledgerFor(7), 7);
    const topicOfDemand = new Map(MATCHING_TOPICS.flatMap((t) => t.demands.map(([title]) => [title, t.key] as const)));
    const counts = new Map<string, number>();
    for (const d of out.demands ?? []) {
      const key = topicOfDemand.get(d.title) ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const top5 = [...counts.values()].sort((a, b) => b - a).slice(0, 5);
    expect(top5.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual((out.demands?.length ?? 0) / 2);
  });
});
