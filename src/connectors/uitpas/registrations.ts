// Ticket sales at UiTPAS around a checkout (architecture principles 4, 5 and 9): the intent is committed
// first, POST /ticket-sales runs outside any transaction, its outcome is recorded in a second one; the
// undo (DELETE /ticket-sales/{id}) always goes through the durable job queue.
import type { Ctx } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/jobs.js';
import { Problem } from '../../platform/problems.js';
import type { Basket } from '../../baskets/tables.js';
import { UitpasAuthFailed, UitpasUnavailable, type Answer } from './client.js';
import { connection } from './settings.js';
import type { RegistrationStatus } from './tables.js';
import { refusal } from './tariffs.js';
import { toEuros, type WireSale, type WireSaleRequest } from './wire.js';

export const CANCEL_SALE_JOB = 'uitpas.cancel-sale';
export const RECONCILE_REGISTRATION_JOB = 'uitpas.reconcile-registration';

/** The basket's lines that carry a pass at the ticket type it gave them, in a stable order. */
async function passLines(db: Db, basketId: string) {
  return db.selectFrom('basket_line_uitpas')
    .innerJoin('basket_lines', (j) => j.onRef('basket_lines.id', '=', 'basket_line_uitpas.basket_line_id')
      .onRef('basket_lines.ticket_type_id', '=', 'basket_line_uitpas.ticket_type_id'))
    .select(['basket_lines.id', 'basket_lines.performance_id', 'basket_lines.item_id', 'basket_line_uitpas.event_id',
      'basket_line_uitpas.uitpas_number', 'basket_line_uitpas.tariff_id', 'basket_line_uitpas.regular_price',
      'basket_line_uitpas.price', 'basket_line_uitpas.tariff_name', 'basket_line_uitpas.regular_price_label'])
    .where('basket_line_uitpas.basket_id', '=', basketId)
    .orderBy('basket_lines.performance_id').orderBy('basket_lines.item_id')
    .execute();
}

async function setStatus(db: Db | Tx, registrationId: string, status: RegistrationStatus, now: Date, error: string | null = null) {
  await db.updateTable('uitpas_registrations').set({ status, error, updated_at: now.toISOString() }).where('id', '=', registrationId).execute();
}

/**
 * Registers the basket's UiTPAS lines at UiTPAS, before the order is confirmed. Answers the
 * registration id (null when the basket has no UiTPAS line). A refusal or an unreachable UiTPAS throws
 * a Problem and leaves the basket as it was; an unknown outcome is handed to the reconcile job.
 */
export async function registerUitpasSales(ctx: Ctx, basket: Basket): Promise<string | null> {
  const lines = await passLines(ctx.db, basket.id);
  if (!lines.length) return null;
  const conn = await connection(ctx.db, ctx.orgId, ctx.clock.now());
  if (!conn.acceptsChannel(basket.channel)) throw new Problem('uitpas-off', { channel: basket.channel });
  const now = ctx.clock.now();
  const registrationId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('uitpas_registrations').values({
      id: registrationId, organisation_id: ctx.orgId, basket_id: basket.id, status: 'pending', error: null,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    }).execute();
    await tx.insertInto('uitpas_sales').values(lines.map((l, position) => ({
      id: newId(), registration_id: registrationId, organisation_id: ctx.orgId, position, performance_id: l.performance_id,
      item_id: l.item_id, event_id: l.event_id, uitpas_number: l.uitpas_number, tariff_id: l.tariff_id,
      regular_price: l.regular_price, regular_price_label: l.regular_price_label, price: l.price, sale_id: null, ticket_id: null, status: 'pending' as const,
      created_at: now.toISOString(), cancelled_at: null,
    }))).execute();
  });

  const body: WireSaleRequest[] = lines.map((l) => ({
    regularPrice: toEuros(l.regular_price), ...(l.regular_price_label ? { regularPriceLabel: l.regular_price_label } : {}),
    tariff: { id: l.tariff_id }, eventId: l.event_id, uitpasNumber: l.uitpas_number,
  }));
  let answer: Answer<WireSale[]>;
  try {
    answer = await conn.client.call<WireSale[]>('POST', '/ticket-sales', { body });
  } catch (err) {
    const later = ctx.clock.now();
    if (err instanceof UitpasUnavailable && err.outcomeUnknown) {
      await markUnknown(ctx.db, registrationId, err.message, later);
      throw new Problem('uitpas-outcome-unknown');
    }
    await markFailed(ctx.db, registrationId, (err as Error).message, later);
    if (err instanceof UitpasAuthFailed) throw new Problem('uitpas-credentials');
    if (err instanceof UitpasUnavailable) throw new Problem('uitpas-unavailable', { reason: err.message });
    throw err;
  }
  const later = ctx.clock.now();
  if (!answer.ok) {
    await markFailed(ctx.db, registrationId, JSON.stringify(answer.problem).slice(0, 2000), later);
    const index = /^\/(\d+)/.exec((answer.problem as { jsonPointer?: string }).jsonPointer ?? '')?.[1];
    throw refusal(answer.problem, ctx.lang, index === undefined ? {} : { lineId: lines[Number(index)]?.id ?? null });
  }
  const sales = Array.isArray(answer.body) ? answer.body : [];
  if (sales.length !== lines.length || sales.some((s) => !s.id)) {
    await markUnknown(ctx.db, registrationId, `UiTPAS answered ${sales.length} sales for ${lines.length} items`, later);
    throw new Problem('uitpas-outcome-unknown');
  }
  await ctx.db.transaction().execute(async (tx) => {
    for (const [position, sale] of sales.entries()) {
      await tx.updateTable('uitpas_sales').set({ sale_id: String(sale.id), status: 'registered' })
        .where('registration_id', '=', registrationId).where('position', '=', position).execute();
    }
    await setStatus(tx, registrationId, 'registered', later);
  });
  return registrationId;
}

async function markFailed(db: Db, registrationId: string, error: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('uitpas_sales').set({ status: 'failed' }).where('registration_id', '=', registrationId).execute();
    await setStatus(tx, registrationId, 'failed', now, error);
  });
}

/** UiTPAS may hold these sales: the reconcile job looks them up and cancels them. */
async function markUnknown(db: Db, registrationId: string, error: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const org = await tx.selectFrom('uitpas_registrations').select('organisation_id').where('id', '=', registrationId).executeTakeFirstOrThrow();
    await setStatus(tx, registrationId, 'unknown', now, error);
    await enqueue(tx, {
      kind: RECONCILE_REGISTRATION_JOB, payload: { registrationId }, organisationId: org.organisation_id,
      dedupeKey: `${RECONCILE_REGISTRATION_JOB}:${registrationId}`,
    }, now);
  });
}

/**
 * The order exists: each registered sale belongs to the ticket made for its place. A sale whose line
 * left the basket while it checked out has no ticket, and is cancelled at UiTPAS.
 */
export async function confirmUitpasSales(db: Db, registrationId: string, orderId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const sales = await tx.selectFrom('uitpas_sales').select(['id', 'organisation_id', 'performance_id', 'item_id'])
      .where('registration_id', '=', registrationId).where('status', '=', 'registered').execute();
    const orphans: typeof sales = [];
    for (const s of sales) {
      const ticket = await tx.selectFrom('tickets').select('id').where('order_id', '=', orderId)
        .where('performance_id', '=', s.performance_id).where('item_id', '=', s.item_id).executeTakeFirst();
      if (ticket) await tx.updateTable('uitpas_sales').set({ ticket_id: ticket.id, status: 'sold' }).where('id', '=', s.id).execute();
      else orphans.push(s);
    }
    if (orphans.length) {
      await tx.updateTable('uitpas_sales').set({ status: 'cancelling' }).where('id', 'in', orphans.map((o) => o.id)).execute();
      await enqueueCancellations(tx, orphans, now);
    }
    await setStatus(tx, registrationId, 'confirmed', now);
  });
}

/** The checkout did not complete: every sale it registered is cancelled at UiTPAS through the queue. */
export async function undoUitpasSales(db: Db, registrationId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const sales = await tx.updateTable('uitpas_sales').set({ status: 'cancelling' })
      .where('registration_id', '=', registrationId).where('status', '=', 'registered').returning(['id', 'organisation_id']).execute();
    await enqueueCancellations(tx, sales, now);
    await setStatus(tx, registrationId, 'undone', now);
  });
}

async function enqueueCancellations(tx: Db | Tx, sales: { id: string; organisation_id: string }[], now: Date) {
  for (const s of sales) {
    await enqueue(tx, {
      kind: CANCEL_SALE_JOB, payload: { saleRowId: s.id }, organisationId: s.organisation_id, dedupeKey: `${CANCEL_SALE_JOB}:${s.id}`,
    }, now);
  }
}

/** Cancelled tickets: their UiTPAS sales are cancelled at UiTPAS, queued in the caller's transaction. */
export async function queueUitpasCancellations(db: Db | Tx, ticketIds: string[], now: Date): Promise<number> {
  if (!ticketIds.length) return 0;
  const sales = await db.updateTable('uitpas_sales').set({ status: 'cancelling' })
    .where('ticket_id', 'in', ticketIds).where('status', '=', 'sold').returning(['id', 'organisation_id']).execute();
  await enqueueCancellations(db, sales, now);
  return sales.length;
}
