// Money back through the provider: a cancelled online-paid order (staff, the cancel route) or a payment
// that came in after its order let the places go. Each refund is a row, a job sends it (same
// Idempotency-Key on every try, and a look at the provider's refunds first on a retry), and the
// poller follows it to refunded or failed; the order's refund row shows how far it got.
import type { Ctx, Deps } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { enqueue, PermanentJobError } from '../platform/jobs.js';
import { systemCtx } from '../platform/system-ctx.js';
import type { FastifyBaseLogger } from 'fastify';
import { setProviderStatus } from '../orders/service.js';
import type { RefundFacts } from '../orders/steps.js';
import { ProviderRefused, providerFor, type ProviderRefund } from './provider.js';
import { REFUND_CHECK_MS, refundSettled } from './rules.js';
import { REFUND_JOB } from './settle.js';
import { queueRefundConfirmation } from '../mail/service.js';
import type { OnlineRefund } from './tables.js';

/** The refunded step hook: a refund of an order paid online goes back the way the money came. */
export async function requestRefund(tx: Db, ctx: Ctx, { order, refund }: RefundFacts): Promise<void> {
  if (refund.method !== 'online') return;
  const payment = await tx.selectFrom('online_payments').select(['id', 'organisation_id']).where('order_id', '=', order.id)
    .where('status', '=', 'paid').executeTakeFirst();
  // An "online" payment recorded by hand at the desk has no provider payment: the refund stays a record.
  if (!payment) return;
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await tx.insertInto('online_refunds').values({
    id, organisation_id: payment.organisation_id, online_payment_id: payment.id, order_id: order.id, payment_row_id: refund.id,
    reason: 'cancellation', amount: refund.amount, status: 'requested', provider_refund_id: null, next_check_at: null, error: null,
    created_at: now, updated_at: now,
  }).execute();
  await setProviderStatus(tx, refund.id, 'requested');
  await enqueue(tx, { kind: REFUND_JOB, payload: { refundId: id }, organisationId: payment.organisation_id, dedupeKey: `${REFUND_JOB}:${id}` }, ctx.clock.now());
}

async function record(deps: Deps, log: FastifyBaseLogger, r: OnlineRefund, values: Partial<Pick<OnlineRefund, 'status' | 'provider_refund_id' | 'next_check_at' | 'error'>>, now: Date) {
  await deps.db.transaction().execute(async (tx) => {
    const changed = await tx.updateTable('online_refunds').set({ ...values, updated_at: now.toISOString() })
      .where('id', '=', r.id).where('status', '!=', 'refunded').executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return;
    if (values.status && r.payment_row_id) await setProviderStatus(tx, r.payment_row_id, values.status);
    if (values.status === 'failed' || values.status === 'canceled') {
      await tx.updateTable('online_payments').set({ attention: 'refund_failed' }).where('id', '=', r.online_payment_id).execute();
    }
    // The buyer hears of the money once it is on its way back, once per refund.
    if (values.status === 'refunded') {
      await queueRefundConfirmation(tx, systemCtx(deps, r.organisation_id, log), r.order_id, r.amount, { dedupeKey: `refund-confirmation:${r.id}` });
    }
  });
}

const fromProvider = (p: ProviderRefund, now: Date) => ({
  status: p.status, provider_refund_id: p.id, error: null,
  next_check_at: refundSettled(p.status) ? null : new Date(now.getTime() + REFUND_CHECK_MS).toISOString(),
});

/** The job: sends the refund to the provider once. Unreachable: the queue tries again; refused: failed, shown to staff. */
export async function sendRefund(deps: Deps, refundId: string, attempt: number, log: FastifyBaseLogger): Promise<void> {
  const r = await deps.db.selectFrom('online_refunds').selectAll().where('id', '=', refundId).executeTakeFirst();
  if (!r || r.status !== 'requested') return;
  const payment = await deps.db.selectFrom('online_payments').select(['provider_payment_id', 'organisation_id']).where('id', '=', r.online_payment_id).executeTakeFirstOrThrow();
  const conn = await providerFor(deps.db, r.organisation_id, deps.clock.now());
  if (!conn) throw new Error('no payment provider is switched on for this organisation');
  const paymentId = payment.provider_payment_id!;
  // A try before may have reached the provider and lost its answer: its refund carries our id.
  const earlier = attempt > 1 ? (await conn.provider.listRefunds(paymentId)).find((x) => x.foyerRefundId === r.id) : undefined;
  let made: ProviderRefund;
  try {
    made = earlier ?? await conn.provider.refund({
      paymentId, amount: r.amount, idempotencyKey: r.id, foyerRefundId: r.id,
      description: r.reason === 'paid_after_release' ? 'Refund: the order was no longer held' : 'Refund: cancelled',
    });
  } catch (err) {
    if (err instanceof ProviderRefused) {
      await record(deps, log, r, { status: 'failed', error: err.message.slice(0, 500), next_check_at: null }, deps.clock.now());
      throw new PermanentJobError(`refund refused: ${err.message}`);
    }
    throw err;
  }
  await record(deps, log, r, fromProvider(made, deps.clock.now()), deps.clock.now());
}

/** Follows refunds under way at the provider until they are refunded (or failed). */
export async function pollRefunds(deps: Deps, log: FastifyBaseLogger, limit = 50): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('online_refunds').selectAll().where('next_check_at', '<=', now.toISOString())
    .orderBy('next_check_at').limit(limit).execute();
  let n = 0;
  for (const r of due) {
    const claimed = await deps.db.updateTable('online_refunds').set({ next_check_at: new Date(now.getTime() + REFUND_CHECK_MS).toISOString() })
      .where('id', '=', r.id).where('next_check_at', '=', r.next_check_at).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1 || !r.provider_refund_id) continue;
    try {
      const payment = await deps.db.selectFrom('online_payments').select('provider_payment_id').where('id', '=', r.online_payment_id).executeTakeFirstOrThrow();
      const conn = await providerFor(deps.db, r.organisation_id, now);
      const p = conn && await conn.provider.getRefund(payment.provider_payment_id!, r.provider_refund_id);
      if (p && p.status !== r.status) await record(deps, log, r, fromProvider(p, deps.clock.now()), deps.clock.now());
      n++;
    } catch (err) {
      log.warn({ err, refundId: r.id }, 'refund not read at the provider; asked again later');
    }
  }
  return n;
}

export const ctxFor = (deps: Deps, orgId: string, log: FastifyBaseLogger): Ctx => systemCtx(deps, orgId, log);
