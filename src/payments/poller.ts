// Foyer asks the provider itself: about payments whose webhook did not come (a short while after
// they were made, then less often), and at the deadline, when it settles them. Due rows are claimed
// by compare-and-set on next_check_at, so any number of processes may poll at once.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import { systemCtx } from '../platform/system-ctx.js';
import { releaseAwaitingOrder, releaseExtras } from '../orders/service.js';
import { providerFor } from './provider.js';
import { givenUp, isSettled, nextCheck, pastDeadline } from './rules.js';
import { paymentRow, refresh, settle } from './settle.js';
import type { OnlinePayment } from './tables.js';

/** How long a claimed row is left alone by other pollers. */
const LEASE_MS = 2 * 60_000;
/** An order released without the provider's last word is still asked about, this often. */
const SLOW_MS = 15 * 60_000;

export async function pollPayments(deps: Deps, log: FastifyBaseLogger, limit = 50): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('online_payments').selectAll().where('next_check_at', '<=', now.toISOString())
    .orderBy('next_check_at').limit(limit).execute();
  let n = 0;
  for (const row of due) {
    const claimed = await deps.db.updateTable('online_payments')
      .set({ next_check_at: new Date(now.getTime() + LEASE_MS).toISOString(), checks: row.checks + 1 })
      .where('id', '=', row.id).where('next_check_at', '=', row.next_check_at).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await check(deps, { ...row, checks: row.checks + 1 }, log);
      n++;
    } catch (err) {
      log.warn({ err, onlinePaymentId: row.id }, 'online payment not checked; asked again later');
    }
  }
  return n;
}

async function check(deps: Deps, row: OnlinePayment, log: FastifyBaseLogger): Promise<void> {
  const ctx = systemCtx(deps, row.organisation_id, log);
  let intent = row;
  try {
    intent = await refresh(ctx, row);
  } catch (err) {
    log.warn({ err, onlinePaymentId: row.id }, 'payment provider not reached');
  }
  const now = deps.clock.now();
  const order = await deps.db.selectFrom('orders').select('status').where('id', '=', intent.order_id).executeTakeFirstOrThrow();
  if (!isSettled(intent.status) && (pastDeadline(now, intent.deadline) || order.status !== 'awaiting_payment')) {
    // Time is up (or the order was cancelled meanwhile): stop the payment at the provider and settle on its answer.
    const conn = intent.provider_payment_id ? await providerFor(deps.db, intent.organisation_id, now) : null;
    if (conn && intent.provider_payment_id) {
      try {
        const answer = await conn.provider.cancelPayment(intent.provider_payment_id);
        if (answer !== 'not-cancelable') intent = await settle(ctx, intent.id, answer);
      } catch (err) {
        log.warn({ err, onlinePaymentId: intent.id }, 'payment could not be stopped at the provider');
      }
    }
    if (!isSettled(intent.status) && givenUp(now, intent.deadline) && order.status === 'awaiting_payment') {
      // The provider has not settled it long after the deadline: the places go back; should it still be
      // paid, the money is refunded (settle sees an order no longer waiting).
      log.warn({ onlinePaymentId: intent.id, orderId: intent.order_id }, 'online payment unsettled long after its deadline; order released');
      const released = await deps.db.transaction().execute((tx) => releaseAwaitingOrder(ctx, tx, intent.order_id, now));
      if (released) await releaseExtras(ctx, intent.order_id);
    }
  }
  const after = (await paymentRow(deps.db, intent.id))!;
  if (isSettled(after.status)) return;
  const stillWaiting = (await deps.db.selectFrom('orders').select('status').where('id', '=', after.order_id).executeTakeFirstOrThrow()).status === 'awaiting_payment';
  const next = after.status === 'creating' && !pastDeadline(now, after.deadline)
    ? new Date(now.getTime() + 60_000).toISOString()
    : stillWaiting ? nextCheck(now, after.checks, after.deadline) : new Date(now.getTime() + SLOW_MS).toISOString();
  await deps.db.updateTable('online_payments').set({ next_check_at: next }).where('id', '=', after.id)
    .where('status', 'in', ['creating', 'open']).execute();
}
