// The reports' SQL: every figure is a GROUP BY in the database; JavaScript only shapes the groups.
import { sql, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../platform/db.js';
import type { Channel } from '../productions/tables.js';
import type { DipCategory } from '../pricing/tables.js';
import { localDaySql, type Period } from './range.js';

export interface Scope {
  orgId: string;
  venueId?: string;
}

const n = (v: unknown): number => Number(v ?? 0);

/** A ticket of a paid order counts as sold, unless it was cancelled from the reservation before payment. */
const SOLD_AT = sql<SqlBool>`(t.cancelled_at is null or t.cancelled_at >= o.paid_at)`;
/** A sold ticket cancelled afterwards: it comes back on the day of the cancellation. */
const REFUNDED_AT = sql<SqlBool>`(t.status = 'cancelled' and t.cancelled_at >= o.paid_at)`;

/** Performances of the scope (organisation, optionally one venue), as a subquery of ids. */
export function performanceIds(db: Db, scope: Scope) {
  let q = db.selectFrom('performances as sp').select('sp.id').where('sp.organisation_id', '=', scope.orgId);
  if (scope.venueId) {
    q = q.where('sp.hall_id', 'in', db.selectFrom('halls as sh').select('sh.id').where('sh.venue_id', '=', scope.venueId));
  }
  return q;
}

export interface SalesGroup {
  date: string;
  ticketTypeId: string;
  dipCategory: DipCategory;
  channel: Channel;
  paymentMethod: string;
  tickets: number;
  revenue: number;
}

/**
 * A ticket is sold on the local day its order was paid; a sold ticket cancelled later comes back
 * negative on the day of its cancellation, under the refund's method. Unpaid reservations are not sales.
 */
export async function dailySalesGroups(db: Db, dialect: Dialect, scope: Scope, period: Period): Promise<SalesGroup[]> {
  let sales = db.selectFrom('tickets as t')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .leftJoin('payments as p', (j) => j.onRef('p.order_id', '=', 'o.id').on('p.kind', '=', 'payment'))
    .select([
      localDaySql(dialect, 'o.paid_at', period).as('day'), 't.ticket_type_id', 't.dip_category', 'o.channel',
      sql<string>`coalesce(p.method, 'none')`.as('pay_method'),
      sql<number>`count(*)`.as('tickets'), sql<number>`sum(t.price)`.as('revenue'),
    ])
    .where('o.organisation_id', '=', scope.orgId)
    .where('o.paid_at', '>=', period.startUtc).where('o.paid_at', '<', period.endUtc)
    .where(SOLD_AT);
  let refunds = db.selectFrom('tickets as t')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .leftJoin('payments as p', (j) => j.onRef('p.order_id', '=', 'o.id').on('p.kind', '=', 'payment'))
    // the refund written with the cancellation (same order, same moment: orders/service.ts cancelTickets)
    .leftJoin('payments as r', (j) => j.onRef('r.order_id', '=', 'o.id').on('r.kind', '=', 'refund').onRef('r.created_at', '=', 't.cancelled_at'))
    .select([
      localDaySql(dialect, 't.cancelled_at', period).as('day'), 't.ticket_type_id', 't.dip_category', 'o.channel',
      sql<string>`coalesce(r.method, p.method, 'none')`.as('pay_method'),
      sql<number>`-count(*)`.as('tickets'), sql<number>`-sum(t.price)`.as('revenue'),
    ])
    .where('t.organisation_id', '=', scope.orgId).where('t.status', '=', 'cancelled')
    .where('t.cancelled_at', '>=', period.startUtc).where('t.cancelled_at', '<', period.endUtc)
    .where('o.paid_at', 'is not', null).where(REFUNDED_AT);
  if (scope.venueId) {
    sales = sales.where('t.performance_id', 'in', performanceIds(db, scope));
    refunds = refunds.where('t.performance_id', 'in', performanceIds(db, scope));
  }
  const groupBy = [sql.ref('day'), sql.ref('t.ticket_type_id'), sql.ref('t.dip_category'), sql.ref('o.channel'), sql.ref('pay_method')];
  const [sold, refunded] = await Promise.all([sales.groupBy(groupBy).execute(), refunds.groupBy(groupBy).execute()]);
  return [...sold, ...refunded].map((r) => ({
    date: r.day, ticketTypeId: r.ticket_type_id, dipCategory: r.dip_category, channel: r.channel, paymentMethod: r.pay_method,
    tickets: n(r.tickets), revenue: n(r.revenue),
  }));
}

export async function ticketTypeNames(db: Db, orgId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('ticket_types').select(['id', 'name_nl', 'name_fr', 'name_en'])
    .where('organisation_id', '=', orgId).where('id', 'in', ids).execute();
}

export interface PerformanceRow {
  id: string;
  title: string;
  startsAt: string;
  venueName: string;
  timeZone: string;
}

/** Performances starting in the period (drafts left out: nothing is sold for them). */
function performancesIn(db: Db, scope: Scope, period: Period) {
  return performanceIds(db, scope)
    .where('sp.starts_at', '>=', period.startUtc).where('sp.starts_at', '<', period.endUtc).where('sp.status', '<>', 'draft');
}

/** The same performances as `performancesIn`, as a condition on a joined `performances as sp`. */
function spInPeriod(scope: Scope, period: Period) {
  const venue = scope.venueId ? sql` and sp.hall_id in (select vh.id from halls vh where vh.venue_id = ${scope.venueId})` : sql``;
  return sql<SqlBool>`(sp.organisation_id = ${scope.orgId} and sp.starts_at >= ${period.startUtc} and sp.starts_at < ${period.endUtc} and sp.status <> 'draft'${venue})`;
}

export async function performanceRows(db: Db, scope: Scope, period: Period): Promise<PerformanceRow[]> {
  const rows = await db.selectFrom('performances as p')
    .innerJoin('productions as pr', 'pr.id', 'p.production_id')
    .innerJoin('halls as h', 'h.id', 'p.hall_id')
    .innerJoin('venues as v', 'v.id', 'h.venue_id')
    .select(['p.id', 'pr.title', 'p.starts_at', 'v.name as venue_name', 'v.time_zone'])
    .where('p.id', 'in', performancesIn(db, scope, period))
    .orderBy('p.starts_at').orderBy('pr.title').orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, venueName: r.venue_name, timeZone: r.time_zone }));
}

export interface TicketGroup {
  performanceId: string;
  ticketTypeId: string;
  dipCategory: DipCategory;
  sold: number;
  revenue: number;
  reserved: number;
}

/**
 * Seed 000's rule (src/figures/rules.ts `classify`) from aggregates only: a valid ticket is sold
 * when its order is paid, a free one once printed or delivered; every other valid ticket is a
 * reservation. All valid tickets are summed from one covering index without a join; the few of
 * unpaid orders (found through the orders' status index) are summed apart and taken off: a join
 * per ticket is what would not scale. A valid ticket of a cancelled order cannot exist (the
 * order is cancelled only with its last ticket, orders/service.ts), so none is looked for.
 */
export async function ticketGroups(db: Db, scope: Scope, period: Period): Promise<TicketGroup[]> {
  const columns = ['t.performance_id', 't.ticket_type_id', 't.dip_category', 't.print_state'] as const;
  const sums = [sql<number>`count(*)`.as('tickets'), sql<number>`sum(t.price)`.as('revenue')] as const;
  const [all, unpaid] = await Promise.all([
    // from the performances: an index-only range of the covering index per performance
    db.selectFrom('performances as sp').innerJoin('tickets as t', 't.performance_id', 'sp.id').select([...columns, ...sums])
      .where(spInPeriod(scope, period)).where('t.status', '=', 'valid')
      .groupBy([...columns]).execute(),
    // CROSS JOIN: SQLite takes the tables in this order (orders by status first); PostgreSQL plans it as an inner join
    db.selectFrom('orders as o').crossJoin('tickets as t').select([...columns, ...sums])
      .whereRef('t.order_id', '=', 'o.id')
      .where('o.status', '=', 'reserved').where('o.organisation_id', '=', scope.orgId)
      .where('t.performance_id', 'in', performancesIn(db, scope, period)).where('t.status', '=', 'valid')
      .groupBy([...columns]).execute(),
  ]);
  const key = (r: { performance_id: string; ticket_type_id: string; dip_category: string; print_state: string }) =>
    `${r.performance_id}|${r.ticket_type_id}|${r.dip_category}|${r.print_state}`;
  const reserved = new Map(unpaid.map((r) => [key(r), r]));
  return all.map((r) => {
    const base = { performanceId: r.performance_id, ticketTypeId: r.ticket_type_id, dipCategory: r.dip_category };
    const valid = { tickets: n(r.tickets), revenue: n(r.revenue) };
    if (r.dip_category === 'free') {
      return r.print_state === 'none' ? { ...base, sold: 0, revenue: 0, reserved: valid.tickets } : { ...base, sold: valid.tickets, revenue: valid.revenue, reserved: 0 };
    }
    const res = reserved.get(key(r));
    return { ...base, sold: valid.tickets - n(res?.tickets), revenue: valid.revenue - n(res?.revenue), reserved: n(res?.tickets) };
  });
}

export interface PlaceCounts {
  places: number;
  definitive: number;
  conditional: number;
}

/** Places per performance, and how many are blocked of each kind. */
export async function placeCounts(db: Db, scope: Scope, period: Period): Promise<Map<string, PlaceCounts>> {
  const [all, blocked] = await Promise.all([
    db.selectFrom('performances as sp').innerJoin('inventory as i', 'i.performance_id', 'sp.id')
      .select(['i.performance_id', sql<number>`count(*)`.as('places')])
      .where(spInPeriod(scope, period))
      .groupBy('i.performance_id').execute(),
    db.selectFrom('performances as sp').innerJoin('inventory as i', 'i.performance_id', 'sp.id').innerJoin('blocks as b', 'b.id', 'i.block_id')
      .select(['i.performance_id', 'b.kind', sql<number>`count(*)`.as('places')])
      .where(spInPeriod(scope, period))
      .where('i.status', '=', 'blocked')
      .groupBy(['i.performance_id', 'b.kind']).execute(),
  ]);
  const out = new Map<string, PlaceCounts>(all.map((r) => [r.performance_id, { places: n(r.places), definitive: 0, conditional: 0 }]));
  for (const b of blocked) {
    const c = out.get(b.performance_id);
    if (c) c[b.kind] += n(b.places);
  }
  return out;
}

export interface DayAmount {
  date: string;
  tickets: number;
  revenue: number;
}

/** Net sales of one performance: per local day within the period, and the total before it. */
export async function performanceSales(db: Db, dialect: Dialect, performanceId: string, period: Period): Promise<{ before: DayAmount; days: DayAmount[] }> {
  const base = () => db.selectFrom('tickets as t').innerJoin('orders as o', 'o.id', 't.order_id')
    .where('t.performance_id', '=', performanceId).where('o.paid_at', 'is not', null);
  const amount = (sign: 1 | -1) => [
    sql<number>`${sql.lit(sign)} * count(*)`.as('tickets'), sql<number>`${sql.lit(sign)} * coalesce(sum(t.price), 0)`.as('revenue'),
  ] as const;
  const [soldBefore, refundedBefore, soldDays, refundedDays] = await Promise.all([
    base().select(amount(1)).where(SOLD_AT).where('o.paid_at', '<', period.startUtc).executeTakeFirstOrThrow(),
    base().select(amount(-1)).where(REFUNDED_AT).where('t.cancelled_at', '<', period.startUtc).executeTakeFirstOrThrow(),
    base().select([localDaySql(dialect, 'o.paid_at', period).as('day'), ...amount(1)]).where(SOLD_AT)
      .where('o.paid_at', '>=', period.startUtc).where('o.paid_at', '<', period.endUtc).groupBy(sql.ref('day')).execute(),
    base().select([localDaySql(dialect, 't.cancelled_at', period).as('day'), ...amount(-1)]).where(REFUNDED_AT)
      .where('t.cancelled_at', '>=', period.startUtc).where('t.cancelled_at', '<', period.endUtc).groupBy(sql.ref('day')).execute(),
  ]);
  return {
    before: { date: '', tickets: n(soldBefore.tickets) + n(refundedBefore.tickets), revenue: n(soldBefore.revenue) + n(refundedBefore.revenue) },
    days: [...soldDays, ...refundedDays].map((r) => ({ date: r.day, tickets: n(r.tickets), revenue: n(r.revenue) })),
  };
}

/** The first moment a ticket of the performance was paid, if any. */
export async function firstSale(db: Db, performanceId: string): Promise<string | null> {
  const r = await db.selectFrom('tickets as t').innerJoin('orders as o', 'o.id', 't.order_id')
    .select((eb) => eb.fn.min('o.paid_at').as('first'))
    .where('t.performance_id', '=', performanceId).executeTakeFirst();
  return (r?.first as string | null | undefined) ?? null;
}

export async function performanceInVenue(db: Db, hallId: string, venueId: string): Promise<boolean> {
  return !!(await db.selectFrom('halls').select('id').where('id', '=', hallId).where('venue_id', '=', venueId).executeTakeFirst());
}
