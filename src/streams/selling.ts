// Streams in a basket and in orders: each purchase gets an access code.
import crypto from 'node:crypto';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { findBasket, openBasket } from '../baskets/service.js';
import { findOrder } from '../orders/service.js';
import { refundAndClose, registerOrderCancellation, registerOrderExtra } from '../orders/extras.js';
import type { PaymentMethod } from '../orders/tables.js';
import { findStream } from './service.js';
import './problems.js';

/** 12 characters from an alphabet without look-alikes: typed by hand from an e-mail. */
export function newAccessCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export async function basketStreams(ctx: Ctx, basketId: string) {
  return streamLines(ctx, (await findBasket(ctx, basketId)).id);
}

async function streamLines(ctx: Ctx, basketId: string) {
  const rows = await ctx.db.selectFrom('basket_streams').innerJoin('streams', 'streams.id', 'basket_streams.stream_id')
    .select(['basket_streams.id', 'basket_streams.stream_id', 'basket_streams.price', 'streams.label'])
    .where('basket_streams.basket_id', '=', basketId).orderBy('basket_streams.created_at').orderBy('basket_streams.id').execute();
  const lines = rows.map((r) => ({ id: r.id, streamId: r.stream_id, label: r.label, price: r.price }));
  return { id: basketId, streams: lines, total: lines.reduce((n, l) => n + l.price, 0) };
}

export async function addStreamToBasket(ctx: Ctx, basketId: string, streamId: string, quantity: number) {
  const basket = await openBasket(ctx, basketId);
  const stream = await findStream(ctx, streamId).catch(() => {
    throw invalidField('streamId', { en: 'no such stream', nl: 'onbekende stream', fr: 'stream inconnu' });
  });
  const now = ctx.clock.now().toISOString();
  if (stream.status !== 10) throw new Problem('stream-not-on-sale', { reason: stream.status === 20 ? 'cancelled' : 'no booking' });
  if (stream.access_ends_at && now > stream.access_ends_at) throw new Problem('stream-not-on-sale', { reason: 'access has ended' });
  await ctx.db.insertInto('basket_streams').values(Array.from({ length: quantity }, () => ({
    id: newId(), organisation_id: ctx.orgId, basket_id: basket.id, stream_id: stream.id, price: stream.price, created_at: now,
  }))).execute();
  return streamLines(ctx, basket.id);
}

export async function removeBasketStream(ctx: Ctx, basketId: string, lineId: string) {
  const basket = await openBasket(ctx, basketId);
  const r = await ctx.db.deleteFrom('basket_streams').where('id', '=', lineId).where('basket_id', '=', basket.id).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) throw notFound('basket stream');
  return streamLines(ctx, basket.id);
}

export async function orderStreams(ctx: Ctx, orderId: string) {
  await findOrder(ctx, orderId);
  const rows = await ctx.db.selectFrom('stream_purchases').innerJoin('streams', 'streams.id', 'stream_purchases.stream_id')
    .selectAll('stream_purchases').select(['streams.label', 'streams.url'])
    .where('stream_purchases.order_id', '=', orderId).where('stream_purchases.organisation_id', '=', ctx.orgId)
    .orderBy('stream_purchases.created_at').orderBy('stream_purchases.id').execute();
  return rows.map((r) => ({
    id: r.id, streamId: r.stream_id, label: r.label, url: r.url, accessCode: r.access_code, price: r.price, status: r.status, customerId: r.customer_id,
  }));
}

registerOrderExtra({
  name: 'streams',
  basketTables: ['basket_streams'],
  async inBasket(db, basketId) {
    const r = await db.selectFrom('basket_streams').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('price').as('total')])
      .where('basket_id', '=', basketId).executeTakeFirstOrThrow();
    return { count: Number(r.n), total: Number(r.total ?? 0) };
  },
  async checkout(tx, ctx, f) {
    const lines = await tx.selectFrom('basket_streams').selectAll().where('basket_id', '=', f.basketId).orderBy('created_at').orderBy('id').execute();
    if (!lines.length) return;
    await tx.insertInto('stream_purchases').values(lines.map((l) => ({
      id: newId(), organisation_id: ctx.orgId, stream_id: l.stream_id, order_id: f.orderId, customer_id: f.customerId,
      access_code: newAccessCode(), price: l.price, status: 'valid' as const, created_at: f.now.toISOString(), cancelled_at: null,
    }))).execute();
  },
  async owed(db, orderId) {
    // A cancelled order owes nothing, whatever it held (an unpaid reservation of a pack that lapsed).
    const r = await db.selectFrom('stream_purchases').innerJoin('orders', 'orders.id', 'stream_purchases.order_id')
      .select((eb) => eb.fn.sum<number>('stream_purchases.price').as('n'))
      .where('stream_purchases.order_id', '=', orderId).where('stream_purchases.status', '=', 'valid').where('orders.status', '!=', 'cancelled')
      .executeTakeFirstOrThrow();
    return Number(r.n ?? 0);
  },
});

/** Cancels a stream purchase: its code stops working, a paid price is refunded, an order left empty is cancelled. */
export async function cancelStreamPurchase(ctx: Ctx, id: string, refundMethod?: PaymentMethod) {
  const p = await ctx.db.selectFrom('stream_purchases').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!p) throw notFound('stream purchase');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const order = await tx.selectFrom('orders').selectAll().where('id', '=', p.order_id).executeTakeFirstOrThrow();
    const r = await tx.updateTable('stream_purchases').set({ status: 'cancelled', cancelled_at: now })
      .where('id', '=', id).where('status', '=', 'valid').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new Problem('nothing-to-cancel');
    await refundAndClose(tx, ctx, order, p.price, refundMethod, now);
  });
  return (await orderStreams(ctx, p.order_id)).find((x) => x.id === id)!;
}

registerOrderCancellation(async (ctx, orderId, refundMethod) => {
  const purchases = await ctx.db.selectFrom('stream_purchases').select('id').where('order_id', '=', orderId).where('status', '=', 'valid').execute();
  for (const p of purchases) await cancelStreamPurchase(ctx, p.id, refundMethod);
  return purchases.length;
});
