// Utick's payment methods and payments over Foyer's online payments: the web shop's Mollie connector
// makes the order's payment (createPayment), the buyer pays on Mollie's page, and the webhook (or a
// call naming the Mollie payment) settles the order. A website never records money itself.
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
import { amountOf, confirm, findUtickOrder } from './shop-orders.js';
import { VOUCHER_WORD } from './order-vouchers.js';
import { groupedCode } from '../vouchers/rules.js';

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

/** Utick's PaymentMethod type of a payment Foyer took another way than online (a gift voucher). */
const TYPE_OTHER = 1;

/** The gift voucher payments of an order (vouchers applied as promo codes, spent when it was paid). */
const voucherPaymentsOf = (c: Call, orderId: string, id?: string) => {
  let q = c.s.db.selectFrom('payments').innerJoin('voucher_uses', 'voucher_uses.payment_id', 'payments.id').innerJoin('vouchers', 'vouchers.id', 'voucher_uses.voucher_id')
    .select(['payments.id', 'payments.order_id', 'payments.amount', 'payments.created_at', 'vouchers.code'])
    .where('payments.organisation_id', '=', c.s.orgId).where('payments.method', '=', 'voucher').where('payments.kind', '=', 'payment');
  q = id ? q.where('payments.id', '=', id) : q.where('payments.order_id', '=', orderId);
  return q.orderBy('payments.created_at').orderBy('payments.id').execute();
};
type VoucherPayment = Awaited<ReturnType<typeof voucherPaymentsOf>>[number];

function voucherPaymentObject(c: Call, p: VoucherPayment) {
  const word = VOUCHER_WORD[c.s.language];
  return {
    id: uid(p.id), label: `${word} ${groupedCode(p.code)}`, orderid: uid(p.order_id), paymentmethodid: 'voucher', counterid: '', externalid: '', notes: '',
    couponcode: groupedCode(p.code), value: { amount: Number(p.amount), expectedamount: Number(p.amount), currency: 'EUR' },
    paymentdate: utickDate(p.created_at, DEFAULT_ZONE), status: statusObject(PAYMENT_STATUS_LABELS, 15, c.s.language),
    paymentmethod: { id: 'voucher', label: word, typeid: TYPE_OTHER }, counter: null, checkout_url: null,
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
  return [...(await voucherPaymentsOf(c, orderId)).map((p) => voucherPaymentObject(c, p)), ...(await paymentsOf(c, orderId)).map((p) => paymentObject(c, p))];
}

async function paymentRowOf(c: Call, id: string): Promise<OnlinePayment> {
  const p = await c.s.db.selectFrom('online_payments').selectAll().where('id', '=', id).where('organisation_id', '=', c.s.orgId).executeTakeFirst();
  if (!p) throw UtickError.notFound('payment');
  return p;
}

/** A payment by id: an online one, or a gift voucher's (which is what it is: nothing to ask a provider). */
export async function payment(c: Call, id: string) {
  const [voucher] = await voucherPaymentsOf(c, '', id);
  return voucher ? voucherPaymentObject(c, voucher) : paymentObject(c, await paymentRowOf(c, id));
}

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
  const rows = await payments(c);
  return rows[rows.length - 1] ?? null;
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
  const [voucher] = await voucherPaymentsOf(c, '', id);
  if (voucher) return voucherPaymentObject(c, voucher);
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
