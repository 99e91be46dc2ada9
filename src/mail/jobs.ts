// The mail capability's background work: sending queued e-mails, and reminding buyers of
// reservations about to lapse.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import type { Tx } from '../platform/db.js';
import type { JobRunner } from '../platform/jobs.js';
import type { Scheduler } from '../platform/schedules.js';
import { systemCtx } from '../platform/system-ctx.js';
import { REMINDER_HORIZON_MS, REMINDER_MIN_LEFT_MS, reminderAt } from './rules.js';
import { sendMailJob } from './sender.js';
import { MAIL_SEND_JOB, queueReservationReminder } from './service.js';

export const REMINDER_SCHEDULE = 'mail.reservation-reminders';

/** Queues a reminder for every unpaid reservation whose reminder time has come; answers how many. */
export async function queueDueReminders(tx: Tx, deps: Deps, log: FastifyBaseLogger, now: Date): Promise<number> {
  const candidates = await tx.selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customer_id')
    .select(['orders.id', 'orders.organisation_id', 'orders.created_at', 'orders.reservation_expires_at'])
    .where('orders.status', '=', 'reserved')
    .where('customers.email', 'is not', null)
    .where('orders.reservation_expires_at', '>', new Date(now.getTime() + REMINDER_MIN_LEFT_MS).toISOString())
    .where('orders.reservation_expires_at', '<=', new Date(now.getTime() + REMINDER_HORIZON_MS).toISOString())
    .where((eb) => eb.not(eb.exists(eb.selectFrom('mail_outbox').select('mail_outbox.id')
      .whereRef('mail_outbox.order_id', '=', 'orders.id').where('mail_outbox.template', '=', 'reservation-reminder'))))
    .orderBy('orders.reservation_expires_at').limit(500)
    .execute();
  let n = 0;
  for (const o of candidates) {
    const at = reminderAt(o.created_at, o.reservation_expires_at!);
    if (!at || at > now) continue;
    if (await queueReservationReminder(tx, systemCtx({ ...deps, db: tx }, o.organisation_id, log), o.id)) n++;
  }
  if (n) log.info({ reminders: n }, 'reservation reminders queued');
  return n;
}

export function registerMailJobs(runner: JobRunner, scheduler: Scheduler, deps: Deps, log: FastifyBaseLogger): void {
  runner.register(MAIL_SEND_JOB, sendMailJob);
  scheduler.add({
    name: REMINDER_SCHEDULE,
    everyMs: 5 * 60_000,
    work: async (tx, tick) => { await queueDueReminders(tx, deps, log, tick.now); },
  });
}
