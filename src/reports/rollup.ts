// Rollups of closed days. Payments, cancellations and reservations are stamped with the moment they
// happen (orders.created_at/paid_at, tickets.cancelled_at), so once a local day is over, its events
// never change: they are summed once into report_daily_sales, report_daily_money,
// report_performance_totals and report_customer_days, and `report_rollups.through` says up to which day. A report reads the
// rollup up to `through` and the events after it live (events.ts, the same queries).
//
// A day is closed an hour after its local midnight (CLOSE_MARGIN_MS), so a process whose clock is a
// little behind, or a checkout that took its moment just before midnight and committed just after,
// still lands in a day that is not rolled up yet. Rows written later with a moment stamped inside a
// rolled-up day (a back-dated import, a clock wrong by more than the margin) are NOT seen by the
// reports; nothing in Foyer writes such rows.
//
// Safe with many processes: each chunk of days is taken by compare-and-set on `through` inside the
// transaction that writes its rows, so a chunk is added once whoever runs it (the nightly job of
// any process, or a report finding days not rolled up); the primary keys back that up.
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { Db, Dialect, Tx } from '../platform/db.js';
import { addDays, dayStartUtc, localDate } from '../platform/time.js';
import { customerEvents, dailySalesEvents, performanceEvents, type DaySpan } from './events.js';
import { dailyMoneyEvents } from './money-events.js';
import { REPORT_ZONE } from './range.js';

/** A local day is closed this long after it ended. */
export const CLOSE_MARGIN_MS = 3_600_000;
/** Days rolled up in one transaction (on SQLite a transaction holds the write lock). */
export const CHUNK_DAYS = 7;
/** How long a report rolls up a backlog itself (after an upgrade: the job does the rest, the report counts it live). */
export const REPORT_ROLLUP_BUDGET_MS = 2000;

/** The latest local day that is closed at `now`. */
export function lastClosedDay(now: Date): string {
  return addDays(localDate(new Date(now.getTime() - CLOSE_MARGIN_MS), REPORT_ZONE), -1);
}

/** UTC start of a local day, and of the day after it. */
export const dayStart = (day: string): string => dayStartUtc(day, REPORT_ZONE);
export const dayEnd = (day: string): string => dayStartUtc(addDays(day, 1), REPORT_ZONE);

export interface RollupState {
  /** The first day rolled up. */
  since: string;
  /** Every day up to this one is rolled up; events from dayEnd(through) on are live. */
  through: string;
}

export async function rollupState(db: Db, orgId: string): Promise<RollupState | undefined> {
  return db.selectFrom('report_rollups').select(['since', 'through']).where('organisation_id', '=', orgId).executeTakeFirst();
}

/** The state of an organisation seen for the first time: nothing rolled up before its first event. */
async function startState(db: Db, orgId: string, now: Date): Promise<RollupState> {
  const [created, paid, cancelled] = await Promise.all([
    db.selectFrom('orders').select((eb) => eb.fn.min('created_at').as('m')).where('organisation_id', '=', orgId).executeTakeFirst(),
    db.selectFrom('orders').select((eb) => eb.fn.min('paid_at').as('m')).where('organisation_id', '=', orgId).executeTakeFirst(),
    db.selectFrom('tickets').select((eb) => eb.fn.min('cancelled_at').as('m')).where('organisation_id', '=', orgId).executeTakeFirst(),
  ]);
  const moments = [created?.m, paid?.m, cancelled?.m].filter((m): m is string => typeof m === 'string').sort();
  const since = moments.length ? localDate(moments[0], REPORT_ZONE) : addDays(lastClosedDay(now), 1);
  await db.insertInto('report_rollups')
    .values({ organisation_id: orgId, since, through: addDays(since, -1), updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  return (await rollupState(db, orgId))!;
}

export interface RollUpOptions {
  chunkDays?: number;
  /** Stop starting chunks after this long (a report does not wait for a long backlog; the job goes on). */
  budgetMs?: number;
}

/**
 * Rolls up every closed day of the organisation not rolled up yet, CHUNK_DAYS a transaction;
 * answers the state after. Another process rolling up at the same time takes some of the chunks.
 */
export async function rollUp(db: Db, dialect: Dialect, orgId: string, now: Date, opts: RollUpOptions = {}): Promise<RollupState> {
  const chunkDays = opts.chunkDays ?? CHUNK_DAYS;
  const started = performance.now();
  const target = lastClosedDay(now);
  let state = (await rollupState(db, orgId)) ?? (await startState(db, orgId, now));
  while (state.through < target) {
    if (opts.budgetMs !== undefined && performance.now() - started > opts.budgetMs) break;
    const old = state;
    const from = addDays(old.through, 1);
    const last = addDays(old.through, chunkDays);
    const to = last < target ? last : target;
    const won = await db.transaction().execute(async (tx) => {
      const claim = await tx.updateTable('report_rollups').set({ through: to, updated_at: now.toISOString() })
        .where('organisation_id', '=', orgId).where('through', '=', old.through).executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return false;
      await rollUpDays(tx, dialect, orgId, old.since, from, to);
      return true;
    });
    state = won ? { since: old.since, through: to } : (await rollupState(db, orgId))!;
  }
  return state;
}

/** Rolls up every organisation (the job); one failing does not keep the others back. */
export async function rollUpAll(db: Db, dialect: Dialect, now: Date): Promise<number> {
  const orgs = await db.selectFrom('organisations').select('id').execute();
  let failure: unknown;
  for (const o of orgs) {
    try {
      await rollUp(db, dialect, o.id, now);
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure) throw failure;
  return orgs.length;
}

/** Adds the events of the local days `from`..`to` to the rollup tables. */
async function rollUpDays(tx: Tx, dialect: Dialect, orgId: string, since: string, from: string, to: string): Promise<void> {
  const span: DaySpan = { startUtc: dayStart(from), endUtc: dayEnd(to) };
  if (dialect === 'postgres') await sql`select set_config('jit', 'off', true)`.execute(tx);

  const [sold, refunded] = dailySalesEvents(tx, dialect, orgId, span, { byVenue: true });
  await tx.insertInto('report_daily_sales')
    .columns(['organisation_id', 'day', 'venue_id', 'ticket_type_id', 'dip_category', 'channel', 'payment_method', 'kind', 'tickets', 'revenue'])
    .expression(sold.unionAll(refunded))
    .execute();

  for (const part of dailyMoneyEvents(tx, dialect, orgId, span, { byVenue: true })) {
    await tx.insertInto('report_daily_money')
      .columns(['organisation_id', 'day', 'venue_id', 'channel', 'line', 'kind', 'vat_rate', 'quantity', 'amount', 'vat'])
      .expression(part)
      .execute();
  }

  await tx.insertInto('report_performance_totals')
    .columns(['organisation_id', 'performance_id', 'ticket_type_id', 'dip_category', 'sold_tickets', 'sold_revenue', 'reserved_tickets'])
    .expression(performanceEvents(tx, orgId, span))
    .onConflict((oc) => oc.columns(['performance_id', 'ticket_type_id', 'dip_category']).doUpdateSet({
      sold_tickets: sql`report_performance_totals.sold_tickets + excluded.sold_tickets`,
      sold_revenue: sql`report_performance_totals.sold_revenue + excluded.sold_revenue`,
      reserved_tickets: sql`report_performance_totals.reserved_tickets + excluded.reserved_tickets`,
    }))
    .execute();

  // refunds in these days change the orders of earlier days of payment, back to `since`
  const days: DaySpan = { startUtc: dayStart(since < from ? since : from), endUtc: span.endUtc };
  const events = customerEvents(tx, dialect, orgId, span, days, 'all').unionAll(customerEvents(tx, dialect, orgId, span, days, 'each'));
  await tx.insertInto('report_customer_days')
    .columns(['organisation_id', 'venue_id', 'day', 'customer_id', 'orders', 'tickets', 'revenue'])
    .expression(tx.selectFrom(events.as('e'))
      .select([
        'e.organisation_id', 'e.venue_id', 'e.day', 'e.customer_id',
        sql<number>`sum(e.orders)`.as('orders'), sql<number>`sum(e.tickets)`.as('tickets'), sql<number>`sum(e.revenue)`.as('revenue'),
      ])
      .groupBy(['e.organisation_id', 'e.venue_id', 'e.day', 'e.customer_id']))
    .onConflict((oc) => oc.columns(['organisation_id', 'venue_id', 'day', 'customer_id']).doUpdateSet({
      orders: sql`report_customer_days.orders + excluded.orders`,
      tickets: sql`report_customer_days.tickets + excluded.tickets`,
      revenue: sql`report_customer_days.revenue + excluded.revenue`,
    }))
    .execute();
}

/**
 * For a report: rolls up the closed days not rolled up yet (a failure is logged, and those days
 * are then counted live), then runs `read` in one snapshot together with the rollup state it
 * reads, so rolled-up rows and live events meet exactly at `through` even while another process
 * rolls up. PostgreSQL: REPEATABLE READ, no JIT, no parallel workers.
 */
export async function withRollup<T>(ctx: Ctx, read: (db: Tx, state: RollupState | undefined) => Promise<T>): Promise<T> {
  try {
    await rollUp(ctx.db, ctx.dialect, ctx.orgId, ctx.clock.now(), { budgetMs: REPORT_ROLLUP_BUDGET_MS });
  } catch (err) {
    ctx.log.warn({ err }, 'reports: rolling up closed days failed; they are counted live');
  }
  const tx = ctx.dialect === 'postgres' ? ctx.db.transaction().setIsolationLevel('repeatable read') : ctx.db.transaction();
  return tx.execute(async (trx) => {
    // JIT would compile for longer than these queries run; without parallel workers PostgreSQL sums a
    // long period's customers from their index in order (~160 ms) instead of sorting a parallel seq scan (~500 ms)
    if (ctx.dialect === 'postgres') {
      await sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
    }
    return read(trx, await rollupState(trx, ctx.orgId));
  });
}
