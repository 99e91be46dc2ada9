// Cancelling a performance: first what will happen to its tickets (refunds, UiTPAS, DIP), then doing
// it, refused when the tickets changed since the manager saw that.
import type { Ctx } from '../platform/context.js';
import { Problem } from '../platform/problems.js';
import { dipFiguresOf } from '../connectors/dip/figures.js';
import { getPerformance, updatePerformance } from './service.js';

export interface CancellationPreview {
  performanceId: string;
  status: string;
  /** Valid tickets that will be cancelled, and the orders they are in. */
  tickets: number;
  orders: number;
  /** Paid orders refunded, what they get back (tickets and their service fees, cents), and how many were paid online. */
  refunds: { orders: number; amount: number; online: number };
  /** Unpaid reservations and online orders still awaiting payment: their tickets lapse. */
  unpaid: { orders: number; tickets: number };
  /** UiTPAS sales cancelled at UiTPAS (queued). */
  uitpasCancellations: number;
  /** Places held in open baskets that go back. */
  heldPlaces: number;
  /** DIP: the linked performance number, and the sold figures it goes from (to 0 tickets, 0 revenue). */
  dip: { linked: boolean; dipNumber: string | null; soldTickets: number; soldRevenue: number };
}

export async function cancellationPreview(ctx: Ctx, performanceId: string): Promise<CancellationPreview> {
  const perf = await getPerformance(ctx, performanceId);
  const tickets = await ctx.db.selectFrom('tickets').innerJoin('orders', 'orders.id', 'tickets.order_id')
    .select(['tickets.id', 'tickets.price', 'tickets.fee', 'orders.id as order_id', 'orders.status as order_status'])
    .where('tickets.performance_id', '=', performanceId).where('tickets.organisation_id', '=', ctx.orgId)
    .where('tickets.status', '=', 'valid').execute();
  const paid = tickets.filter((t) => t.order_status === 'paid');
  const paidOrders = [...new Set(paid.map((t) => t.order_id))];
  const online = paidOrders.length
    ? await ctx.db.selectFrom('payments').select('order_id').distinct().where('order_id', 'in', paidOrders)
      .where('method', '=', 'online').where('kind', '=', 'payment').execute()
    : [];
  const unpaid = tickets.filter((t) => t.order_status !== 'paid');
  const ticketIds = tickets.map((t) => t.id);
  const uitpas = ticketIds.length
    ? await ctx.db.selectFrom('uitpas_sales').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ticket_id', 'in', ticketIds).where('status', '=', 'sold').executeTakeFirstOrThrow()
    : { n: 0 };
  const now = ctx.clock.now().toISOString();
  const held = await ctx.db.selectFrom('inventory').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('performance_id', '=', performanceId).where('status', '=', 'held').where('hold_expires_at', '>=', now).executeTakeFirstOrThrow();
  const link = await ctx.db.selectFrom('dip_links').selectAll().where('performance_id', '=', performanceId)
    .where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  const figures = (await dipFiguresOf(ctx.db, [performanceId])).get(performanceId)!;
  const sold = Object.values(figures.tickets);
  return {
    performanceId, status: perf.status,
    tickets: tickets.length,
    orders: new Set(tickets.map((t) => t.order_id)).size,
    refunds: { orders: paidOrders.length, amount: paid.reduce((n, t) => n + Number(t.price) + Number(t.fee), 0), online: online.length },
    unpaid: { orders: new Set(unpaid.map((t) => t.order_id)).size, tickets: unpaid.length },
    uitpasCancellations: Number(uitpas.n),
    heldPlaces: Number(held.n),
    dip: {
      linked: !!link, dipNumber: link ? `${link.production_number}/${link.performance_number}` : null,
      soldTickets: sold.reduce((n, t) => n + t.tickets, 0), soldRevenue: sold.reduce((n, t) => n + t.revenue, 0),
    },
  };
}

/** Cancels the performance when it still has the `tickets` the manager was shown; answers what was done. */
export async function cancelPerformance(ctx: Ctx, performanceId: string, expectedTickets: number) {
  const preview = await cancellationPreview(ctx, performanceId);
  if (preview.tickets !== expectedTickets) {
    throw new Problem('cancellation-changed', { expected: expectedTickets, now: preview.tickets });
  }
  const performance = await updatePerformance(ctx, performanceId, { status: 'cancelled' });
  return { performance, cancelled: preview };
}
