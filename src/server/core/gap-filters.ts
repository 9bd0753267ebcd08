import { type RawBuilder, sql } from 'kysely';
import type { PeriodRecordKind, ReportMinimum } from '../../domain/gaps/gaps';
import type { EvidenceKind } from '../../domain/ledger/codes';

// The conditions of 待补事项 (src/domain/gaps) as SQL, written once: the gaps feature counts with them and the ledger
// and expense lists filter with them, so "3 场活动缺少活动照片" opens a list of exactly those 3 events.

/** The table and date column of each dated record kind that feeds a KPI (第七条、第八条). */
export const PERIOD_TABLES: Record<PeriodRecordKind, { table: string; date: string }> = {
  contacts: { table: 'contacts', date: 'date' },
  demands: { table: 'demands', date: 'collected_on' },
  events: { table: 'events', date: 'date' },
  'press-releases': { table: 'press_releases', date: 'date' },
  cooperations: { table: 'cooperations', date: 'date' },
  outcomes: { table: 'outcomes', date: 'date' },
  achievements: { table: 'achievements', date: 'collected_on' },
};

/** The event `eventId` (a column reference) has no uploaded file of this kind: a kind registered without one is missing. */
export function lacksEvidence(eventId: string, kind: EvidenceKind): RawBuilder<boolean> {
  return sql<boolean>`not exists (select 1 from event_evidence gv where gv.event_id = ${sql.ref(eventId)}
    and gv.kind = ${kind} and gv.attachment_id is not null)`;
}

/** The expense `expenseId` (a column reference) has no voucher. */
export function lacksVoucher(expenseId: string): RawBuilder<boolean> {
  return sql<boolean>`not exists (select 1 from expense_vouchers gx where gx.expense_id = ${sql.ref(expenseId)})`;
}

export interface OutsideOptions {
  /** the record's date column reference */
  date: string;
  start: RawBuilder<unknown>;
  end: RawBuilder<unknown>;
}

/** The date lies outside the period, inclusive at both ends (docs/ledger-format.md). */
export function datedOutside({ date, start, end }: OutsideOptions): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(date)} < ${start} or ${sql.ref(date)} > ${end})`;
}

export interface ShortReportOptions {
  /** the alias of the `reports` row */
  alias: string;
  minimums: ReportMinimum[];
}

/**
 * The report is under its kind's minimum 字数 and no report of the same kind and station reaches it: the KPI counts
 * the longest report of a kind, so a short draft beside a long enough report is no gap.
 */
export function shortReport({ alias, minimums }: ShortReportOptions): RawBuilder<boolean> {
  if (!minimums.length) return sql<boolean>`1 = 0`;
  const r = (c: string) => sql.ref(`${alias}.${c}`);
  const each = minimums.map(
    (m) => sql`(${r('kind')} = ${m.kind} and ${r('word_count')} < ${m.minWords} and not exists (
      select 1 from reports gm where gm.station_id = ${r('station_id')} and gm.kind = ${m.kind}
        and gm.word_count >= ${m.minWords}))`,
  );
  return sql<boolean>`(${sql.join(each, sql` or `)})`;
}
