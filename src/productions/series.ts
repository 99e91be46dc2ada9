// A series of performances: every chosen weekday between two days, at one or more times, less the
// exceptions. Local wall-clock times in the venue's zone, so 20:15 stays 20:15 across a change to or
// from summer time; without I/O.
import { addDays } from '../platform/time.js';

export const MAX_SERIES = 500;

export interface SeriesPlan {
  from: string;
  to: string;
  /** ISO weekdays: 1 Monday ... 7 Sunday. */
  weekdays: number[];
  /** hh:mm */
  times: string[];
  /** Days left out. */
  except: string[];
}

/** ISO weekday of a calendar day (1 Monday ... 7 Sunday). */
export const isoWeekday = (day: string): number => {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The local start times ("YYYY-MM-DDThh:mm") of the series, in order; stops past `max`. */
export function seriesStarts(plan: SeriesPlan, max = MAX_SERIES): string[] {
  const weekdays = new Set(plan.weekdays);
  const except = new Set(plan.except);
  const times = [...new Set(plan.times)].sort();
  const out: string[] = [];
  for (let day = plan.from; day <= plan.to && out.length <= max; day = addDays(day, 1)) {
    if (!weekdays.has(isoWeekday(day)) || except.has(day)) continue;
    for (const t of times) out.push(`${day}T${t}`);
  }
  return out;
}
