// Order rules without I/O: numbers, barcodes, reservation deadlines, what counts as paid.
import crypto from 'node:crypto';
import type { DipCategory } from '../pricing/tables.js';
import type { SaleIntent } from './steps.js';
import type { OrderStatus } from './tables.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBase32(length: number): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += CROCKFORD[bytes[i] & 31];
  return out;
}

/** "F7K2-9QXM": short enough to read over the phone, random so it reveals no sales volume. */
export const newOrderNumber = (): string => `${randomBase32(4)}-${randomBase32(4)}`;

/** 20 base-32 characters: 100 bits, unguessable, printable as Code 128. */
export const newBarcode = (): string => randomBase32(20);

/**
 * When an unpaid reservation lapses: `hours` after now, but never after the performance starts;
 * with no deadline set, at the start of the (first) performance.
 */
export function reservationDeadline(now: Date, hours: number | null, firstStart: string): string {
  if (hours === null) return firstStart;
  const byHours = new Date(now.getTime() + hours * 3600_000).toISOString();
  return byHours < firstStart ? byHours : firstStart;
}

/**
 * An order is paid at once when nothing is owed (free tickets are priced at zero). The price decides,
 * not the category: an order that owes money is never "paid" without a payment.
 */
export const paidAtZero = (lines: { price: number; dipCategory: DipCategory }[]): boolean =>
  lines.length > 0 && lines.every((l) => l.price === 0);

/**
 * The status an order gets at checkout: paid with a payment taken now, or when it owes nothing;
 * otherwise awaiting its online payment, or an unpaid reservation.
 */
export function orderStatusAtCheckout(intent: SaleIntent, lines: { price: number; dipCategory: DipCategory }[], extrasTotal: number): OrderStatus {
  if (intent.payment || (extrasTotal === 0 && (!lines.length || paidAtZero(lines)))) return 'paid';
  return intent.online ? 'awaiting_payment' : 'reserved';
}
