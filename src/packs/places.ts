// Places taken with a pack: held in a basket like any place, at the pack's ticket type and price 0.
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { Problem, invalidField } from '../platform/problems.js';
import { sellablePerformance } from '../baskets/terms.js';
import type { Basket } from '../baskets/tables.js';
import { availableWhere, claim } from '../inventory/store.js';
import { seatsUnavailable } from '../inventory/seat-names.js';
import { guardQuotas } from '../quotas/store.js';

export type PlaceRequest = { seatIds: string[] } | { quantity: number };

export interface PackPlaceLink {
  basketPackId: string | null;
  holdingId: string | null;
}

class Lost extends Error {}

const ATTEMPTS = 3;

/** Holds places of one performance for the basket (ranks: allowed ranks, empty for any); all or nothing. */
export async function holdPackPlaces(
  ctx: Ctx, basket: Basket, performanceId: string, req: PlaceRequest, ranks: number[], ticketTypeId: string, link: PackPlaceLink,
): Promise<string[]> {
  const perf = await sellablePerformance(ctx, basket, performanceId);
  if ('seatIds' in req) {
    const ids = [...new Set(req.seatIds)];
    const known = await ctx.db.selectFrom('inventory').select(['item_id', 'rank'])
      .where('performance_id', '=', perf.id).where('item_id', 'in', ids).execute();
    if (known.length !== ids.length) {
      const k = new Set(known.map((r) => r.item_id));
      const unknown = ids.filter((i) => !k.has(i)).join(', ');
      throw invalidField('seatIds', { en: `unknown seats: ${unknown}`, nl: `onbekende stoelen: ${unknown}`, fr: `sièges inconnus : ${unknown}` });
    }
    const outside = known.filter((r) => ranks.length && !ranks.includes(r.rank)).map((r) => r.item_id);
    if (outside.length) throw new Problem('pack-not-usable', { reason: `seats outside the pack's ranks: ${outside.join(', ')}` });
    if (!(await tryHold(ctx, basket, perf.id, ids, ticketTypeId, link))) {
      throw await seatsUnavailable(ctx.db, perf.id, ids);
    }
    return ids;
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let q = ctx.db.selectFrom('inventory').select('item_id').where('performance_id', '=', perf.id)
      .where(availableWhere(ctx.clock.now().toISOString()));
    if (ranks.length) q = q.where('rank', 'in', ranks);
    const ids = (await q.orderBy('sort').limit(req.quantity).execute()).map((r) => r.item_id);
    if (ids.length < req.quantity) break;
    if (await tryHold(ctx, basket, perf.id, ids, ticketTypeId, link)) return ids;
  }
  throw new Problem('not-enough-seats', { quantity: req.quantity, where: '' });
}

async function tryHold(ctx: Ctx, basket: Basket, performanceId: string, ids: string[], ticketTypeId: string, link: PackPlaceLink) {
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    // The basket, then the type's quota, then the places: the order every hold takes them in.
    await tx.updateTable('baskets').set({ updated_at: now }).where('id', '=', basket.id).execute();
    await guardQuotas(tx, [{ performanceId, ticketTypeId, count: ids.length }], now);
    const got = await claim(tx, performanceId, ids, basket.id, basket.expires_at, now);
    if (got.length !== ids.length) throw new Lost();
    await tx.insertInto('basket_lines').values(ids.map((itemId) => ({
      id: newId(), basket_id: basket.id, organisation_id: ctx.orgId, performance_id: performanceId, item_id: itemId,
      ticket_type_id: ticketTypeId, price: 0, created_at: now,
    }))).execute();
    await tx.insertInto('basket_pack_seats').values(ids.map((itemId) => ({
      id: newId(), organisation_id: ctx.orgId, basket_id: basket.id, basket_pack_id: link.basketPackId, holding_id: link.holdingId,
      performance_id: performanceId, item_id: itemId,
    }))).execute();
    return true;
  }).catch((e: unknown) => {
    if (e instanceof Lost) return false;
    throw e;
  });
}
