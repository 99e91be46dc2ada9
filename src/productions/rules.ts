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

/** A local date-time in the venue's zone -> the UTC instant; one that does not exist (30 February, 24:30) is a field error. */
export function localToUtc(field: string, local: string, tz: string): string {
  if (!isLocalDateTime(local)) {
    throw invalidField(field, { en: 'is not an existing date and time', nl: 'is geen bestaande datum en tijd', fr: "n'est pas une date et une heure existantes" });
  }
  return zonedToUtc(local, tz).toISOString();
}

/** A LIKE pattern for "contains q" (backslash escapes), taking % and _ in q literally. */
export const containsPattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
