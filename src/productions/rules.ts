// Performance states and what may follow what.
import { invalidField } from '../platform/problems.js';
import { isLocalDateTime, zonedToUtc } from '../platform/time.js';
import type { PerformanceStatus } from './tables.js';

const TRANSITIONS: Record<PerformanceStatus, readonly PerformanceStatus[]> = {
  draft: ['on_sale', 'cancelled'],
  on_sale: ['sold_out', 'cancelled', 'draft'],
  sold_out: ['on_sale', 'cancelled'],
  cancelled: [],
};

export const canTransition = (from: PerformanceStatus, to: PerformanceStatus): boolean =>
  from === to || TRANSITIONS[from].includes(to);

/** DIP's production id `NL-{yy}-{producer}-{n}`: the producer and last groups vary in length (`...-00279`, `...-3776864`). */
export const DIP_PRODUCTION_ID = '^NL-\\d{2}-\\d{1,6}-\\d{1,10}$';

/**
 * A local date-time in the venue's zone -> the UTC instant. The schema format already refused what
 * does not exist in any of Foyer's zones (30 February, 24:30, 02:30 on the last Sunday of March);
 * this checks it in the venue's own zone.
 */
export function localToUtc(field: string, local: string, tz: string): string {
  if (!isLocalDateTime(local, tz)) throw invalidField(field, 'format:foyer-local-date-time');
  return zonedToUtc(local, tz).toISOString();
}

/** A LIKE pattern for "contains q" (backslash escapes), taking % and _ in q literally. */
export const containsPattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
