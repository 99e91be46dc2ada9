// Paying for the basket: the payments capability makes it an order awaiting its online payment and
// answers the provider's page to send the buyer to; a basket that owes nothing (free tickets, a full
// UiTPAS discount) is a paid order at once. Either way the confirmation e-mail follows the payment.
import type { Ctx } from '../platform/context.js';
import { Problem } from '../platform/problems.js';
import { openBasket } from '../baskets/service.js';
import { checkoutOnline, onlineOrderStatus, type Locale } from '../payments/online.js';
import { orderLink } from '../my-order/links.js';
import { shopBasketView } from './baskets.js';
import type { ShopBasket } from './tables.js';
import './problems.js';

export interface ShopCheckoutInput {
  method?: string;
  /** Where the buyer comes back to after paying (the shop's return page). */
  returnUrl: string;
}

const localeOf = (sb: ShopBasket, fallback: Locale): Locale =>
  sb.language === 'nl' || sb.language === 'fr' || sb.language === 'en' ? sb.language : fallback;

export async function checkoutShopBasket(ctx: Ctx, sb: ShopBasket, input: ShopCheckoutInput) {
  const basket = await ctx.db.selectFrom('baskets').select(['status', 'order_id']).where('id', '=', sb.basket_id).executeTakeFirstOrThrow();
  if (basket.status === 'open') {
    await openBasket(ctx, sb.basket_id);
    if (!sb.buyer_email || !sb.terms_accepted_at) throw new Problem('buyer-missing');
    const view = await shopBasketView(ctx, sb);
    if (!view.lines.length && !view.packs.length && !view.streams.length) throw new Problem('basket-empty');
  }
  // A second call for the same basket (a lost answer, a double tap) answers the same order and payment.
  const paid = await checkoutOnline(ctx, sb.basket_id, { redirectUrl: input.returnUrl, locale: localeOf(sb, ctx.lang), method: input.method });
  return { orderId: paid.orderId, number: paid.number, status: paid.status, checkoutUrl: paid.checkoutUrl ?? input.returnUrl };
}

/**
 * How the basket's order stands when the buyer comes back from paying (the provider is asked, the
 * webhook may not have come yet); a paid order answers its my-order page.
 */
export async function shopPaymentStatus(ctx: Ctx, sb: ShopBasket) {
  const basket = await ctx.db.selectFrom('baskets').select('order_id').where('id', '=', sb.basket_id).executeTakeFirstOrThrow();
  if (!basket.order_id) throw new Problem('basket-not-checked-out');
  const s = await onlineOrderStatus(ctx, basket.order_id, { refresh: true });
  return { ...s, myOrderUrl: s.status === 'paid' ? await orderLink(ctx.db, basket.order_id) : null };
}
