// For staff: an order's online payment with its refunds, and the payments that need someone to look.
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/problems.js';
import { formatInZone } from '../platform/time.js';
import type { OnlinePayment, OnlineRefund } from './tables.js';

const zone = 'Europe/Amsterdam';
const at = (iso: string | null) => (iso ? formatInZone(iso, zone) : null);

const refundView = (r: OnlineRefund) => ({
  id: r.id, reason: r.reason, amount: r.amount, status: r.status, providerRefundId: r.provider_refund_id, error: r.error,
  createdAt: at(r.created_at)!, updatedAt: at(r.updated_at)!,
});

export const onlinePaymentView = (p: OnlinePayment, refunds: OnlineRefund[], orderNumber: string) => ({
  id: p.id, orderId: p.order_id, orderNumber, provider: p.provider, providerPaymentId: p.provider_payment_id, amount: p.amount,
  status: p.status, providerStatus: p.provider_status, method: p.method, deadline: at(p.deadline)!, attention: p.attention,
  error: p.error, createdAt: at(p.created_at)!, settledAt: at(p.settled_at),
  refunds: refunds.map(refundView),
});
export type OnlinePaymentView = ReturnType<typeof onlinePaymentView>;

/** An order's online payments (none for one sold at the desk); another organisation's order: 404. */
export async function onlinePaymentsOfOrder(ctx: Ctx, orderId: string): Promise<OnlinePaymentView[]> {
  const o = await ctx.db.selectFrom('orders').select('id').where('id', '=', orderId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!o) throw notFound('order');
  const p = await ctx.db.selectFrom('online_payments').select('id').where('order_id', '=', orderId).executeTakeFirst();
  return p ? [await onlinePaymentOfOrder(ctx, orderId)] : [];
}

export async function onlinePaymentOfOrder(ctx: Ctx, orderId: string): Promise<OnlinePaymentView> {
  const row = await ctx.db.selectFrom('online_payments').innerJoin('orders', 'orders.id', 'online_payments.order_id')
    .selectAll('online_payments').select('orders.number')
    .where('online_payments.order_id', '=', orderId).where('online_payments.organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!row) throw notFound('online payment');
  const { number, ...p } = row;
  const refunds = await ctx.db.selectFrom('online_refunds').selectAll().where('online_payment_id', '=', p.id).orderBy('created_at').execute();
  return onlinePaymentView(p, refunds, number);
}

/** Money that came in for an order that had let its places go (refunded by itself), and refunds that failed. */
export async function paymentsNeedingAttention(ctx: Ctx): Promise<OnlinePaymentView[]> {
  const rows = await ctx.db.selectFrom('online_payments').innerJoin('orders', 'orders.id', 'online_payments.order_id')
    .selectAll('online_payments').select('orders.number')
    .where('online_payments.organisation_id', '=', ctx.orgId).where('online_payments.attention', 'is not', null)
    .orderBy('online_payments.updated_at', 'desc').limit(500).execute();
  const refunds = rows.length
    ? await ctx.db.selectFrom('online_refunds').selectAll().where('online_payment_id', 'in', rows.map((r) => r.id)).orderBy('created_at').execute()
    : [];
  return rows.map(({ number, ...p }) => onlinePaymentView(p, refunds.filter((r) => r.online_payment_id === p.id), number));
}

/** Staff have looked at it: it leaves the list. */
export async function clearAttention(ctx: Ctx, onlinePaymentId: string): Promise<OnlinePaymentView> {
  const p = await ctx.db.selectFrom('online_payments').select('order_id').where('id', '=', onlinePaymentId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!p) throw notFound('online payment');
  await ctx.db.updateTable('online_payments').set({ attention: null }).where('id', '=', onlinePaymentId).execute();
  return onlinePaymentOfOrder(ctx, p.order_id);
}
