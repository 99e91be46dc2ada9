// The reports' figures as sums of events, each counted on the moment it is stamped with: a sale at
// the order's paid_at, a refund at the ticket's cancelled_at, a reservation made at the order's
// created_at and ended at its paid_at or the ticket's cancelled_at. Summed over all time, the
// events give the current state (valid tickets of paid orders, of unpaid orders, per customer);
// summed over a span, what changed in it. rollup.ts sums the spans of closed days once into the
// report_* tables; the reports add the events since the last rolled-up day, live, with these same
// queries, so the rolled-up and the live figures cannot differ in their rules.
import { sql, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../platform/db.js';
import { localDaySql } from './range.js';

/** Events at startUtc <= moment < endUtc (no end: up to now). */
export interface Span {
  startUtc: string;
  endUtc?: string;
}

/** UTC bounds of the local days a day expression may meet (SQLite's summer-time table). */
export interface DaySpan {
  startUtc: string;
  endUtc: string;
}

/** A ticket of a paid order counts as sold, unless it was cancelled from the reservation before payment. */
export const SOLD_AT = sql<SqlBool>`(t.cancelled_at is null or t.cancelled_at >= o.paid_at)`;
/** A sold ticket cancelled afterwards: it comes back on the moment of the cancellation. */
export const REFUNDED_AT = sql<SqlBool>`(t.status = 'cancelled' and t.cancelled_at >= o.paid_at)`;
/**
 * The order was a reservation first (not paid at checkout, where paid_at = created_at exactly).
 * Its tickets are reservations from created_at until the payment or their cancellation.
 */
const RESERVED_FIRST = sql<SqlBool>`(o.paid_at is null or o.paid_at <> o.created_at)`;

/** Which tickets: all of the organisation's, or those of one venue's performances. */
export interface TicketFilter {
  venueId?: string;
}

/**
 * Tickets with their order, performance and hall, the table whose moment the events are found by
 * first: CROSS JOIN keeps SQLite to that order (the period's range of one index, then lookups by
 * key) instead of starting from a venue's or a performance's every ticket; PostgreSQL plans it as
 * the inner join it is.
 */
function ticketsOf(db: Db, first: 'orders' | 'tickets') {
  const joined = first === 'orders'
    ? db.selectFrom('orders as o').crossJoin('tickets as t')
    : db.selectFrom('tickets as t').crossJoin('orders as o');
  return joined.crossJoin('performances as vp').crossJoin('halls as vh')
    .whereRef('o.id', '=', 't.order_id').whereRef('vp.id', '=', 't.performance_id').whereRef('vh.id', '=', 'vp.hall_id');
}
type TicketQuery = ReturnType<typeof ticketsOf>;

function filtered(q: TicketQuery, f: TicketFilter): TicketQuery {
  return f.venueId ? q.where('vh.venue_id', '=', f.venueId) : q;
}

/** Sales: the tickets of orders paid in the span that were still valid at the payment. */
export function sales(db: Db, orgId: string, span: Span, f: TicketFilter = {}): TicketQuery {
  let q = ticketsOf(db, 'orders').where('o.organisation_id', '=', orgId).where('o.paid_at', '>=', span.startUtc).where(SOLD_AT);
  if (span.endUtc) q = q.where('o.paid_at', '<', span.endUtc);
  return filtered(q, f);
}

/** Refunds: sold tickets cancelled in the span. */
export function refunds(db: Db, orgId: string, span: Span, f: TicketFilter = {}): TicketQuery {
  let q = ticketsOf(db, 'tickets').where('t.organisation_id', '=', orgId).where('t.status', '=', 'cancelled')
    .where('t.cancelled_at', '>=', span.startUtc).where('o.paid_at', 'is not', null).where(REFUNDED_AT);
  if (span.endUtc) q = q.where('t.cancelled_at', '<', span.endUtc);
  return filtered(q, f);
}

/** Reservations made in the span: every ticket of an order created unpaid. */
function reservationsMade(db: Db, orgId: string, span: Span, f: TicketFilter): TicketQuery {
  let q = ticketsOf(db, 'orders').where('o.organisation_id', '=', orgId).where('o.created_at', '>=', span.startUtc).where(RESERVED_FIRST);
  if (span.endUtc) q = q.where('o.created_at', '<', span.endUtc);
  return filtered(q, f);
}

/** Reservations ended by payment in the span: the tickets still valid when a reservation was paid. */
function reservationsPaid(db: Db, orgId: string, span: Span, f: TicketFilter): TicketQuery {
  return sales(db, orgId, span, f).where(sql<SqlBool>`o.paid_at <> o.created_at`);
}

/** Reservations ended by cancellation in the span: tickets of a reservation cancelled before any payment. */
function reservationsCancelled(db: Db, orgId: string, span: Span, f: TicketFilter): TicketQuery {
  let q = ticketsOf(db, 'tickets').where('t.organisation_id', '=', orgId).where('t.status', '=', 'cancelled')
    .where('t.cancelled_at', '>=', span.startUtc).where(RESERVED_FIRST)
    .where(sql<SqlBool>`(o.paid_at is null or o.paid_at > t.cancelled_at)`);
  if (span.endUtc) q = q.where('t.cancelled_at', '<', span.endUtc);
  return filtered(q, f);
}

const count = (sign: 1 | -1) => (sign === 1 ? sql<number>`count(*)` : sql<number>`-count(*)`);
const total = (sign: 1 | -1) => (sign === 1 ? sql<number>`sum(t.price)` : sql<number>`-sum(t.price)`);
const zero = sql<number>`0`;
/** The organisation of the order (the same as its tickets'). */
const org = sql<string>`o.organisation_id`;

/**
 * The method of the order's payment (an order has one: at checkout or when a reservation is paid),
 * and of the refund written with a cancellation (same order, same moment: orders/service.ts
 * cancelTickets). Subqueries by the payments' order index: a join lets PostgreSQL hash every
 * payment of the organisation for a day's events.
 */
const PAID_WITH = sql<string>`(select p.method from payments p where p.order_id = o.id and p.kind = 'payment' order by p.created_at limit 1)`;
const REFUNDED_WITH = sql<string>`(select r.method from payments r where r.order_id = o.id and r.kind = 'refund' and r.created_at = t.cancelled_at limit 1)`;

/**
 * Daily sales events in a span of whole local days: per local day, (venue,) ticket type, DIP
 * category, channel, payment method and kind; refunds negative under the refund's method.
 */
export function dailySalesEvents(db: Db, dialect: Dialect, orgId: string, span: DaySpan, opts: { byVenue: boolean; filter?: TicketFilter }) {
  const f = opts.filter ?? {};
  const venue = opts.byVenue ? sql<string>`vh.venue_id` : sql<string>`''`;
  const sold = sales(db, orgId, span, f)
    .select([
      org.as('organisation_id'), localDaySql(dialect, 'o.paid_at', span).as('day'), venue.as('venue_id'), 't.ticket_type_id', 't.dip_category', 'o.channel',
      sql<string>`coalesce(${PAID_WITH}, 'none')`.as('payment_method'), sql<'sale' | 'refund'>`'sale'`.as('kind'),
      count(1).as('tickets'), total(1).as('revenue'),
    ]);
  const refunded = refunds(db, orgId, span, f)
    .select([
      org.as('organisation_id'), localDaySql(dialect, 't.cancelled_at', span).as('day'), venue.as('venue_id'), 't.ticket_type_id', 't.dip_category', 'o.channel',
      sql<string>`coalesce(${REFUNDED_WITH}, ${PAID_WITH}, 'none')`.as('payment_method'), sql<'sale' | 'refund'>`'refund'`.as('kind'),
      count(-1).as('tickets'), total(-1).as('revenue'),
    ]);
  // by expression, not alias: a bare venue_id would name the halls' column in PostgreSQL's GROUP BY
  const groupBy = [sql.ref('o.organisation_id'), sql.ref('day'), ...(opts.byVenue ? [sql.ref('vh.venue_id')] : []), ...['t.ticket_type_id', 't.dip_category', 'o.channel', 'payment_method'].map((c) => sql.ref(c))];
  return [sold.groupBy(groupBy), refunded.groupBy(groupBy)] as const;
}

/**
 * Per performance, ticket type and DIP category, what the events of the span change in: tickets and
 * revenue sold (sales minus refunds, money rules) and tickets reserved (made minus ended).
 * The sum over all time is the valid tickets of paid orders and of unpaid orders.
 */
export function performanceEvents(db: Db, orgId: string, span: Span, f: TicketFilter = {}) {
  const dims = ['t.organisation_id', 't.performance_id', 't.ticket_type_id', 't.dip_category'] as const;
  const part = (q: TicketQuery, sold: 1 | -1 | 0, reserved: 1 | -1 | 0) => q.select([
    ...dims,
    (sold ? count(sold) : zero).as('sold_tickets'), (sold ? total(sold) : zero).as('sold_revenue'),
    (reserved ? count(reserved) : zero).as('reserved_tickets'),
  ]).groupBy([...dims]);
  const all = part(sales(db, orgId, span, f), 1, 0)
    .unionAll(part(refunds(db, orgId, span, f), -1, 0))
    .unionAll(part(reservationsMade(db, orgId, span, f), 0, 1))
    .unionAll(part(reservationsPaid(db, orgId, span, f), 0, -1))
    .unionAll(part(reservationsCancelled(db, orgId, span, f), 0, -1));
  return db.selectFrom(all.as('e'))
    .select([
      'e.organisation_id', 'e.performance_id', 'e.ticket_type_id', 'e.dip_category',
      sql<number>`sum(e.sold_tickets)`.as('sold_tickets'), sql<number>`sum(e.sold_revenue)`.as('sold_revenue'),
      sql<number>`sum(e.reserved_tickets)`.as('reserved_tickets'),
    ])
    .groupBy(['e.organisation_id', 'e.performance_id', 'e.ticket_type_id', 'e.dip_category']);
}

export type VenueMode = 'all' | 'each';

/**
 * Per local day of payment, venue ('' for all venues together, `each`: per venue) and customer,
 * what the events of the span change in the orders, tickets and revenue of the orders paid that
 * day: a sale adds the ticket (and the order, once), a refund takes the ticket off, and the
 * refund of the last valid ticket of an order (in the venue) takes the order off.
 * `paid` narrows to orders paid in it; `days` bounds the days of payment met (SQLite's zone table).
 */
export function customerEvents(
  db: Db, dialect: Dialect, orgId: string, span: Span, days: DaySpan, mode: VenueMode, f: TicketFilter = {}, paid?: DaySpan,
) {
  const venue = mode === 'each' ? sql<string>`vh.venue_id` : sql<string>`''`;
  const day = localDaySql(dialect, 'o.paid_at', days);
  const withCustomer = (q: TicketQuery) => {
    let out = q.where('o.customer_id', 'is not', null);
    if (paid) out = out.where('o.paid_at', '>=', paid.startUtc).where('o.paid_at', '<', paid.endUtc);
    return out;
  };
  const dims = [sql.ref('o.organisation_id'), sql.ref('day'), ...(mode === 'each' ? [sql.ref('vh.venue_id')] : []), sql.ref('o.customer_id')];
  const sold = withCustomer(sales(db, orgId, span, f))
    .select([org.as('organisation_id'), day.as('day'), venue.as('venue_id'), sql<string>`o.customer_id`.as('customer_id'), sql<number>`count(distinct o.id)`.as('orders'), count(1).as('tickets'), total(1).as('revenue')])
    .groupBy(dims);
  const refunded = withCustomer(refunds(db, orgId, span, f))
    .select([org.as('organisation_id'), day.as('day'), venue.as('venue_id'), sql<string>`o.customer_id`.as('customer_id'), zero.as('orders'), count(-1).as('tickets'), total(-1).as('revenue')])
    .groupBy(dims);
  // orders (per venue) whose last sold ticket was refunded in the span: none valid left, the latest refund in the span
  const lastRefund = sql<string>`max(case when t.cancelled_at >= o.paid_at then t.cancelled_at end)`;
  const refundedOrders = db.selectFrom('tickets as ct').select('ct.order_id')
    .where('ct.organisation_id', '=', orgId).where('ct.status', '=', 'cancelled').where('ct.cancelled_at', '>=', span.startUtc);
  let emptied = withCustomer(filtered(ticketsOf(db, 'orders').where('o.organisation_id', '=', orgId).where('o.paid_at', 'is not', null), f))
    .where('o.id', 'in', span.endUtc ? refundedOrders.where('ct.cancelled_at', '<', span.endUtc) : refundedOrders)
    .select([org.as('organisation_id'), day.as('day'), venue.as('venue_id'), sql<string>`o.customer_id`.as('customer_id')])
    .groupBy([sql.ref('o.id'), sql.ref('o.organisation_id'), sql.ref('o.paid_at'), sql.ref('o.customer_id'), ...(mode === 'each' ? [sql.ref('vh.venue_id')] : [])])
    .having(sql<SqlBool>`sum(case when t.status = 'valid' then 1 else 0 end) = 0`)
    .having(lastRefund, '>=', span.startUtc);
  if (span.endUtc) emptied = emptied.having(lastRefund, '<', span.endUtc);
  const closed = db.selectFrom(emptied.as('c'))
    .select(['c.organisation_id', 'c.day', 'c.venue_id', 'c.customer_id', sql<number>`-count(*)`.as('orders'), zero.as('tickets'), zero.as('revenue')])
    .groupBy(['c.organisation_id', 'c.day', 'c.venue_id', 'c.customer_id']);
  return sold.unionAll(refunded).unionAll(closed);
}
