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

/** The offset at `ms` (whole seconds) asked of Intl: what the zone's clock shows minus UTC. */
function offsetFromIntl(ms: number, tz: string): number {
  let y = 0, mo = 0, day = 0, h = 0, mi = 0, se = 0;
  for (const p of formatter(tz).formatToParts(ms)) {
    switch (p.type) {
      case 'year': y = +p.value; break;
      case 'month': mo = +p.value; break;
      case 'day': day = +p.value; break;
      case 'hour': h = +p.value; break;
      case 'minute': mi = +p.value; break;
      case 'second': se = +p.value; break;
    }
  }
  return Math.round((Date.UTC(y, mo - 1, day, h, mi, se) - ms) / 60000);
}

const HOUR = 3_600_000;
/** Per zone, the offset of each UTC hour asked about whose first and last second have the same offset. */
const hourOffsets = new Map<string, Map<number, number>>();
const MAX_HOURS_KEPT = 4096;

/**
 * Offset of `tz` from UTC at instant `d`, in minutes (e.g. 60 for CET). Kept per UTC hour: an hour
 * whose first and last second have the same offset has it throughout (no zone changes its clocks
 * twice within an hour). Europe changes its clocks at 01:00 UTC on the last Sundays of March and
 * October, the start of an hour, so every hour there is kept; an hour with a change inside it
 * (elsewhere, or long ago) is asked of Intl on every call.
 */
export function offsetMinutes(d: Date, tz: string): number {
  const ms = Math.floor(d.getTime() / 1000) * 1000;
  if (Number.isNaN(ms)) return offsetFromIntl(ms, tz);
  const hour = Math.floor(ms / HOUR);
  let kept = hourOffsets.get(tz);
  const known = kept?.get(hour);
  if (known !== undefined) return known;
  const first = offsetFromIntl(hour * HOUR, tz);
  const last = offsetFromIntl(hour * HOUR + HOUR - 1000, tz);
  if (first !== last) return offsetFromIntl(ms, tz);
  if (!kept) hourOffsets.set(tz, (kept = new Map()));
  else if (kept.size >= MAX_HOURS_KEPT) kept.clear();
  kept.set(hour, first);
  return first;
}

/** The dates Foyer accepts anywhere (local days, local times, instants): no typo reaches year 0 or 9999. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

function existingDay(y: number, mo: number, d: number): boolean {
  const dt = new Date(Date.UTC(2000, mo - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}
const existingTime = (h: number, mi: number, se: number): boolean => h < 24 && mi < 60 && se < 60;

/** "2026-11-30": a calendar day that exists, from `first` (FIRST_DAY unless given) to LAST_DAY. */
export function isDay(s: string, first = FIRST_DAY): boolean {
  const m = DAY_RE.exec(s);
  return !!m && existingDay(+m[1], +m[2], +m[3]) && s >= first && s <= LAST_DAY;
}

/**
 * "2026-12-01T20:15[:00]": a local time that exists in `tz` (when given) or in each of Foyer's
 * zones, within FIRST_DAY..LAST_DAY. A time in the hour skipped when summer time starts
 * (2027-03-28T02:30) does not exist; a time in the hour that happens twice in autumn does.
 */
export function isLocalDateTime(s: string, tz?: string): boolean {
  const m = LOCAL_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se] = m;
  if (!existingDay(+y, +mo, +d) || !existingTime(+h, +mi, +(se ?? 0))) return false;
  if (s.slice(0, 10) < FIRST_DAY || s.slice(0, 10) > LAST_DAY) return false;
  const wanted = `${s.slice(0, 16)}:${se ?? '00'}`;
  return (tz ? [tz] : TIME_ZONES).every((zone) => formatInZone(utcOf(m, zone), zone).slice(0, 19) === wanted);
}

/** "2027-06-30T23:59:59+02:00" or "…Z": an instant with its offset, of a day within FIRST_DAY..LAST_DAY. */
export function isInstant(s: string): boolean {
  const m = INSTANT_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se, , oh, om] = m;
  if (!existingDay(+y, +mo, +d) || !existingTime(+h, +mi, +(se ?? 0))) return false;
  if (oh !== undefined && (+oh > 14 || +om > 59)) return false;
  return s.slice(0, 10) >= FIRST_DAY && s.slice(0, 10) <= LAST_DAY;
}

function utcOf(m: RegExpExecArray, tz: string): Date {
  const [, y, mo, d, h, mi, se] = m;
  const naive = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(se ?? 0));
  // The offsets a few hours either side: a local time that happens twice takes the earlier
  // instant; one in the skipped hour takes the offset from before the change.
  const candidates = [-6, 6].map((hours) => naive - offsetMinutes(new Date(naive + hours * 3600_000), tz) * 60000);
  const fits = candidates.filter((t) => naive - offsetMinutes(new Date(t), tz) * 60000 === t);
  return new Date(Math.min(...(fits.length ? fits : candidates.slice(0, 1))));
}

/** "2026-12-01T20:15" in `tz` -> the UTC instant. Ambiguous autumn hours take the first one; check input with isLocalDateTime. */
export function zonedToUtc(local: string, tz: string): Date {
  const m = LOCAL_RE.exec(local);
  if (!m || !existingDay(+m[1], +m[2], +m[3]) || !existingTime(+m[4], +m[5], +(m[6] ?? 0)) || +m[1] < 1000) {
    throw new RangeError(`not a local date-time: ${local}`);
  }
  return utcOf(m, tz);
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
