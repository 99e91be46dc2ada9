// Paying online, for the web shop: a basket becomes an order awaiting its payment, and the buyer goes
// to the provider's checkout page; when the buyer comes back, the shop asks how it went. The
// signatures here are what the shop calls.
import type { Ctx } from '../platform/context.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { basketView, findBasket, setBasketCustomer } from '../baskets/service.js';
import { createCustomer } from '../customers/service.js';
import { placeOrder } from '../orders/service.js';
import { orderPaidOnline } from './paid.js';
import { providerFor } from './provider.js';
import { isSettled } from './rules.js';
import { paymentRow, refresh } from './settle.js';
import type { OnlinePaymentStatus } from './tables.js';
import './problems.js';
import './step.js';

export type Locale = 'nl' | 'fr' | 'en';

export interface OnlineCheckoutInput {
  /** The buyer, when the basket has no customer yet: a customer is made and attached (the confirmation goes there). */
  buyer?: { name: string; email: string; phone?: string | null };
  /** Where the provider sends the buyer back (the shop's return page); it carries no status: ask onlineOrderStatus. */
  redirectUrl: string;
  locale: Locale;
  /** A method the buyer picked in the shop (an id from paymentMethods); otherwise the provider's page offers them. */
  method?: string;
  /** The id the order gets (an order made through /v1 keeps its basket's id); a new one otherwise. */
  orderId?: string;
}

export interface OnlineCheckout {
  orderId: string;
  number: string;
  /** Send the buyer here; null when the order owed nothing and is paid already. */
  checkoutUrl: string | null;
  status: OnlineOrderState;
}

/** For the buyer: waiting for the payment, paid (tickets valid), or over (places released). */
export type OnlineOrderState = 'awaiting_payment' | 'paid' | 'released';

/**
 * The basket becomes an order awaiting its online payment (its places held for it until the
 * payment's deadline) and the provider is asked for the payment. Calling it again for the same basket
 * answers the same order and payment (after a lost answer, or a `payment-unavailable`, the shop
 * simply calls again). An order that owes nothing is paid at once, without the provider.
 * Problems: online-payments-off, online-payment-channel, basket-closed, basket-empty,
 * seats-unavailable, payment-unavailable (503: try again), payment-refused, payment-over, and
 * validation-failed for `method` (not offered for this amount) or `redirectUrl`.
 */
export async function checkoutOnline(ctx: Ctx, basketId: string, input: OnlineCheckoutInput): Promise<OnlineCheckout> {
  if (!/^https?:\/\//.test(input.redirectUrl)) {
    throw invalidField('redirectUrl', { en: 'an http(s) URL', nl: 'een http(s)-URL', fr: 'une URL http(s)' });
  }
  const basket = await findBasket(ctx, basketId);
  if (basket.status === 'checked_out' && basket.order_id) return resume(ctx, basket.order_id);
  if (basket.channel !== 'online') throw new Problem('online-payment-channel');
  if (input.method) await checkMethod(ctx, basketId, input.method, input.locale);
  if (input.buyer && !basket.customer_id && basket.status === 'open') {
    const c = await createCustomer(ctx, { name: input.buyer.name, email: input.buyer.email, phone: input.buyer.phone ?? null });
    await setBasketCustomer(ctx, basketId, c.id);
  }
  const { order } = await placeOrder(ctx, basketId, { online: { redirectUrl: input.redirectUrl, locale: input.locale, method: input.method }, orderId: input.orderId });
  if (order.status === 'paid') {
    await ctx.db.transaction().execute((tx) => orderPaidOnline(tx, ctx, order.id));
    return { orderId: order.id, number: order.number, checkoutUrl: null, status: 'paid' };
  }
  // Just asked: a create that failed a moment ago is not tried again in the same request (the shop retries).
  return resume(ctx, order.id, false);
}

async function checkMethod(ctx: Ctx, basketId: string, method: string, locale: Locale): Promise<void> {
  // What the places and their service fees come to: the methods on offer depend on the amount.
  const view = await basketView(ctx, await findBasket(ctx, basketId));
  const methods = await paymentMethods(ctx, { amount: Math.max(1, view.total), locale });
  if (!methods.some((m) => m.id === method)) {
    throw invalidField('method', { en: 'not offered for this order', nl: 'niet beschikbaar voor deze bestelling', fr: 'non proposé pour cette commande' });
  }
}

/** The order's payment as the shop shows it; a payment still being made is asked for again. */
async function resume(ctx: Ctx, orderId: string, retryCreate = true): Promise<OnlineCheckout> {
  const order = await ctx.db.selectFrom('orders').select(['id', 'number', 'status']).where('id', '=', orderId).executeTakeFirstOrThrow();
  let intent = await intentOf(ctx, orderId);
  if (order.status === 'paid') return { orderId, number: order.number, checkoutUrl: null, status: 'paid' };
  if (!intent) throw new Problem('basket-closed', { status: 'checked_out' });
  if (intent.status === 'creating' && retryCreate) intent = await refresh(ctx, intent);
  if (intent.status === 'refused') throw new Problem('payment-refused', { reason: intent.error ?? '' });
  if (order.status !== 'awaiting_payment' || isSettled(intent.status)) {
    const now = await ctx.db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow();
    if (now.status === 'paid') return { orderId, number: order.number, checkoutUrl: null, status: 'paid' };
    throw new Problem('payment-over', { status: intent.status });
  }
  if (intent.status === 'creating' || !intent.checkout_url) throw new Problem('payment-unavailable', {}, [], { orderId, number: order.number });
  return { orderId, number: order.number, checkoutUrl: intent.checkout_url, status: 'awaiting_payment' };
}

const intentOf = (ctx: Ctx, orderId: string) => ctx.db.selectFrom('online_payments').selectAll()
  .where('order_id', '=', orderId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();

export interface OnlineOrderStatus {
  orderId: string;
  number: string;
  status: OnlineOrderState;
  payment: { status: OnlinePaymentStatus; method: string | null; checkoutUrl: string | null } | null;
}

/**
 * How the order's payment stands, for the buyer's return page. With `refresh` (the buyer just came
 * back, likely before the provider's webhook) the provider is asked first, and the answer acted on.
 */
export async function onlineOrderStatus(ctx: Ctx, orderId: string, opts: { refresh?: boolean } = {}): Promise<OnlineOrderStatus> {
  let intent = await intentOf(ctx, orderId);
  const load = () => ctx.db.selectFrom('orders').select(['id', 'number', 'status']).where('id', '=', orderId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!(await load())) throw notFound('order');
  if (intent && opts.refresh && !isSettled(intent.status)) {
    intent = await refresh(ctx, intent).catch((err: unknown) => {
      ctx.log.warn({ err, orderId }, 'payment provider not reached for a returning buyer');
      return intent!;
    });
  }
  const order = (await load())!;
  const status: OnlineOrderState = order.status === 'paid' ? 'paid' : order.status === 'awaiting_payment' ? 'awaiting_payment' : 'released';
  return {
    orderId, number: order.number, status,
    payment: intent ? { status: intent.status, method: intent.method, checkoutUrl: status === 'awaiting_payment' ? intent.checkout_url : null } : null,
  };
}

export interface PaymentMethodView { id: string; description: string; image: string | null; minimum: number; maximum: number }

/** The methods the organisation's provider offers for this amount (cents), described in `locale`. */
export async function paymentMethods(ctx: Ctx, q: { amount: number; locale: Locale }): Promise<PaymentMethodView[]> {
  const conn = await providerFor(ctx.db, ctx.orgId, ctx.clock.now());
  if (!conn) throw new Problem('online-payments-off');
  try {
    return (await conn.provider.listMethods(q)).map((m) => ({ id: m.id, description: m.description, image: m.image, minimum: m.minimum, maximum: m.maximum }));
  } catch (err) {
    if ((err as Error).name === 'ProviderUnavailable') throw new Problem('payment-unavailable');
    throw err;
  }
}

export { paymentRow };
