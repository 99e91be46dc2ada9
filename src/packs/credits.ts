// Taking and returning a holding's credits, and the pack part of checkout.
import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { Problem } from '../platform/problems.js';
import { registerOrderExtra } from '../orders/extras.js';
import { chooseSet, creditsOf, validityBlocker } from './rules.js';
import { findPack, setFacts } from './service.js';
import './problems.js';

export interface CreditUse {
  holdingId: string;
  performanceId: string;
  itemId: string;
  ticketId: string;
  orderId: string;
}

/**
 * Takes one credit of a holding for a place. The conditional UPDATE is both the credit and the
 * lock: of two transactions after the last credit exactly one matches `credits_left > 0`, and
 * every check after it sees all committed redemptions of this holding.
 */
export async function takeCredit(tx: Db, use: CreditUse, now: Date): Promise<void> {
  const r = await tx.updateTable('pack_holdings')
    .set({ credits_left: sql<number>`credits_left - 1`, updated_at: now.toISOString() })
    .where('id', '=', use.holdingId).where('status', '=', 'valid').where('credits_left', '>', 0)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Problem('pack-exhausted');
  const holding = await tx.selectFrom('pack_holdings').selectAll().where('id', '=', use.holdingId).executeTakeFirstOrThrow();
  const detail = await findPack(tx, holding.organisation_id, holding.pack_id);
  const place = await tx.selectFrom('inventory').innerJoin('performances', 'performances.id', 'inventory.performance_id')
    .select(['inventory.rank', 'performances.starts_at'])
    .where('inventory.performance_id', '=', use.performanceId).where('inventory.item_id', '=', use.itemId).executeTakeFirstOrThrow();
  const blocker = validityBlocker(detail.pack, now.toISOString(), place.starts_at);
  if (blocker) throw new Problem('pack-not-usable', { reason: blocker });
  const used = await tx.selectFrom('pack_redemptions').select(['set_id', 'performance_id'])
    .where('holding_id', '=', use.holdingId).where('status', '=', 'valid').execute();
  if (used.filter((u) => u.performance_id === use.performanceId).length >= detail.pack.per_performance_max) {
    throw new Problem('pack-not-usable', { reason: `at most ${detail.pack.per_performance_max} per performance` });
  }
  const perSet = new Map<string, number>();
  for (const u of used) perSet.set(u.set_id, (perSet.get(u.set_id) ?? 0) + 1);
  const choice = chooseSet(setFacts(detail), perSet, use.performanceId, place.rank);
  if ('refusal' in choice) throw new Problem('pack-not-usable', { reason: choice.refusal });
  await tx.insertInto('pack_redemptions').values({
    id: newId(), organisation_id: holding.organisation_id, holding_id: use.holdingId, set_id: choice.setId,
    performance_id: use.performanceId, item_id: use.itemId, ticket_id: use.ticketId, order_id: use.orderId,
    status: 'valid', created_at: now.toISOString(), cancelled_at: null,
  }).execute();
}

/** Cancelled tickets that were pack places give their credit back. */
export async function returnCredits(db: Db, ticketIds: string[], now: Date): Promise<void> {
  if (!ticketIds.length) return;
  const back = await db.updateTable('pack_redemptions').set({ status: 'cancelled', cancelled_at: now.toISOString() })
    .where('ticket_id', 'in', ticketIds).where('status', '=', 'valid').returning('holding_id').execute();
  for (const b of back) {
    await db.updateTable('pack_holdings').set({ credits_left: sql<number>`credits_left + 1`, updated_at: now.toISOString() })
      .where('id', '=', b.holding_id).where('status', '=', 'valid').execute();
  }
}

registerOrderExtra({
  name: 'packs',
  basketTables: ['basket_packs', 'basket_pack_seats'],
  async inBasket(db, basketId) {
    const r = await db.selectFrom('basket_packs').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('price').as('total')])
      .where('basket_id', '=', basketId).executeTakeFirstOrThrow();
    return { count: Number(r.n), total: Number(r.total ?? 0) };
  },
  async checkout(tx, ctx, f) {
    const now = f.now.toISOString();
    const holdingOf = new Map<string, string>();
    for (const bp of await tx.selectFrom('basket_packs').selectAll().where('basket_id', '=', f.basketId).orderBy('created_at').execute()) {
      const credits = creditsOf(setFacts(await findPack(tx, ctx.orgId, bp.pack_id)));
      const id = newId();
      await tx.insertInto('pack_holdings').values({
        id, organisation_id: ctx.orgId, pack_id: bp.pack_id, order_id: f.orderId, customer_id: f.customerId, status: 'valid',
        credits_total: credits, credits_left: credits, price: bp.price, created_at: now, updated_at: now, cancelled_at: null,
      }).execute();
      holdingOf.set(bp.id, id);
    }
    const seats = await tx.selectFrom('basket_pack_seats').selectAll().where('basket_id', '=', f.basketId).execute();
    for (const s of seats) {
      const holdingId = s.holding_id ?? holdingOf.get(s.basket_pack_id ?? '');
      const ticket = await tx.selectFrom('tickets').select('id').where('order_id', '=', f.orderId)
        .where('performance_id', '=', s.performance_id).where('item_id', '=', s.item_id).where('price', '=', 0).executeTakeFirst();
      // A pack line removed from the basket leaves no ticket at price 0: nothing to take a credit for.
      if (!holdingId || !ticket) continue;
      await takeCredit(tx, { holdingId, performanceId: s.performance_id, itemId: s.item_id, ticketId: ticket.id, orderId: f.orderId }, f.now);
    }
  },
  async owed(db, orderId) {
    // A cancelled order owes nothing, whatever it held (an unpaid reservation of a pack that lapsed).
    const r = await db.selectFrom('pack_holdings').innerJoin('orders', 'orders.id', 'pack_holdings.order_id')
      .select((eb) => eb.fn.sum<number>('pack_holdings.price').as('n'))
      .where('pack_holdings.order_id', '=', orderId).where('pack_holdings.status', '=', 'valid').where('orders.status', '!=', 'cancelled')
      .executeTakeFirstOrThrow();
    return Number(r.n ?? 0);
  },
  ticketsCancelled: returnCredits,
});
