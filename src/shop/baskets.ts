// A buyer's basket in the web shop. The browser holds a random token; Foyer stores its hash and finds
// the basket by it, within the shop's organisation only. Every change goes through the same basket,
// pack, stream and UiTPAS services the box office uses, on the online channel.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { randomToken, sha256 } from '../platform/ids.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { abandonBasket, addLines, basketView, changeLineType, createBasket, findBasket, removeLine, type AddLines } from '../baskets/service.js';
import type { Basket } from '../baskets/tables.js';
import { addPackToBasket, basketPacks, removeBasketPack } from '../packs/selling.js';
import { addStreamToBasket, basketStreams, removeBasketStream } from '../streams/selling.js';
import { applyPass, removePass } from '../connectors/uitpas/tariffs.js';
import { onlinePrices } from './programme.js';
import type { Shop } from './settings.js';
import type { ShopBasket } from './tables.js';
import './problems.js';

/** Opens an online basket for a buyer; the token is answered once and never stored. */
export async function openShopBasket(ctx: Ctx) {
  const created = await createBasket(ctx, 'online');
  const token = randomToken(24);
  const row: ShopBasket = {
    token_hash: sha256(token), basket_id: created.id, organisation_id: ctx.orgId, buyer_name: null, buyer_email: null,
    buyer_phone: null, language: null, newsletter: 0, terms_accepted_at: null, created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('shop_baskets').values(row).execute();
  return { token, row };
}

/** The buyer's basket for this token in this shop; 404 for any other token (another shop's too). */
export async function basketForToken(ctx: Ctx, token: string | undefined): Promise<ShopBasket> {
  const row = token
    ? await ctx.db.selectFrom('shop_baskets').selectAll().where('token_hash', '=', sha256(token)).where('organisation_id', '=', ctx.orgId).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('basket');
  return row;
}

/** Per line, the ticket types the buyer may switch to, with their price at the line's rank. */
async function typeChoices(ctx: Ctx, performanceIds: string[]) {
  const out = new Map<string, Awaited<ReturnType<typeof onlinePrices>>>();
  for (const id of performanceIds) out.set(id, await onlinePrices(ctx.db, ctx.orgId, id, ctx.lang));
  return out;
}

async function orderOf(db: Db, basket: Basket) {
  if (!basket.order_id) return null;
  const o = await db.selectFrom('orders').select(['id', 'number', 'status', 'total', 'paid_at', 'cancelled_at']).where('id', '=', basket.order_id).executeTakeFirst();
  return o ? { id: o.id, number: o.number, status: o.status, total: o.total, paidAt: o.paid_at, cancelledAt: o.cancelled_at, link: null as string | null } : null;
}

/** The basket as the buyer sees it: lines with their choices, packs, streams, total, hold, buyer and order. */
export async function shopBasketView(ctx: Ctx, sb: ShopBasket) {
  const basket = await findBasket(ctx, sb.basket_id);
  const [view, packs, streams, order] = await Promise.all([
    basketView(ctx, basket), basketPacks(ctx, basket.id), basketStreams(ctx, basket.id), orderOf(ctx.db, basket),
  ]);
  const packPlaces = new Set(packs.packs.flatMap((p) => p.places.map((x) => `${x.performanceId}/${x.placeId}`)));
  const choices = await typeChoices(ctx, [...new Set(view.lines.map((l) => l.performanceId))]);
  const wheelchair = await wheelchairSeats(ctx.db, view.lines.filter((l) => l.seatId).map((l) => ({ performanceId: l.performanceId, seatId: l.seatId! })));
  const lines = view.lines.map((l) => {
    const inPack = packPlaces.has(`${l.performanceId}/${l.placeId}`);
    return {
      id: l.id, performanceId: l.performanceId, title: l.title, startsAt: l.startsAt, seatId: l.seatId, zoneId: l.zoneId,
      section: l.section, row: l.row, seat: l.seat, rank: l.rank, ticketTypeId: l.ticketTypeId, ticketTypeName: l.ticketTypeName,
      price: l.price, held: l.held, uitpas: l.uitpas ?? null, inPack,
      wheelchair: !!l.seatId && wheelchair.has(`${l.performanceId}/${l.seatId}`),
      // A UiTPAS tariff or a pack decides the type of its line; otherwise any online type priced in this rank.
      choices: l.uitpas || inPack ? [] : (choices.get(l.performanceId) ?? []).flatMap((t) => {
        const price = t.prices.find((p) => p.rank === l.rank);
        return price ? [{ ticketTypeId: t.id, name: t.name, price: price.amount }] : [];
      }),
    };
  });
  const total = view.total + packs.packs.reduce((n, p) => n + p.price, 0) + streams.total;
  return {
    status: basket.status,
    expiresAt: basket.expires_at,
    now: ctx.clock.now().toISOString(),
    lines,
    packs: packs.packs.map((p) => ({ id: p.id, packId: p.packId, label: p.label, price: p.price })),
    streams: streams.streams,
    /** Service fees on the tickets (in total), shown before payment. */
    fees: view.fees,
    total,
    buyer: sb.buyer_email
      ? { name: sb.buyer_name ?? '', email: sb.buyer_email, phone: sb.buyer_phone, language: sb.language, newsletter: sb.newsletter === 1, termsAccepted: !!sb.terms_accepted_at }
      : null,
    order,
  };
}
export type ShopBasketView = Awaited<ReturnType<typeof shopBasketView>>;

/** The wheelchair places among these seats, as "performanceId/seatId". */
async function wheelchairSeats(db: Db, seats: { performanceId: string; seatId: string }[]): Promise<Set<string>> {
  if (!seats.length) return new Set();
  const rows = await db.selectFrom('hall_seats').innerJoin('performances', 'performances.hall_id', 'hall_seats.hall_id')
    .select(['performances.id as performance_id', 'hall_seats.id'])
    .where('performances.id', 'in', [...new Set(seats.map((s) => s.performanceId))])
    .where('hall_seats.id', 'in', [...new Set(seats.map((s) => s.seatId))])
    .where('hall_seats.wheelchair', '=', 1).execute();
  return new Set(rows.map((r) => `${r.performance_id}/${r.id}`));
}

export type PlacesRequest = AddLines & { wheelchairConfirmed?: boolean };

async function placesInBasket(db: Db, basketId: string): Promise<number> {
  const r = await db.selectFrom('basket_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('basket_id', '=', basketId).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function assertOnlineType(ctx: Ctx, performanceId: string, ticketTypeId: string | undefined) {
  if (!ticketTypeId) return;
  const types = await onlinePrices(ctx.db, ctx.orgId, performanceId, ctx.lang);
  if (!types.some((t) => t.id === ticketTypeId)) {
    throw invalidField('ticketTypeId', { en: 'not sold online here', nl: 'hier niet online te koop', fr: "pas en vente en ligne ici" });
  }
}

/** Adds chosen seats, the best N (in a rank) or N places of a GA zone, within the shop's limit. */
export async function addPlaces(ctx: Ctx, shop: Shop, sb: ShopBasket, req: PlacesRequest) {
  const { wheelchairConfirmed, ...lines } = req;
  const wanted = 'seatIds' in lines ? new Set(lines.seatIds).size : lines.quantity;
  if ((await placesInBasket(ctx.db, sb.basket_id)) + wanted > shop.maxPlaces) throw new Problem('too-many-places', { max: shop.maxPlaces });
  await assertOnlineType(ctx, lines.performanceId, lines.ticketTypeId);
  if ('seatIds' in lines && !wheelchairConfirmed) {
    const wheel = await wheelchairSeats(ctx.db, lines.seatIds.map((seatId) => ({ performanceId: lines.performanceId, seatId })));
    if (wheel.size) {
      const ids = [...wheel].map((k) => k.split('/')[1]);
      throw new Problem('wheelchair-confirm', { seats: ids.join(', ') }, [], { wheelchairSeatIds: ids });
    }
  }
  await addLines(ctx, sb.basket_id, lines);
  return shopBasketView(ctx, sb);
}

export async function changeType(ctx: Ctx, sb: ShopBasket, lineId: string, ticketTypeId: string) {
  const line = await ctx.db.selectFrom('basket_lines').select('performance_id').where('id', '=', lineId).where('basket_id', '=', sb.basket_id).executeTakeFirst();
  if (!line) throw notFound('basket line');
  await assertOnlineType(ctx, line.performance_id, ticketTypeId);
  await changeLineType(ctx, sb.basket_id, lineId, ticketTypeId);
  return shopBasketView(ctx, sb);
}

export async function dropLine(ctx: Ctx, sb: ShopBasket, lineId: string) {
  await removeLine(ctx, sb.basket_id, lineId);
  return shopBasketView(ctx, sb);
}

export async function addPack(ctx: Ctx, sb: ShopBasket, packId: string, performanceIds: string[] | undefined) {
  await addPackToBasket(ctx, sb.basket_id, packId, performanceIds);
  return shopBasketView(ctx, sb);
}

export async function dropPack(ctx: Ctx, sb: ShopBasket, basketPackId: string) {
  await removeBasketPack(ctx, sb.basket_id, basketPackId);
  return shopBasketView(ctx, sb);
}

export async function addStream(ctx: Ctx, sb: ShopBasket, streamId: string, quantity: number) {
  await addStreamToBasket(ctx, sb.basket_id, streamId, quantity);
  return shopBasketView(ctx, sb);
}

export async function dropStream(ctx: Ctx, sb: ShopBasket, lineId: string) {
  await removeBasketStream(ctx, sb.basket_id, lineId);
  return shopBasketView(ctx, sb);
}

/** A UiTPAS pass number: the box office's flow (UiTPAS's own words when it refuses). */
export async function addPass(ctx: Ctx, sb: ShopBasket, uitpasNumber: string) {
  const answer = await applyPass(ctx, sb.basket_id, { uitpasNumber });
  return {
    pass: { uitpasNumber: answer.pass.uitpasNumber, passType: answer.pass.passType, messages: answer.pass.messages },
    appliedLineIds: answer.appliedLineIds,
    endUserMessage: answer.endUserMessage,
    basket: await shopBasketView(ctx, sb),
  };
}

export async function dropPass(ctx: Ctx, sb: ShopBasket, uitpasNumber: string) {
  await removePass(ctx, sb.basket_id, uitpasNumber);
  return shopBasketView(ctx, sb);
}

export async function abandon(ctx: Ctx, sb: ShopBasket) {
  await abandonBasket(ctx, sb.basket_id);
}
