// The payments' background work: the poller (every 15 s, one run per due time across all processes),
// refunds sent through the queue, and a payment read again when a webhook could not be acted on.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import { enqueue, type JobRunner } from '../platform/jobs.js';
import type { Scheduler } from '../platform/schedules.js';
import { systemCtx } from '../platform/system-ctx.js';
import { pollPayments } from './poller.js';
import { pollRefunds, sendRefund } from './refunds.js';
import { REFRESH_JOB, REFUND_JOB, paymentRow, refresh } from './settle.js';

export const POLL_JOB = 'payments.poll';

export function registerPaymentJobs(runner: JobRunner, scheduler: Scheduler, deps: Deps, log: FastifyBaseLogger, everyMs = 15_000): void {
  runner.register(POLL_JOB, async () => {
    await pollPayments(deps, log);
    await pollRefunds(deps, log);
  });
  runner.register<{ refundId: string }>(REFUND_JOB, async (job) => sendRefund(deps, job.payload.refundId, job.attempt, log));
  runner.register<{ onlinePaymentId: string }>(REFRESH_JOB, async (job) => {
    const p = await paymentRow(deps.db, job.payload.onlinePaymentId);
    if (p) await refresh(systemCtx(deps, p.organisation_id, log), p);
  });
  scheduler.add({
    name: POLL_JOB,
    everyMs,
    work: async (tx: Tx, tick) => {
      await enqueue(tx, { kind: POLL_JOB, payload: {}, dedupeKey: tick.key, maxAttempts: 1 }, tick.now);
    },
  });
}
