// A report's period: local calendar days (Europe/Amsterdam and Europe/Brussels share their offsets)
// turned into UTC bounds, and the SQL that buckets a stored UTC instant into its local day.
import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from '../platform/db.js';
import { invalid, type FieldError } from '../platform/problems.js';
import type { Text } from '../platform/i18n.js';
import { addDays, isDay, zonedToUtc } from '../platform/time.js';

/** Foyer's venues are all in Europe/Amsterdam or Europe/Brussels: the same offsets, one zone for reports. */
export const REPORT_ZONE = 'Europe/Brussels';
/** The longest period one report may cover (three seasons). */
export const MAX_DAYS = 1100;

export interface Period {
  from: string;
  to: string;
  /** UTC instant of `from` 00:00 local, inclusive. */
  startUtc: string;
  /** UTC instant of the day after `to` 00:00 local, exclusive. */
  endUtc: string;
}

const DAY_MS = 86_400_000;

/** A calendar day that exists, within the dates Foyer accepts (platform/time.ts). */
export const isCalendarDay = (s: string): boolean => isDay(s);

export { addDays };

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Every calendar day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const BEFORE_FROM: Text = { en: 'must not be before from', nl: 'mag niet voor from liggen', fr: 'ne doit pas précéder from' };
const TOO_LONG: Text = {
  en: `the period may be at most ${MAX_DAYS} days`, nl: `de periode mag hoogstens ${MAX_DAYS} dagen zijn`,
  fr: `la période peut compter au plus ${MAX_DAYS} jours`,
};

/** Checks `from`/`to` and answers the period, or a 400 naming the wrong fields. */
export function periodOf(from: string, to: string): Period {
  const errors: FieldError[] = [];
  if (!isCalendarDay(from)) errors.push({ field: 'querystring/from', message: 'format:foyer-day' });
  if (!isCalendarDay(to)) errors.push({ field: 'querystring/to', message: 'format:foyer-day' });
  if (!errors.length && to < from) errors.push({ field: 'querystring/to', message: BEFORE_FROM });
  if (!errors.length && daysBetween(from, to) >= MAX_DAYS) errors.push({ field: 'querystring/to', message: TOO_LONG });
  if (errors.length) throw invalid(errors);
  return {
    from, to,
    startUtc: zonedToUtc(`${from}T00:00`, REPORT_ZONE).toISOString(),
    endUtc: zonedToUtc(`${addDays(to, 1)}T00:00`, REPORT_ZONE).toISOString(),
  };
}

/** The EU summer-time interval of a year: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC. */
export function summerTime(year: number): { start: string; end: string } {
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return new Date(last.getTime() - last.getUTCDay() * DAY_MS).toISOString();
  };
  return { start: lastSunday(2), end: lastSunday(9) };
}

/**
 * SQL for the local calendar day ("YYYY-MM-DD") of a column holding a UTC ISO instant that lies
 * within `period`. PostgreSQL converts with its own zone data; SQLite adds one hour, or two
 * inside the summer-time intervals of the years the period touches.
 */
export function localDaySql(dialect: Dialect, column: string, period: Pick<Period, 'startUtc' | 'endUtc'>): RawBuilder<string> {
  const col = sql.ref(column);
  if (dialect === 'postgres') {
    return sql<string>`to_char((${col})::timestamptz at time zone ${sql.lit(REPORT_ZONE)}, 'YYYY-MM-DD')`;
  }
  const first = +period.startUtc.slice(0, 4);
  const last = +period.endUtc.slice(0, 4);
  const summers = [];
  for (let y = first; y <= last; y++) {
    const s = summerTime(y);
    summers.push(sql`when ${col} >= ${sql.lit(s.start)} and ${col} < ${sql.lit(s.end)} then '+2 hours'`);
  }
  return sql<string>`date(${col}, case ${sql.join(summers, sql` `)} else '+1 hours' end)`;
}
