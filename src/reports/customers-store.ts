// SQL of the customers report: what each customer bought in the period, and their latest visit.
import { sql } from 'kysely';
import type { Db, Dialect } from '../platform/db.js';
import { customerEvents } from './events.js';
import type { Period } from './range.js';
import type { RollupState } from './rollup.js';
import { liveSince, performanceIds, splitPeriod, type Scope } from './store.js';

export interface CustomerGroup {
  customerId: string;
  name: string;
  email: string | null;
  postalCode: string | null;
  orders: number;
  tickets: number;
  revenue: number;
}

/**
 * Orders paid in the period, counted with their tickets still valid; one group per customer. The
 * rolled-up days of payment come from report_customer_days (per venue, '' for all), the events
 * since (sales, refunds, orders emptied by refunds) are added live for the orders paid in the period.
 */
function purchases(db: Db, dialect: Dialect, scope: Scope, period: Period, state: RollupState | undefined) {
  const { rolled } = splitPeriod(period, state);
  const events = customerEvents(db, dialect, scope.orgId, { startUtc: liveSince(state) }, period, 'all', { venueId: scope.venueId }, period);
  const live = db.selectFrom(events.as('l')).select(['l.customer_id', 'l.orders', 'l.tickets', 'l.revenue']);
  // summed per customer before the union: over a long period from report_customer_days_customer in
  // customer order, without hashing or sorting the rows of every day
  const all = rolled
    ? db.selectFrom('report_customer_days as d')
      .select(['d.customer_id', sql<number>`sum(d.orders)`.as('orders'), sql<number>`sum(d.tickets)`.as('tickets'), sql<number>`sum(d.revenue)`.as('revenue')])
      .where('d.organisation_id', '=', scope.orgId).where('d.venue_id', '=', scope.venueId ?? '')
      .where('d.day', '>=', rolled.from).where('d.day', '<=', rolled.to)
      .groupBy('d.customer_id')
      .unionAll(live)
    : live;
  return db.selectFrom(all.as('e'))
    .select(['e.customer_id', sql<number>`sum(e.orders)`.as('orders'), sql<number>`sum(e.tickets)`.as('tickets'), sql<number>`sum(e.revenue)`.as('revenue')])
    .groupBy('e.customer_id')
    // a customer whose every ticket of the period was refunded is not a buyer of the period
    .having(sql<number>`sum(e.orders)`, '>', 0);
}

/**
 * Best customers first: by revenue, then tickets, then customer id; one page, or every one
 * without `page` (exports). `total` counts every customer of the period, from the same aggregate.
 */
export async function customerGroups(
  db: Db, dialect: Dialect, scope: Scope, period: Period, state: RollupState | undefined, page?: { limit: number; offset: number },
): Promise<{ total: number; groups: CustomerGroup[] }> {
  let ranked = db.selectFrom(purchases(db, dialect, scope, period, state).as('g'))
    .select(['g.customer_id', 'g.orders', 'g.tickets', 'g.revenue', sql<number>`count(*) over ()`.as('total')])
    .orderBy('g.revenue', 'desc').orderBy('g.tickets', 'desc').orderBy('g.customer_id');
  if (page) ranked = ranked.limit(page.limit).offset(page.offset);
  const rows = await db.selectFrom(ranked.as('r'))
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['c.id', 'c.name', 'c.email', 'c.postal_code', 'r.orders', 'r.tickets', 'r.revenue', 'r.total'])
    .orderBy('r.revenue', 'desc').orderBy('r.tickets', 'desc').orderBy('r.customer_id')
    .execute();
  // a page past the end has no rows to carry the total
  const total = rows.length ? Number(rows[0].total) : page && page.offset > 0 ? await countCustomers(db, dialect, scope, period, state) : 0;
  return {
    total,
    groups: rows.map((r) => ({
      customerId: r.id, name: r.name, email: r.email, postalCode: r.postal_code,
      orders: Number(r.orders), tickets: Number(r.tickets), revenue: Number(r.revenue ?? 0),
    })),
  };
}

async function countCustomers(db: Db, dialect: Dialect, scope: Scope, period: Period, state: RollupState | undefined): Promise<number> {
  const r = await db.selectFrom(purchases(db, dialect, scope, period, state).as('g')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const CHUNK = 500;

/**
 * The start of each customer's latest performance booked (sold or reserved, not cancelled) that
 * began before the end of the period: for the given customers (a page), or for every customer of
 * the organisation in one aggregate (`customerIds` undefined, for exports).
 */
export async function lastVisits(db: Db, scope: Scope, period: Period, customerIds?: string[]): Promise<Map<string, string>> {
  const query = (ids?: string[]) => {
    let q = db.selectFrom('orders as o')
      .innerJoin('tickets as t', 't.order_id', 'o.id')
      .innerJoin('performances as p', 'p.id', 't.performance_id')
      .select(['o.customer_id', (eb) => eb.fn.max('p.starts_at').as('last')])
      .where('o.organisation_id', '=', scope.orgId)
      .where('o.status', '<>', 'cancelled').where('t.status', '=', 'valid')
      .where('p.starts_at', '<', period.endUtc);
    q = ids ? q.where('o.customer_id', 'in', ids) : q.where('o.customer_id', 'is not', null);
    if (scope.venueId) q = q.where('t.performance_id', 'in', performanceIds(db, scope));
    return q.groupBy('o.customer_id').execute();
  };
  const out = new Map<string, string>();
  const batches = customerIds
    ? Array.from({ length: Math.ceil(customerIds.length / CHUNK) }, (_, i) => customerIds.slice(i * CHUNK, (i + 1) * CHUNK))
    : [undefined];
  for (const ids of batches) {
    for (const r of await query(ids)) if (r.customer_id && r.last) out.set(r.customer_id, r.last);
  }
  return out;
}
