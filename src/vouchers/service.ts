// Gift vouchers: sold as a basket line (money, not a ticket), looked up by code, listed per order.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { formatInZone, localDate } from '../platform/time.js';
import { invalidField, notFound } from '../platform/problems.js';
import { findBasket, openBasket } from '../baskets/service.js';
import { findOrder } from '../orders/service.js';
import { groupedCode, looksLikeCode, normaliseCode, voucherState } from './rules.js';
import type { Voucher } from './tables.js';
import './problems.js';

/** Amsterdam and Brussels keep the same clock: one zone for an organisation's voucher days. */
export const VOUCHER_ZONE = 'Europe/Amsterdam';

async function voucherLines(db: Db, basketId: string) {
  const rows = await db.selectFrom('basket_vouchers').selectAll().where('basket_id', '=', basketId).orderBy('created_at').orderBy('id').execute();
  const lines = rows.map((r) => ({ id: r.id, amount: Number(r.amount), expiresOn: r.expires_on }));
  return { id: basketId, vouchers: lines, total: lines.reduce((n, l) => n + l.amount, 0) };
}

export async function basketVouchers(ctx: Ctx, basketId: string) {
  return voucherLines(ctx.db, (await findBasket(ctx, basketId)).id);
}

export async function addVoucherToBasket(ctx: Ctx, basketId: string, v: { amount: number; quantity?: number; expiresOn?: string }) {
  const basket = await openBasket(ctx, basketId);
  const now = ctx.clock.now();
  if (v.expiresOn && v.expiresOn <= localDate(now, VOUCHER_ZONE)) {
    throw invalidField('expiresOn', { en: 'must be after today', nl: 'moet na vandaag liggen', fr: "doit être après aujourd'hui" });
  }
  await ctx.db.insertInto('basket_vouchers').values(Array.from({ length: v.quantity ?? 1 }, () => ({
    id: newId(), organisation_id: ctx.orgId, basket_id: basket.id, amount: v.amount, expires_on: v.expiresOn ?? null, created_at: now.toISOString(),
  }))).execute();
  return voucherLines(ctx.db, basket.id);
}

export async function removeBasketVoucher(ctx: Ctx, basketId: string, lineId: string) {
  const basket = await openBasket(ctx, basketId);
  const r = await ctx.db.deleteFrom('basket_vouchers').where('id', '=', lineId).where('basket_id', '=', basket.id).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) throw notFound('basket voucher');
  return voucherLines(ctx.db, basket.id);
}

export function voucherView(v: Voucher, now: Date) {
  return {
    id: v.id, code: groupedCode(v.code), value: Number(v.value), balance: Number(v.balance), state: voucherState(v, now),
    expiresAt: v.expires_at ? formatInZone(v.expires_at, VOUCHER_ZONE) : null,
    /** The last day it can be spent (the day before `expiresAt`). */
    lastDay: v.expires_at ? localDate(new Date(Date.parse(v.expires_at) - 1), VOUCHER_ZONE) : null,
    orderId: v.order_id, createdAt: v.created_at,
  };
}
export type VoucherView = ReturnType<typeof voucherView>;

/** A voucher by its code, the way it is typed (dashes, spaces, lower case). Another organisation's: not found. */
export async function findVoucherByCode(db: Db, orgId: string, typed: string): Promise<Voucher | undefined> {
  const code = normaliseCode(typed);
  if (!looksLikeCode(code)) return undefined;
  return db.selectFrom('vouchers').selectAll().where('organisation_id', '=', orgId).where('code', '=', code).executeTakeFirst();
}

export async function lookUpVoucher(ctx: Ctx, typed: string) {
  const v = await findVoucherByCode(ctx.db, ctx.orgId, typed);
  if (!v) throw notFound('voucher');
  const uses = await ctx.db.selectFrom('voucher_uses').innerJoin('orders', 'orders.id', 'voucher_uses.order_id')
    .select(['voucher_uses.kind', 'voucher_uses.amount', 'voucher_uses.created_at', 'orders.number', 'orders.id as order_id'])
    .where('voucher_uses.voucher_id', '=', v.id).orderBy('voucher_uses.created_at').orderBy('voucher_uses.id').execute();
  return {
    ...voucherView(v, ctx.clock.now()),
    uses: uses.map((u) => ({ kind: u.kind, amount: Number(u.amount), orderId: u.order_id, orderNumber: u.number, createdAt: u.created_at })),
  };
}

export async function orderVouchers(ctx: Ctx, orderId: string) {
  await findOrder(ctx, orderId);
  const rows = await ctx.db.selectFrom('vouchers').selectAll().where('order_id', '=', orderId).where('organisation_id', '=', ctx.orgId)
    .orderBy('created_at').orderBy('id').execute();
  const now = ctx.clock.now();
  return rows.map((v) => voucherView(v, now));
}
