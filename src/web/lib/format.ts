// Display formats. Instants are stored in UTC and shown in Beijing time, whatever the PC's own time zone is.

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

/** ISO instant → `2025-06-01 09:30:00` in Asia/Shanghai; '—' for none. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(SHANGHAI.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Start of a Beijing calendar day (`YYYY-MM-DD`) as a UTC ISO instant. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00.000+08:00`).toISOString();
}

/** End of a Beijing calendar day (`YYYY-MM-DD`) as a UTC ISO instant. */
export function shanghaiDayEnd(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

export function dash(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
