// Gift vouchers in a sale. Sold: a basket line becomes a voucher with its code at checkout (only in a
// sale paid now). Spent: a voucher part of a split payment takes its amount off the balance with one
// conditional UPDATE inside the transaction of the checkout (or of a reservation's later payment), so of two tills spending the last euros at once
// exactly one gets them. Returned: a refund to vouchers puts the amount back on the vouchers the order
// used. An order's unspent vouchers are cancelled with it.
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { Problem, invalidField } from '../platform/problems.js';
import { refundAndClose, registerOrderCancellation, registerOrderExtra } from '../orders/extras.js';
import { registerSaleStep, type PaidParts, type WrittenSale } from '../orders/steps.js';
import type { Payment } from '../orders/tables.js';
import { defaultLastDay, expiryInstant, groupedCode, newVoucherCode, voucherState } from './rules.js';
import { findVoucherByCode, VOUCHER_ZONE } from './service.js';
import { STATE_WORDS } from './problems.js';

const euros = (cents: number): string => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

registerOrderExtra({
  name: 'vouchers',
  basketTables: ['basket_vouchers'],
  vatFree: true,
  async inBasket(db, basketId) {
    const r = await db.selectFrom('basket_vouchers').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('total')])
      .where('basket_id', '=', basketId).executeTakeFirstOrThrow();
    return { count: Number(r.n), total: Number(r.total ?? 0) };
  },
  async checkout(tx, ctx, f) {
    const lines = await tx.selectFrom('basket_vouchers').selectAll().where('basket_id', '=', f.basketId).orderBy('created_at').orderBy('id').execute();
    if (!lines.length) return;
    // A voucher is money handed over: never on a reservation or an online payment still to come.
    if (!f.paid) throw new Problem('voucher-needs-payment');
    const now = f.now.toISOString();
    await tx.insertInto('vouchers').values(lines.map((l) => ({
      id: newId(), organisation_id: ctx.orgId, code: newVoucherCode(), order_id: f.orderId, value: l.amount, balance: l.amount, status: 'valid' as const,
      expires_at: expiryInstant(l.expires_on ?? defaultLastDay(f.now, VOUCHER_ZONE), VOUCHER_ZONE),
      created_by: ctx.actor.id, created_at: now, updated_at: now, cancelled_at: null,
    }))).execute();
  },
  async owed(db, orderId) {
    const r = await db.selectFrom('vouchers').innerJoin('orders', 'orders.id', 'vouchers.order_id')
      .select((eb) => eb.fn.sum<number>('vouchers.value').as('n'))
      .where('vouchers.order_id', '=', orderId).where('vouchers.status', '=', 'valid').where('orders.status', '!=', 'cancelled')
      .executeTakeFirstOrThrow();
    return Number(r.n ?? 0);
  },
});

/** The voucher parts of split payments: each takes its amount off its voucher, or the whole payment fails. */
async function spend(tx: Db, ctx: Ctx, { orderId, parts: asked, payments, now: at }: PaidParts): Promise<void> {
  const parts = asked.map((p, i) => ({ ...p, i, row: payments[i] })).filter((p) => p.method === 'voucher');
  const now = at.toISOString();
  for (const part of parts) {
    const v = await findVoucherByCode(tx, ctx.orgId, part.voucherCode ?? '');
    if (!v) {
      throw invalidField(`payments/${part.i}/voucherCode`, { en: 'no such gift voucher', nl: 'onbekende cadeaubon', fr: 'chèque-cadeau inconnu' });
    }
    const r = await tx.updateTable('vouchers').set({ balance: sql<number>`balance - ${part.amount}`, updated_at: now })
      .where('id', '=', v.id).where('status', '=', 'valid').where('balance', '>=', part.amount)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      // Read after the refused write: what another till left on it, committed.
      const cur = await tx.selectFrom('vouchers').selectAll().where('id', '=', v.id).executeTakeFirstOrThrow();
      const state = voucherState(cur, at);
      const code = groupedCode(v.code);
      const balance = Number(cur.balance);
      if (state === 'valid' || state === 'spent') {
        throw new Problem('voucher-insufficient', { code, balance: euros(balance) }, [], { voucherCode: code, balance });
      }
      throw new Problem('voucher-not-usable', { code, state: STATE_WORDS[state] }, [], { voucherCode: code, balance, state });
    }
    await tx.insertInto('voucher_uses').values({
      id: newId(), organisation_id: ctx.orgId, voucher_id: v.id, order_id: orderId, payment_id: part.row.id, kind: 'redeem', amount: part.amount, created_at: now,
    }).execute();
  }
}

/** A refund to vouchers: back onto the vouchers the order was paid with, each up to what it gave. */
async function giveBack(tx: Db, ctx: Ctx, orderId: string, refund: Payment): Promise<void> {
  if (refund.method !== 'voucher') return;
  const uses = await tx.selectFrom('voucher_uses').select(['voucher_id', 'kind', 'amount']).where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
  const net = new Map<string, number>();
  for (const u of uses) net.set(u.voucher_id, (net.get(u.voucher_id) ?? 0) + (u.kind === 'redeem' ? Number(u.amount) : -Number(u.amount)));
  let left = Number(refund.amount);
  const available = [...net.values()].reduce((n, x) => n + Math.max(0, x), 0);
  if (available < left) throw new Problem('voucher-refund-too-large', { amount: euros(available) });
  const now = ctx.clock.now().toISOString();
  for (const [voucherId, given] of [...net].reverse()) {
    const back = Math.min(left, given);
    if (back <= 0) continue;
    await tx.updateTable('vouchers').set({ balance: sql<number>`balance + ${back}`, updated_at: now }).where('id', '=', voucherId).execute();
    await tx.insertInto('voucher_uses').values({
      id: newId(), organisation_id: ctx.orgId, voucher_id: voucherId, order_id: orderId, payment_id: refund.id, kind: 'return', amount: back, created_at: now,
    }).execute();
    left -= back;
  }
}

registerSaleStep({
  name: 'voucher.spent',
  rank: 92,
  write: (tx, ctx, sale: WrittenSale) => spend(tx, ctx, { orderId: sale.orderId, parts: sale.intent.payments ?? [], payments: sale.payments, now: sale.now }),
  reservationPaid: spend,
  refunded: (tx, ctx, { order, refund }) => giveBack(tx, ctx, order.id, refund),
});

// Cancelling an order cancels the vouchers it sold that nobody spent from yet (their value refunded);
// a voucher already spent from stays valid with its balance.
registerOrderCancellation(async (ctx, orderId, refundMethod) => {
  const vouchers = await ctx.db.selectFrom('vouchers').select(['id', 'value']).where('order_id', '=', orderId).where('status', '=', 'valid').execute();
  let n = 0;
  for (const v of vouchers) {
    const now = ctx.clock.now().toISOString();
    n += await ctx.db.transaction().execute(async (tx) => {
      const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
      const r = await tx.updateTable('vouchers').set({ status: 'cancelled', balance: 0, cancelled_at: now, updated_at: now })
        .where('id', '=', v.id).where('status', '=', 'valid').where('balance', '=', v.value).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 0;
      await refundAndClose(tx, ctx, order, Number(v.value), refundMethod, now);
      return 1;
    });
  }
  return n;
});
