// Utick's payment methods and payments over Foyer's online payments: the web shop's Mollie connector
// makes the order's payment (createPayment), the buyer pays on Mollie's page, and the webhook (or a
// call naming the Mollie payment) settles the order. A website never records money itself.
import { basketView, findBasket } from '../baskets/service.js';
import { paymentMethods, type PaymentMethodView } from '../payments/online.js';
import { refresh } from '../payments/settle.js';
import type { OnlinePayment } from '../payments/tables.js';
import { renderTicketsPdf } from '../tickets/layout.js';
import { issuableTickets } from '../tickets/rules.js';
import { documentTickets } from '../tickets/store.js';
import type { Call } from './calls.js';
import { DEFAULT_ZONE, UtickError, uid, utickDate, type UtickLanguage } from './envelope.js';
import type { Texts } from './messages.js';
import { statusObject } from './labels.js';
import { integerParam, optionalId, optionalString } from './params.js';
import { confirm, findUtickOrder } from './shop-orders.js';

/** Utick's PaymentMethod type of an online method. */
const TYPE_ONLINE = 3;

/** A payment's status, as Utick's order statuses count: 10 waiting for the buyer, 15 paid, -10 over without money. */
const PAYMENT_STATUS_LABELS: Record<number, Texts> = {
  10: { en: 'Waiting for payment', fr: 'En attente de paiement', nl: 'Wacht op betaling', de: 'Wartet auf Zahlung' },
  15: { en: 'Paid', fr: 'Payé', nl: 'Betaald', de: 'Bezahlt' },
  [-10]: { en: 'Not paid', fr: 'Non payé', nl: 'Niet betaald', de: 'Nicht bezahlt' },
};
const paymentStatus = (p: OnlinePayment) => (p.status === 'paid' ? 15 : p.status === 'creating' || p.status === 'open' ? 10 : -10);

const localeOf = (l: UtickLanguage): 'nl' | 'fr' | 'en' => (l === 'de' ? 'en' : l);

const methodObject = (m: PaymentMethodView) => ({
  id: m.id, label: m.description, typeid: TYPE_ONLINE, metadata: { image: m.image ?? '', minimum: m.minimum, maximum: m.maximum },
});

/** What an order (or the basket it is filled in) comes to, in cents. */
async function amountOf(c: Call, orderId: string): Promise<number> {
  const f = await findUtickOrder(c, orderId);
  if (f.order) return f.order.total;
  const ctx = c.ctx();
  const view = await basketView(ctx, await findBasket(ctx, orderId));
  const extras = await c.s.db.selectFrom('basket_streams').select('price').where('basket_id', '=', orderId).execute();
  const packs = await c.s.db.selectFrom('basket_packs').select('price').where('basket_id', '=', orderId).execute();
  return view.total + [...extras, ...packs].reduce((n, x) => n + x.price, 0);
}

/** GET shop/paymentmethods {orderid | amount}: the methods Mollie offers for that amount (any amount: one euro). */
export async function methods(c: Call) {
  const orderId = optionalId(c.p, 'orderid');
  const amount = orderId ? await amountOf(c, orderId) : integerParam(c.p, 'amount') ?? 100;
  return (await paymentMethods(c.ctx(), { amount: Math.max(1, amount), locale: localeOf(c.s.language) })).map(methodObject);
}

export async function method(c: Call, id: string) {
  const found = (await methods({ ...c, p: {} })).find((m) => m.id === id);
  if (!found) throw UtickError.notFound('paymentMethod');
  return found;
}

function paymentObject(c: Call, p: OnlinePayment) {
  const status = paymentStatus(p);
  // Utick's Payment has no field for the page to send the buyer to: while it is open, its label is that page.
  const checkoutUrl = status === 10 ? p.checkout_url : null;
  return {
    id: uid(p.id), label: checkoutUrl ?? `${p.provider} ${p.provider_payment_id ?? ''}`.trim(), orderid: uid(p.order_id),
    paymentmethodid: p.method ?? '', counterid: '', externalid: p.provider_payment_id ?? '', notes: '', couponcode: '',
    value: { amount: status === 15 ? p.amount : 0, expectedamount: p.amount, currency: 'EUR' },
    paymentdate: status === 15 ? utickDate(p.settled_at, DEFAULT_ZONE) : null,
    status: statusObject(PAYMENT_STATUS_LABELS, status, c.s.language),
    paymentmethod: p.method ? { id: p.method, label: p.method, typeid: TYPE_ONLINE } : null, counter: null,
    checkout_url: checkoutUrl,
  };
}

const paymentsOf = (c: Call, orderId: string) => c.s.db.selectFrom('online_payments').selectAll()
  .where('order_id', '=', orderId).where('organisation_id', '=', c.s.orgId).orderBy('created_at').orderBy('id').execute();

/** GET shop/orders/payments {orderid}: the order's online payments. */
export async function payments(c: Call) {
  const orderId = optionalId(c.p, 'orderid');
  if (!orderId) throw new UtickError(400, 'order-required');
  const f = await findUtickOrder(c, orderId);
  if (!f.order) return [];
  return (await paymentsOf(c, orderId)).map((p) => paymentObject(c, p));
}

async function paymentRowOf(c: Call, id: string): Promise<OnlinePayment> {
  const p = await c.s.db.selectFrom('online_payments').selectAll().where('id', '=', id).where('organisation_id', '=', c.s.orgId).executeTakeFirst();
  if (!p) throw UtickError.notFound('payment');
  return p;
}

export const payment = async (c: Call, id: string) => paymentObject(c, await paymentRowOf(c, id));

/**
 * POST shop/orders/payments {orderid, paymentmethodid}: confirms the order if it is not yet (the web
 * shop's checkout) and answers its Mollie payment; again: the same payment. An order that owes
 * nothing is paid without one: the answer is then null.
 */
export async function createPayment(c: Call) {
  const orderId = optionalId(c.p, 'orderid');
  if (!orderId) throw new UtickError(400, 'order-required');
  const methodId = optionalString(c.p, 'paymentmethodid', 100);
  await confirm(c, orderId, methodId);
  const rows = await paymentsOf(c, orderId);
  const last = rows[rows.length - 1];
  return last ? paymentObject(c, last) : null;
}

/**
 * PATCH shop/orders/payments {orderid, molliepaymentid}: Foyer asks Mollie how the order's payment
 * stands and settles the order; a Mollie payment Foyer did not make for this order is refused.
 */
export async function molliePayment(c: Call) {
  const orderId = optionalId(c.p, 'orderid');
  if (!orderId) throw new UtickError(400, 'order-required');
  const mollieId = optionalString(c.p, 'molliepaymentid', 100) ?? '';
  await findUtickOrder(c, orderId);
  const mine = (await paymentsOf(c, orderId)).find((p) => p.provider_payment_id === mollieId);
  if (!mine) throw new UtickError(409, 'mollie-payment-foreign', { id: mollieId });
  return paymentObject(c, await refresh(c.ctx(), mine));
}

/** PATCH shop/orders/payments/{id}: asks Mollie again (a payment's fields are Mollie's, not the website's). */
export async function refreshPayment(c: Call, id: string) {
  return paymentObject(c, await refresh(c.ctx(), await paymentRowOf(c, id)));
}

/** GET shop/orders/tickets/pdf {orderid}: the e-tickets PDF of a paid order, base64 in the answer. */
export async function ticketsPdf(c: Call) {
  const orderId = optionalId(c.p, 'orderid');
  if (!orderId) throw new UtickError(400, 'order-required');
  const f = await findUtickOrder(c, orderId);
  if (!f.order) throw new UtickError(409, 'order-not-paid');
  const o = f.order;
  const tickets = issuableTickets(await documentTickets(c.s.db, c.s.orgId, o.id));
  const pdf = await renderTicketsPdf(tickets.map((ticket) => ({ ticket, printCount: 0 })), {
    lang: c.s.lang, title: o.number, createdAt: new Date(o.paid_at ?? o.created_at),
  });
  return { filename: `e-tickets-${o.number}.pdf`, contenttype: 'application/pdf', content: pdf.toString('base64') };
}
