// Packs in a basket: buying a pack (with its picks), or using a held pack for a performance.
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { basketView, findBasket, openBasket } from '../baskets/service.js';
import { releaseHold } from '../inventory/store.js';
import { assignPicks, ranksFor, validityBlocker } from './rules.js';
import { findPack, setFacts } from './service.js';
import { holdPackPlaces, type PlaceRequest } from './places.js';
import './credits.js';

/** What the basket holds in packs, next to its place lines. */
export async function basketPacks(ctx: Ctx, basketId: string) {
  const rows = await ctx.db.selectFrom('basket_packs').innerJoin('packs', 'packs.id', 'basket_packs.pack_id')
    .select(['basket_packs.id', 'basket_packs.pack_id', 'basket_packs.price', 'packs.label'])
    .where('basket_packs.basket_id', '=', basketId).orderBy('basket_packs.created_at').execute();
  const seats = await ctx.db.selectFrom('basket_pack_seats').selectAll().where('basket_id', '=', basketId).execute();
  return {
    packs: rows.map((r) => ({
      id: r.id, packId: r.pack_id, label: r.label, price: r.price,
      places: seats.filter((s) => s.basket_pack_id === r.id).map((s) => ({ performanceId: s.performance_id, placeId: s.item_id })),
    })),
    redemptions: seats.filter((s) => s.holding_id).map((s) => ({ holdingId: s.holding_id!, performanceId: s.performance_id, placeId: s.item_id })),
  };
}

export async function basketWithPacks(ctx: Ctx, basketId: string) {
  const basket = await findBasket(ctx, basketId);
  const [view, packs] = await Promise.all([basketView(ctx, basket), basketPacks(ctx, basket.id)]);
  return { ...view, ...packs, total: view.total + packs.packs.reduce((n, p) => n + p.price, 0) };
}

/**
 * Puts a pack in the basket. With performanceIds (a subscription with fixed performances) a place
 * of each is held at once, best available in the pack's ranks; they become tickets at checkout.
 */
export async function addPackToBasket(ctx: Ctx, basketId: string, packId: string, performanceIds: string[] | undefined) {
  const basket = await openBasket(ctx, basketId);
  const detail = await findPack(ctx.db, ctx.orgId, packId).catch(() => {
    throw invalidField('packId', { en: 'no such pack', nl: 'onbekend pakket', fr: 'pack inconnu' });
  });
  if (!detail.pack.published) throw new Problem('pack-not-usable', { reason: 'not published' });
  const blocker = validityBlocker({ valid_from: null, valid_until: detail.pack.valid_until }, ctx.clock.now().toISOString());
  if (blocker) throw new Problem('pack-not-usable', { reason: blocker });
  const sets = setFacts(detail);
  if (performanceIds?.length) {
    const picks = assignPicks(sets, performanceIds);
    if (!picks.ok) throw invalidField('performanceIds', { en: picks.reason, nl: picks.reason, fr: picks.reason });
  }
  const id = newId();
  await ctx.db.insertInto('basket_packs').values({
    id, organisation_id: ctx.orgId, basket_id: basket.id, pack_id: packId, price: detail.pack.price, created_at: ctx.clock.now().toISOString(),
  }).execute();
  try {
    for (const p of performanceIds ?? []) {
      await holdPackPlaces(ctx, basket, p, { quantity: 1 }, ranksFor(sets, p) ?? [], detail.pack.ticket_type_id, { basketPackId: id, holdingId: null });
    }
  } catch (e) {
    await removeBasketPack(ctx, basket.id, id);
    throw e;
  }
  return basketWithPacks(ctx, basket.id);
}

/** Takes the pack line out of the basket with the places held for it. */
export async function removeBasketPack(ctx: Ctx, basketId: string, basketPackId: string) {
  const basket = await openBasket(ctx, basketId);
  const line = await ctx.db.selectFrom('basket_packs').select('id').where('id', '=', basketPackId).where('basket_id', '=', basket.id).executeTakeFirst();
  if (!line) throw notFound('basket pack');
  await ctx.db.transaction().execute(async (tx) => {
    const seats = await tx.selectFrom('basket_pack_seats').select(['performance_id', 'item_id']).where('basket_pack_id', '=', basketPackId).execute();
    for (const s of seats) {
      await tx.deleteFrom('basket_lines').where('basket_id', '=', basket.id).where('performance_id', '=', s.performance_id).where('item_id', '=', s.item_id).execute();
    }
    await releaseHold(tx, basket.id, seats.map((s) => ({ performanceId: s.performance_id, itemId: s.item_id })));
    await tx.deleteFrom('basket_pack_seats').where('basket_pack_id', '=', basketPackId).execute();
    await tx.deleteFrom('basket_packs').where('id', '=', basketPackId).execute();
  });
  return basketWithPacks(ctx, basket.id);
}

/** Checks a held pack may take `n` places of a performance; answers the ranks it may take. */
export async function checkRedemption(ctx: Ctx, holdingId: string, performanceId: string, n: number, basketId?: string) {
  const holding = await ctx.db.selectFrom('pack_holdings').innerJoin('orders', 'orders.id', 'pack_holdings.order_id')
    .selectAll('pack_holdings').select('orders.status as order_status')
    .where('pack_holdings.id', '=', holdingId).where('pack_holdings.organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!holding) throw notFound('pack holding');
  if (holding.status !== 'valid') throw new Problem('pack-not-usable', { reason: 'cancelled' });
  if (holding.order_status !== 'paid') throw new Problem('pack-not-usable', { reason: 'the pack is not paid' });
  const inBasket = basketId
    ? await ctx.db.selectFrom('basket_pack_seats').select('performance_id').where('basket_id', '=', basketId).where('holding_id', '=', holdingId).execute()
    : [];
  if (holding.credits_left < n + inBasket.length) throw new Problem('pack-exhausted');
  const detail = await findPack(ctx.db, ctx.orgId, holding.pack_id);
  const perf = await ctx.db.selectFrom('performances').select('starts_at').where('id', '=', performanceId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!perf) throw invalidField('performanceId', { en: 'no such performance', nl: 'onbekende voorstelling', fr: 'représentation inconnue' });
  const blocker = validityBlocker(detail.pack, ctx.clock.now().toISOString(), perf.starts_at);
  if (blocker) throw new Problem('pack-not-usable', { reason: blocker });
  const ranks = ranksFor(setFacts(detail), performanceId);
  if (!ranks) throw new Problem('pack-not-usable', { reason: 'the performance is not in this pack' });
  const used = await ctx.db.selectFrom('pack_redemptions').select('id').where('holding_id', '=', holdingId)
    .where('performance_id', '=', performanceId).where('status', '=', 'valid').execute();
  const samePerf = used.length + inBasket.filter((s) => s.performance_id === performanceId).length;
  if (samePerf + n > detail.pack.per_performance_max) {
    throw new Problem('pack-not-usable', { reason: `at most ${detail.pack.per_performance_max} per performance` });
  }
  return { holding, detail, ranks };
}

/** Uses a held pack in a basket: places held now, the credits taken at checkout. */
export async function addRedemptionToBasket(ctx: Ctx, basketId: string, holdingId: string, performanceId: string, req: PlaceRequest) {
  const basket = await openBasket(ctx, basketId);
  const n = 'seatIds' in req ? new Set(req.seatIds).size : req.quantity;
  const { holding, detail, ranks } = await checkRedemption(ctx, holdingId, performanceId, n, basket.id);
  await holdPackPlaces(ctx, basket, performanceId, req, ranks, detail.pack.ticket_type_id, { basketPackId: null, holdingId });
  if (!basket.customer_id && holding.customer_id) {
    await ctx.db.updateTable('baskets').set({ customer_id: holding.customer_id }).where('id', '=', basket.id).execute();
  }
  return basketWithPacks(ctx, basket.id);
}
