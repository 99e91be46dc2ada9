// What Foyer does with a provider's word about a payment: note it, confirm the order, let its places
// go, or send money back that came in too late. Every change is a compare-and-set on the payment's
// row, so a webhook twice, webhooks out of order, the poller and the buyer's return all land once.
import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { enqueue } from '../platform/jobs.js';
import { confirmAwaitedPayment, releaseAwaitingOrder, releaseExtras } from '../orders/service.js';
import { orderPaidOnline } from './paid.js';
import { ProviderRefused, providerFor, type ProviderPayment } from './provider.js';
import { CREATE_RETRY_MS, deadlineWith, decide, isSettled, nextCheck, statusOf } from './rules.js';
import type { OnlinePayment } from './tables.js';

export const REFUND_JOB = 'payments.refund';
export const REFRESH_JOB = 'payments.refresh';

export const paymentRow = (db: Db, id: string) => db.selectFrom('online_payments').selectAll().where('id', '=', id).executeTakeFirst();

const DESCRIPTION = { nl: 'Bestelling', fr: 'Commande', en: 'Order' } as const;

/**
 * Asks the provider for the payment of an intent still `creating`: the first time after checkout, and
 * again (same Idempotency-Key, so the same payment) after an error or a lost answer.
 */
export async function createAtProvider(ctx: Ctx, intentId: string): Promise<void> {
  const intent = await paymentRow(ctx.db, intentId);
  if (!intent || intent.status !== 'creating') return;
  const now = () => ctx.clock.now();
  const conn = await providerFor(ctx.db, intent.organisation_id, now());
  if (!conn) {
    await note(ctx.db, intent.id, { error: 'no payment provider is switched on', next_check_at: new Date(now().getTime() + CREATE_RETRY_MS).toISOString() }, now());
    return;
  }
  const order = await ctx.db.selectFrom('orders').select(['number', 'status']).where('id', '=', intent.order_id).executeTakeFirstOrThrow();
  let p: ProviderPayment;
  try {
    p = await conn.provider.createPayment({
      amount: intent.amount, description: `${DESCRIPTION[intent.locale as keyof typeof DESCRIPTION] ?? DESCRIPTION.en} ${order.number}`,
      redirectUrl: intent.redirect_url, locale: intent.locale as 'nl' | 'fr' | 'en', ...(intent.method ? { method: intent.method } : {}),
      metadata: { foyerPaymentId: intent.id, orderId: intent.order_id, orderNumber: order.number }, idempotencyKey: intent.id,
    });
  } catch (err) {
    if (err instanceof ProviderRefused) {
      await refuse(ctx, intent, err);
      return;
    }
    ctx.log.warn({ err, onlinePaymentId: intent.id }, 'payment provider did not create the payment; asked again later');
    await note(ctx.db, intent.id, { error: (err as Error).message.slice(0, 500), next_check_at: new Date(now().getTime() + CREATE_RETRY_MS).toISOString() }, now());
    return;
  }
  await adopt(ctx, intent, p);
}

/** The provider has the payment: Foyer knows its id and checkout page from now on. */
export async function adopt(ctx: Ctx, intent: OnlinePayment, p: ProviderPayment): Promise<void> {
  const now = ctx.clock.now();
  const deadline = deadlineWith(intent.deadline, p.expiresAt);
  await ctx.db.updateTable('online_payments').set({
    provider_payment_id: p.id, status: 'open', provider_status: p.status, checkout_url: p.checkoutUrl, method: p.method ?? intent.method,
    deadline, next_check_at: nextCheck(now, 0, deadline), error: null, updated_at: now.toISOString(),
  }).where('id', '=', intent.id).where('status', '=', 'creating').execute();
  if (statusOf(p.status) !== 'open') await settle(ctx, intent.id, p);
}

/** The provider will not make this payment (a method it does not offer, an amount out of range). */
async function refuse(ctx: Ctx, intent: OnlinePayment, err: ProviderRefused): Promise<void> {
  const now = ctx.clock.now();
  const released = await ctx.db.transaction().execute(async (tx) => {
    const r = await tx.updateTable('online_payments').set({
      status: 'refused', error: `${err.status} ${err.field ?? ''} ${err.message}`.slice(0, 500), next_check_at: null, settled_at: now.toISOString(), updated_at: now.toISOString(),
    }).where('id', '=', intent.id).where('status', '=', 'creating').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 && releaseAwaitingOrder(orgCtx(ctx, intent), tx, intent.order_id, now);
  });
  if (released) await releaseExtras(orgCtx(ctx, intent), intent.order_id);
}

const orgCtx = (ctx: Ctx, intent: OnlinePayment): Ctx => ({ ...ctx, orgId: intent.organisation_id });

async function note(db: Db, id: string, values: { error?: string | null; next_check_at?: string | null }, now: Date) {
  await db.updateTable('online_payments').set({ ...values, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/**
 * Acts on what the provider says about the payment (from a webhook, the poller, or the buyer's
 * return). Answers the payment as it is afterwards.
 */
export async function settle(ctx: Ctx, intentId: string, p: ProviderPayment): Promise<OnlinePayment> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  let releasedOrder: string | undefined;
  await ctx.db.transaction().execute(async (tx) => {
    const intent = await tx.selectFrom('online_payments').selectAll().where('id', '=', intentId).executeTakeFirstOrThrow();
    const octx = orgCtx(ctx, intent);
    const order = await tx.selectFrom('orders').select('status').where('id', '=', intent.order_id).executeTakeFirstOrThrow();
    const next = statusOf(p.status);
    const decision = decide(intent.status, p.status, order.status);
    const base = { provider_status: p.status, method: p.method ?? intent.method, updated_at: at, deadline: deadlineWith(intent.deadline, p.expiresAt) };
    if (decision === 'confirm' || decision === 'refund') {
      const won = await tx.updateTable('online_payments').set({ ...base, status: 'paid', next_check_at: null, settled_at: at, checkout_url: null })
        .where('id', '=', intent.id).where('status', '!=', 'paid').executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) return;
      const confirmed = decision === 'confirm'
        && await confirmAwaitedPayment(tx, octx, intent.order_id, { amount: p.amount, reference: p.id, providerStatus: 'paid' }, now);
      if (confirmed) {
        await orderPaidOnline(tx, octx, intent.order_id);
        return;
      }
      // Paid for an order that let its places go: the money goes straight back, and staff see it.
      const refundId = newId();
      await tx.updateTable('online_payments').set({ attention: 'paid_after_release' }).where('id', '=', intent.id).execute();
      await tx.insertInto('online_refunds').values({
        id: refundId, organisation_id: intent.organisation_id, online_payment_id: intent.id, order_id: intent.order_id, payment_row_id: null,
        reason: 'paid_after_release', amount: p.amount, status: 'requested', provider_refund_id: null, next_check_at: null, error: null,
        created_at: at, updated_at: at,
      }).execute();
      await enqueue(tx, { kind: REFUND_JOB, payload: { refundId }, organisationId: intent.organisation_id, dedupeKey: `${REFUND_JOB}:${refundId}` }, now);
      ctx.log.warn({ onlinePaymentId: intent.id, orderId: intent.order_id }, 'payment came in for a released order; refunding it');
      return;
    }
    if (decision === 'release') {
      const won = await tx.updateTable('online_payments').set({ ...base, status: next, next_check_at: null, settled_at: at, checkout_url: null })
        .where('id', '=', intent.id).where('status', 'in', ['creating', 'open']).executeTakeFirst();
      if (Number(won.numUpdatedRows) === 1 && await releaseAwaitingOrder(octx, tx, intent.order_id, now)) releasedOrder = intent.order_id;
      return;
    }
    // Only noted: still open; or final and unpaid for an order already released (nothing left to do).
    const settledNow = next !== 'open' && !isSettled(intent.status);
    await tx.updateTable('online_payments').set({
      ...base, ...(settledNow ? { status: next, next_check_at: null, settled_at: at, checkout_url: null } : {}),
    }).where('id', '=', intent.id).where('status', '=', intent.status).execute();
  });
  if (releasedOrder) await releaseExtras(ctx, releasedOrder);
  return (await paymentRow(ctx.db, intentId))!;
}

/** Reads the payment at the provider and acts on it. */
export async function refresh(ctx: Ctx, intent: OnlinePayment): Promise<OnlinePayment> {
  if (intent.status === 'creating') {
    await createAtProvider(ctx, intent.id);
    return (await paymentRow(ctx.db, intent.id))!;
  }
  if (!intent.provider_payment_id) return intent;
  const conn = await providerFor(ctx.db, intent.organisation_id, ctx.clock.now());
  if (!conn) return intent;
  const p = await conn.provider.getPayment(intent.provider_payment_id);
  if (!p) {
    await note(ctx.db, intent.id, { error: `the provider knows no payment ${intent.provider_payment_id}` }, ctx.clock.now());
    return intent;
  }
  return settle(ctx, intent.id, p);
}

/**
 * A webhook: "look at payment X". Unknown ids are asked about only to find a payment whose create
 * answer Foyer never got (it carries Foyer's id); anything else is ignored. Failures are left to a
 * job, so the webhook is always answered 2xx and tells its caller nothing.
 */
export async function paymentChanged(ctx: Ctx, providerPaymentId: string, log: FastifyBaseLogger): Promise<void> {
  let intent = await ctx.db.selectFrom('online_payments').selectAll()
    .where('organisation_id', '=', ctx.orgId).where('provider_payment_id', '=', providerPaymentId).executeTakeFirst();
  try {
    if (!intent) {
      const conn = await providerFor(ctx.db, ctx.orgId, ctx.clock.now());
      const p = conn ? await conn.provider.getPayment(providerPaymentId) : null;
      const mine = p?.foyerPaymentId ? await paymentRow(ctx.db, p.foyerPaymentId) : undefined;
      if (!p || !mine || mine.organisation_id !== ctx.orgId || mine.status !== 'creating') return;
      await adopt(ctx, mine, p);
      intent = await paymentRow(ctx.db, mine.id);
      if (!intent) return;
    }
    await refresh(ctx, intent);
  } catch (err) {
    log.warn({ err, providerPaymentId }, 'webhook: payment not read; a job asks again');
    if (intent) {
      await enqueue(ctx.db, {
        kind: REFRESH_JOB, payload: { onlinePaymentId: intent.id }, organisationId: ctx.orgId, dedupeKey: `${REFRESH_JOB}:${intent.id}`,
      }, ctx.clock.now());
    }
  }
}
