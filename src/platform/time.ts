// Times are stored in UTC (ISO strings) and shown in the venue's zone.
export const TIME_ZONES = ['Europe/Amsterdam', 'Europe/Brussels'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of `tz` from UTC at instant `d`, in minutes (e.g. 60 for CET). */
export function offsetMinutes(d: Date, tz: string): number {
  const parts = Object.fromEntries(formatter(tz).formatToParts(d).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

export function isLocalDateTime(s: string): boolean {
  const m = LOCAL_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se] = m;
  const dt = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +(se ?? 0)));
  return dt.getUTCMonth() === +mo - 1 && dt.getUTCDate() === +d && +h < 24 && +mi < 60;
}

/** "2026-12-01T20:15" in `tz` -> the UTC instant. Ambiguous autumn hours take the first one. */
export function zonedToUtc(local: string, tz: string): Date {
  const m = LOCAL_RE.exec(local);
  if (!m || !isLocalDateTime(local)) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi, se] = m;
  const naive = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(se ?? 0));
  let guess = naive - offsetMinutes(new Date(naive), tz) * 60000;
  guess = naive - offsetMinutes(new Date(guess), tz) * 60000;
  return new Date(guess);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** The instant as local time in `tz` with its offset: "2026-12-01T20:15:00+01:00". */
export function formatInZone(d: Date | string, tz: string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  const off = offsetMinutes(date, tz);
  const local = new Date(date.getTime() + off * 60000);
  const sign = off < 0 ? '-' : '+';
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`
  );
}

/** Local calendar date "YYYY-MM-DD" of the instant in `tz`. */
export function localDate(d: Date | string, tz: string): string {
  return formatInZone(d, tz).slice(0, 10);
}

/** "2026-11-30" + 1 -> "2026-12-01": calendar arithmetic, no zone involved. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The UTC instant (ISO) at which local calendar day `day` starts in `tz`. */
export const dayStartUtc = (day: string, tz: string): string => zonedToUtc(`${day}T00:00`, tz).toISOString();
