// Packs customers hold: their credits, box-office redemption, cancelling a redemption or the pack.
import type { Ctx } from '../platform/context.js';
import { Problem, notFound } from '../platform/problems.js';
import { abandonBasket, createBasket } from '../baskets/service.js';
import { cancelTickets, checkout, findOrder } from '../orders/service.js';
import { refundAndClose, registerOrderCancellation } from '../orders/extras.js';
import type { PaymentMethod } from '../orders/tables.js';
import { addRedemptionToBasket } from './selling.js';
import type { PlaceRequest } from './places.js';
import type { PackHolding } from './tables.js';

export async function findHolding(ctx: Ctx, id: string): Promise<PackHolding> {
  const h = await ctx.db.selectFrom('pack_holdings').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!h) throw notFound('pack holding');
  return h;
}

export async function holdingView(ctx: Ctx, id: string) {
  const h = await findHolding(ctx, id);
  const [pack, redemptions] = await Promise.all([
    ctx.db.selectFrom('packs').select(['label', 'type_id']).where('id', '=', h.pack_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('pack_redemptions').innerJoin('tickets', 'tickets.id', 'pack_redemptions.ticket_id')
      .selectAll('pack_redemptions').select('tickets.barcode')
      .where('holding_id', '=', id).orderBy('pack_redemptions.created_at').orderBy('pack_redemptions.id').execute(),
  ]);
  return {
    id: h.id, packId: h.pack_id, label: pack.label, typeId: pack.type_id, orderId: h.order_id, customerId: h.customer_id,
    status: h.status, creditsTotal: h.credits_total, creditsLeft: h.credits_left, price: h.price, createdAt: h.created_at,
    redemptions: redemptions.map((r) => ({
      id: r.id, setId: r.set_id, performanceId: r.performance_id, placeId: r.item_id, ticketId: r.ticket_id, barcode: r.barcode,
      orderId: r.order_id, status: r.status,
    })),
  };
}

export async function listHoldings(ctx: Ctx, f: { customerId?: string; orderId?: string }) {
  let q = ctx.db.selectFrom('pack_holdings').select('id').where('organisation_id', '=', ctx.orgId);
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  if (f.orderId) q = q.where('order_id', '=', f.orderId);
  const rows = await q.orderBy('created_at', 'desc').limit(200).execute();
  return Promise.all(rows.map((r) => holdingView(ctx, r.id)));
}

/** At the box office: places for a performance taken with the pack, in an order of their own at price 0. */
export async function redeemAtBoxOffice(ctx: Ctx, holdingId: string, performanceId: string, req: PlaceRequest) {
  const holding = await findHolding(ctx, holdingId);
  const basket = await createBasket(ctx, 'boxoffice');
  try {
    if (holding.customer_id) await ctx.db.updateTable('baskets').set({ customer_id: holding.customer_id }).where('id', '=', basket.id).execute();
    await addRedemptionToBasket(ctx, basket.id, holdingId, performanceId, req);
    const order = await checkout(ctx, basket.id);
    return { orderId: order.id, tickets: order.tickets, holding: await holdingView(ctx, holdingId) };
  } catch (e) {
    await abandonBasket(ctx, basket.id).catch(() => undefined);
    throw e;
  }
}

/** Cancels the ticket of a redemption; the credit returns to the holding. */
export async function cancelRedemption(ctx: Ctx, redemptionId: string) {
  const r = await ctx.db.selectFrom('pack_redemptions').selectAll().where('id', '=', redemptionId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!r) throw notFound('pack redemption');
  if (r.status !== 'valid') throw new Problem('nothing-to-cancel');
  const order = await findOrder(ctx, r.order_id);
  await ctx.db.transaction().execute((tx) => cancelTickets(ctx, tx, order, [r.ticket_id]));
  return holdingView(ctx, r.holding_id);
}

/**
 * Cancels the pack: every place taken with it is cancelled, its price refunded when paid, and the
 * order it was bought in is cancelled when nothing valid is left in it.
 */
export async function cancelHolding(ctx: Ctx, holdingId: string, refundMethod?: PaymentMethod) {
  const h = await findHolding(ctx, holdingId);
  if (h.status !== 'valid') throw new Problem('nothing-to-cancel');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    // As it was before its places are cancelled (that may cancel the order).
    const order = await tx.selectFrom('orders').selectAll().where('id', '=', h.order_id).executeTakeFirstOrThrow();
    const r = await tx.updateTable('pack_holdings').set({ status: 'cancelled', cancelled_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', h.id).where('status', '=', 'valid').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new Problem('nothing-to-cancel');
    const taken = await tx.selectFrom('pack_redemptions').select(['order_id', 'ticket_id']).where('holding_id', '=', h.id).where('status', '=', 'valid').execute();
    for (const orderId of new Set(taken.map((t) => t.order_id))) {
      const o = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
      await cancelTickets(ctx, tx, o, taken.filter((t) => t.order_id === orderId).map((t) => t.ticket_id));
    }
    await refundAndClose(tx, ctx, order, h.price, refundMethod, now.toISOString());
  });
  return holdingView(ctx, h.id);
}

registerOrderCancellation(async (ctx, orderId, refundMethod) => {
  const holdings = await ctx.db.selectFrom('pack_holdings').select('id').where('order_id', '=', orderId).where('status', '=', 'valid').execute();
  for (const h of holdings) await cancelHolding(ctx, h.id, refundMethod);
  return holdings.length;
});
