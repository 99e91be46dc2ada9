// The daily sales report's money lines as events, counted on the same moments as the tickets
// (events.ts): a ticket's price and its service fee at the order's paid_at, back (negative) at the
// ticket's cancelled_at; an order's own fee at its paid_at, back at the order's cancelled_at (the
// order is cancelled with its last ticket, and the fee refunded with it: orders/extras.ts). Each
// with its VAT as stored when sold, per VAT rate, so a day's lines per rate add up exactly.
import { sql, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../platform/db.js';
import { refunds, sales, type DaySpan, type TicketFilter } from './events.js';
import { localDaySql } from './range.js';

/**
 * The venue an order fee belongs to: that of all the order's tickets, '' when they are in several
 * venues (an order fee is not split; a venue's report then leaves it out).
 */
const ORDER_VENUE = sql<string>`(select case when min(fh.venue_id) = max(fh.venue_id) then min(fh.venue_id) else '' end
  from tickets ft inner join performances fp on fp.id = ft.performance_id inner join halls fh on fh.id = fp.hall_id
  where ft.order_id = o.id)`;

/**
 * Per local day, venue ('' with byVenue false), channel, line, sale/refund and VAT rate: quantity,
 * gross amount and VAT (refunds negative). Four queries: ticket prices and ticket fees of sales and
 * refunds, then order fees of paid and of cancelled orders.
 */
export function dailyMoneyEvents(db: Db, dialect: Dialect, orgId: string, span: DaySpan, opts: { byVenue: boolean; filter?: TicketFilter }) {
  const f = opts.filter ?? {};
  const venue = opts.byVenue ? sql<string>`vh.venue_id` : sql<string>`''`;
  const ticketLines = (sign: 1 | -1) => {
    const q = sign === 1 ? sales(db, orgId, span, f) : refunds(db, orgId, span, f);
    const day = localDaySql(dialect, sign === 1 ? 'o.paid_at' : 't.cancelled_at', span);
    const s = sql.lit(sign);
    const groupBy = [sql.ref('o.organisation_id'), sql.ref('day'), ...(opts.byVenue ? [sql.ref('vh.venue_id')] : []), sql.ref('o.channel')];
    const kind = sql<'sale' | 'refund'>`${sign === 1 ? sql.lit('sale') : sql.lit('refund')}`;
    const price = q.select([
      sql<string>`o.organisation_id`.as('organisation_id'), day.as('day'), venue.as('venue_id'), 'o.channel', sql<'ticket'>`'ticket'`.as('line'),
      kind.as('kind'), sql<number>`t.vat_rate`.as('vat_rate'),
      sql<number>`${s} * count(*)`.as('quantity'), sql<number>`${s} * sum(t.price)`.as('amount'), sql<number>`${s} * sum(t.vat)`.as('vat'),
    ]).groupBy([...groupBy, sql.ref('t.vat_rate')]);
    const fee = q.where('t.fee', '<>', 0).select([
      sql<string>`o.organisation_id`.as('organisation_id'), day.as('day'), venue.as('venue_id'), 'o.channel', sql<'ticket_fee'>`'ticket_fee'`.as('line'),
      kind.as('kind'), sql<number>`o.fee_vat_rate`.as('vat_rate'),
      sql<number>`${s} * count(*)`.as('quantity'), sql<number>`${s} * sum(t.fee)`.as('amount'), sql<number>`${s} * sum(t.fee_vat)`.as('vat'),
    ]).groupBy([...groupBy, sql.ref('o.fee_vat_rate')]);
    return [price, fee] as const;
  };
  const orderFees = (sign: 1 | -1) => {
    const moment = sign === 1 ? 'o.paid_at' : 'o.cancelled_at';
    let q = db.selectFrom('orders as o').where('o.organisation_id', '=', orgId).where('o.fee', '<>', 0)
      .where(moment, '>=', span.startUtc).where(moment, '<', span.endUtc);
    if (sign === -1) q = q.where('o.paid_at', 'is not', null).where(sql<SqlBool>`o.cancelled_at >= o.paid_at`);
    if (f.venueId) q = q.where(ORDER_VENUE, '=', f.venueId);
    const s = sql.lit(sign);
    const ov = opts.byVenue ? ORDER_VENUE : sql<string>`''`;
    return db.selectFrom(q.select([
      'o.organisation_id', localDaySql(dialect, moment, span).as('day'), ov.as('venue_id'), 'o.channel', 'o.fee_vat_rate', 'o.fee', 'o.fee_vat',
    ]).as('of'))
      .select([
        'of.organisation_id', 'of.day', 'of.venue_id', 'of.channel', sql<'order_fee'>`'order_fee'`.as('line'),
        sql<'sale' | 'refund'>`${sign === 1 ? sql.lit('sale') : sql.lit('refund')}`.as('kind'), sql<number>`of.fee_vat_rate`.as('vat_rate'),
        sql<number>`${s} * count(*)`.as('quantity'), sql<number>`${s} * sum(of.fee)`.as('amount'), sql<number>`${s} * sum(of.fee_vat)`.as('vat'),
      ])
      .groupBy(['of.organisation_id', 'of.day', 'of.venue_id', 'of.channel', 'of.fee_vat_rate']);
  };
  return [...ticketLines(1), ...ticketLines(-1), orderFees(1), orderFees(-1)] as const;
}
