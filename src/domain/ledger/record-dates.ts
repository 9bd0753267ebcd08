// The dates of ledger records, checked where they are entered: the record form, the record routes, the expense
// ledger and the Excel/JSON import all ask these two questions with the same words.
//
// 1. A ledger records what has happened (a contact made, an event held, money spent): a date after today is a typing
//    mistake, refused with the field's name (futureDateProblems).
// 2. 第七条 (district stations) and 第八条 (IUR stations) count only records dated inside the project period
//    (docs/ledger-format.md, `inPeriod` in kpi/from-ledger.ts). A record outside it is kept — a station may record
//    its earlier work — but it does not count, which the user should know before saving (outsidePeriod).
//
// Pure: today and the period are arguments (Convention 16); dates are `YYYY-MM-DD` text, compared as strings.

import { inPeriod, type Period } from '../kpi/from-ledger';

/** The dated sections of a ledger (docs/ledger-format.md names), the record kinds that carry a date. */
export const DATED_SECTIONS = [
  'contacts',
  'demands',
  'events',
  'pressReleases',
  'cooperations',
  'outcomes',
  'achievements',
  'reports',
  'expenses',
] as const;
export type DatedSection = (typeof DATED_SECTIONS)[number];

export interface DateField {
  /** the field's name in the ledger format and in the record's input (`date`, `collectedOn` …) */
  field: string;
  /** its Chinese name, as the form labels it */
  label: string;
  /** the date that decides whether the record counts towards the KPIs of 第七条/第八条 */
  counts: boolean;
}

/**
 * The date fields of each dated section. The first field is the record's own date; a demand's step dates follow it
 * (matched, docked, resolved, closed: each is something that happened, none decides what counts). An expense's date
 * is no KPI's: after the period, grant money is refused by the expense rules instead (第十五条, expenses/booking.ts).
 */
export const RECORD_DATE_FIELDS: Readonly<Record<DatedSection, readonly DateField[]>> = {
  contacts: [{ field: 'date', label: '联系日期', counts: true }],
  demands: [
    { field: 'collectedOn', label: '征集日期', counts: true },
    { field: 'matchedOn', label: '匹配日期', counts: false },
    { field: 'dockedOn', label: '对接日期', counts: false },
    { field: 'resolvedOn', label: '解决日期', counts: false },
    { field: 'closedOn', label: '关闭日期', counts: false },
  ],
  events: [{ field: 'date', label: '活动日期', counts: true }],
  pressReleases: [{ field: 'date', label: '发布日期', counts: true }],
  cooperations: [{ field: 'date', label: '合作日期', counts: true }],
  outcomes: [{ field: 'date', label: '落地日期', counts: true }],
  achievements: [{ field: 'collectedOn', label: '征集日期', counts: true }],
  reports: [{ field: 'submittedOn', label: '提交日期', counts: false }],
  expenses: [{ field: 'date', label: '支出日期', counts: false }],
};

/**
 * The dated section of a record kind as the app's routes name it (`press-releases` → `pressReleases`); null for the
 * undated kinds (enterprises, experts).
 */
export function datedSection(kind: string): DatedSection | null {
  const name = kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return (DATED_SECTIONS as readonly string[]).includes(name) ? (name as DatedSection) : null;
}

/** A problem with one date of a record: the field's name (its path in the record) and a Chinese sentence. */
export interface DateProblem {
  path: string;
  message: string;
}

/** A record's fields as the input or the ledger holds them; only the date fields of its section are read. */
export type DatedRecord = Readonly<Record<string, unknown>>;

function datesOf(section: DatedSection, record: DatedRecord) {
  return RECORD_DATE_FIELDS[section]
    .map((f) => ({ ...f, value: record[f.field] }))
    .filter((f): f is DateField & { value: string } => typeof f.value === 'string' && f.value !== '');
}

export interface FutureDatesOptions {
  section: DatedSection;
  record: DatedRecord;
  /** today in Beijing, `YYYY-MM-DD` (the server's clock, or the page's) */
  today: string;
}

/** Each date of the record that is after today: a record of something that happened cannot be dated in the future. */
export function futureDateProblems({ section, record, today }: FutureDatesOptions): DateProblem[] {
  return datesOf(section, record)
    .filter((f) => f.value > today)
    .map((f) => ({ path: f.field, message: `${f.label}不能晚于今天（${today}）：记录的是已经发生的事` }));
}

export interface OutsidePeriodOptions {
  section: DatedSection;
  record: DatedRecord;
  /** the station's project period, inclusive at both ends */
  period: Period;
}

/**
 * The record's counting date when it lies outside the project period: not an error (the record is kept), a notice
 * that 第七条、第八条 will not count it. Empty when the record counts, or when its section is no KPI's.
 */
export function outsidePeriod({ section, record, period }: OutsidePeriodOptions): DateProblem[] {
  return datesOf(section, record)
    .filter((f) => f.counts && !inPeriod(f.value, period))
    .map((f) => ({
      path: f.field,
      message: `${f.label} ${f.value} 不在项目期（${period.start} 至 ${period.end}）内：记录可以保存，但不计入考核指标（第七条、第八条只统计项目期内的记录）`,
    }));
}

/**
 * The date a new record starts with: today when the period is running; the period's last day once it has ended (a
 * station catching up records last year's work). Never after today: before the period begins it is today, which the
 * form then flags as outside the period.
 */
export function defaultRecordDate({ today, period }: { today: string; period: Period }): string {
  return today > period.end ? period.end : today;
}
