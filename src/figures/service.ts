import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { findPerformance } from '../productions/service.js';
import { tally, type PerformanceFigures } from './rules.js';

/** The figures DIP and the reports read for one performance (seed 000 rules, rules.ts). */
export async function performanceFigures(db: Db, performanceId: string, standardTicketTypeId: string | null, now: string): Promise<PerformanceFigures> {
  const tickets = await db.selectFrom('tickets').innerJoin('orders', 'orders.id', 'tickets.order_id')
    .select(['tickets.dip_category', 'tickets.status', 'tickets.print_state', 'tickets.price', 'orders.status as order_status'])
    .where('tickets.performance_id', '=', performanceId).where('tickets.status', '=', 'valid').execute();
  // Held: in a basket, or for an online order whose payment is not confirmed yet.
  const places = await db.selectFrom('inventory')
    .leftJoin('blocks', 'blocks.id', 'inventory.block_id')
    .leftJoin('orders', 'orders.id', 'inventory.order_id')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when inventory.status = 'blocked' and blocks.kind = 'definitive' then 1 else 0 end)`.as('definitive'),
      sql<number>`sum(case when inventory.status = 'blocked' and blocks.kind = 'conditional' then 1 else 0 end)`.as('conditional'),
      sql<number>`sum(case when inventory.status = 'free' or (inventory.status = 'held' and inventory.hold_expires_at < ${now}) then 1 else 0 end)`.as('available'),
      sql<number>`sum(case when (inventory.status = 'held' and inventory.hold_expires_at >= ${now}) or orders.status = 'awaiting_payment' then 1 else 0 end)`.as('held'),
    ])
    .where('inventory.performance_id', '=', performanceId).executeTakeFirstOrThrow();
  // Conditional blocks are valued at the standard ticket type's price for each seat's rank.
  const value = standardTicketTypeId
    ? await db.selectFrom('inventory')
      .innerJoin('blocks', 'blocks.id', 'inventory.block_id')
      .innerJoin('prices', (j) => j.onRef('prices.performance_id', '=', 'inventory.performance_id').onRef('prices.rank', '=', 'inventory.rank'))
      .select((eb) => eb.fn.sum<number>('prices.amount').as('v'))
      .where('inventory.performance_id', '=', performanceId).where('inventory.status', '=', 'blocked')
      .where('blocks.kind', '=', 'conditional').where('prices.ticket_type_id', '=', standardTicketTypeId)
      .executeTakeFirstOrThrow()
    : { v: 0 };
  return tally(
    tickets.map((t) => ({ dipCategory: t.dip_category, orderStatus: t.order_status, ticketStatus: t.status, printState: t.print_state, price: t.price })),
    {
      total: Number(places.total), definitiveBlocked: Number(places.definitive ?? 0), conditionalBlocked: Number(places.conditional ?? 0),
      conditionalValue: Number(value.v ?? 0), available: Number(places.available ?? 0), held: Number(places.held ?? 0),
    },
  );
}

export async function getFigures(ctx: Ctx, performanceId: string) {
  const perf = await findPerformance(ctx, performanceId);
  return { performanceId, ...(await performanceFigures(ctx.db, perf.id, perf.standard_ticket_type_id, ctx.clock.now().toISOString())) };
}
