// Baskets: places held from the moment they are added, until checkout or expiry.
import type { Ctx } from '../platform/context.js';
import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import { newId } from '../platform/ids.js';
import { formatInZone } from '../platform/time.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import type { Channel } from '../productions/tables.js';
import { ticketTypeName } from '../pricing/service.js';
import { organisationSettings } from '../organisations/service.js';
import { feesFor, vatOf } from '../fees/rules.js';
import { feeSettings } from '../fees/service.js';
import { chooseSeats, type FreeSeat } from '../inventory/best-available.js';
import { claimLabelled, freeSeatWindow, freeZonePlaces, releaseHold, rowExtents } from '../inventory/store.js';
import type { RowExtent } from '../inventory/best-available.js';
import { holdMinutes } from './rules.js';
import { priceTable, saleTerms, type SaleTerms } from './terms.js';
import type { Basket } from './tables.js';
import './problems.js';
import { seatsUnavailable } from '../inventory/seat-names.js';
import { guardQuotas } from '../quotas/store.js';
import { builtOnce, insertedOnce } from '../platform/built-once.js';

const CLAIM_ATTEMPTS = 5;
/** Free seats best available looks at first: a few rows' worth, never a whole arena. */
const WINDOW = 96;
const MAX_WINDOW = 6144;

interface Place {
  itemId: string;
  rank: number;
}

const adjacent = (seats: FreeSeat[]): boolean =>
  seats.every((s) => s.rowKey === seats[0].rowKey) &&
  Math.max(...seats.map((s) => s.pos)) - Math.min(...seats.map((s) => s.pos)) === seats.length - 1;

const insertBasket = insertedOnce('baskets', [
  'id', 'organisation_id', 'channel', 'status', 'expires_at', 'customer_id', 'order_id', 'created_by', 'created_at', 'updated_at',
]);
const insertLines = insertedOnce('basket_lines', ['id', 'basket_id', 'organisation_id', 'performance_id', 'item_id', 'ticket_type_id', 'price', 'created_at']);

export async function createBasket(ctx: Ctx, channel: Channel) {
  const org = await organisationSettings(ctx.db, ctx.orgId);
  const now = ctx.clock.now();
  const basket: Basket = {
    id: newId(), organisation_id: ctx.orgId, channel, status: 'open',
    expires_at: new Date(now.getTime() + holdMinutes(org, channel) * 60000).toISOString(),
    customer_id: null, order_id: null, created_by: ctx.actor.id, created_at: now.toISOString(), updated_at: now.toISOString(),
  };
  await insertBasket(ctx.db, ctx.dialect, [basket]);
  return basketView(ctx, basket, true);
}

export async function findBasket(ctx: Ctx, id: string): Promise<Basket> {
  return (await readBasket(ctx, id, [])).basket;
}

/** The basket's row, with a bit per table of `tables` that has a row of it: built once per list of tables. */
const basketReaders = new Map<string, ReturnType<typeof newBasketReader>>();
const newBasketReader = (tables: readonly (keyof Database)[]) => builtOnce((db, a: { id: string; orgId: string }) => {
  const q = db.selectFrom('baskets').selectAll().where('id', '=', a.id).where('organisation_id', '=', a.orgId);
  return tables.length
    ? q.select(sql<number>`(${sql.join(tables.map((t, i) =>
      sql`case when exists (select 1 from ${sql.table(t)} where basket_id = baskets.id) then ${sql.lit(2 ** i)} else 0 end`), sql` + `)})`.as('present_mask'))
    : q.select(sql<number>`0`.as('present_mask'));
});
function basketReader(tables: readonly (keyof Database)[]) {
  const key = tables.join(',');
  let reader = basketReaders.get(key);
  if (!reader) basketReaders.set(key, (reader = newBasketReader(tables)));
  return reader;
}

/**
 * The basket, and which of `tables` (tables of the basket's own rows, column basket_id) have a row
 * of it: asked in the same query.
 */
async function readBasket(ctx: Ctx, id: string, tables: readonly (keyof Database)[]): Promise<{ basket: Basket; present: Set<keyof Database> }> {
  const [row] = (await basketReader(tables)(ctx.db, ctx.dialect, { id, orgId: ctx.orgId })).rows;
  if (!row) throw notFound('basket');
  const { present_mask: mask = 0, ...basket } = row;
  const present = new Set(tables.filter((_, i) => Math.floor(Number(mask) / 2 ** i) % 2 === 1));
  // Expiry is also applied when read, so a crashed process or a late sweeper never keeps places.
  if (basket.status === 'open' && basket.expires_at <= ctx.clock.now().toISOString()) return { basket: { ...basket, status: 'expired' }, present };
  return { basket, present };
}

export async function openBasket(ctx: Ctx, id: string): Promise<Basket> {
  return (await openBasketWith(ctx, id, [])).basket;
}

/** `openBasket`, also answering which of `tables` hold rows of the basket (see readBasket). */
export async function openBasketWith(ctx: Ctx, id: string, tables: readonly (keyof Database)[]) {
  const found = await readBasket(ctx, id, tables);
  if (found.basket.status !== 'open') throw new Problem('basket-closed', { status: found.basket.status });
  return found;
}

/** A basket's lines with what its answer shows of them, in basket order. */
const viewLines = (db: Db, basketId: string) => db.selectFrom('basket_lines')
  .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'basket_lines.performance_id').onRef('inventory.item_id', '=', 'basket_lines.item_id'))
  .innerJoin('ticket_types', 'ticket_types.id', 'basket_lines.ticket_type_id')
  .innerJoin('performances', 'performances.id', 'basket_lines.performance_id')
  .innerJoin('productions', 'productions.id', 'performances.production_id')
  .innerJoin('halls', 'halls.id', 'performances.hall_id')
  .innerJoin('venues', 'venues.id', 'halls.venue_id')
  .leftJoin('basket_line_uitpas', 'basket_line_uitpas.basket_line_id', 'basket_lines.id')
  .select([
    'basket_line_uitpas.uitpas_number', 'basket_line_uitpas.pass_type', 'basket_line_uitpas.tariff_id', 'basket_line_uitpas.tariff_name',
    'basket_lines.id', 'basket_lines.performance_id', 'basket_lines.item_id', 'basket_lines.ticket_type_id', 'basket_lines.price',
    'inventory.zone_id', 'inventory.section', 'inventory.row_label', 'inventory.seat_label', 'inventory.rank',
    'inventory.hold_id', 'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en',
    'productions.title', 'performances.starts_at', 'venues.time_zone',
  ])
  .where('basket_lines.basket_id', '=', basketId)
  .orderBy('basket_lines.created_at').orderBy('inventory.sort')
  .execute();
type ViewLine = Awaited<ReturnType<typeof viewLines>>[number];

/** The basket as the API shows it; `empty` when the caller knows it has no lines (just opened). */
export async function basketView(ctx: Ctx, b: Basket, empty = false) {
  const lines = empty ? [] : await viewLines(ctx.db, b.id);
  // Gift vouchers sold in this basket (src/vouchers): money, not places; part of what the basket costs.
  const vouchers = empty ? [] : await ctx.db.selectFrom('basket_vouchers').select(['id', 'amount']).where('basket_id', '=', b.id)
    .orderBy('created_at').orderBy('id').execute();
  return viewOf(ctx, b, lines, vouchers);
}

/** The answer for a basket whose lines and vouchers the caller has (read, or just written). */
async function viewOf(ctx: Ctx, b: Basket, lines: ViewLine[], vouchers: { id: string; amount: number | string }[]) {
  const customer = b.customer_id
    ? await ctx.db.selectFrom('customers').selectAll().where('id', '=', b.customer_id).executeTakeFirst()
    : undefined;
  // The service fees checkout will charge, shown before payment (per ticket VAT rounded per ticket, as on the order).
  const settings = await feeSettings(ctx.db, ctx.orgId, b.channel);
  const fees = feesFor(settings, lines.map((l) => l.price)).map((f) => ({
    kind: f.kind, quantity: f.quantity, amount: f.amount, vatRate: f.vatRate, vat: f.quantity * vatOf(f.amount / f.quantity, f.vatRate),
  }));
  return {
    id: b.id,
    channel: b.channel,
    status: b.status,
    expiresAt: b.expires_at,
    orderId: b.order_id,
    customer: customer ? { id: customer.id, name: customer.name, email: customer.email } : null,
    lines: lines.map((l) => ({
      id: l.id,
      performanceId: l.performance_id,
      title: l.title,
      startsAt: formatInZone(l.starts_at, l.time_zone),
      seatId: l.zone_id ? null : l.item_id,
      placeId: l.item_id,
      zoneId: l.zone_id,
      section: l.section,
      row: l.row_label,
      seat: l.seat_label,
      rank: l.rank,
      ticketTypeId: l.ticket_type_id,
      ticketTypeName: ticketTypeName(l, ctx.lang),
      price: l.price,
      /** Sold with the basket, or still held by it; false once the hold lapsed or the basket was given up. */
      held: b.status === 'checked_out' || (b.status === 'open' && l.hold_id === b.id),
      /** The UiTPAS pass whose tariff this line has (connectors/uitpas). */
      uitpas: l.uitpas_number
        ? { uitpasNumber: l.uitpas_number, passType: l.pass_type!, tariffId: l.tariff_id!, tariffName: l.tariff_name! }
        : null,
    })),
    /** Service fees on top of the ticket prices (in total). */
    fees,
    ...(vouchers.length ? { vouchers: vouchers.map((v) => ({ id: v.id, amount: Number(v.amount) })) } : {}),
    total: lines.reduce((n, l) => n + l.price, 0) + fees.reduce((n, f) => n + f.amount, 0) + vouchers.reduce((n, v) => n + Number(v.amount), 0),
  };
}
export type BasketView = Awaited<ReturnType<typeof basketView>>;

export type AddLines =
  | { performanceId: string; seatIds: string[]; ticketTypeId?: string }
  | { performanceId: string; quantity: number; rank?: number; zoneId?: string; ticketTypeId?: string };

/**
 * Inside a transaction that changes the basket: its row first, touched, so that a checkout that
 * closed it in the meantime wins, and on PostgreSQL a checkout starting now waits for this to
 * commit and then sees what it wrote. Refuses as openBasket does. Also answers whether the
 * performance has a quota of any type (the claim's quota guard is needed only then).
 */
async function touchOpenBasket(tx: Db, ctx: Ctx, id: string, now: string, performanceId: string): Promise<{ basket: Basket; quotas: boolean }> {
  const [row] = (await touchQuery(tx, ctx.dialect, { id, orgId: ctx.orgId, now, performanceId })).rows;
  if (row) {
    const { has_quotas: quotas, ...basket } = row;
    return { basket, quotas: !!quotas };
  }
  const { basket } = await readBasket({ ...ctx, db: tx }, id, []);
  throw new Problem('basket-closed', { status: basket.status === 'open' ? 'expired' : basket.status });
}

const touchQuery = builtOnce((db, a: { id: string; orgId: string; now: string; performanceId: string }) => db.updateTable('baskets').set({ updated_at: a.now })
  .where('id', '=', a.id).where('organisation_id', '=', a.orgId).where('status', '=', 'open').where('expires_at', '>', a.now)
  .returningAll()
  .returning(sql<number | boolean>`exists (select 1 from ticket_type_quotas where performance_id = ${a.performanceId})`.as('has_quotas')));

/** True when the basket has lines or vouchers (asked by the claim, once the basket's row is locked). */
const basketFilled = (basketId: string) => ({
  name: 'basket-filled',
  arg: basketId,
  sql: (id: string) => sql<number | boolean>`(exists (select 1 from basket_lines where basket_id = ${id}) or exists (select 1 from basket_vouchers where basket_id = ${id}))`,
});

/** Holds places for the basket and adds a line per place; all or nothing. */
export async function addLines(ctx: Ctx, basketId: string, req: AddLines) {
  const wanted = 'seatIds' in req ? new Set(req.seatIds).size : req.quantity;
  // Learnt in the first transaction, kept for a retry: the sale terms, the request checked against them.
  let terms: SaleTerms | undefined;
  let extents: Map<string, RowExtent> | undefined;
  const unique = 'seatIds' in req ? [...new Set(req.seatIds)] : [];

  /** The terms, and the request's seats or zone known for the performance. */
  const check = async (tx: Db, basket: Basket): Promise<SaleTerms> => {
    const t = await saleTerms(ctx, basket.channel, req.performanceId, req.ticketTypeId, tx);
    if ('seatIds' in req) {
      const known = await tx.selectFrom('inventory').select('item_id')
        .where('performance_id', '=', t.perf.id).where('item_id', 'in', unique).where('zone_id', 'is', null).execute();
      if (known.length !== unique.length) {
        const k = new Set(known.map((r) => r.item_id));
        throw invalidField('seatIds', {
          en: `unknown seats: ${unique.filter((s) => !k.has(s)).join(', ')}`,
          nl: `onbekende stoelen: ${unique.filter((s) => !k.has(s)).join(', ')}`,
          fr: `sièges inconnus : ${unique.filter((s) => !k.has(s)).join(', ')}`,
        });
      }
    } else if (req.zoneId) {
      const zone = await tx.selectFrom('inventory').select('item_id').where('performance_id', '=', t.perf.id)
        .where('zone_id', '=', req.zoneId).limit(1).executeTakeFirst();
      if (!zone) throw invalidField('zoneId', { en: 'no such zone', nl: 'onbekende zone', fr: 'zone inconnue' });
    } else extents = await rowExtents(tx, t.perf.id);
    return t;
  };

  /**
   * Runs `pick` inside the claiming transaction and holds the places it picks, all or nothing:
   * 'none' when it found too few, 'lost' when another buyer took one first (the transaction then
   * undoes it all). Answers the basket, and its view when the basket had nothing else in it (built
   * from what was written, without reading it back).
   */
  const hold = async (pick: (tx: Db, now: string, t: SaleTerms, basket: Basket) => Promise<Place[] | undefined>) => {
    const now = ctx.clock.now().toISOString();
    return ctx.db.transaction().execute(async (tx) => {
      const { basket, quotas } = await touchOpenBasket(tx, ctx, basketId, now, req.performanceId);
      const t = terms ??= await check(tx, basket);
      // The type's quota before any place: sales of a quota'd type queue here, not on seats.
      if (quotas) await guardQuotas(tx, [{ performanceId: t.perf.id, ticketTypeId: t.ticketTypeId, count: wanted }], now);
      const places = await pick(tx, now, t, basket);
      if (!places) throw new ClaimLost([]);
      const itemIds = places.map((p) => p.itemId);
      const linePrices = places.map((p) => t.price(p.rank));
      const got = await claimLabelled(tx, ctx.dialect, t.perf.id, itemIds, basket.id, basket.expires_at, now, basketFilled(basket.id));
      if (got.length !== itemIds.length) {
        // Undo by throwing: the transaction rolls back every hold it took.
        const taken = new Set(got.map((g) => g.item_id));
        throw new ClaimLost(itemIds.filter((i) => !taken.has(i)));
      }
      const rows = itemIds.map((itemId, i) => ({
        id: newId(), basket_id: basket.id, organisation_id: ctx.orgId, performance_id: t.perf.id, item_id: itemId,
        ticket_type_id: t.ticketTypeId, price: linePrices[i], created_at: now,
      }));
      await insertLines(tx, ctx.dialect, rows);
      if (got[0].also) return { basket };
      // The lines as viewLines reads them: in map order (they share created_at), held by this basket.
      const byItem = new Map(rows.map((r) => [r.item_id, r]));
      const lines: ViewLine[] = [...got].sort((a, b) => a.sort - b.sort).map((g) => {
        const r = byItem.get(g.item_id)!;
        return {
          uitpas_number: null, pass_type: null, tariff_id: null, tariff_name: null,
          id: r.id, performance_id: r.performance_id, item_id: r.item_id, ticket_type_id: r.ticket_type_id, price: r.price,
          zone_id: g.zone_id, section: g.section, row_label: g.row_label, seat_label: g.seat_label, rank: g.rank, hold_id: basket.id,
          ...t.typeNames, title: t.title, starts_at: t.perf.starts_at, time_zone: t.timeZone,
        };
      });
      return { basket, lines };
    }).catch((e: unknown) => {
      if (e instanceof ClaimLost) return e.itemIds.length ? 'lost' as const : 'none' as const;
      throw e;
    });
  };
  const answer = (held: { basket: Basket; lines?: ViewLine[] }) => (held.lines ? viewOf(ctx, held.basket, held.lines, []) : basketView(ctx, held.basket));
  const ranksOf = async (tx: Db, perfId: string, itemIds: string[]): Promise<Place[]> => {
    const rows = await tx.selectFrom('inventory').select(['item_id', 'rank']).where('performance_id', '=', perfId).where('item_id', 'in', itemIds).execute();
    const rankOf = new Map(rows.map((r) => [r.item_id, r.rank]));
    return itemIds.map((itemId) => ({ itemId, rank: rankOf.get(itemId)! }));
  };

  if ('seatIds' in req) {
    const held = await hold((tx, _now, t) => ranksOf(tx, t.perf.id, unique));
    if (typeof held === 'object') return answer(held);
    const now = ctx.clock.now().toISOString();
    const perfId = terms!.perf.id;
    const taken = await ctx.db.selectFrom('inventory').select('item_id')
      .where('performance_id', '=', perfId).where('item_id', 'in', unique)
      .where((eb) => eb.not(eb.or([eb('status', '=', 'free'), eb.and([eb('status', '=', 'held'), eb('hold_expires_at', '<', now)])])))
      .execute();
    const ids = taken.map((t) => t.item_id);
    throw await seatsUnavailable(ctx.db, perfId, ids);
  }

  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    // The last look on PostgreSQL waits for the seats other buyers have locked instead of skipping
    // them: in a small hall one buyer's window locks every free seat, and under load the others could
    // otherwise skip them five times over and be told the hall is full while seats are free.
    const lastAttempt = ctx.dialect === 'postgres' && attempt === CLAIM_ATTEMPTS - 1;
    const held = await hold(async (tx, now, t, basket) => {
      if (req.zoneId) {
        const ids = await freeZonePlaces(tx, t.perf.id, req.zoneId, now, req.quantity);
        return ids.length < req.quantity ? undefined : ranksOf(tx, t.perf.id, ids);
      }
      const spread = basket.channel === 'online' ? 4 : 1;
      // The best window of free seats; wider when it holds no adjacent block of this size. Seats of
      // lapsed holds join only when the free ones are not enough (the sweeper frees them within 30 s).
      for (const lapsed of [false, true]) {
        for (let size = Math.max(WINDOW, req.quantity * 16); ; size *= 4) {
          const free = await freeSeatWindow(tx, ctx.dialect, t.perf.id, now, size, req.rank, lapsed, lastAttempt);
          const seats = chooseSeats(free, extents!, req.quantity, spread);
          if (seats && (adjacent(seats) || free.length < size || size >= MAX_WINDOW)) return seats.map((x) => ({ itemId: x.itemId, rank: x.rank }));
          if (!seats || free.length < size || size >= MAX_WINDOW) break;
        }
      }
      return undefined;
    });
    if (typeof held === 'object') return answer(held);
    // On SQLite the transaction saw the whole truth; on PostgreSQL the seats may be locked by
    // buyers who will not all take them: wait a moment and look again.
    if (held === 'none' && ctx.dialect !== 'postgres') break;
    if (ctx.dialect === 'postgres') await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
  }
  const where = req.zoneId ? ` (${req.zoneId})` : req.rank ? ` (rank ${req.rank})` : '';
  throw new Problem('not-enough-seats', { quantity: req.quantity, where });
}

class ClaimLost extends Error {
  constructor(readonly itemIds: string[]) {
    super('claim lost');
  }
}

async function findLine(ctx: Ctx, basket: Basket, lineId: string) {
  const line = await ctx.db.selectFrom('basket_lines').selectAll().where('id', '=', lineId).where('basket_id', '=', basket.id).executeTakeFirst();
  if (!line) throw notFound('basket line');
  return line;
}

export async function changeLineType(ctx: Ctx, basketId: string, lineId: string, ticketTypeId: string) {
  const basket = await openBasket(ctx, basketId);
  const line = await findLine(ctx, basket, lineId);
  const item = await ctx.db.selectFrom('inventory').select('rank').where('performance_id', '=', line.performance_id)
    .where('item_id', '=', line.item_id).executeTakeFirstOrThrow();
  const price = (await priceTable(ctx, line.performance_id, ticketTypeId, basket.channel)).price(item.rank);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const open = await tx.updateTable('baskets').set({ updated_at: now }).where('id', '=', basket.id).where('status', '=', 'open').executeTakeFirst();
    if (Number(open.numUpdatedRows) !== 1) throw new Problem('basket-closed', { status: 'checked_out' });
    if (ticketTypeId !== line.ticket_type_id) await guardQuotas(tx, [{ performanceId: line.performance_id, ticketTypeId, count: 1 }], now);
    await tx.updateTable('basket_lines').set({ ticket_type_id: ticketTypeId, price }).where('id', '=', lineId).execute();
  });
  return basketView(ctx, basket);
}

export async function removeLine(ctx: Ctx, basketId: string, lineId: string) {
  const basket = await openBasket(ctx, basketId);
  const line = await findLine(ctx, basket, lineId);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('basket_lines').where('id', '=', lineId).execute();
    await releaseHold(tx, basket.id, [{ performanceId: line.performance_id, itemId: line.item_id }]);
  });
  return basketView(ctx, basket);
}

/** The buyer walks away: every place goes back to sale at once. */
export async function abandonBasket(ctx: Ctx, basketId: string) {
  const basket = await openBasket(ctx, basketId);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('baskets').set({ status: 'abandoned', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', basket.id).where('status', '=', 'open').execute();
    await releaseHold(tx, basket.id);
  });
}

export async function setBasketCustomer(ctx: Ctx, basketId: string, customerId: string | null) {
  const basket = await openBasket(ctx, basketId);
  if (customerId) {
    const c = await ctx.db.selectFrom('customers').select('id').where('id', '=', customerId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
    if (!c) throw invalidField('customerId', { en: 'no such customer', nl: 'onbekende klant', fr: 'client inconnu' });
  }
  await ctx.db.updateTable('baskets').set({ customer_id: customerId, updated_at: ctx.clock.now().toISOString() }).where('id', '=', basket.id).execute();
  return basketView(ctx, await findBasket(ctx, basket.id));
}
