// Order rules without I/O: numbers, barcodes, reservation deadlines, what counts as paid.
import { pooledRandomBytes } from '../platform/ids.js';
import type { DipCategory } from '../pricing/tables.js';
import type { FieldError } from '../platform/problems.js';
import type { PaymentPart, SaleIntent } from './steps.js';
import type { OrderStatus, PaymentMethod } from './tables.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBase32(length: number): string {
  const bytes = pooledRandomBytes(length);
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
  if (intent.payment || intent.payments?.length || (extrasTotal === 0 && (!lines.length || paidAtZero(lines)))) return 'paid';
  return intent.online ? 'awaiting_payment' : 'reserved';
}

/** The field errors of a split payment, or none: the parts add up to the total, a voucher part names its voucher. */
export function splitPaymentErrors(parts: PaymentPart[], total: number): FieldError[] {
  const errors: FieldError[] = [];
  parts.forEach((p, i) => {
    if (p.method === 'voucher' && !p.voucherCode) {
      errors.push({ field: `payments/${i}/voucherCode`, message: { en: 'a voucher payment needs the voucher code', nl: 'een betaling met een cadeaubon heeft de code van de bon nodig', fr: "un paiement par chèque-cadeau demande le code du chèque" } });
    }
    if (p.method !== 'voucher' && p.voucherCode) {
      errors.push({ field: `payments/${i}/voucherCode`, message: { en: 'only a voucher payment has a voucher code', nl: 'alleen een betaling met een cadeaubon heeft een boncode', fr: 'seul un paiement par chèque-cadeau a un code' } });
    }
  });
  const sum = parts.reduce((n, p) => n + p.amount, 0);
  if (sum !== total) {
    errors.push({
      field: 'payments',
      message: {
        en: 'the payments add up to {sum}, the order total is {total}',
        nl: 'de betalingen tellen op tot {sum}, het totaal van de bestelling is {total}',
        fr: "les paiements totalisent {sum}, le total de la commande est {total}",
      },
      params: { sum: euros(sum), total: euros(total) },
    });
  }
  return errors;
}

const euros = (cents: number): string => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

/**
 * How a refund goes back: the given method takes all of it; otherwise what gift vouchers paid (less what
 * was returned to them) goes back to the vouchers first, and the rest by the last other method.
 */
export function refundParts(
  rows: { kind: 'payment' | 'refund'; method: PaymentMethod; amount: number }[], amount: number, method?: PaymentMethod,
): { method: PaymentMethod; amount: number }[] {
  if (method) return [{ method, amount }];
  const net = (m: (x: PaymentMethod) => boolean) => rows.filter((r) => m(r.method)).reduce((n, r) => n + (r.kind === 'payment' ? Number(r.amount) : -Number(r.amount)), 0);
  const toVouchers = Math.min(amount, Math.max(0, net((m) => m === 'voucher')));
  const other = [...rows].reverse().find((r) => r.kind === 'payment' && r.method !== 'voucher')?.method ?? 'cash';
  return [
    ...(toVouchers > 0 ? [{ method: 'voucher' as const, amount: toVouchers }] : []),
    ...(amount > toVouchers ? [{ method: other, amount: amount - toVouchers }] : []),
  ];
}
