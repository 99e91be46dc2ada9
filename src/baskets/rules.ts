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

export interface LinesBody {
  performanceId: string;
  seatIds?: string[];
  quantity?: number;
  rank?: number;
  zoneId?: string;
  ticketTypeId?: string;
}

export type LinesRequest =
  | { performanceId: string; seatIds: string[]; ticketTypeId?: string }
  | { performanceId: string; quantity: number; rank?: number; zoneId?: string; ticketTypeId?: string };

type Msg = { en: string; nl: string; fr: string };

/**
 * Chosen seats, or best available by quantity (in a rank or a zone): the field that makes a body
 * neither or both, with the message to show there; undefined when the body is one of the two.
 */
export function linesBodyError(b: LinesBody): { field: string; message: Msg } | undefined {
  if (b.seatIds === undefined && b.quantity === undefined) {
    return { field: 'seatIds', message: { en: 'give seatIds, or a quantity', nl: 'geef seatIds, of een quantity', fr: 'donnez seatIds, ou une quantity' } };
  }
  if (b.seatIds !== undefined) {
    const extra = (['quantity', 'rank', 'zoneId'] as const).find((f) => b[f] !== undefined);
    if (extra) return { field: extra, message: { en: 'not with seatIds', nl: 'niet samen met seatIds', fr: 'pas avec seatIds' } };
  }
  if (b.rank !== undefined && b.zoneId !== undefined) {
    return { field: 'zoneId', message: { en: 'give rank or zoneId, not both', nl: 'geef rank of zoneId, niet beide', fr: 'donnez rank ou zoneId, pas les deux' } };
  }
  return undefined;
}
