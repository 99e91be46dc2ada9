// When a performance can be sold, without I/O.
import type { Channel, PerformanceStatus } from '../productions/tables.js';

export interface SaleWindowFacts {
  status: PerformanceStatus;
  startsAt: string;
  durationMinutes: number;
  window?: { opens_at: string | null; closes_at: string | null };
}

/** Why this performance cannot be sold on `channel` at `now`, or undefined when it can. */
export function saleBlocker(p: SaleWindowFacts, channel: Channel, now: string): string | undefined {
  if (p.status !== 'on_sale') return `status ${p.status}`;
  if (p.window?.opens_at && now < p.window.opens_at) return `sales open ${p.window.opens_at}`;
  if (p.window?.closes_at && now >= p.window.closes_at) return `sales closed ${p.window.closes_at}`;
  // Online sales stop at the start; the box office sells until the performance ends.
  const end = channel === 'online'
    ? p.startsAt
    : new Date(new Date(p.startsAt).getTime() + p.durationMinutes * 60000).toISOString();
  if (now >= end) return 'performance started';
  return undefined;
}

export const holdMinutes = (org: { online_hold_minutes: number; boxoffice_hold_minutes: number }, channel: Channel): number =>
  channel === 'online' ? org.online_hold_minutes : org.boxoffice_hold_minutes;
