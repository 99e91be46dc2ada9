// Utick's Product (a place, a stream or a pack in an order) and StockRequest (asking stock into an
// order), over the web shop's basket services: the shop's limits, online ticket types, the one
// inventory. While the order is being filled its products are basket lines; once confirmed, tickets.
import { getShopSettings } from '../shop/settings.js';
import { addPack, addPlaces, addStream, changeType, dropLine, dropPack, dropStream } from '../shop/baskets.js';
import type { ShopBasket } from '../shop/tables.js';
import { ticketTypeName } from '../pricing/service.js';
import { documentTickets } from '../tickets/store.js';
import { formatInZone } from '../platform/time.js';
import type { Call } from './calls.js';
import { DEFAULT_ZONE, UtickError, uid } from './envelope.js';
import { RANK_LABEL } from './labels.js';
import { ticketObject } from './orders.js';
import { amountOf, createOrder, findUtickOrder } from './shop-orders.js';
import { dropVoucherLines, orderOfVoucherLine, voucherProducts } from './order-vouchers.js';
import { applyPromoCode } from './promocodes.js';
import { id as idOf, integerParam, optionalId, type Params } from './params.js';
import { derivedId } from './views.js';

/** The web shop's basket layer wants its own row; a /v1 order has none (no browser token, the website is the buyer's). */
export const shopBasketOf = (orgId: string, basketId: string): ShopBasket => ({
  token_hash: '', basket_id: basketId, organisation_id: orgId, buyer_name: null, buyer_email: null, buyer_phone: null, language: null,
  newsletter: 0, terms_accepted_at: null, created_at: '',
});

export const rankCategoryId = (performanceId: string, rank: number) => derivedId('rank', performanceId, String(rank));
const rankCategory = (c: Call, performanceId: string, rank: number) => ({ id: rankCategoryId(performanceId, rank), label: `${RANK_LABEL[c.s.language]} ${rank}` });

export type StockKind = { kind: 'event' | 'stream' | 'pack'; id: string };

/** What a stock id names: a performance, a stream or a pack of the organisation. */
export async function stockOf(c: Call, stockId: string): Promise<StockKind> {
  const db = c.s.db;
  if (await db.selectFrom('performances').select('id').where('id', '=', stockId).where('organisation_id', '=', c.s.orgId).executeTakeFirst()) return { kind: 'event', id: stockId };
  if (await db.selectFrom('streams').select('id').where('id', '=', stockId).where('organisation_id', '=', c.s.orgId).executeTakeFirst()) return { kind: 'stream', id: stockId };
  if (await db.selectFrom('packs').select('id').where('id', '=', stockId).where('organisation_id', '=', c.s.orgId).where('published', '=', 1).executeTakeFirst()) {
    return { kind: 'pack', id: stockId };
  }
  throw UtickError.notFound('stock');
}

/** The rank a category id of a performance's stock stands for. */
export async function rankOf(c: Call, performanceId: string, categoryId: string): Promise<number> {
  const ranks = await c.s.db.selectFrom('inventory').select('rank').distinct().where('performance_id', '=', performanceId).execute();
  const r = ranks.find((x) => rankCategoryId(performanceId, x.rank) === categoryId.toUpperCase());
  if (!r) throw UtickError.notFound('category');
  return r.rank;
}

interface StockRequest {
  quantity: number;
  stockId: string;
  categoryId?: string;
  priceId?: string;
  orderId?: string;
  promoCodeIds: string[];
}

function requestsOf(p: Params): StockRequest[] {
  const list = p.requests;
  if (!Array.isArray(list) || !list.length || list.length > 20) throw new UtickError(400, 'requests-required');
  return list.map((r: unknown) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw new UtickError(400, 'requests-required');
    const q = r as Params;
    const quantity = integerParam(q, 'quantity') ?? 1;
    if (quantity < 1 || quantity > 20) throw new UtickError(400, 'quantity-range');
    // The client always sends these, empty; Foyer sells at its price list.
    for (const name of ['forcedpricevalue', 'requestedprice']) {
      if (q[name] !== undefined && q[name] !== null && q[name] !== '') throw new UtickError(400, 'price-fixed', { name });
    }
    if (q.promocodeids !== undefined && q.promocodeids !== null && (!Array.isArray(q.promocodeids) || q.promocodeids.length > 10)) {
      throw new UtickError(400, 'promocodeids-list');
    }
    // Promo codes are gift vouchers: applied to the order, they pay it, not a price.
    const promoCodeIds = ((q.promocodeids ?? []) as unknown[]).map((x) => idOf(x, 'promocodeids'));
    return {
      quantity, stockId: idOf(q.stockid, 'stockid'), categoryId: optionalId(q, 'categoryid'), priceId: optionalId(q, 'priceid'), orderId: optionalId(q, 'orderid'), promoCodeIds,
    };
  });
}

/** Product ids in a basket: place lines, stream lines, pack lines and applied vouchers. */
async function basketProductIds(c: Call, basketId: string): Promise<Set<string>> {
  const db = c.s.db;
  const [a, b, d, v] = await Promise.all([
    db.selectFrom('basket_lines').select('id').where('basket_id', '=', basketId).execute(),
    db.selectFrom('basket_streams').select('id').where('basket_id', '=', basketId).execute(),
    db.selectFrom('basket_packs').select('id').where('basket_id', '=', basketId).execute(),
    db.selectFrom('utick_order_vouchers').select('id').where('order_id', '=', basketId).execute(),
  ]);
  return new Set([...a, ...b, ...d, ...v].map((x) => x.id));
}

/**
 * POST shop/products {requests}: every request into one order (the first `orderid`, else a new order),
 * all or nothing: when one cannot be had, what this call added is given back.
 */
export async function requestStock(c: Call) {
  const requests = requestsOf(c.p);
  const named = [...new Set(requests.map((r) => r.orderId).filter((x): x is string => !!x))];
  if (named.length > 1) throw new UtickError(400, 'one-order');
  const orderId = named[0] ?? (await createOrder({ ...c, p: {} })).id.toLowerCase();
  const found = await findUtickOrder(c, orderId);
  if (!found.basket || found.basket.status !== 'open') throw new UtickError(409, 'order-closed');
  const ctx = c.ctx();
  const shop = await getShopSettings(ctx);
  const sb = shopBasketOf(c.s.orgId, orderId);
  const before = await basketProductIds(c, orderId);
  try {
    for (const r of requests) {
      const stock = await stockOf(c, r.stockId);
      if (stock.kind === 'event') {
        const rank = r.categoryId ? await rankOf(c, stock.id, r.categoryId) : undefined;
        await c.sell('hold', () => addPlaces(ctx, shop, sb, { performanceId: stock.id, quantity: r.quantity, rank, ticketTypeId: r.priceId }));
      } else if (stock.kind === 'stream') {
        await c.sell('hold', () => addStream(ctx, sb, stock.id, r.quantity));
      } else {
        for (let i = 0; i < r.quantity; i++) await c.sell('hold', () => addPack(ctx, sb, stock.id, undefined));
      }
    }
    for (const promo of new Set(requests.flatMap((r) => r.promoCodeIds))) await applyPromoCode({ ...c, p: { orderid: orderId } }, promo);
  } catch (e) {
    await removeProducts(c, orderId, (id) => !before.has(id)).catch(() => undefined);
    throw e;
  }
  return (await products(c, orderId)).filter((x) => !before.has(x.id.toLowerCase()));
}

/** Takes products out of an open order: their places go back on sale at once. */
async function removeProducts(c: Call, basketId: string, which: (id: string) => boolean): Promise<void> {
  const ctx = c.ctx();
  const sb = shopBasketOf(c.s.orgId, basketId);
  const db = c.s.db;
  for (const l of await db.selectFrom('basket_lines').select('id').where('basket_id', '=', basketId).execute()) if (which(l.id)) await dropLine(ctx, sb, l.id);
  for (const l of await db.selectFrom('basket_streams').select('id').where('basket_id', '=', basketId).execute()) if (which(l.id)) await dropStream(ctx, sb, l.id);
  for (const l of await db.selectFrom('basket_packs').select('id').where('basket_id', '=', basketId).execute()) if (which(l.id)) await dropPack(ctx, sb, l.id);
  await dropVoucherLines(db, c.s.orgId, basketId, which);
}

/** The products of an order: what the basket holds while it is filled, the valid tickets once confirmed. */
export async function products(c: Call, orderId: string) {
  const f = await findUtickOrder(c, orderId);
  const s = c.s;
  const orderUid = uid(orderId);
  if (f.order) {
    const o = f.order;
    const who = o.customer_id ? await s.db.selectFrom('customers').select(['name', 'email']).where('id', '=', o.customer_id).executeTakeFirst() : undefined;
    const tickets = (await documentTickets(s.db, s.orgId, o.id)).filter((t) => t.status === 'valid');
    const extra = tickets.length ? await s.db.selectFrom('tickets').innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'tickets.performance_id').onRef('inventory.item_id', '=', 'tickets.item_id'))
      .select(['tickets.id', 'tickets.ticket_type_id', 'tickets.item_id', 'inventory.rank']).where('tickets.order_id', '=', o.id).execute() : [];
    return tickets.map((t) => {
      const x = extra.find((e) => e.id === t.id)!;
      return {
        id: uid(t.id), label: t.title, orderid: orderUid, stockid: uid(t.performance_id), typeid: '1', positionid: x.item_id, quantity: 1, mainproductid: '',
        price: { id: uid(x.ticket_type_id), label: ticketTypeName(t, s.lang), value: { amount: t.price + t.fee, currency: 'EUR' } },
        ticket: ticketObject(s, t, o, who), category: rankCategory(c, t.performance_id, x.rank),
      };
    });
  }
  const b = f.basket!;
  const db = s.db;
  const [lines, streams, packs] = await Promise.all([
    db.selectFrom('basket_lines')
      .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'basket_lines.performance_id').onRef('inventory.item_id', '=', 'basket_lines.item_id'))
      .innerJoin('ticket_types', 'ticket_types.id', 'basket_lines.ticket_type_id')
      .innerJoin('performances', 'performances.id', 'basket_lines.performance_id')
      .innerJoin('productions', 'productions.id', 'performances.production_id')
      .innerJoin('halls', 'halls.id', 'performances.hall_id')
      .innerJoin('venues', 'venues.id', 'halls.venue_id')
      .select([
        'basket_lines.id', 'basket_lines.performance_id', 'basket_lines.item_id', 'basket_lines.ticket_type_id', 'basket_lines.price',
        'inventory.section', 'inventory.row_label', 'inventory.seat_label', 'inventory.rank', 'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en',
        'productions.title', 'performances.starts_at', 'venues.name as venue_name', 'venues.time_zone',
      ])
      .where('basket_lines.basket_id', '=', b.id).orderBy('basket_lines.created_at').orderBy('inventory.sort').execute(),
    db.selectFrom('basket_streams').innerJoin('streams', 'streams.id', 'basket_streams.stream_id')
      .select(['basket_streams.id', 'basket_streams.stream_id', 'basket_streams.price', 'streams.label'])
      .where('basket_streams.basket_id', '=', b.id).orderBy('basket_streams.created_at').orderBy('basket_streams.id').execute(),
    db.selectFrom('basket_packs').innerJoin('packs', 'packs.id', 'basket_packs.pack_id')
      .select(['basket_packs.id', 'basket_packs.pack_id', 'basket_packs.price', 'packs.label'])
      .where('basket_packs.basket_id', '=', b.id).orderBy('basket_packs.created_at').orderBy('basket_packs.id').execute(),
  ]);
  const simple = (id: string, stockId: string, label: string, price: number) => ({
    id: uid(id), label, orderid: orderUid, stockid: uid(stockId), typeid: '1', positionid: '', quantity: 1, mainproductid: '',
    price: { id: uid(stockId), label, value: { amount: price, currency: 'EUR' } }, ticket: null, category: null,
  });
  return [
    ...lines.map((l) => {
      const zone = l.time_zone ?? DEFAULT_ZONE;
      const priceLabel = ticketTypeName(l, s.lang);
      return {
        id: uid(l.id), label: l.title, orderid: orderUid, stockid: uid(l.performance_id), typeid: '1', positionid: l.item_id, quantity: 1, mainproductid: '',
        price: { id: uid(l.ticket_type_id), label: priceLabel, value: { amount: l.price, currency: 'EUR' } },
        // Not a ticket yet: it has no code until the order is confirmed.
        ticket: {
          id: '', label: l.title, positionlabel: [l.section, l.row_label, l.seat_label].filter(Boolean).join(' '), pricelabel: priceLabel,
          price: { amount: l.price, currency: 'EUR' }, qrcode: '', attractionlabel: l.title, eventstarttime: formatInZone(l.starts_at, zone), venuelabel: l.venue_name,
        },
        category: rankCategory(c, l.performance_id, l.rank),
      };
    }),
    ...streams.map((x) => simple(x.id, x.stream_id, x.label, x.price)),
    ...packs.map((x) => simple(x.id, x.pack_id, x.label, x.price)),
    // Gift vouchers applied to it (promo codes): at minus what each would pay of the order now.
    ...await voucherProducts(db, s.orgId, b.id, await amountOf(c, b.id), s.now, s.language),
  ];
}

/** The order a product id belongs to: a line of a /v1 basket, or a ticket. */
async function orderOfProduct(c: Call, productId: string): Promise<{ orderId: string; line: 'place' | 'stream' | 'pack' | 'voucher' | 'ticket' }> {
  const db = c.s.db;
  const org = c.s.orgId;
  const place = await db.selectFrom('basket_lines').select('basket_id').where('id', '=', productId).where('organisation_id', '=', org).executeTakeFirst();
  if (place) return { orderId: place.basket_id, line: 'place' };
  const stream = await db.selectFrom('basket_streams').select('basket_id').where('id', '=', productId).where('organisation_id', '=', org).executeTakeFirst();
  if (stream) return { orderId: stream.basket_id, line: 'stream' };
  const pack = await db.selectFrom('basket_packs').innerJoin('baskets', 'baskets.id', 'basket_packs.basket_id').select('basket_packs.basket_id')
    .where('basket_packs.id', '=', productId).where('baskets.organisation_id', '=', org).executeTakeFirst();
  if (pack) return { orderId: pack.basket_id, line: 'pack' };
  const voucherOrder = await orderOfVoucherLine(db, org, productId);
  if (voucherOrder) return { orderId: voucherOrder, line: 'voucher' };
  const ticket = await db.selectFrom('tickets').select('order_id').where('id', '=', productId).where('organisation_id', '=', org).executeTakeFirst();
  if (ticket) return { orderId: ticket.order_id, line: 'ticket' };
  throw UtickError.notFound('product');
}

export async function product(c: Call, productId: string) {
  const { orderId } = await orderOfProduct(c, productId).catch(() => { throw UtickError.notFound('product'); });
  const all = await products(c, orderId).catch(() => { throw UtickError.notFound('product'); });
  const p = all.find((x) => x.id === uid(productId));
  if (!p) throw UtickError.notFound('product');
  return p;
}

export async function removeProduct(c: Call, productId: string): Promise<boolean> {
  const { orderId, line } = await orderOfProduct(c, productId);
  const f = await findUtickOrder(c, orderId).catch(() => { throw UtickError.notFound('product'); });
  if (line === 'ticket' || !f.basket) throw new UtickError(409, 'product-sold');
  if (f.basket.status !== 'open') throw new UtickError(409, 'order-closed');
  await removeProducts(c, orderId, (id) => id === productId);
  return true;
}

export async function removeAllProducts(c: Call): Promise<boolean> {
  const orderId = optionalId(c.p, 'orderid');
  if (!orderId) throw new UtickError(400, 'order-required');
  const f = await findUtickOrder(c, orderId);
  if (!f.basket) throw new UtickError(409, 'product-sold');
  if (f.basket.status !== 'open') throw new UtickError(409, 'order-closed');
  await removeProducts(c, orderId, () => true);
  return true;
}

/** PATCH shop/products/{id} {priceid}: another online ticket type for a place, priced at its rank. */
export async function updateProduct(c: Call, productId: string) {
  const { orderId, line } = await orderOfProduct(c, productId);
  const f = await findUtickOrder(c, orderId).catch(() => { throw UtickError.notFound('product'); });
  const priceId = optionalId(c.p, 'priceid');
  if (priceId) {
    if (line !== 'place' || !f.basket) throw new UtickError(409, 'product-sold');
    await changeType(c.ctx(), shopBasketOf(c.s.orgId, orderId), productId, priceId);
  }
  return product(c, productId);
}
