// The reports' SQL: every figure is a GROUP BY in the database; JavaScript only shapes the groups.
import { sql, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../platform/db.js';
import type { Channel } from '../productions/tables.js';
import type { DipCategory } from '../pricing/tables.js';
import { dailySalesEvents, performanceEvents, REFUNDED_AT, SOLD_AT } from './events.js';
import { localDaySql, type Period } from './range.js';
import { dayEnd, type RollupState } from './rollup.js';

export interface Scope {
  orgId: string;
  venueId?: string;
}

const n = (v: unknown): number => Number(v ?? 0);

/** Performances of the scope (organisation, optionally one venue), as a subquery of ids. */
export function performanceIds(db: Db, scope: Scope) {
  let q = db.selectFrom('performances as sp').select('sp.id').where('sp.organisation_id', '=', scope.orgId);
  if (scope.venueId) {
    q = q.where('sp.hall_id', 'in', db.selectFrom('halls as sh').select('sh.id').where('sh.venue_id', '=', scope.venueId));
  }
  return q;
}

/**
 * The days of a period that are rolled up (up to the state's `through`), and the moment from which
 * the events are counted live (the start of the day after `through`; the period's start when
 * nothing of it is rolled up).
 */
export function splitPeriod(period: Period, state: RollupState | undefined): { rolled?: { from: string; to: string }; liveFrom: string } {
  if (!state || state.through < period.from) return { liveFrom: period.startUtc };
  const to = state.through < period.to ? state.through : period.to;
  return { rolled: { from: period.from, to }, liveFrom: dayEnd(state.through) };
}

/** Where the live events start: after the rolled-up days, or (nothing rolled up) at the beginning. */
export const liveSince = (state: RollupState | undefined): string => (state ? dayEnd(state.through) : '');

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
 * Rolled-up days come from report_daily_sales, the others from the events (events.ts).
 */
export async function dailySalesGroups(db: Db, dialect: Dialect, scope: Scope, period: Period, state: RollupState | undefined): Promise<SalesGroup[]> {
  const { rolled, liveFrom } = splitPeriod(period, state);
  const stored = async () => {
    if (!rolled) return [];
    let q = db.selectFrom('report_daily_sales')
      .select(['day', 'ticket_type_id', 'dip_category', 'channel', 'payment_method', sql<number>`sum(tickets)`.as('tickets'), sql<number>`sum(revenue)`.as('revenue')])
      .where('organisation_id', '=', scope.orgId).where('day', '>=', rolled.from).where('day', '<=', rolled.to);
    if (scope.venueId) q = q.where('venue_id', '=', scope.venueId);
    return q.groupBy(['day', 'ticket_type_id', 'dip_category', 'channel', 'payment_method', 'kind']).execute();
  };
  const live = async () => {
    if (liveFrom >= period.endUtc) return [];
    const [sold, refunded] = dailySalesEvents(db, dialect, scope.orgId, { startUtc: liveFrom, endUtc: period.endUtc }, { byVenue: false, filter: { venueId: scope.venueId } });
    return [...await sold.execute(), ...await refunded.execute()];
  };
  const rows = [...await stored(), ...await live()];
  return rows.map((r) => ({
    date: r.day, ticketTypeId: r.ticket_type_id, dipCategory: r.dip_category, channel: r.channel, paymentMethod: r.payment_method,
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
 * Seed 000's rule (src/figures/rules.ts `classify`): a valid ticket is sold when its order is paid,
 * a free one once printed or delivered; every other valid ticket is a reservation. Valid tickets
 * of paid and of unpaid orders per performance, type and category come from the rolled-up totals
 * (report_performance_totals) plus the events since (events.ts); the free ones, whose print state
 * decides, are counted as they are now, through the covering index, for the free ticket types met.
 */
export async function ticketGroups(db: Db, scope: Scope, period: Period, state: RollupState | undefined): Promise<TicketGroup[]> {
  const perfs = performancesIn(db, scope, period);
  const key = (r: { performance_id: string; ticket_type_id: string; dip_category: string }) => `${r.performance_id}|${r.ticket_type_id}|${r.dip_category}`;
  const totals = new Map<string, { performance_id: string; ticket_type_id: string; dip_category: DipCategory; sold: number; revenue: number; reserved: number }>();
  const add = (r: { performance_id: string; ticket_type_id: string; dip_category: DipCategory; sold_tickets: unknown; sold_revenue: unknown; reserved_tickets: unknown }) => {
    const t = totals.get(key(r)) ?? { performance_id: r.performance_id, ticket_type_id: r.ticket_type_id, dip_category: r.dip_category, sold: 0, revenue: 0, reserved: 0 };
    t.sold += n(r.sold_tickets);
    t.revenue += n(r.sold_revenue);
    t.reserved += n(r.reserved_tickets);
    totals.set(key(r), t);
  };
  if (state) {
    const stored = await db.selectFrom('report_performance_totals')
      .select(['performance_id', 'ticket_type_id', 'dip_category', 'sold_tickets', 'sold_revenue', 'reserved_tickets'])
      .where('organisation_id', '=', scope.orgId).where('performance_id', 'in', perfs).execute();
    stored.forEach(add);
  }
  // the events since, of the whole organisation (a day's worth), kept for the period's performances
  // here: filtered in SQL, SQLite would start from the performances' every ticket
  const inPeriod = new Set((await perfs.execute()).map((p) => p.id));
  for (const r of await performanceEvents(db, scope.orgId, { startUtc: liveSince(state) }).execute()) if (inPeriod.has(r.performance_id)) add(r);

  const out: TicketGroup[] = [];
  for (const t of totals.values()) {
    if (t.dip_category === 'free') continue;
    out.push({ performanceId: t.performance_id, ticketTypeId: t.ticket_type_id, dipCategory: t.dip_category, sold: t.sold, revenue: t.revenue, reserved: t.reserved });
  }
  // every valid free ticket is of a paid order or of an unpaid one, so its type is among the totals
  const freeTypes = [...new Set([...totals.values()].filter((t) => t.dip_category === 'free').map((t) => t.ticket_type_id))];
  if (freeTypes.length) {
    const free = await db.selectFrom('tickets as t')
      .select(['t.performance_id', 't.ticket_type_id', sql<number>`sum(case when t.print_state = 'none' then 0 else 1 end)`.as('printed'),
        sql<number>`sum(case when t.print_state = 'none' then 0 else t.price end)`.as('revenue'),
        sql<number>`sum(case when t.print_state = 'none' then 1 else 0 end)`.as('unprinted')])
      .where('t.performance_id', 'in', perfs).where('t.status', '=', 'valid')
      .where('t.ticket_type_id', 'in', freeTypes).where('t.dip_category', '=', 'free')
      .groupBy(['t.performance_id', 't.ticket_type_id']).execute();
    for (const r of free) {
      out.push({ performanceId: r.performance_id, ticketTypeId: r.ticket_type_id, dipCategory: 'free', sold: n(r.printed), revenue: n(r.revenue), reserved: n(r.unprinted) });
    }
  }
  return out;
}

export interface PlaceCounts {
  places: number;
  definitive: number;
  conditional: number;
}

/** Places per performance, and how many are blocked of each kind. */
export async function placeCounts(db: Db, scope: Scope, period: Period): Promise<Map<string, PlaceCounts>> {
  const [all, blocked] = await Promise.all([
    // a count per performance (an index range each): a join and GROUP BY walks every inventory row in SQLite
    db.selectFrom('performances as sp')
      .select(['sp.id as performance_id', (eb) => eb.selectFrom('inventory as i').select(sql<number>`count(*)`.as('n')).whereRef('i.performance_id', '=', 'sp.id').as('places')])
      .where(spInPeriod(scope, period))
      .execute(),
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
