// Paying for the basket. Online payment goes through the payments capability (Mollie); a basket that
// owes nothing (free tickets, a full UiTPAS discount) becomes a paid order at once, as at the box office.
import type { Ctx } from '../platform/context.js';
import { Problem } from '../platform/problems.js';
import { openBasket } from '../baskets/service.js';
import { checkout } from '../orders/service.js';
import { shopBasketView } from './baskets.js';
import type { ShopBasket } from './tables.js';
import './problems.js';

export interface ShopCheckoutInput {
  method?: string;
  /** Where the buyer comes back to after paying (the shop's return page). */
  returnUrl: string;
}

export async function checkoutShopBasket(ctx: Ctx, sb: ShopBasket, input: ShopCheckoutInput) {
  await openBasket(ctx, sb.basket_id);
  if (!sb.buyer_email || !sb.terms_accepted_at) throw new Problem('buyer-missing');
  const view = await shopBasketView(ctx, sb);
  if (!view.lines.length && !view.packs.length && !view.streams.length) throw new Problem('basket-empty');
  if (view.total === 0) {
    const order = await checkout(ctx, sb.basket_id);
    return { orderId: order.id, number: order.number, checkoutUrl: input.returnUrl };
  }
  throw new Problem('payments-unavailable');
}
