// Blocks ("blokkades") and the live state of every place of a performance.
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { findPerformance } from '../productions/service.js';
import { availableWhere, claimableWhere } from './store.js';
import type { Block, BlockKind } from './tables.js';
import type { PlaceLabels } from './seat-names.js';
import { placeSummary, seatsUnavailable } from './seat-names.js';

export interface BlockInput {
  kind: BlockKind;
  reason: string;
  seatIds?: string[];
  zoneId?: string;
  quantity?: number;
}

type BlockedPlace = PlaceLabels & { item_id: string; pos: number };

export const blockView = (ctx: Ctx, b: Block, places: BlockedPlace[], createdByName: string | null) => ({
  id: b.id, performanceId: b.performance_id, kind: b.kind, reason: b.reason, places: places.length,
  createdAt: b.created_at, releasedAt: b.released_at,
  createdBy: b.created_by ? { id: b.created_by, name: createdByName } : null,
  placeNames: placeSummary(places)[ctx.lang],
  seatIds: places.map((p) => p.item_id),
});

const PLACE_COLUMNS = ['item_id', 'pos', 'section', 'row_label', 'seat_label', 'zone_id'] as const;

/** The performance's blocks in force, oldest first, each with its places named and who made it. */
export async function listBlocks(ctx: Ctx, performanceId: string) {
  await findPerformance(ctx, performanceId);
  const blocks = await ctx.db.selectFrom('blocks').leftJoin('users', 'users.id', 'blocks.created_by')
    .selectAll('blocks').select('users.name as created_by_name')
    .where('blocks.performance_id', '=', performanceId).where('blocks.released_at', 'is', null).orderBy('blocks.created_at').execute();
  const items = await ctx.db.selectFrom('inventory').select(['block_id', ...PLACE_COLUMNS])
    .where('performance_id', '=', performanceId).where('status', '=', 'blocked').orderBy('sort').execute();
  const byBlock = new Map<string, BlockedPlace[]>();
  for (const i of items) byBlock.set(i.block_id!, [...(byBlock.get(i.block_id!) ?? []), i]);
  return blocks.map((b) => blockView(ctx, b, byBlock.get(b.id) ?? [], b.created_by_name));
}

/** Takes free places off sale: named seats, or a number of places of a general-admission zone. */
export async function createBlock(ctx: Ctx, performanceId: string, input: BlockInput) {
  const perf = await findPerformance(ctx, performanceId);
  if (!input.seatIds?.length && !(input.zoneId && input.quantity)) {
    throw invalidField('seatIds', { en: 'give seatIds, or zoneId with quantity', nl: 'geef seatIds, of zoneId met quantity', fr: 'donnez seatIds, ou zoneId avec quantity' });
  }
  if (!input.seatIds?.length) {
    const zone = await ctx.db.selectFrom('inventory').select('item_id').where('performance_id', '=', perf.id)
      .where('zone_id', '=', input.zoneId!).limit(1).executeTakeFirst();
    if (!zone) throw invalidField('zoneId', { en: 'no such zone', nl: 'onbekende zone', fr: 'zone inconnue' });
  }
  const now = ctx.clock.now().toISOString();
  const block: Block = {
    id: newId(), organisation_id: ctx.orgId, performance_id: perf.id, kind: input.kind, reason: input.reason,
    created_by: ctx.actor.id, created_at: now, released_at: null,
  };
  const taken = await ctx.db.transaction().execute(async (tx) => {
    let ids: string[];
    if (input.seatIds?.length) {
      ids = [...new Set(input.seatIds)];
      const known = await tx.selectFrom('inventory').select('item_id').where('performance_id', '=', perf.id).where('item_id', 'in', ids).execute();
      if (known.length !== ids.length) {
        const k = new Set(known.map((r) => r.item_id));
        const unknown = ids.filter((i) => !k.has(i)).join(', ');
        throw invalidField('seatIds', { en: `unknown seats: ${unknown}`, nl: `onbekende stoelen: ${unknown}`, fr: `sièges inconnus : ${unknown}` });
      }
    } else {
      const rows = await tx.selectFrom('inventory').select('item_id').where('performance_id', '=', perf.id)
        .where('zone_id', '=', input.zoneId!).where(availableWhere(now)).orderBy('sort', 'desc').limit(input.quantity!).execute();
      ids = rows.map((r) => r.item_id);
      if (ids.length < input.quantity!) throw new Problem('not-enough-seats', { quantity: input.quantity!, where: ` (${input.zoneId})` });
    }
    const got = await tx.updateTable('inventory').set({ status: 'blocked', block_id: block.id, hold_id: null, hold_expires_at: null })
      .where('performance_id', '=', perf.id).where('item_id', 'in', ids).where(claimableWhere(now)).returning('item_id').execute();
    if (got.length !== ids.length) {
      const g = new Set(got.map((r) => r.item_id));
      const lost = ids.filter((i) => !g.has(i));
      throw await seatsUnavailable(tx, perf.id, lost);
    }
    await tx.insertInto('blocks').values(block).execute();
    return ids;
  });
  const places = await ctx.db.selectFrom('inventory').select([...PLACE_COLUMNS])
    .where('performance_id', '=', perf.id).where('item_id', 'in', taken).orderBy('sort').execute();
  const me = ctx.actor.kind === 'user'
    ? await ctx.db.selectFrom('users').select('name').where('id', '=', ctx.actor.id).executeTakeFirst()
    : undefined;
  return blockView(ctx, block, places, me?.name ?? null);
}

/** Releases a block: its places return to sale. */
export async function releaseBlock(ctx: Ctx, blockId: string) {
  const block = await ctx.db.selectFrom('blocks').selectAll().where('id', '=', blockId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!block) throw notFound('block');
  if (block.released_at) return;
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('inventory').set({ status: 'free', block_id: null }).where('block_id', '=', blockId).where('status', '=', 'blocked').execute();
    await tx.updateTable('blocks').set({ released_at: ctx.clock.now().toISOString() }).where('id', '=', blockId).execute();
  });
}

/** Every place of a performance with its live state, for the seat map; plus availability per rank and zone. */
export async function placeStates(ctx: Ctx, performanceId: string) {
  const perf = await findPerformance(ctx, performanceId);
  const now = ctx.clock.now().toISOString();
  const rows = await ctx.db.selectFrom('inventory').leftJoin('blocks', 'blocks.id', 'inventory.block_id')
    .select(['inventory.item_id', 'inventory.zone_id', 'inventory.rank', 'inventory.status', 'inventory.hold_expires_at',
      'blocks.kind as block_kind', 'blocks.reason as block_reason'])
    .where('inventory.performance_id', '=', perf.id).orderBy('inventory.sort').execute();
  const state = (r: (typeof rows)[number]) =>
    r.status === 'held' && r.hold_expires_at && r.hold_expires_at < now ? 'free' : r.status;
  const seats = rows.filter((r) => !r.zone_id).map((r) => ({
    seatId: r.item_id, status: state(r), blockKind: r.status === 'blocked' ? r.block_kind : null,
    blockReason: r.status === 'blocked' ? r.block_reason : null,
  }));
  const ranks = new Map<number, { rank: number; total: number; available: number }>();
  const zones = new Map<string, { zoneId: string; capacity: number; available: number }>();
  for (const r of rows) {
    const free = state(r) === 'free';
    if (r.zone_id) {
      const z = zones.get(r.zone_id) ?? { zoneId: r.zone_id, capacity: 0, available: 0 };
      z.capacity++;
      if (free) z.available++;
      zones.set(r.zone_id, z);
      continue;
    }
    const k = ranks.get(r.rank) ?? { rank: r.rank, total: 0, available: 0 };
    k.total++;
    if (free) k.available++;
    ranks.set(r.rank, k);
  }
  return {
    performanceId: perf.id,
    seats,
    ranks: [...ranks.values()].sort((a, b) => a.rank - b.rank),
    zones: [...zones.values()],
  };
}
