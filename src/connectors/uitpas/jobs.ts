// Background work of the UiTPAS connector: cancellations, lookups after an unknown outcome, and a
// sweep for registrations a crashed process left half done.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { enqueue, type JobRunner } from '../../platform/jobs.js';
import type { Scheduler } from '../../platform/schedules.js';
import { CHECKIN_JOB, runCheckin } from './checkins.js';
import { connection } from './settings.js';
import { CANCEL_SALE_JOB, RECONCILE_REGISTRATION_JOB, confirmUitpasSales, undoUitpasSales } from './registrations.js';
import { salesOfEvent } from './uitpas-sales.js';
import { problemName, toCents } from './wire.js';

export const SWEEP_JOB = 'uitpas.sweep';
/** A registration still pending or registered after this long was left behind by its checkout. */
const STALE_MS = 5 * 60_000;
/** How far before our intent a sale at UiTPAS may be dated and still be ours (clocks differ). */
const CLOCK_SLACK_MS = 2 * 60_000;

/** DELETE /ticket-sales/{id}; 404 means an earlier try already did it. */
export async function cancelSale(deps: Deps, saleRowId: string): Promise<void> {
  const sale = await deps.db.selectFrom('uitpas_sales').selectAll().where('id', '=', saleRowId).executeTakeFirst();
  if (!sale || sale.status !== 'cancelling' || !sale.sale_id) return;
  const conn = await connection(deps.db, sale.organisation_id, deps.clock.now());
  const answer = await conn.client.call('DELETE', `/ticket-sales/${encodeURIComponent(sale.sale_id)}`);
  if (!answer.ok && !(answer.status === 404 && problemName(answer.problem) === 'uitpas/ticket-sale-not-found')) {
    throw new Error(`UiTPAS refused to cancel sale ${sale.sale_id}: ${answer.status} ${answer.problem.type}`);
  }
  await deps.db.updateTable('uitpas_sales').set({ status: 'cancelled', cancelled_at: deps.clock.now().toISOString() })
    .where('id', '=', saleRowId).where('status', '=', 'cancelling').execute();
}

/**
 * A POST /ticket-sales whose outcome is unknown: finds the sales UiTPAS registered for it (same pass,
 * event, tariff and regular price, dated after the intent, not known to Foyer) and cancels them.
 */
export async function reconcileRegistration(deps: Deps, registrationId: string): Promise<number> {
  const reg = await deps.db.selectFrom('uitpas_registrations').selectAll().where('id', '=', registrationId).executeTakeFirst();
  if (!reg || reg.status !== 'unknown') return 0;
  const ours = await deps.db.selectFrom('uitpas_sales').selectAll().where('registration_id', '=', reg.id).where('status', '=', 'pending').execute();
  const conn = await connection(deps.db, reg.organisation_id, deps.clock.now());
  const since = new Date(reg.created_at).getTime() - CLOCK_SLACK_MS;
  const found = new Map<string, string>();
  for (const eventId of [...new Set(ours.map((s) => s.event_id))]) {
    const atUitpas = await salesOfEvent(conn.client, eventId);
    const ids = atUitpas.map((s) => String(s.id));
    const known = new Set((ids.length
      ? await deps.db.selectFrom('uitpas_sales').select('sale_id').where('sale_id', 'in', ids).execute()
      : []).map((r) => r.sale_id));
    const candidates = atUitpas.filter((s) => !known.has(String(s.id)) && new Date(s.creationDate).getTime() >= since);
    for (const mine of ours.filter((s) => s.event_id === eventId)) {
      const match = candidates.find((c) => !found.has(String(c.id)) && c.uitpasNumber === mine.uitpas_number
        && c.tariff.id === mine.tariff_id && toCents(c.regularPrice) === mine.regular_price);
      if (match) found.set(String(match.id), mine.id);
    }
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    for (const [saleId, rowId] of found) {
      await tx.updateTable('uitpas_sales').set({ sale_id: saleId, status: 'cancelling' }).where('id', '=', rowId).execute();
      await enqueue(tx, { kind: CANCEL_SALE_JOB, payload: { saleRowId: rowId }, organisationId: reg.organisation_id, dedupeKey: `${CANCEL_SALE_JOB}:${rowId}` }, now);
    }
    await tx.updateTable('uitpas_sales').set({ status: 'failed' }).where('registration_id', '=', reg.id).where('status', '=', 'pending').execute();
    await tx.updateTable('uitpas_registrations').set({ status: 'undone', updated_at: now.toISOString() }).where('id', '=', reg.id).execute();
  });
  return found.size;
}

/** Registrations a crashed checkout left behind: finished if the order exists, otherwise undone or looked up. */
export async function sweepRegistrations(deps: Deps, log: FastifyBaseLogger): Promise<void> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - STALE_MS).toISOString();
  const stale = await deps.db.selectFrom('uitpas_registrations')
    .innerJoin('baskets', 'baskets.id', 'uitpas_registrations.basket_id')
    .select(['uitpas_registrations.id', 'uitpas_registrations.status', 'uitpas_registrations.organisation_id', 'baskets.order_id'])
    .where('uitpas_registrations.status', 'in', ['pending', 'registered']).where('uitpas_registrations.updated_at', '<', before)
    .limit(100).execute();
  for (const r of stale) {
    if (r.status === 'registered' && r.order_id) await confirmUitpasSales(deps.db, r.id, r.order_id, now);
    else if (r.status === 'registered') await undoUitpasSales(deps.db, r.id, now);
    else {
      await deps.db.transaction().execute(async (tx) => {
        await tx.updateTable('uitpas_registrations').set({ status: 'unknown', error: 'left pending by its checkout', updated_at: now.toISOString() })
          .where('id', '=', r.id).where('status', '=', 'pending').execute();
        await enqueue(tx, { kind: RECONCILE_REGISTRATION_JOB, payload: { registrationId: r.id }, organisationId: r.organisation_id, dedupeKey: `${RECONCILE_REGISTRATION_JOB}:${r.id}` }, now);
      });
    }
  }
  if (stale.length) log.info({ registrations: stale.length }, 'uitpas sweep');
}

export function registerUitpasJobs(runner: JobRunner, scheduler: Scheduler, deps: Deps, log: FastifyBaseLogger): void {
  runner.register<{ saleRowId: string }>(CANCEL_SALE_JOB, async (job) => cancelSale(deps, job.payload.saleRowId));
  runner.register<{ registrationId: string }>(RECONCILE_REGISTRATION_JOB, async (job) => {
    await reconcileRegistration(deps, job.payload.registrationId);
  });
  runner.register<{ checkinId: string }>(CHECKIN_JOB, async (job) => runCheckin(deps, job));
  runner.register(SWEEP_JOB, async () => sweepRegistrations(deps, log));
  scheduler.add({
    name: SWEEP_JOB,
    everyMs: 60_000,
    work: async (tx: Tx, tick) => {
      await enqueue(tx, { kind: SWEEP_JOB, payload: {}, dedupeKey: tick.key, maxAttempts: 3 }, tick.now);
    },
  });
}
