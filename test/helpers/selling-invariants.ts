// What must hold in the database after any rush, crash or race: one valid ticket per place, and
// the inventory telling the same story as the tickets and baskets.
import type { Db } from '../../src/platform/db.js';

export interface SellingFacts {
  /** Places with more than one valid ticket: must be 0. */
  soldTwice: number;
  validTickets: number;
  /** Inventory says sold or reserved, but no valid ticket of that order covers the place. */
  soldWithoutTicket: number;
  /** A valid ticket whose place the inventory does not show as taken by its order. */
  ticketWithoutPlace: number;
  /** Held places whose basket has no line for them. */
  heldWithoutLine: number;
  /** Places still held for a basket that was checked out or abandoned. */
  heldByClosedBasket: number;
}

export async function sellingFacts(db: Db, performanceId: string): Promise<SellingFacts> {
  const twice = await db.selectFrom('tickets').select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('performance_id', '=', performanceId).where('status', '=', 'valid')
    .groupBy('item_id').having((eb) => eb.fn.countAll(), '>', 1).execute();
  const valid = await db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('performance_id', '=', performanceId).where('status', '=', 'valid').executeTakeFirstOrThrow();
  const soldWithoutTicket = await db.selectFrom('inventory as i').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.performance_id', '=', performanceId).where('i.status', 'in', ['sold', 'reserved'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('tickets as t').select('t.id')
      .whereRef('t.performance_id', '=', 'i.performance_id').whereRef('t.item_id', '=', 'i.item_id')
      .whereRef('t.order_id', '=', 'i.order_id').where('t.status', '=', 'valid'))))
    .executeTakeFirstOrThrow();
  const ticketWithoutPlace = await db.selectFrom('tickets as t')
    .leftJoin('inventory as i', (j) => j.onRef('i.performance_id', '=', 't.performance_id').onRef('i.item_id', '=', 't.item_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.performance_id', '=', performanceId).where('t.status', '=', 'valid')
    .where((eb) => eb.or([eb('i.order_id', 'is', null), eb('i.order_id', '!=', eb.ref('t.order_id')), eb('i.status', 'not in', ['sold', 'reserved'])]))
    .executeTakeFirstOrThrow();
  const heldWithoutLine = await db.selectFrom('inventory as i').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.performance_id', '=', performanceId).where('i.status', '=', 'held')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('basket_lines as l').select('l.id')
      .whereRef('l.basket_id', '=', 'i.hold_id').whereRef('l.performance_id', '=', 'i.performance_id')
      .whereRef('l.item_id', '=', 'i.item_id'))))
    .executeTakeFirstOrThrow();
  const heldByClosedBasket = await db.selectFrom('inventory as i').innerJoin('baskets as b', 'b.id', 'i.hold_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.performance_id', '=', performanceId).where('i.status', '=', 'held').where('b.status', '!=', 'open')
    .executeTakeFirstOrThrow();
  return {
    soldTwice: twice.length,
    validTickets: Number(valid.n),
    soldWithoutTicket: Number(soldWithoutTicket.n),
    ticketWithoutPlace: Number(ticketWithoutPlace.n),
    heldWithoutLine: Number(heldWithoutLine.n),
    heldByClosedBasket: Number(heldByClosedBasket.n),
  };
}

/** Throws with the facts when any invariant is broken; answers the facts otherwise. */
export async function checkSellingInvariants(db: Db, performanceId: string): Promise<SellingFacts> {
  const f = await sellingFacts(db, performanceId);
  if (f.soldTwice || f.soldWithoutTicket || f.ticketWithoutPlace || f.heldWithoutLine || f.heldByClosedBasket) {
    throw new Error(`selling invariants broken for ${performanceId}: ${JSON.stringify(f)}`);
  }
  return f;
}

