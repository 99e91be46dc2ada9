// Cash-up without I/O: what a drawer should hold after a shift, per payment method.
import type { PaymentMethod } from '../orders/tables.js';

export interface MoneyMoved {
  kind: 'payment' | 'refund';
  method: PaymentMethod;
  amount: number;
  count: number;
}

export interface MethodLine {
  method: PaymentMethod;
  taken: number;
  refunded: number;
  /** Payments and refunds recorded in the shift. */
  count: number;
  /** What the drawer (cash: with the float) or the terminal's total should show. */
  expected: number;
  counted: number | null;
  difference: number | null;
}

/** Methods every cash-up shows, used or not; others only when used. */
const ALWAYS: PaymentMethod[] = ['cash', 'pin', 'voucher'];
const ORDER: PaymentMethod[] = ['cash', 'pin', 'card', 'voucher', 'invoice', 'online'];

/**
 * cash: float + cash taken − cash refunded, against the counted cash; pin: taken − refunded, against
 * the terminal's total when typed; the others have nothing to count.
 */
export function cashUpLines(moved: MoneyMoved[], float: number, counted: { cash: number | null; pin: number | null }): MethodLine[] {
  const methods = ORDER.filter((m) => ALWAYS.includes(m) || moved.some((x) => x.method === m));
  return methods.map((method) => {
    const sum = (kind: MoneyMoved['kind']) => moved.filter((x) => x.method === method && x.kind === kind).reduce((n, x) => n + x.amount, 0);
    const taken = sum('payment');
    const refunded = sum('refund');
    const expected = (method === 'cash' ? float : 0) + taken - refunded;
    const c = method === 'cash' ? counted.cash : method === 'pin' ? counted.pin : null;
    return {
      method, taken, refunded, count: moved.filter((x) => x.method === method).reduce((n, x) => n + x.count, 0),
      expected, counted: c, difference: c === null ? null : c - expected,
    };
  });
}

/** Lines of several shifts added up per method (a day's closing). */
export function addLines(groups: MethodLine[][]): MethodLine[] {
  const out = new Map<PaymentMethod, MethodLine>();
  for (const lines of groups) {
    for (const l of lines) {
      const o = out.get(l.method);
      if (!o) { out.set(l.method, { ...l }); continue; }
      o.taken += l.taken; o.refunded += l.refunded; o.count += l.count; o.expected += l.expected;
      o.counted = o.counted === null && l.counted === null ? null : (o.counted ?? 0) + (l.counted ?? 0);
      o.difference = o.difference === null && l.difference === null ? null : (o.difference ?? 0) + (l.difference ?? 0);
    }
  }
  return ORDER.filter((m) => out.has(m)).map((m) => out.get(m)!);
}
