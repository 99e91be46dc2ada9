// Utick's stock calls beyond the list: one stock by id, suggestions (the categories that still have
// the places asked for, best first), and the plan categories (each rank's free seats) with picking a
// seat into an order.
import { availableWhere } from '../inventory/store.js';
import { getShopSettings } from '../shop/settings.js';
import { addPlaces } from '../shop/baskets.js';
import { eventStocks } from './agenda.js';
import type { Call } from './calls.js';
import { UtickError, uid } from './envelope.js';
import { RANK_LABEL } from './labels.js';
import { streamStocks } from './offers.js';
import { id as idOf, integerParam, optionalId, type Params } from './params.js';
import { findUtickOrder } from './shop-orders.js';
import { rankCategoryId, shopBasketOf, stockOf } from './shop-products.js';
import { derivedId } from './views.js';

async function packStock(c: Call, packId: string) {
  const p = await c.s.db.selectFrom('packs').selectAll().where('id', '=', packId).where('organisation_id', '=', c.s.orgId).executeTakeFirstOrThrow();
  const shopUrl = p.shop_url ?? c.s.shop?.pack(p.id) ?? '';
  return {
    id: uid(p.id), label: p.label, eventid: '', streamid: '', packid: uid(p.id), capacity_total: -1, capacity_free: -1, shop_url: shopUrl,
    categories: [{
      id: derivedId('pack', p.id), label: p.label, description: p.description, color: '', capacity_total: -1, capacity_free: -1,
      prices: [{ id: uid(p.id), label: p.label, description: '', quantity_min: 1, quantity_max: 20, value: { amount: p.price, currency: 'EUR' } }],
    }],
  };
}

/** GET shop/products/stocks/{id}: a performance's, a stream's or a pack's stock. */
export async function stock(c: Call, stockId: string) {
  const k = await stockOf(c, stockId);
  if (k.kind === 'event') return (await eventStocks(c.s, [k.id]))[0];
  if (k.kind === 'stream') return (await streamStocks(c.s, k.id))[0];
  return packStock(c, k.id);
}

/**
 * GET shop/products/stocks/suggestions/{id} {quantity, categoryid}: the stock with only the categories
 * (ranks) that have `quantity` places free, best rank first; none: an empty list.
 */
export async function suggestions(c: Call, stockId: string, p: Params) {
  const quantity = integerParam(p, 'quantity') ?? 1;
  if (quantity < 1 || quantity > 20) throw new UtickError(400, 'quantity-range');
  const categoryId = optionalId(p, 'categoryid')?.toUpperCase();
  const st = await stock(c, stockId);
  const categories = st.categories.filter((x) => (x.capacity_free === -1 || x.capacity_free >= quantity) && (!categoryId || x.id === categoryId));
  return categories.length ? [{ ...st, categories }] : [];
}

/** Each rank of a performance with its free seats (places in general-admission zones have no seat to pick). */
export async function planCategories(c: Call, stockId: string) {
  const k = await stockOf(c, stockId);
  if (k.kind !== 'event') return [];
  const now = c.s.now.toISOString();
  const rows = await c.s.db.selectFrom('inventory').select(['item_id', 'rank']).where('performance_id', '=', k.id).where('zone_id', 'is', null)
    .where(availableWhere(now)).orderBy('rank').orderBy('sort').execute();
  const ranks = await c.s.db.selectFrom('inventory').select('rank').distinct().where('performance_id', '=', k.id).orderBy('rank').execute();
  return ranks.map((r) => ({
    id: rankCategoryId(k.id, r.rank), label: `${RANK_LABEL[c.s.language]} ${r.rank}`, description: '', color: '',
    seatids: rows.filter((x) => x.rank === r.rank).map((x) => x.item_id),
  }));
}

/** PATCH shop/products/stocks/plancategories/{stockId} {orderid, planseatid}: that seat into the order; answers its rank. */
export async function pickSeat(c: Call, stockId: string) {
  const k = await stockOf(c, stockId);
  if (k.kind !== 'event') throw UtickError.notFound('stock');
  const orderId = idOf(c.p.orderid, 'orderid');
  const seatId = typeof c.p.planseatid === 'string' && c.p.planseatid.length <= 100 ? c.p.planseatid : undefined;
  if (!seatId) throw new UtickError(400, 'must-be-string', { name: 'planseatid', max: 100 });
  const f = await findUtickOrder(c, orderId);
  if (!f.basket || f.basket.status !== 'open') throw new UtickError(409, 'order-closed');
  const seat = await c.s.db.selectFrom('inventory').select('rank').where('performance_id', '=', k.id).where('item_id', '=', seatId).where('zone_id', 'is', null).executeTakeFirst();
  if (!seat) throw UtickError.notFound('seat');
  const ctx = c.ctx();
  const shop = await getShopSettings(ctx);
  await c.sell('hold', () => addPlaces(ctx, shop, shopBasketOf(c.s.orgId, orderId), {
    performanceId: k.id, seatIds: [seatId], ticketTypeId: optionalId(c.p, 'priceid'), wheelchairConfirmed: c.p.wheelchairconfirmed === true,
  }));
  return (await planCategories(c, stockId)).find((x) => x.id === rankCategoryId(k.id, seat.rank));
}
