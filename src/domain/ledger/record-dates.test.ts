import { describe, expect, it } from 'vitest';
import {
  DATED_SECTIONS,
  datedSection,
  defaultRecordDate,
  futureDateProblems,
  outsidePeriod,
  RECORD_DATE_FIELDS,
} from './record-dates';

const period = { start: '2026-03-01', end: '2026-11-30' };
const today = '2026-12-03';

describe('futureDateProblems: a record of something that happened cannot be dated after today', () => {
  it.each([
    ['contacts', { date: '2026-12-04' }, 'date', '联系日期'],
    ['events', { date: '2027-01-01' }, 'date', '活动日期'],
    ['pressReleases', { date: '2026-12-31' }, 'date', '发布日期'],
    ['cooperations', { date: '2026-12-04' }, 'date', '合作日期'],
    ['outcomes', { date: '2026-12-04' }, 'date', '落地日期'],
    ['achievements', { collectedOn: '2026-12-04' }, 'collectedOn', '征集日期'],
    ['reports', { submittedOn: '2026-12-04' }, 'submittedOn', '提交日期'],
    ['expenses', { date: '2026-12-04' }, 'date', '支出日期'],
  ] as const)('%s: %j is refused on %s', (section, record, path, label) => {
    expect(futureDateProblems({ section, record, today })).toEqual([
      { path, message: `${label}不能晚于今天（2026-12-03）：记录的是已经发生的事` },
    ]);
  });

  it('today itself and earlier days are fine', () => {
    expect(futureDateProblems({ section: 'contacts', record: { date: today }, today })).toEqual([]);
    expect(futureDateProblems({ section: 'contacts', record: { date: '2025-01-01' }, today })).toEqual([]);
  });

  it('names every future step date of a demand, and skips the empty ones', () => {
    const record = {
      collectedOn: '2026-11-01',
      matchedOn: '2026-12-10',
      dockedOn: null,
      resolvedOn: '',
      closedOn: '2026-12-20',
    };
    expect(futureDateProblems({ section: 'demands', record, today }).map((p) => p.path)).toEqual([
      'matchedOn',
      'closedOn',
    ]);
  });

  it('an undated report (no submission date yet) has no problem', () => {
    expect(futureDateProblems({ section: 'reports', record: { submittedOn: null }, today })).toEqual([]);
  });
});

describe('outsidePeriod: 第七条、第八条 count only records inside the project period', () => {
  it.each([
    ['the day before the start', '2026-02-28'],
    ['the day after the end', '2026-12-01'],
    ['last year', '2025-06-01'],
  ])('a contact dated %s does not count', (_what, date) => {
    const problems = outsidePeriod({ section: 'contacts', record: { date }, period });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('date');
    expect(problems[0].message).toContain(`联系日期 ${date} 不在项目期（2026-03-01 至 2026-11-30）内`);
    expect(problems[0].message).toContain('不计入考核指标');
    expect(problems[0].message).toContain('第七条、第八条');
  });

  it.each(['2026-03-01', '2026-07-15', '2026-11-30'])('a contact dated %s (both ends included) counts', (date) => {
    expect(outsidePeriod({ section: 'contacts', record: { date }, period })).toEqual([]);
  });

  it('only the counting date of a demand is judged: a late resolution is no notice', () => {
    const record = { collectedOn: '2026-10-01', resolvedOn: '2026-12-02' };
    expect(outsidePeriod({ section: 'demands', record, period })).toEqual([]);
    expect(outsidePeriod({ section: 'demands', record: { collectedOn: '2026-02-01' }, period })[0].path).toBe(
      'collectedOn',
    );
  });

  it('an achievement is judged on its collection date', () => {
    expect(outsidePeriod({ section: 'achievements', record: { collectedOn: '2027-01-05' }, period })).toHaveLength(1);
  });

  it('reports and expenses are no KPI count: no notice', () => {
    expect(outsidePeriod({ section: 'reports', record: { submittedOn: '2027-01-05' }, period })).toEqual([]);
    expect(outsidePeriod({ section: 'expenses', record: { date: '2027-01-05' }, period })).toEqual([]);
  });
});

describe('the list of date fields', () => {
  it('every dated section has its own date first, and it is the one that counts for the KPI sections', () => {
    for (const s of DATED_SECTIONS) {
      const fields = RECORD_DATE_FIELDS[s];
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.filter((f) => f.counts).length).toBeLessThanOrEqual(1);
      if (fields.some((f) => f.counts)) expect(fields[0].counts).toBe(true);
    }
  });

  it('maps the routes’ kinds onto the ledger sections', () => {
    expect(datedSection('press-releases')).toBe('pressReleases');
    expect(datedSection('contacts')).toBe('contacts');
    expect(datedSection('enterprises')).toBeNull();
    expect(datedSection('experts')).toBeNull();
  });
});

describe('defaultRecordDate: a new record starts inside the period when it can', () => {
  it.each([
    ['today while the period runs', '2026-06-10', '2026-06-10'],
    ['the last day once the period has ended', '2026-12-03', '2026-11-30'],
    ['today before the period begins (never a future day)', '2026-01-10', '2026-01-10'],
    ['the last day itself', '2026-11-30', '2026-11-30'],
  ])('%s', (_what, t, expected) => {
    expect(defaultRecordDate({ today: t, period })).toBe(expected);
  });
});
