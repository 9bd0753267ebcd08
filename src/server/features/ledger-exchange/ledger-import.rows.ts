import { uuidv7 } from 'uuidv7';
import { hasContent } from '../../../domain/kpi/from-ledger';
import type { Ledger } from '../../../domain/ledger/schema';
import { normalizeUscc } from '../../../domain/uscc';
import { wordCount } from '../../../domain/word-count';

// Kept apart from the import's transaction so that the benchmark generator can build the very rows an import stores.

/** The record tables of a station's ledger, in the order their rows can be inserted (references first). */
export const STATION_RECORD_TABLES = [
  'station_enterprises',
  'contacts',
  'demands',
  'experts',
  'events',
  'event_experts',
  'event_enterprises',
  'event_evidence',
  'press_releases',
  'cooperations',
  'outcomes',
  'achievements',
  'reports',
] as const;
export type StationRecordTable = (typeof STATION_RECORD_TABLES)[number];

/** The record arrays of a ledger (a whole ledger, or some of it). */
export type LedgerRecords = Partial<
  Pick<
    Ledger,
    | 'enterprises'
    | 'contacts'
    | 'demands'
    | 'experts'
    | 'events'
    | 'pressReleases'
    | 'cooperations'
    | 'outcomes'
    | 'achievements'
    | 'reports'
  >
>;

export interface StationRecordRowsOptions {
  stationId: string;
  ledger: LedgerRecords;
  /** normalised USCC → the enterprise's registry row */
  enterpriseIds: ReadonlyMap<string, string>;
  now: string;
}

/**
 * The rows a ledger's records become in a station, as the import stores them (and the benchmark generator, which
 * must store the same shape). `enterpriseIds` maps each normalised USCC to its registry row; the first listing of a
 * code wins (docs/ledger-format.md). Derived columns (字数, has_content) come from the domain functions here, once.
 */
export function stationRecordRows({
  stationId,
  ledger: l,
  enterpriseIds,
  now,
}: StationRecordRowsOptions): Record<StationRecordTable, Record<string, unknown>[]> {
  const stamps = { created_at: now, updated_at: now, version: 1 };
  const base = () => ({ id: uuidv7(), station_id: stationId, ...stamps });
  const out = Object.fromEntries(STATION_RECORD_TABLES.map((t) => [t, []])) as unknown as Record<
    StationRecordTable,
    Record<string, unknown>[]
  >;
  const listed = new Set<string>();
  for (const e of l.enterprises ?? []) {
    const code = normalizeUscc(e.uscc);
    if (listed.has(code)) continue;
    listed.add(code);
    out.station_enterprises.push({
      ...base(),
      enterprise_id: enterpriseIds.get(code)!,
      key_served: e.keyServed ? 1 : 0,
    });
  }
  for (const c of l.contacts ?? []) {
    out.contacts.push({
      ...base(),
      uscc: normalizeUscc(c.uscc),
      date: c.date,
      mode: c.mode,
      people: c.people ?? null,
      note: c.note ?? null,
    });
  }
  for (const d of l.demands ?? []) {
    out.demands.push({
      ...base(),
      ref: d.id,
      uscc: normalizeUscc(d.uscc),
      title: d.title,
      collected_on: d.collectedOn,
      status: d.status,
      matched_kind: d.matchedKind ?? null,
      matched_to: d.matchedTo ?? null,
      matched_on: d.matchedOn ?? null,
      docked_on: d.dockedOn ?? null,
      resolved_on: d.resolvedOn ?? null,
      closed_on: d.closedOn ?? null,
      note: d.note ?? null,
      description: d.description ?? null,
      industry: d.industry ?? null,
      match_target_id: null,
      match_station_id: null,
    });
  }
  const expertIds = new Map<string, string>();
  for (const x of l.experts ?? []) {
    const row = {
      ...base(),
      ref: x.id,
      name: x.name,
      kind: x.kind,
      employer: x.employer ?? null,
      title: x.title ?? null,
      grade: x.grade ?? null,
      phone: x.phone ?? null,
      host_staff: x.hostStaff ? 1 : 0,
      fiscally_supported: x.fiscallySupported ? 1 : 0,
      id_card_enc: null,
      id_card_masked: null,
      bank_account_enc: null,
      bank_account_masked: null,
      bank_name: null,
      expertise: x.expertise ?? null,
      industry: x.industry ?? null,
    };
    expertIds.set(x.id, row.id);
    out.experts.push(row);
  }
  for (const ev of l.events ?? []) {
    const row = { ...base(), ref: ev.id, kind: ev.kind, title: ev.title, date: ev.date, place: ev.place ?? null };
    out.events.push(row);
    // Unregistered expert ids are left out (they count for nothing, docs/ledger-format.md); the import warns about them.
    for (const x of new Set(ev.experts.filter((x) => expertIds.has(x)))) {
      out.event_experts.push({ event_id: row.id, expert_id: expertIds.get(x)! });
    }
    for (const u of new Set(ev.enterprises.map(normalizeUscc))) {
      out.event_enterprises.push({ event_id: row.id, uscc: u });
    }
    for (const kind of new Set(ev.evidence)) {
      out.event_evidence.push({ id: uuidv7(), event_id: row.id, kind, attachment_id: null, created_at: now });
    }
  }
  for (const p of l.pressReleases ?? []) {
    out.press_releases.push({ ...base(), title: p.title, date: p.date, channel: p.channel, url: p.url ?? null });
  }
  for (const c of l.cooperations ?? []) {
    out.cooperations.push({
      ...base(),
      title: c.title,
      date: c.date,
      parties_json: JSON.stringify(c.parties),
      content: c.content,
      has_content: hasContent(c.content) ? 1 : 0,
    });
  }
  for (const o of l.outcomes ?? []) {
    out.outcomes.push({
      ...base(),
      title: o.title,
      date: o.date,
      uscc: o.uscc ? normalizeUscc(o.uscc) : null,
      golden_bridge: o.goldenBridge ? 1 : 0,
    });
  }
  for (const a of l.achievements ?? []) {
    out.achievements.push({
      ...base(),
      title: a.title,
      university: a.university,
      collected_on: a.collectedOn,
      promoted: a.promoted ? 1 : 0,
      summary: a.summary ?? null,
      industry: a.industry ?? null,
    });
  }
  for (const r of l.reports ?? []) {
    out.reports.push({
      ...base(),
      kind: r.kind,
      title: r.title,
      submitted_on: r.submittedOn ?? null,
      text: r.text,
      word_count: wordCount(r.text),
      attachment_id: null,
    });
  }
  return out;
}
