// Things a basket can hold besides places (packs, streams): they add to what the order owes, and
// each is a step of the sale (steps.ts) that writes in checkout's own transaction. Capabilities
// register here when their module loads.
import type { Ctx } from '../platform/context.js';
import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import { newId } from '../platform/ids.js';
import type { Order, Payment, PaymentMethod } from './tables.js';
import { refunded, registerSaleStep } from './steps.js';
import { refundParts } from './rules.js';

export interface CheckoutFacts {
  basketId: string;
  orderId: string;
  customerId: string | null;
  paid: boolean;
  now: Date;
}

export interface OrderExtra {
  name: string;
  /** Tables whose rows with the basket's id (column basket_id) are this extra's lines. */
  basketTables: (keyof Database)[];
  /** Lines of this kind in the basket and what they cost. */
  inBasket(db: Db, basketId: string): Promise<{ count: number; total: number }>;
  /** Inside checkout's transaction, after the tickets are written; a thrown Problem undoes the checkout. */
  checkout(tx: Db, ctx: Ctx, facts: CheckoutFacts): Promise<void>;
  /** What the order owes for its valid extras. */
  owed(db: Db, orderId: string): Promise<number>;
  /** No VAT on it (a multi-purpose gift voucher: VAT is due when it is spent). */
  vatFree?: boolean;
  /** Tickets were cancelled (in the caller's transaction). */
  ticketsCancelled?(db: Db, ticketIds: string[], now: Date): Promise<void>;
}

const extras: OrderExtra[] = [];

/** Cancels every valid extra of an order (its own transactions); answers how many it cancelled. */
export type OrderCancellation = (ctx: Ctx, orderId: string, refundMethod: PaymentMethod | undefined) => Promise<number>;
const cancellations: OrderCancellation[] = [];

export const registerOrderCancellation = (c: OrderCancellation): void => void cancellations.push(c);

export async function cancelExtrasOfOrder(ctx: Ctx, orderId: string, refundMethod?: PaymentMethod): Promise<number> {
  let n = 0;
  for (const c of cancellations) n += await c(ctx, orderId, refundMethod);
  return n;
}

/** Registers the extra, and its step: rank 20, writing only when the basket holds extras. */
export function registerOrderExtra(e: OrderExtra): void {
  extras.push(e);
  registerSaleStep({
    name: e.name,
    rank: 20,
    write: async (tx, ctx, sale) => {
      if (!sale.hasExtras) return;
      await e.checkout(tx, ctx, { basketId: sale.basket.id, orderId: sale.orderId, customerId: sale.basket.customer_id, paid: sale.order.status === 'paid', now: sale.now });
    },
    ticketsCancelled: e.ticketsCancelled,
  });
}

/**
 * True when the basket holds a line of any extra: returned by checkout's own UPDATE of the basket,
 * so a basket of places only (every buy of an on-sale rush) costs the extras no query at all.
 */
/** Names the SQL `extrasPresent` gives (it depends on the extras registered so far), for statements built once. */
export const extrasPresentShape = (): string => String(extras.length);

export function extrasPresent(basketId: string) {
  const tables = extras.flatMap((e) => e.basketTables);
  if (!tables.length) return sql<boolean>`(1 = 0)`;
  return sql<boolean>`(${sql.join(tables.map((t) => sql`exists (select 1 from ${sql.table(t)} where basket_id = ${basketId})`), sql` or `)})`;
}

export async function extrasInBasket(db: Db, basketId: string) {
  let count = 0;
  let total = 0;
  for (const e of extras) {
    const r = await e.inBasket(db, basketId);
    count += r.count;
    total += r.total;
  }
  return { count, total };
}

/** The part of `extrasOwed` that carries no VAT. */
export async function extrasOwedVatFree(db: Db, orderId: string): Promise<number> {
  let n = 0;
  for (const e of extras) if (e.vatFree) n += await e.owed(db, orderId);
  return n;
}

export async function extrasOwed(db: Db, orderId: string): Promise<number> {
  let n = 0;
  for (const e of extras) n += await e.owed(db, orderId);
  return n;
}

/**
 * After tickets or an extra of `order` (as it was before) were cancelled: refunds `amount` if the order was paid
 * (the steps hear of it: an online payment is refunded at its provider), and cancels the order when nothing valid
 * is left in it.
 */
export async function refundAndClose(tx: Db, ctx: Ctx, order: Order, amount: number, refundMethod: PaymentMethod | undefined, now: string): Promise<void> {
  const ticket = await tx.selectFrom('tickets').select('id').where('order_id', '=', order.id).where('status', '=', 'valid').limit(1).executeTakeFirst();
  let closed = false;
  if (!ticket && (await extrasOwed(tx, order.id)) === 0) {
    const r = await tx.updateTable('orders').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', order.id).where('status', '!=', 'cancelled').executeTakeFirst();
    closed = Number(r.numUpdatedRows) === 1;
  }
  // The order's own service fee goes back with the last of what it was charged on (a venue's cancellation refunds fees).
  amount += closed ? Number(order.fee) : 0;
  if (order.status === 'paid' && amount > 0) {
    const rows = await tx.selectFrom('payments').select(['kind', 'method', 'amount']).where('order_id', '=', order.id)
      .orderBy('created_at').orderBy('id').execute();
    for (const part of refundParts(rows, amount, refundMethod)) {
      const refund: Payment = {
        id: newId(), organisation_id: ctx.orgId, order_id: order.id, kind: 'refund', method: part.method,
        amount: part.amount, reference: null, created_by: ctx.actor.id, created_at: now, provider_status: null,
      };
      await tx.insertInto('payments').values(refund).execute();
      await refunded(tx, ctx, { order, refund });
    }
  }
}
