// Check-in rules without I/O: what a scan answers, where an offline scan fits in a ticket's history,
// device codes, barcode normalisation, the hashes of the offline ticket list.
import crypto from 'node:crypto';
import type { Direction } from './tables.js';

export const REASONS = [
  'admitted', 'already-scanned', 'other-performance', 'cancelled', 'not-paid', 'unknown', 'exited', 'not-inside', 'reentry-off',
] as const;
export type Reason = (typeof REASONS)[number];

/** What the door needs to know about a scanned ticket. */
export interface TicketAtDoor {
  status: 'valid' | 'cancelled';
  orderStatus: 'reserved' | 'awaiting_payment' | 'paid' | 'cancelled';
  performanceId: string;
  price: number;
  /** null: never admitted. */
  inside: boolean | null;
}

/**
 * Why a scan is refused, or null when it may go ahead (the conditional write then decides). The
 * order matters to the steward: a cancelled ticket is cancelled whatever evening it was for.
 */
export function refusal(t: TicketAtDoor | undefined, performanceIds: readonly string[], direction: Direction, reentry: boolean): Reason | null {
  if (!t) return 'unknown';
  if (t.status === 'cancelled' || t.orderStatus === 'cancelled') return 'cancelled';
  if (!performanceIds.includes(t.performanceId)) return 'other-performance';
  if (direction === 'out') {
    if (!reentry) return 'reentry-off';
    return t.inside ? null : 'not-inside';
  }
  // An unpaid reservation may hold free tickets: nothing is owed for those. An online order whose
  // payment is not confirmed admits nobody, free tickets included.
  if (t.orderStatus === 'awaiting_payment' || (t.orderStatus === 'reserved' && t.price > 0)) return 'not-paid';
  if (t.inside === true || (t.inside === false && !reentry)) return 'already-scanned';
  return null;
}

export interface HistoryEvent {
  id: string;
  direction: Direction;
  at: string;
}

export type Placement =
  | { fits: true; latest: boolean }
  | { fits: false; conflict: true; clash: HistoryEvent }
  | { fits: false; conflict: false; reason: 'not-inside' | 'reentry-off' };

/**
 * Where a scan made at `e.at` fits in a ticket's applied history (sorted by time): admissions and
 * exits must alternate, starting with an admission. An admission next to another admission is the
 * same ticket let in twice (a conflict); an exit that fits nowhere changes nothing.
 */
export function place(history: readonly HistoryEvent[], e: { direction: Direction; at: string }, reentry: boolean): Placement {
  let i = 0;
  while (i < history.length && history[i].at <= e.at) i++;
  const prev = history[i - 1];
  const next = history[i];
  if (e.direction === 'in') {
    if (prev?.direction === 'in') return { fits: false, conflict: true, clash: prev };
    if (!reentry) {
      const used = history.find((h) => h.direction === 'in');
      if (used) return { fits: false, conflict: true, clash: used };
    }
    if (next?.direction === 'in') return { fits: false, conflict: true, clash: next };
    return { fits: true, latest: !next };
  }
  if (!reentry) return { fits: false, conflict: false, reason: 'reentry-off' };
  if (prev?.direction !== 'in' || next?.direction === 'out') return { fits: false, conflict: false, reason: 'not-inside' };
  return { fits: true, latest: !next };
}

/**
 * An offline scan's time on the server's clock: the device's clock is trusted for the order of its
 * own scans, and its offset is taken from when it sent the upload. Never later than now.
 */
export function serverTime(scannedAt: string, deviceSentAt: string | undefined, now: Date): string {
  const skew = deviceSentAt ? now.getTime() - Date.parse(deviceSentAt) : 0;
  const t = Math.min(Date.parse(scannedAt) + skew, now.getTime());
  return new Date(t).toISOString();
}

/** What a scanner typed or read: surrounding blanks and control characters off, upper case. */
export const normaliseBarcode = (raw: string): string =>
  Array.from(raw).filter((c) => c.charCodeAt(0) > 31 && c.charCodeAt(0) !== 127).join('').trim().toUpperCase();

/**
 * The offline list names each ticket by this hash, never by its barcode: a lost phone gives away no
 * ticket. The performance id salts it, so lists of two evenings share no values.
 */
export const barcodeHash = (performanceId: string, barcode: string): string =>
  crypto.createHash('sha256').update(`${performanceId}:${barcode}`).digest('hex').slice(0, 16);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "K7M2-QX9P": 40 random bits a steward can type on a phone; sign-ins are rate limited. */
export function newDeviceCode(): string {
  const bytes = crypto.randomBytes(8);
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Typed codes forgive case, blanks, dashes and the letters Crockford's alphabet reads as digits. */
export const normaliseDeviceCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
