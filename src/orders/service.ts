// Orders: checkout of a basket, payment of a reservation, cancellation with refunds.
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { Db, Dialect } from '../platform/db.js';
import { builtOnce, insertedOnce } from '../platform/built-once.js';
import { newId } from '../platform/ids.js';
import { formatInZone } from '../platform/time.js';
import { Problem, invalid, invalidField, notFound } from '../platform/problems.js';
import { organisationSettings } from '../organisations/service.js';
import { ticketTypeName } from '../pricing/service.js';
import { findBasket, openBasketWith } from '../baskets/service.js';
import { matchesPhone, matchesWords } from '../customers/service.js';
import { feesFor, moneyOf, vatOf, type FeeSettings, type TicketMoney } from '../fees/rules.js';
import { feeSettings, organisationVatRate } from '../fees/service.js';
import { placeNames, type PlaceLabels } from '../inventory/seat-names.js';
import { convertHold, freeOrderItems, setOrderItemsStatus } from '../inventory/store.js';
import { newBarcode, newOrderNumber, orderStatusAtCheckout, reservationDeadline, splitPaymentErrors } from './rules.js';
import { cancelExtrasOfOrder, extrasInBasket, extrasOwed, extrasOwedVatFree, extrasPresent, extrasPresentShape, refundAndClose } from './extras.js';
import {
  afterSale, prepareSale, registerSaleStep, reservationPaid, stepBasketTables, takingPayment, ticketsCancelled, undoSale, writeSale,
  type PaymentPart, type Sale, type SaleIntent, type WrittenSale,
} from './steps.js';
import type { Order, Payment, PaymentMethod } from './tables.js';
import type { Customer } from '../customers/tables.js';
import './problems.js';

export interface PaymentInput {
  method: PaymentMethod;
  reference?: string;
}

class SeatsLost extends Error {
  constructor(readonly places: (PlaceLabels & { item_id: string })[]) {
    super('seats lost');
  }
}

/** A basket's lines with what its tickets will show (the columns of `ticketRows`), in ticket order. */
const basketLinesQuery = builtOnce((db, a: { basketId: string }) => db.selectFrom('basket_lines')
  .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'basket_lines.performance_id').onRef('inventory.item_id', '=', 'basket_lines.item_id'))
  .innerJoin('ticket_types', 'ticket_types.id', 'basket_lines.ticket_type_id')
  .innerJoin('performances', 'performances.id', 'basket_lines.performance_id')
  .innerJoin('productions', 'productions.id', 'performances.production_id')
  .innerJoin('halls', 'halls.id', 'performances.hall_id')
  .innerJoin('venues', 'venues.id', 'halls.venue_id')
  .select(['basket_lines.performance_id', 'basket_lines.item_id', 'basket_lines.ticket_type_id', 'basket_lines.price',
    'ticket_types.dip_category', 'performances.starts_at', 'performances.vat_rate',
    'inventory.zone_id', 'inventory.section', 'inventory.row_label', 'inventory.seat_label', 'inventory.rank',
    'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en', 'productions.title',
    'halls.name as hall_name', 'venues.name as venue_name', 'venues.time_zone'])
  .where('basket_lines.basket_id', '=', a.basketId)
  .orderBy('performances.starts_at').orderBy('inventory.sort'));
const basketLines = async (db: Db, dialect: Dialect, basketId: string) => (await basketLinesQuery(db, dialect, { basketId })).rows;
export type SaleLine = Awaited<ReturnType<typeof basketLines>>[number];

/**
 * Turns an open basket into an order (paid, or a reservation). Reads and writes only what it must:
 * this is the last step of every buy in an on-sale rush.
 */
export async function checkout(ctx: Ctx, basketId: string, payment?: PaymentInput, payments?: PaymentPart[]) {
  if (payment && payments) {
    throw invalidField('payments', { en: 'send payment or payments, not both', nl: 'stuur payment of payments, niet allebei', fr: 'envoyez payment ou payments, pas les deux' });
  }
  return (await placeOrder(ctx, basketId, payments ? { payments } : payment ? { payment } : {})).view;
}

/** The body of a reservation's payment: one method for all of it, or split payments; not both, not neither. */
export interface ReservationPaymentBody { method?: PaymentMethod; reference?: string; payments?: PaymentPart[] }

function reservationPayment(body: ReservationPaymentBody): PaymentInput | { payments: PaymentPart[] } {
  if (body.payments && (body.method || body.reference)) {
    throw invalidField('payments', { en: 'send method or payments, not both', nl: 'stuur method of payments, niet allebei', fr: 'envoyez method ou payments, pas les deux' });
  }
  if (body.payments) return { payments: body.payments };
  if (!body.method) throw invalidField('method', 'required');
  return { method: body.method, reference: body.reference };
}

/** For a retried checkout whose first try's process died: the order, when that try got as far as one. */
export async function checkedOutOrder(ctx: Ctx, basketId: string) {
  const b = await findBasket(ctx, basketId);
  return b.status === 'checked_out' && b.order_id ? getOrderView(ctx, b.order_id) : undefined;
}

/** For a retried payment whose first try's process died: the order, when it is paid. */
export async function paidOrder(ctx: Ctx, orderId: string) {
  const o = await findOrder(ctx, orderId);
  return o.status === 'paid' ? getOrderView(ctx, o.id) : undefined;
}

/**
 * The sale path, one straight line: every step prepares (outside any transaction), one transaction
 * closes the basket, writes the order and lets every step write; if it does not commit, the steps
 * undo what they prepared; after commit, each step finishes. The steps are in steps.ts.
 */
export async function placeOrder(ctx: Ctx, basketId: string, intent: SaleIntent): Promise<{ order: Order; view: OrderView }> {
  const { basket, present } = await openBasketWith(ctx, basketId, stepBasketTables());
  if (intent.payment || intent.payments) await takingPayment(ctx, { channel: basket.channel });
  const org = await organisationSettings(ctx.db, ctx.orgId);
  const fees = await feeSettings(ctx.db, ctx.orgId, basket.channel);
  const sale: Sale = { basket, orderId: intent.orderId ?? newId(), intent, now: ctx.clock.now() };
  const prepared = await prepareSale(ctx, sale, present);
  let written: WrittenSale;
  try {
    written = await ctx.db.transaction().execute(async (tx) => {
      const w = await openOrder(tx, ctx, sale, org.reservation_hours, fees);
      await writeSale(tx, ctx, w, prepared);
      return w;
    });
  } catch (e) {
    await undoSale(ctx, prepared);
    if (e instanceof SeatsLost) {
      const ids = e.places.map((l) => l.item_id);
      throw new Problem('seats-unavailable', { seats: placeNames(e.places) }, [], { unavailableSeatIds: ids });
    }
    throw e;
  }
  await afterSale(ctx, written, prepared);
  // The answer from what was just written; only a customer or extras need another read.
  const customer = basket.customer_id ? await ctx.db.selectFrom('customers').selectAll().where('id', '=', basket.customer_id).executeTakeFirst() : undefined;
  const owedForExtras = written.hasExtras ? await extrasOwed(ctx.db, written.orderId) : 0;
  const extrasRate = owedForExtras ? await organisationVatRate(ctx.db, ctx.orgId) : 0;
  const vatFree = owedForExtras ? await extrasOwedVatFree(ctx.db, written.orderId) : 0;
  return { order: written.order, view: orderView(ctx, written.order, written.tickets, written.payments, customer, owedForExtras, extrasRate, vatFree) };
}

/** Checkout's close of the basket, answering whether it holds extras (packs, streams). */
const closeBasketQuery = builtOnce((db, a: { id: string; orderId: string; now: string }) => db.updateTable('baskets')
  .set({ status: 'checked_out', order_id: a.orderId, updated_at: a.now })
  .where('id', '=', a.id).where('status', '=', 'open')
  .returning(extrasPresent(a.id).as('has_extras')));

const insertOrder = insertedOnce('orders', [
  'id', 'organisation_id', 'number', 'basket_id', 'channel', 'status', 'customer_id', 'total', 'fee', 'fee_vat', 'fee_vat_rate',
  'reservation_expires_at', 'created_by', 'created_at', 'paid_at', 'cancelled_at',
]);
const insertTickets = insertedOnce('tickets', [
  'id', 'organisation_id', 'order_id', 'performance_id', 'item_id', 'ticket_type_id', 'dip_category', 'price', 'vat_rate', 'vat',
  'fee', 'fee_vat', 'status', 'barcode', 'print_state', 'print_count', 'printed_at', 'created_at', 'cancelled_at',
]);
const insertPayments = insertedOnce('payments', [
  'id', 'organisation_id', 'order_id', 'kind', 'method', 'amount', 'reference', 'created_by', 'created_at', 'provider_status',
]);

/**
 * Inside the checkout transaction: closes the basket, reads its lines as they now are, and writes the
 * order with the status the sale gets (paid, a reservation, or awaiting its online payment).
 */
async function openOrder(tx: Db, ctx: Ctx, sale: Sale, reservationHours: number | null, fees: FeeSettings): Promise<WrittenSale> {
  const { basket, orderId, intent, now } = sale;
  const [closed] = (await closeBasketQuery(tx, ctx.dialect, { id: basket.id, orderId, now: now.toISOString() }, extrasPresentShape())).rows;
  if (!closed) throw new Problem('basket-closed', { status: 'checked_out' });
  const hasExtras = !!closed.has_extras;
  // The lines as they are now the basket is closed: one added concurrently is either read here
  // (and sold) or refused as basket-closed, never held or sold without a ticket.
  const lines = await basketLines(tx, ctx.dialect, basket.id);
  const extra = hasExtras ? await extrasInBasket(tx, basket.id) : { count: 0, total: 0 };
  if (!lines.length && !extra.count) throw new Problem('basket-empty');
  // The fees as this checkout charges them, once: a retry finds the basket closed and answers this order.
  const feeLines = feesFor(fees, lines.map((l) => l.price));
  const ticketFee = feeLines.some((f) => f.kind === 'ticket') ? fees.perTicket : 0;
  const orderFee = feeLines.find((f) => f.kind === 'order')?.amount ?? 0;
  const total = lines.reduce((n, l) => n + l.price, 0) + extra.total + feeLines.reduce((n, f) => n + f.amount, 0);
  const status = orderStatusAtCheckout(intent, lines.map((l) => ({ price: l.price, dipCategory: l.dip_category })), extra.total);
  const firstStart = lines.map((l) => l.starts_at).sort()[0] ?? '9999-12-31T00:00:00.000Z';
  const order: Order = {
    id: orderId, organisation_id: ctx.orgId, number: newOrderNumber(), basket_id: basket.id, channel: basket.channel,
    status, customer_id: basket.customer_id, total, fee: orderFee, fee_vat: vatOf(orderFee, fees.vatRate), fee_vat_rate: fees.vatRate,
    reservation_expires_at: status === 'reserved' ? reservationDeadline(now, reservationHours, firstStart) : null,
    created_by: ctx.actor.id, created_at: now.toISOString(), paid_at: status === 'paid' ? now.toISOString() : null, cancelled_at: null,
  };
  // A box-office reservation is collected or paid later by someone: it needs a name to find it by.
  if (status === 'reserved' && basket.channel === 'boxoffice' && !basket.customer_id) throw new Problem('reservation-needs-customer');
  // At the box office after the start, an unpaid reservation would lapse at once: take payment instead.
  if (order.reservation_expires_at && order.reservation_expires_at <= now.toISOString()) throw new Problem('reservation-too-late');
  await insertOrder(tx, ctx.dialect, [order]);
  return { ...sale, order, lines, ticketFee, hasExtras, tickets: [], payments: [] };
}

// The places: held seats become the order's (sold, or reserved until paid) and each gets its ticket.
registerSaleStep({
  name: 'places',
  rank: 10,
  async write(tx, ctx, sale) {
    const { order, lines, now } = sale;
    const converted = await convertHold(tx, ctx.dialect, sale.basket.id, order.id, order.status === 'paid' ? 'sold' : 'reserved');
    const got = new Set(converted.map((c) => `${c.performance_id}/${c.item_id}`));
    const lost = lines.filter((l) => !got.has(`${l.performance_id}/${l.item_id}`));
    if (lost.length) throw new SeatsLost(lost);
    const createdAt = now.toISOString();
    const rows = lines.map((l) => {
      const fee = l.price > 0 ? sale.ticketFee : 0;
      return {
        id: newId(), organisation_id: ctx.orgId, order_id: order.id, performance_id: l.performance_id, item_id: l.item_id,
        ticket_type_id: l.ticket_type_id, dip_category: l.dip_category, price: l.price,
        vat_rate: l.vat_rate, vat: vatOf(l.price, l.vat_rate), fee, fee_vat: vatOf(fee, order.fee_vat_rate), status: 'valid' as const,
        barcode: newBarcode(), print_state: 'none' as const, print_count: 0, printed_at: null, created_at: createdAt,
        cancelled_at: null,
      };
    });
    await insertTickets(tx, ctx.dialect, rows);
    // the tickets as `ticketRows` would read them back: the row written and the line's labels (a
    // literal, not a spread of the two: copying objects key by key cost more than the insert's JS)
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const l = lines[i];
      sale.tickets.push({
        id: r.id, organisation_id: r.organisation_id, order_id: r.order_id, performance_id: r.performance_id, item_id: r.item_id,
        ticket_type_id: r.ticket_type_id, dip_category: r.dip_category, price: r.price, vat_rate: r.vat_rate, vat: r.vat, fee: r.fee,
        fee_vat: r.fee_vat, status: r.status, barcode: r.barcode, print_state: r.print_state, print_count: r.print_count,
        printed_at: r.printed_at, created_at: r.created_at, cancelled_at: r.cancelled_at,
        zone_id: l.zone_id, section: l.section, row_label: l.row_label, seat_label: l.seat_label, rank: l.rank,
        name_nl: l.name_nl, name_fr: l.name_fr, name_en: l.name_en, title: l.title, starts_at: l.starts_at,
        hall_name: l.hall_name, venue_name: l.venue_name, time_zone: l.time_zone,
      });
    }
  },
});

// A payment taken at checkout (the box office): recorded with the order, for its whole amount; or a
// split payment, a row per part, whose parts must add up to the order's total.
registerSaleStep({
  name: 'payment.recorded',
  rank: 90,
  async write(tx, ctx, sale) {
    const p = sale.intent.payment;
    if (p) sale.payments.push(await insertPayment(tx, ctx, sale.orderId, 'payment', p.method, sale.order.total, p.reference, sale.now));
    const parts = sale.intent.payments;
    if (!parts) return;
    const errors = splitPaymentErrors(parts, sale.order.total);
    if (errors.length) throw invalid(errors);
    for (const part of parts) sale.payments.push(await insertPayment(tx, ctx, sale.orderId, 'payment', part.method, part.amount, partReference(part), sale.now));
  },
});

/** A part's reference as recorded: the one given, or the last four characters of its voucher's code. */
const partReference = (part: PaymentPart): string | undefined =>
  part.reference ?? (part.voucherCode ? `…${part.voucherCode.replace(/[^0-9A-Za-z]/g, '').slice(-4).toUpperCase()}` : undefined);

async function insertPayment(
  db: Db, ctx: Ctx, orderId: string, kind: 'payment' | 'refund', method: PaymentMethod, amount: number,
  reference: string | undefined, now: Date, providerStatus: string | null = null,
): Promise<Payment> {
  const row: Payment = {
    id: newId(), organisation_id: ctx.orgId, order_id: orderId, kind, method, amount, reference: reference ?? null,
    created_by: ctx.actor.id, created_at: now.toISOString(), provider_status: providerStatus,
  };
  await insertPayments(db, ctx.dialect, [row]);
  return row;
}

export async function findOrder(ctx: Ctx, id: string): Promise<Order> {
  const o = await ctx.db.selectFrom('orders').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!o) throw notFound('order');
  return o;
}

export async function ticketRows(db: Db, orderIds: string[]) {
  if (!orderIds.length) return [];
  return db.selectFrom('tickets')
    .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'tickets.performance_id').onRef('inventory.item_id', '=', 'tickets.item_id'))
    .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
    .innerJoin('performances', 'performances.id', 'tickets.performance_id')
    .innerJoin('productions', 'productions.id', 'performances.production_id')
    .innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('venues', 'venues.id', 'halls.venue_id')
    .selectAll('tickets')
    .select([
      'inventory.zone_id', 'inventory.section', 'inventory.row_label', 'inventory.seat_label', 'inventory.rank',
      'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en', 'productions.title', 'performances.starts_at',
      'halls.name as hall_name', 'venues.name as venue_name', 'venues.time_zone',
    ])
    .where('tickets.order_id', 'in', orderIds)
    .orderBy('performances.starts_at').orderBy('inventory.sort')
    .execute();
}
export type TicketRow = Awaited<ReturnType<typeof ticketRows>>[number];

export async function getOrderView(ctx: Ctx, id: string) {
  const o = await findOrder(ctx, id);
  const [tickets, payments, customer, owedForExtras] = await Promise.all([
    ticketRows(ctx.db, [id]),
    ctx.db.selectFrom('payments').selectAll().where('order_id', '=', id).orderBy('created_at').execute(),
    o.customer_id ? ctx.db.selectFrom('customers').selectAll().where('id', '=', o.customer_id).executeTakeFirst() : undefined,
    extrasOwed(ctx.db, id),
  ]);
  const extrasRate = owedForExtras ? await organisationVatRate(ctx.db, ctx.orgId) : 0;
  const vatFree = owedForExtras ? await extrasOwedVatFree(ctx.db, id) : 0;
  return orderView(ctx, o, tickets, payments, customer, owedForExtras, extrasRate, vatFree);
}

/**
 * What an order owes, its fees and its VAT per rate: the order fee counts while the order is not
 * cancelled; packs and streams at `extrasRate`, gift vouchers (`vatFree` of the extras) at 0.
 */
export const orderMoney = (o: Order, tickets: TicketMoney[], owedForExtras: number, extrasRate: number, vatFree = 0) => moneyOf(
  tickets,
  { amount: o.status === 'cancelled' ? 0 : Number(o.fee), vat: Number(o.fee_vat), rate: o.fee_vat_rate },
  [{ gross: owedForExtras - vatFree, rate: extrasRate }, { gross: vatFree, rate: 0, vat: 0 }],
);

function orderView(
  ctx: Ctx, o: Order, tickets: TicketRow[], payments: Payment[], customer: Customer | undefined, owedForExtras: number, extrasRate: number,
  vatFree = 0,
) {
  const paidIn = payments.reduce((n, p) => n + (p.kind === 'payment' ? p.amount : -p.amount), 0);
  const { owed, fees, vat } = orderMoney(o, tickets, owedForExtras, extrasRate, vatFree);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    channel: o.channel,
    customer: customer ? { id: customer.id, name: customer.name, email: customer.email } : null,
    total: owed,
    /** Service fees, apart from the ticket prices (included in total). */
    fees,
    /** VAT per rate over every line of the order (tickets, fees, packs and streams); gross sums to total. */
    vat,
    paid: paidIn,
    balance: o.status === 'reserved' || o.status === 'awaiting_payment' ? owed : owed - paidIn,
    // Amsterdam and Brussels share their offsets, so one zone serves every venue's orders.
    reservationExpiresAt: o.reservation_expires_at ? formatInZone(o.reservation_expires_at, 'Europe/Amsterdam') : null,
    createdAt: o.created_at,
    paidAt: o.paid_at,
    cancelledAt: o.cancelled_at,
    tickets: tickets.map((t) => ({
      id: t.id,
      performanceId: t.performance_id,
      title: t.title,
      startsAt: formatInZone(t.starts_at, t.time_zone),
      seatId: t.zone_id ? null : t.item_id,
      placeId: t.item_id,
      zoneId: t.zone_id,
      section: t.section,
      row: t.row_label,
      seat: t.seat_label,
      rank: t.rank,
      ticketTypeId: t.ticket_type_id,
      ticketTypeName: ticketTypeName(t, ctx.lang),
      dipCategory: t.dip_category,
      price: t.price,
      vatRate: t.vat_rate,
      fee: Number(t.fee),
      status: t.status,
      barcode: t.barcode,
      printState: t.print_state,
      printCount: t.print_count,
    })),
    payments: payments.map((p) => ({
      id: p.id, kind: p.kind, method: p.method, amount: p.amount, reference: p.reference, createdAt: p.created_at,
      // At a payment provider: how far a refund (or payment) got there; null for money taken at the desk.
      status: p.provider_status ?? null,
    })),
  };
}
export type OrderView = ReturnType<typeof orderView>;

/** Pays an unpaid reservation in full, with one method or split (cash, pin, gift vouchers...); its places become sold. */
export async function payOrder(ctx: Ctx, id: string, body: ReservationPaymentBody) {
  const o = await findOrder(ctx, id);
  const input = reservationPayment(body);
  if (o.status !== 'reserved') throw new Problem('order-not-payable', { status: o.status });
  const now = ctx.clock.now();
  // Past its deadline a reservation is over even before the sweeper has cancelled it.
  if (o.reservation_expires_at && o.reservation_expires_at <= now.toISOString()) {
    throw new Problem('order-not-payable', { status: 'expired' });
  }
  await takingPayment(ctx, { channel: o.channel });
  await ctx.db.transaction().execute(async (tx) => {
    const r = await tx.updateTable('orders').set({ status: 'paid', paid_at: now.toISOString(), reservation_expires_at: null })
      .where('id', '=', id).where('status', '=', 'reserved').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new Problem('order-not-payable', { status: 'changed' });
    const owed = await tx.selectFrom('tickets').select((eb) => [eb.fn.sum<number>('price').as('n'), eb.fn.sum<number>('fee').as('fees')])
      .where('order_id', '=', id).where('status', '=', 'valid').executeTakeFirstOrThrow();
    await setOrderItemsStatus(tx, id, 'reserved', 'sold');
    const amount = Number(owed.n ?? 0) + Number(owed.fees ?? 0) + Number(o.fee) + await extrasOwed(tx, id);
    if (!('payments' in input)) {
      await insertPayment(tx, ctx, id, 'payment', input.method, amount, input.reference, now);
      return;
    }
    // Split: the parts add up to what is owed, a row each; the steps spend the vouchers among them
    // (one conditional write each), and any refusal takes the whole payment back.
    const errors = splitPaymentErrors(input.payments, amount);
    if (errors.length) throw invalid(errors);
    const rows: Payment[] = [];
    for (const part of input.payments) rows.push(await insertPayment(tx, ctx, id, 'payment', part.method, part.amount, partReference(part), now));
    await reservationPaid(tx, ctx, { orderId: id, parts: input.payments, payments: rows, now });
  });
  return getOrderView(ctx, id);
}

/**
 * An online order's payment came (in the caller's transaction): the order is paid, its places sold,
 * the payment recorded with the provider's reference. False when the order no longer awaited it.
 */
export async function confirmAwaitedPayment(
  tx: Db, ctx: Ctx, orderId: string, paid: { amount: number; reference: string; providerStatus: string }, now: Date,
): Promise<boolean> {
  const r = await tx.updateTable('orders').set({ status: 'paid', paid_at: now.toISOString() })
    .where('id', '=', orderId).where('organisation_id', '=', ctx.orgId).where('status', '=', 'awaiting_payment').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await setOrderItemsStatus(tx, orderId, 'reserved', 'sold');
  await insertPayment(tx, ctx, orderId, 'payment', 'online', paid.amount, paid.reference, now, paid.providerStatus);
  return true;
}

/**
 * An online order whose payment will not come (in the caller's transaction): cancelled, its places
 * back to sale at once, its UiTPAS sales cancelled. False when it no longer awaited payment. Its packs
 * and streams are cancelled afterwards with `releaseExtras`.
 */
export async function releaseAwaitingOrder(ctx: Ctx, tx: Db, orderId: string, now: Date): Promise<boolean> {
  const o = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!o) return false;
  const r = await tx.updateTable('orders').set({ status: 'cancelled', cancelled_at: now.toISOString() })
    .where('id', '=', orderId).where('status', '=', 'awaiting_payment').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await cancelTickets(ctx, tx, { ...o, status: 'cancelled' }, undefined);
  return true;
}

export const releaseExtras = (ctx: Ctx, orderId: string): Promise<number> => cancelExtrasOfOrder(ctx, orderId);

/** A payment row's status at its provider (an online refund: pending, refunded, failed). */
export async function setProviderStatus(db: Db, paymentRowId: string, status: string): Promise<void> {
  await db.updateTable('payments').set({ provider_status: status }).where('id', '=', paymentRowId).execute();
}

/**
 * Cancels tickets of an order (all valid ones when no ids are given): their places return to sale,
 * paid tickets get a refund record, and the order is cancelled once no valid ticket is left.
 */
export async function cancelTickets(ctx: Ctx, db: Db, order: Order, ticketIds: string[] | undefined, refundMethod?: PaymentMethod) {
  const now = ctx.clock.now();
  let q = db.updateTable('tickets').set({ status: 'cancelled', cancelled_at: now.toISOString() })
    .where('order_id', '=', order.id).where('status', '=', 'valid');
  if (ticketIds) q = q.where('id', 'in', ticketIds);
  const cancelled = await q.returning(['id', 'performance_id', 'item_id', 'price', 'fee']).execute();
  if (!cancelled.length) return cancelled;
  await ticketsCancelled(db, cancelled.map((t) => t.id), now);
  await freeOrderItems(db, order.id, cancelled.map((t) => ({ performanceId: t.performance_id, itemId: t.item_id })));
  // A cancellation by the venue refunds what the tickets cost, their service fees included.
  await refundAndClose(db, ctx, order, cancelled.reduce((n, t) => n + t.price + Number(t.fee), 0), refundMethod, now.toISOString());
  return cancelled;
}

export async function cancelOrder(ctx: Ctx, id: string, ticketIds?: string[], refundMethod?: PaymentMethod) {
  const o = await findOrder(ctx, id);
  if (ticketIds) {
    const known = await ctx.db.selectFrom('tickets').select('id').where('order_id', '=', id).where('id', 'in', ticketIds).execute();
    if (known.length !== new Set(ticketIds).size) {
      throw invalidField('ticketIds', { en: 'not all tickets belong to this order', nl: 'niet alle kaarten horen bij deze bestelling', fr: "tous les billets n'appartiennent pas à cette commande" });
    }
  }
  // A whole order takes its packs (and what they hold) and streams with it.
  const extras = ticketIds ? 0 : await cancelExtrasOfOrder(ctx, id, refundMethod);
  const current = extras ? await findOrder(ctx, id) : o;
  const done = await ctx.db.transaction().execute((tx) => cancelTickets(ctx, tx, current, ticketIds, refundMethod));
  if (!done.length && !extras) throw new Problem('nothing-to-cancel');
  return getOrderView(ctx, id);
}

/** A cancelled performance cancels every ticket sold or reserved for it, refunding the paid ones. */
export async function cancelPerformanceTickets(ctx: Ctx, db: Db, performanceId: string): Promise<number> {
  const orders = await db.selectFrom('orders').innerJoin('tickets', 'tickets.order_id', 'orders.id').selectAll('orders').distinct()
    .where('tickets.performance_id', '=', performanceId).where('tickets.status', '=', 'valid').execute();
  let n = 0;
  for (const o of orders) {
    const ids = await db.selectFrom('tickets').select('id').where('order_id', '=', o.id).where('performance_id', '=', performanceId)
      .where('status', '=', 'valid').execute();
    n += (await cancelTickets(ctx, db, o, ids.map((t) => t.id))).length;
  }
  // Open baskets lose their places of this performance too.
  await db.updateTable('inventory').set({ status: 'free', hold_id: null, hold_expires_at: null })
    .where('performance_id', '=', performanceId).where('status', '=', 'held').execute();
  await db.deleteFrom('basket_lines').where('performance_id', '=', performanceId)
    .where('basket_id', 'in', (eb) => eb.selectFrom('baskets').select('id').where('status', '=', 'open')).execute();
  return n;
}

/** Sweeper: unpaid reservations past their deadline are cancelled and their places return to sale. */
export async function expireReservations(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const due = await ctx.db.selectFrom('orders').selectAll().where('status', '=', 'reserved')
    .where('reservation_expires_at', '<', now).limit(200).execute();
  let n = 0;
  for (const o of due) {
    await ctx.db.transaction().execute(async (tx) => {
      // Whoever flips the status first does the work; a concurrent sweeper finds nothing to do.
      const r = await tx.updateTable('orders').set({ status: 'cancelled', cancelled_at: now })
        .where('id', '=', o.id).where('status', '=', 'reserved').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return;
      await cancelTickets({ ...ctx, orgId: o.organisation_id }, tx, { ...o, status: 'cancelled' }, undefined);
      n++;
    });
    await cancelExtrasOfOrder({ ...ctx, orgId: o.organisation_id }, o.id);
  }
  return n;
}

export interface OrderSearch {
  q?: string;
  customerId?: string;
  performanceId?: string;
  limit: number;
  offset: number;
}

const likeAnywhere = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Three or more characters of an order number (its dash optional), upper-cased without the dash. */
const orderNumberPart = (term: string): string | undefined => {
  const bare = term.replace(/-/g, '').toUpperCase();
  return /^[0-9A-Z]{3,8}$/.test(bare) ? bare : undefined;
};

/** Finds orders by (part of) number, ticket barcode, customer (name/e-mail/postal code, or the end of the phone number), production title or performance. */
export async function searchOrders(ctx: Ctx, f: OrderSearch) {
  let q = ctx.db.selectFrom('orders').leftJoin('customers', 'customers.id', 'orders.customer_id')
    .select(['orders.id', 'orders.number', 'orders.status', 'orders.total', 'orders.created_at', 'orders.channel',
      'customers.name as customer_name'])
    .where('orders.organisation_id', '=', ctx.orgId);
  if (f.customerId) q = q.where('orders.customer_id', '=', f.customerId);
  if (f.performanceId) {
    q = q.where('orders.id', 'in', (eb) => eb.selectFrom('tickets').select('order_id').where('performance_id', '=', f.performanceId!));
  }
  if (f.q) {
    const term = f.q.trim();
    const words = matchesWords('customers.search', term);
    const phone = matchesPhone('customers.phone_digits', term);
    const numberPart = orderNumberPart(term);
    const title = likeAnywhere(term.toLowerCase());
    q = q.where((eb) => eb.or([
      eb('orders.number', '=', term.toUpperCase()),
      eb('orders.id', 'in', eb.selectFrom('tickets').select('order_id').where('barcode', '=', term.toUpperCase())),
      ...(words.length ? [eb.and(words)] : []),
      ...(phone ? [phone] : []),
      // part of an order number, typed with or without its dash
      ...(numberPart ? [sql<boolean>`replace(orders.number, '-', '') like ${likeAnywhere(numberPart)} escape '\\'`] : []),
      eb('orders.id', 'in', eb.selectFrom('tickets').select('tickets.order_id').where('tickets.performance_id', 'in',
        eb.selectFrom('performances').innerJoin('productions', 'productions.id', 'performances.production_id').select('performances.id')
          .where('performances.organisation_id', '=', ctx.orgId)
          .where(sql<boolean>`lower(productions.title) like ${title} escape '\\'`))),
    ]));
  }
  const rows = await q.orderBy('orders.created_at', 'desc').orderBy('orders.id').limit(f.limit).offset(f.offset).execute();
  return rows.map((r) => ({
    id: r.id, number: r.number, status: r.status, channel: r.channel, total: r.total, createdAt: r.created_at, customerName: r.customer_name,
  }));
}

