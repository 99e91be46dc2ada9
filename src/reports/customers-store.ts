// SQL of the customers report: what each customer bought in the period, and their latest visit.
import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Period } from './range.js';
import { performanceIds, type Scope } from './store.js';

export interface CustomerGroup {
  customerId: string;
  name: string;
  email: string | null;
  postalCode: string | null;
  orders: number;
  tickets: number;
  revenue: number;
}

/** Orders paid in the period, counted with their tickets still valid; one group per customer. */
function purchases(db: Db, scope: Scope, period: Period) {
  // Grouped by an expression, not the column: SQLite would otherwise walk the orders in customer
  // order (orders_customer) with a random read per order, instead of the period's range of
  // orders_org_paid and one sort; twice as slow on a season.
  const customer = sql<string>`o.customer_id || ''`;
  let q = db.selectFrom('orders as o')
    .innerJoin('tickets as t', 't.order_id', 'o.id')
    .select([
      customer.as('customer_id'),
      sql<number>`count(distinct o.id)`.as('orders'), sql<number>`count(*)`.as('tickets'), sql<number>`sum(t.price)`.as('revenue'),
    ])
    .where('o.organisation_id', '=', scope.orgId).where('o.customer_id', 'is not', null)
    .where('o.paid_at', '>=', period.startUtc).where('o.paid_at', '<', period.endUtc)
    .where('t.status', '=', 'valid');
  if (scope.venueId) q = q.where('t.performance_id', 'in', performanceIds(db, scope));
  return q.groupBy(customer);
}

/**
 * Best customers first: by revenue, then tickets, then customer id; one page, or every customer
 * without `page` (exports). `total` counts every customer of the period, from the same aggregate.
 */
export async function customerGroups(db: Db, scope: Scope, period: Period, page?: { limit: number; offset: number }): Promise<{ total: number; groups: CustomerGroup[] }> {
  let ranked = db.selectFrom(purchases(db, scope, period).as('g'))
    .select(['g.customer_id', 'g.orders', 'g.tickets', 'g.revenue', sql<number>`count(*) over ()`.as('total')])
    .orderBy('g.revenue', 'desc').orderBy('g.tickets', 'desc').orderBy('g.customer_id');
  if (page) ranked = ranked.limit(page.limit).offset(page.offset);
  const rows = await db.selectFrom(ranked.as('r'))
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['c.id', 'c.name', 'c.email', 'c.postal_code', 'r.orders', 'r.tickets', 'r.revenue', 'r.total'])
    .orderBy('r.revenue', 'desc').orderBy('r.tickets', 'desc').orderBy('r.customer_id')
    .execute();
  // a page past the end has no rows to carry the total
  const total = rows.length ? Number(rows[0].total) : page && page.offset > 0 ? await countCustomers(db, scope, period) : 0;
  return {
    total,
    groups: rows.map((r) => ({
      customerId: r.id, name: r.name, email: r.email, postalCode: r.postal_code,
      orders: Number(r.orders), tickets: Number(r.tickets), revenue: Number(r.revenue ?? 0),
    })),
  };
}

async function countCustomers(db: Db, scope: Scope, period: Period): Promise<number> {
  const r = await db.selectFrom(purchases(db, scope, period).as('g')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
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
