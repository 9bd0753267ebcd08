// Display formats, one of each for the whole web: percentages, Beijing days and instants, KPI values, file sizes
// (money is lib/money.ts). Instants are stored in UTC and shown in Beijing time, whatever the PC's own time zone is.

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(d: Date): Record<string, string> {
  return Object.fromEntries(SHANGHAI.formatToParts(d).map((p) => [p.type, p.value]));
}

/** ISO instant → `2025-06-01 09:30:00` in Asia/Shanghai; '—' for none. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = shanghaiParts(d);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The Beijing calendar day (`YYYY-MM-DD`) of an instant; without one, today in Beijing — the server's 'today' —
 * whatever the PC's own time zone.
 */
export function shanghaiDate(at: Date | string = new Date()): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const parts = shanghaiParts(d);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Start of a Beijing calendar day (`YYYY-MM-DD`) as a UTC ISO instant. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00.000+08:00`).toISOString();
}

/** End of a Beijing calendar day (`YYYY-MM-DD`) as a UTC ISO instant. */
export function shanghaiDayEnd(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

/**
 * A share (0.4) as a percentage with one decimal, half up: `40.0%`, 1/3 → `33.3%`. The KPI dashboard's reading,
 * kept for every share and rate so that the same figure reads the same on every page.
 */
export function formatPercent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

const int = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A KPI value as the user reads it: a share as a percentage, words as `3,000 字`, a count with its unit. */
export function formatKpiValue(v: number, measure: string, unit = ''): string {
  if (measure === 'share') return formatPercent(v);
  if (measure === 'words') return `${int.format(v)} 字`;
  return unit ? `${int.format(v)} ${unit}` : int.format(v);
}

export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function dash(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
