// SQL for per-performance inventory. Takes a db or a transaction; never opens one.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Dialect } from '../platform/db.js';
import { builtOnce } from '../platform/built-once.js';
import type { FreeSeat, RowExtent } from './best-available.js';
import { rowPositions } from './positions.js';
import type { InventoryTable, ItemStatus } from './tables.js';

const CHUNK = 500;

/** The inventory rows a performance in this hall should have, all free. */
async function rowsFromMap(db: Db, performanceId: string, hallId: string, orgId: string): Promise<InventoryTable[]> {
  const [seats, zones] = await Promise.all([
    db.selectFrom('hall_seats').selectAll().where('hall_id', '=', hallId).orderBy('sort').execute(),
    db.selectFrom('hall_zones').selectAll().where('hall_id', '=', hallId).orderBy('sort').execute(),
  ]);
  const rows: InventoryTable[] = [];
  const positions = rowPositions(seats.map((s) => ({ rowKey: `${s.section}\u0000${s.row_label}`, x: s.x, y: s.y })));
  const free = { status: 'free' as const, hold_id: null, hold_expires_at: null, order_id: null, block_id: null };
  for (const [i, s] of seats.entries()) {
    const pos = positions[i];
    rows.push({
      performance_id: performanceId, item_id: s.id, organisation_id: orgId, zone_id: null, rank: s.rank,
      section: s.section, row_label: s.row_label, seat_label: s.seat_label, pos, sort: s.sort, ...free,
    });
  }
  let sort = seats.length;
  for (const z of zones) {
    for (let i = 1; i <= z.capacity; i++) {
      rows.push({
        performance_id: performanceId, item_id: `${z.id}#${i}`, organisation_id: orgId, zone_id: z.id, rank: z.rank,
        section: z.name, row_label: '', seat_label: String(i), pos: i - 1, sort: sort++, ...free,
      });
    }
  }
  return rows;
}

async function insertRows(db: Db, rows: InventoryTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('inventory').values(rows.slice(i, i + CHUNK)).execute();
}

/** Creates the performance's inventory from its hall's map, once; later calls change nothing. */
export async function ensureInventory(db: Db, performanceId: string, hallId: string, orgId: string): Promise<void> {
  const exists = await db.selectFrom('inventory').select('item_id').where('performance_id', '=', performanceId).limit(1).executeTakeFirst();
  if (!exists) await insertRows(db, await rowsFromMap(db, performanceId, hallId, orgId));
}

/**
 * Brings an existing inventory in line with a changed map: new seats arrive free, dropped ones go
 * (the caller has checked none of them is held, reserved or sold), labels and ranks follow the map.
 */
export async function syncInventory(db: Db, performanceId: string, hallId: string, orgId: string): Promise<void> {
  const wanted = await rowsFromMap(db, performanceId, hallId, orgId);
  const current = await db.selectFrom('inventory').selectAll().where('performance_id', '=', performanceId).execute();
  const have = new Map(current.map((r) => [r.item_id, r]));
  const want = new Set(wanted.map((r) => r.item_id));
  const dropped = current.filter((r) => !want.has(r.item_id) && r.status !== 'reserved' && r.status !== 'sold').map((r) => r.item_id);
  for (let i = 0; i < dropped.length; i += CHUNK) {
    await db.deleteFrom('inventory').where('performance_id', '=', performanceId).where('item_id', 'in', dropped.slice(i, i + CHUNK)).execute();
  }
  await insertRows(db, wanted.filter((r) => !have.has(r.item_id)));
  for (const w of wanted) {
    const h = have.get(w.item_id);
    if (h && (h.rank !== w.rank || h.section !== w.section || h.row_label !== w.row_label || h.seat_label !== w.seat_label || h.pos !== w.pos || h.sort !== w.sort)) {
      await db.updateTable('inventory')
        .set({ rank: w.rank, section: w.section, row_label: w.row_label, seat_label: w.seat_label, pos: w.pos, sort: w.sort })
        .where('performance_id', '=', performanceId).where('item_id', '=', w.item_id).execute();
    }
  }
  forgetRowExtents(performanceId);
}

/** Places of this hall that live sales use: held (unexpired), reserved or sold, in any performance. */
export async function itemsInUse(db: Db, hallId: string, now: string): Promise<string[]> {
  const rows = await db.selectFrom('inventory')
    .innerJoin('performances', 'performances.id', 'inventory.performance_id')
    .select('inventory.item_id').distinct()
    .where('performances.hall_id', '=', hallId)
    .where((eb) => eb.or([
      eb('inventory.status', 'in', ['reserved', 'sold']),
      eb.and([eb('inventory.status', '=', 'held'), eb('inventory.hold_expires_at', '>=', now)]),
    ]))
    .execute();
  // A GA place "zone#n" in use keeps its zone.
  return [...new Set(rows.map((r) => r.item_id.split('#')[0]))];
}

/** A place is available when free, or held by a basket whose hold has run out. */
export function availableWhere(now: string) {
  return sql<boolean>`(status = 'free' or (status = 'held' and hold_expires_at < ${now}))`;
}

/**
 * The best `limit` available seats (rank, then map order): the window best available chooses from,
 * so a request never reads a whole arena. Call it inside the claiming transaction. On PostgreSQL the
 * rows are locked FOR UPDATE SKIP LOCKED: concurrent buyers each get their own window and never
 * collide (alf.io's way); on SQLite the transaction already has the database to itself. Seats of
 * lapsed holds are included unless `lapsed` is false. With `wait` (PostgreSQL) the rows are locked
 * without SKIP LOCKED: the read waits for the buyers who hold them and sees what they left.
 */
export async function freeSeatWindow(
  db: Db, dialect: Dialect, performanceId: string, now: string, limit: number, rank?: number, lapsed = true, wait = false,
): Promise<FreeSeat[]> {
  const query = async (held: boolean) => seatsOf((await (wait ? windowWaiting : windowQuery)(db, dialect, {
    performanceId, limit, ...(held ? { now } : {}), ...(rank !== undefined ? { rank } : {}),
  }, `${held}/${rank !== undefined}`)).rows[0]?.seats);
  const seats = [...(await query(false)), ...(lapsed ? await query(true) : [])];
  return seats.sort((a, b) => a.rank - b.rank || a.sort - b.sort).slice(0, limit);
}

/** One window seat as the statement sends it: [item_id, section, row_label, pos, sort, rank]. */
type WindowSeat = [string, string, string, number, number, number];

/** The window's seats from its one JSON array (SQLite answers it as text; pg parses json itself; none: null). */
function seatsOf(json: unknown): FreeSeat[] {
  const seats = (typeof json === 'string' ? JSON.parse(json) : json ?? []) as WindowSeat[];
  return seats.map(([itemId, section, rowLabel, pos, sort, rank]) => ({ itemId, rowKey: `${section}\u0000${rowLabel}`, pos, sort, rank }));
}

/**
 * freeSeatWindow's statement: lapsed holds when `now` is given, one rank when `rank` is. The window's
 * rows come back as one JSON array in one row: turning ~96 rows into JavaScript objects, one by one,
 * cost the driver several times what the database spent finding them.
 */
const windowOf = (wait: boolean) => builtOnce((db, a: { performanceId: string; limit: number; now?: string; rank?: number }, dialect) => {
  let q = db.selectFrom('inventory')
    .select(['item_id', 'section', 'row_label', 'pos', 'sort', 'rank'])
    .where('performance_id', '=', a.performanceId)
    .where('zone_id', 'is', null);
  // Two index range scans (free; lapsed holds) rather than one OR that cannot use the index order.
  // SQLite (no statistics) would rather range over inventory_expiry, the lapsed holds of every
  // performance, and sort them; the unary + keeps the term off an index (a no-op on the value), so it
  // walks this performance's holds in rank order, as PostgreSQL does.
  const expires = dialect === 'sqlite' ? sql<string>`+${sql.ref('hold_expires_at')}` : sql<string>`${sql.ref('hold_expires_at')}`;
  q = a.now !== undefined ? q.where('status', '=', 'held').where(expires, '<', a.now) : q.where('status', '=', 'free');
  if (a.rank !== undefined) q = q.where('rank', '=', a.rank);
  q = q.orderBy('rank').orderBy('sort').limit(a.limit);
  // On PostgreSQL the inner select locks the rows it answers; the aggregate reads every one of them.
  const locked = q.forUpdate();
  const window = (dialect === 'postgres' ? (wait ? locked : locked.skipLocked()) : q).as('w');
  const seats = dialect === 'postgres'
    ? sql<unknown>`json_agg(json_build_array(item_id, section, row_label, pos, sort, rank))`
    : sql<unknown>`json_group_array(json_array(item_id, section, row_label, pos, sort, rank))`;
  return db.selectFrom(window).select(seats.as('seats'));
});
const windowQuery = windowOf(false);
const windowWaiting = windowOf(true);

// Row extents never change for a performance once its inventory exists (map edits keep sold seats).
// The promise is cached, so the first wave of an on-sale rush computes them once, not per request.
const extentCache = new Map<string, Promise<Map<string, RowExtent>>>();

export function rowExtents(db: Db, performanceId: string): Promise<Map<string, RowExtent>> {
  const hit = extentCache.get(performanceId);
  if (hit) return hit;
  const loading = db.selectFrom('inventory')
    .select(['section', 'row_label', (eb) => eb.fn.min<number>('pos').as('min_pos'), (eb) => eb.fn.max<number>('pos').as('max_pos')])
    .where('performance_id', '=', performanceId).where('zone_id', 'is', null)
    .groupBy(['section', 'row_label']).execute()
    .then((rows) => new Map(rows.map((r) => [`${r.section}\u0000${r.row_label}`, { minPos: Number(r.min_pos), maxPos: Number(r.max_pos) }])));
  if (extentCache.size > 5000) extentCache.clear();
  extentCache.set(performanceId, loading);
  loading.catch(() => extentCache.delete(performanceId));
  return loading;
}

export const forgetRowExtents = (performanceId: string): void => void extentCache.delete(performanceId);

/** First `n` available places of a general-admission zone. */
export async function freeZonePlaces(db: Db, performanceId: string, zoneId: string, now: string, n: number): Promise<string[]> {
  const rows = await db.selectFrom('inventory').select('item_id')
    .where('performance_id', '=', performanceId).where('zone_id', '=', zoneId).where(availableWhere(now))
    .orderBy('sort').limit(n).execute();
  return rows.map((r) => r.item_id);
}

/**
 * `availableWhere` as one CASE, which no index can serve: a claim of named places must find
 * them by the primary key. With the plain OR, PostgreSQL without fresh statistics (an inventory
 * created minutes before its on-sale) walks every free place through the status index instead.
 */
export function claimableWhere(now: string) {
  return sql<boolean>`(case status when 'free' then true when 'held' then hold_expires_at < ${now} else false end)`;
}

/**
 * Holds the given places for a basket if every one of them is available; answers the ids it took.
 * The conditional UPDATE is the whole concurrency story: a place another buyer took in the meantime
 * no longer matches the WHERE, on SQLite and on PostgreSQL alike (row locks, re-checked on commit).
 */
export async function claim(
  db: Db, performanceId: string, itemIds: string[], holdId: string, expiresAt: string, now: string,
): Promise<string[]> {
  if (!itemIds.length) return [];
  const rows = await claimQuery(db, performanceId, itemIds, holdId, expiresAt, now).returning('item_id').execute();
  return rows.map((r) => r.item_id);
}

/** A scalar expression the claiming statement evaluates too: `name` tells its SQL apart, `arg` is its one value. */
export interface ClaimAlso<A> { name: string; sql: (arg: string) => RawBuilder<A>; arg: string }

/** Claims of up to this many places run a statement built once per count; larger ones are built each time. */
const MAX_CLAIM_BUILT = 32;
const claimsBuilt = new Map<string, ReturnType<typeof claimBuilder>>();
const claimBuilder = <A>(count: number, also: ClaimAlso<A>) => builtOnce((db, a: { [k: string]: string }) =>
  claimQuery(db, a.performanceId, Array.from({ length: count }, (_, i) => a[`item${i}`]), a.holdId, a.expiresAt, a.now)
    .returning(['item_id', 'zone_id', 'section', 'row_label', 'seat_label', 'rank', 'sort', also.sql(a.also).as('also')]));

/**
 * `claim`, answering each place taken with its labels, and `also` (a scalar expression, the same on
 * every row) evaluated by the claiming statement itself.
 */
export async function claimLabelled<A>(
  db: Db, dialect: Dialect, performanceId: string, itemIds: string[], holdId: string, expiresAt: string, now: string, also: ClaimAlso<A>,
) {
  if (!itemIds.length) return [];
  if (itemIds.length > MAX_CLAIM_BUILT) {
    return claimQuery(db, performanceId, itemIds, holdId, expiresAt, now)
      .returning(['item_id', 'zone_id', 'section', 'row_label', 'seat_label', 'rank', 'sort', also.sql(also.arg).as('also')]).execute();
  }
  const key = `${also.name}\u0000${itemIds.length}`;
  let run = claimsBuilt.get(key);
  if (!run) claimsBuilt.set(key, (run = claimBuilder(itemIds.length, also as ClaimAlso<unknown>)));
  const a: { [k: string]: string } = { performanceId, holdId, expiresAt, now, also: also.arg };
  for (let i = 0; i < itemIds.length; i++) a[`item${i}`] = itemIds[i];
  return (await run(db, dialect, a)).rows as { item_id: string; zone_id: string | null; section: string; row_label: string; seat_label: string; rank: number; sort: number; also: A }[];
}

const claimQuery = (db: Db, performanceId: string, itemIds: string[], holdId: string, expiresAt: string, now: string) => db.updateTable('inventory')
  .set({ status: 'held', hold_id: holdId, hold_expires_at: expiresAt, order_id: null })
  .where('performance_id', '=', performanceId)
  .where('item_id', 'in', itemIds)
  .where(claimableWhere(now));

/** Lets go of places a basket holds (all of them when no ids are given). */
export async function releaseHold(db: Db, holdId: string, items?: { performanceId: string; itemId: string }[]): Promise<void> {
  let q = db.updateTable('inventory').set({ status: 'free', hold_id: null, hold_expires_at: null })
    .where('hold_id', '=', holdId).where('status', '=', 'held');
  if (items) {
    if (!items.length) return;
    q = q.where((eb) => eb.or(items.map((i) => eb.and([eb('performance_id', '=', i.performanceId), eb('item_id', '=', i.itemId)]))));
  }
  await q.execute();
}

/** Turns a basket's holds into reserved or sold places of an order; answers what it converted. */
export async function convertHold(db: Db, dialect: Dialect, holdId: string, orderId: string, status: 'reserved' | 'sold') {
  return (await convertQuery(db, dialect, { holdId, orderId, status })).rows;
}
const convertQuery = builtOnce((db, a: { holdId: string; orderId: string; status: 'reserved' | 'sold' }) => db.updateTable('inventory')
  .set({ status: a.status, order_id: a.orderId, hold_id: null, hold_expires_at: null })
  .where('hold_id', '=', a.holdId).where('status', '=', 'held')
  .returning(['performance_id', 'item_id']));

export async function setOrderItemsStatus(db: Db, orderId: string, from: ItemStatus, to: ItemStatus): Promise<void> {
  await db.updateTable('inventory').set({ status: to }).where('order_id', '=', orderId).where('status', '=', from).execute();
}

/** Returns an order's places (or some of them) to sale. */
export async function freeOrderItems(db: Db, orderId: string, items?: { performanceId: string; itemId: string }[]): Promise<void> {
  let q = db.updateTable('inventory').set({ status: 'free', order_id: null }).where('order_id', '=', orderId)
    .where('status', 'in', ['reserved', 'sold']);
  if (items) {
    if (!items.length) return;
    q = q.where((eb) => eb.or(items.map((i) => eb.and([eb('performance_id', '=', i.performanceId), eb('item_id', '=', i.itemId)]))));
  }
  await q.execute();
}

/** Sweeper: expired holds back to free. Safe to run in any number of processes at once. */
export async function releaseExpiredHolds(db: Db, now: string): Promise<number> {
  const r = await db.updateTable('inventory').set({ status: 'free', hold_id: null, hold_expires_at: null })
    .where('status', '=', 'held').where('hold_expires_at', '<', now).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
