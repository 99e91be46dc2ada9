// What a buyer reads before buying: the programme, a performance's page (seat map, ticket types and
// prices), its live availability, and the packs and streams on sale. Only the shop's organisation.
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { Lang } from '../platform/i18n.js';
import { notFound } from '../platform/problems.js';
import { ShortCache } from '../platform/short-cache.js';
import { formatInZone, localDate } from '../platform/time.js';
import { ticketTypeName } from '../pricing/service.js';
import { availableWhere } from '../inventory/store.js';
import { hallSeats, hallZones } from '../venues/store.js';
import type { PerformanceStatus } from '../productions/tables.js';
import { programmeState, type ProgrammeState } from './rules.js';

export interface ProgrammeFilter {
  from?: string;
  to?: string;
  venueId?: string;
  genre?: string;
}

/** Ticket types a buyer may choose online: sold online, not archived, not only through a UiTPAS pass. */
export const onlineTypes = (db: Db, orgId: string) => db.selectFrom('ticket_types').selectAll()
  .where('organisation_id', '=', orgId).where('sell_online', '=', 1).where('archived', '=', 0)
  .where('uitpas', '=', 0).where('uitpas_group', '=', 0);

interface PerfRow {
  id: string; production_id: string; starts_at: string; duration_minutes: number; status: PerformanceStatus;
  hall_id: string; hall_name: string; venue_id: string; venue_name: string; city: string; time_zone: string;
  uitpas_enabled: number; opens_at: string | null; closes_at: string | null;
}

async function performanceFacts(db: Db, orgId: string, now: string, ids?: string[]) {
  let q = db.selectFrom('performances as p')
    .innerJoin('halls as h', 'h.id', 'p.hall_id')
    .innerJoin('venues as v', 'v.id', 'h.venue_id')
    .leftJoin('sales_windows as sw', (j) => j.onRef('sw.performance_id', '=', 'p.id').on('sw.channel', '=', 'online'))
    .select(['p.id', 'p.production_id', 'p.starts_at', 'p.duration_minutes', 'p.status', 'p.uitpas_enabled',
      'h.id as hall_id', 'h.name as hall_name', 'v.id as venue_id', 'v.name as venue_name', 'v.city', 'v.time_zone',
      'sw.opens_at', 'sw.closes_at'])
    .where('p.organisation_id', '=', orgId).where('p.status', '!=', 'draft');
  q = ids ? q.where('p.id', 'in', ids.length ? ids : ['']) : q.where('p.starts_at', '>', now).where('p.status', '!=', 'cancelled');
  const perfs: PerfRow[] = await q.orderBy('p.starts_at').orderBy('p.id').execute();
  if (!perfs.length) return [];
  const perfIds = perfs.map((p) => p.id);
  const [counts, prices] = await Promise.all([
    db.selectFrom('inventory')
      .select(['performance_id',
        sql<number>`sum(case when status <> 'blocked' then 1 else 0 end)`.as('capacity'),
        sql<number>`sum(case when ${availableWhere(now)} then 1 else 0 end)`.as('available')])
      .where('performance_id', 'in', perfIds).groupBy('performance_id').execute(),
    db.selectFrom('prices').innerJoin('ticket_types as tt', 'tt.id', 'prices.ticket_type_id')
      .select(['prices.performance_id', (eb) => eb.fn.min<number>('prices.amount').as('from')])
      .where('prices.performance_id', 'in', perfIds).where('tt.organisation_id', '=', orgId).where('tt.sell_online', '=', 1)
      .where('tt.archived', '=', 0).where('tt.uitpas', '=', 0).where('tt.uitpas_group', '=', 0)
      .groupBy('prices.performance_id').execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.performance_id, { capacity: Number(c.capacity ?? 0), available: Number(c.available ?? 0) }]));
  const priceOf = new Map(prices.map((p) => [p.performance_id, Number(p.from)]));
  return perfs.map((p) => {
    const { capacity, available } = countOf.get(p.id) ?? { capacity: 0, available: 0 };
    const priceFrom = priceOf.get(p.id) ?? null;
    const state = programmeState({
      status: p.status, startsAt: p.starts_at, capacity, available, sellsOnline: priceFrom !== null,
      window: p.opens_at || p.closes_at ? { opensAt: p.opens_at, closesAt: p.closes_at } : undefined,
    }, now);
    return { ...p, capacity, available, priceFrom, state };
  });
}
type PerfFacts = Awaited<ReturnType<typeof performanceFacts>>[number];

const perfSummary = (p: PerfFacts) => ({
  id: p.id,
  startsAt: formatInZone(p.starts_at, p.time_zone),
  date: localDate(p.starts_at, p.time_zone),
  venueId: p.venue_id, venueName: p.venue_name, city: p.city, hallName: p.hall_name,
  state: p.state as ProgrammeState,
  opensAt: p.state === 'not_yet_open' && p.opens_at ? formatInZone(p.opens_at, p.time_zone) : null,
  available: p.state === 'sold_out' || p.state === 'closed' || p.state === 'cancelled' ? 0 : p.available,
  priceFrom: p.priceFrom,
  uitpas: p.uitpas_enabled === 1,
});

async function loadProgramme(db: Db, orgId: string, now: Date) {
  const nowIso = now.toISOString();
  const perfs = await performanceFacts(db, orgId, nowIso);
  const productionIds = [...new Set(perfs.map((p) => p.production_id))];
  const [productions, packs, streams] = await Promise.all([
    productionIds.length ? db.selectFrom('productions').selectAll().where('id', 'in', productionIds).execute() : [],
    db.selectFrom('packs').selectAll().where('organisation_id', '=', orgId).where('published', '=', 1)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', nowIso)])).orderBy('label').execute(),
    db.selectFrom('streams').selectAll().where('organisation_id', '=', orgId).where('status', '=', 10)
      .where((eb) => eb.or([eb('access_ends_at', 'is', null), eb('access_ends_at', '>', nowIso)])).orderBy('starts_at').orderBy('label').execute(),
  ]);
  return { perfs, productions, packs, streams };
}

// The programme is the page every buyer opens first, many times a second in a rush: each process
// computes it once a few seconds per organisation.
const programmes = new ShortCache<Awaited<ReturnType<typeof loadProgramme>>>(3000, 500);

export async function programme(ctx: Ctx, f: ProgrammeFilter) {
  const data = await programmes.get(ctx.db, ctx.orgId, () => loadProgramme(ctx.db, ctx.orgId, ctx.clock.now()));
  const perfs = data.perfs.filter((p) => {
    const day = localDate(p.starts_at, p.time_zone);
    return (!f.from || day >= f.from) && (!f.to || day <= f.to) && (!f.venueId || p.venue_id === f.venueId);
  });
  const productions = data.productions
    .filter((pr) => !f.genre || pr.genre === f.genre)
    .map((pr) => ({ pr, perfs: perfs.filter((p) => p.production_id === pr.id) }))
    .filter((x) => x.perfs.length)
    .sort((a, b) => a.perfs[0].starts_at.localeCompare(b.perfs[0].starts_at) || a.pr.title.localeCompare(b.pr.title));
  const venues = new Map(data.perfs.map((p) => [p.venue_id, { id: p.venue_id, name: p.venue_name, city: p.city }]));
  return {
    productions: productions.map(({ pr, perfs: mine }) => ({
      id: pr.id, title: pr.title, producer: pr.producer, genre: pr.genre, description: pr.description, imageUrl: pr.image_url,
      performances: mine.map(perfSummary),
    })),
    venues: [...venues.values()].sort((a, b) => a.name.localeCompare(b.name)),
    genres: [...new Set(data.productions.map((p) => p.genre).filter(Boolean))].sort(),
    packs: data.packs.map((p) => ({ id: p.id, label: p.label, description: p.description, typeId: p.type_id, price: p.price, imageUrl: p.image_url })),
    streams: data.streams.map((s) => ({
      id: s.id, label: s.label, description: s.description, price: s.price,
      startsAt: s.starts_at ? formatInZone(s.starts_at, 'Europe/Brussels') : null,
    })),
  };
}

/** Online ticket types with a price for this performance, and their price per rank. */
export async function onlinePrices(db: Db, orgId: string, performanceId: string, lang: Lang) {
  const rows = await db.selectFrom('prices').innerJoin('ticket_types as tt', 'tt.id', 'prices.ticket_type_id')
    .select(['tt.id', 'tt.name_nl', 'tt.name_fr', 'tt.name_en', 'tt.dip_category', 'tt.created_at', 'prices.rank', 'prices.amount'])
    .where('prices.performance_id', '=', performanceId).where('tt.organisation_id', '=', orgId).where('tt.sell_online', '=', 1)
    .where('tt.archived', '=', 0).where('tt.uitpas', '=', 0).where('tt.uitpas_group', '=', 0)
    .orderBy('tt.created_at').orderBy('tt.id').orderBy('prices.rank').execute();
  const types = new Map<string, { id: string; name: string; prices: { rank: number; amount: number }[] }>();
  for (const r of rows) {
    const t = types.get(r.id) ?? { id: r.id, name: ticketTypeName(r, lang), prices: [] };
    // DIP's free tickets are given away whatever the price list says (baskets/terms.ts).
    t.prices.push({ rank: r.rank, amount: r.dip_category === 'free' ? 0 : r.amount });
    types.set(r.id, t);
  }
  return [...types.values()];
}

interface SeatOnMap {
  id: string; label: string; rank: number; x: number; y: number; wheelchair?: boolean; companion?: boolean; restrictedView?: boolean;
}

/** A performance's page: what, when, where, the hall's seat map and the ticket types sold online. */
export async function performancePage(ctx: Ctx, performanceId: string) {
  const [p] = await performanceFacts(ctx.db, ctx.orgId, ctx.clock.now().toISOString(), [performanceId]);
  if (!p) throw notFound('performance');
  const [production, perf, seats, zones, ticketTypes, venue] = await Promise.all([
    ctx.db.selectFrom('productions').selectAll().where('id', '=', p.production_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('performances').select(['extra_info', 'doors_open_minutes', 'standard_ticket_type_id']).where('id', '=', p.id).executeTakeFirstOrThrow(),
    hallSeats(ctx.db, p.hall_id),
    hallZones(ctx.db, p.hall_id),
    onlinePrices(ctx.db, ctx.orgId, p.id, ctx.lang),
    ctx.db.selectFrom('venues').select(['colour', 'logo']).where('id', '=', p.venue_id).where('organisation_id', '=', ctx.orgId).executeTakeFirstOrThrow(),
  ]);
  const sections: { name: string; rows: { label: string; seats: SeatOnMap[] }[] }[] = [];
  for (const s of seats) {
    let section = sections.at(-1);
    if (section?.name !== s.section) sections.push((section = { name: s.section, rows: [] }));
    let row = section.rows.at(-1);
    if (row?.label !== s.row_label) section.rows.push((row = { label: s.row_label, seats: [] }));
    row.seats.push({
      id: s.id, label: s.seat_label, rank: s.rank, x: s.x, y: s.y,
      ...(s.wheelchair ? { wheelchair: true } : {}), ...(s.companion ? { companion: true } : {}),
      ...(s.restricted_view ? { restrictedView: true } : {}),
    });
  }
  // The standard ticket type first: it is what a place gets when the buyer picks nothing else.
  ticketTypes.sort((a, b) => Number(b.id === perf.standard_ticket_type_id) - Number(a.id === perf.standard_ticket_type_id));
  return {
    ...perfSummary(p),
    productionId: production.id, title: production.title, producer: production.producer, genre: production.genre,
    description: production.description, imageUrl: production.image_url, extraInfo: perf.extra_info,
    durationMinutes: p.duration_minutes,
    // The venue's own colour and logo (Manage > Venues & halls), for its performances' pages.
    venueColour: venue.colour, venueLogo: venue.logo,
    seatMap: { sections, zones: zones.map((z) => ({ id: z.id, name: z.name, capacity: z.capacity, rank: z.rank })) },
    ticketTypes,
  };
}

async function loadAvailability(db: Db, orgId: string, performanceId: string, now: string) {
  const rows = await db.selectFrom('inventory').select(['item_id', 'zone_id', 'rank', 'status', 'hold_expires_at'])
    .where('performance_id', '=', performanceId).where('organisation_id', '=', orgId).orderBy('sort').execute();
  const free = (r: (typeof rows)[number]) => r.status === 'free' || (r.status === 'held' && !!r.hold_expires_at && r.hold_expires_at < now);
  const taken: string[] = [];
  const zones = new Map<string, number>();
  const ranks = new Map<number, number>();
  for (const r of rows) {
    if (r.zone_id) {
      zones.set(r.zone_id, (zones.get(r.zone_id) ?? 0) + (free(r) ? 1 : 0));
    } else if (free(r)) {
      ranks.set(r.rank, (ranks.get(r.rank) ?? 0) + 1);
    } else {
      ranks.set(r.rank, ranks.get(r.rank) ?? 0);
      taken.push(r.item_id);
    }
  }
  return {
    found: rows.length > 0,
    taken,
    zones: [...zones].map(([zoneId, available]) => ({ zoneId, available })),
    ranks: [...ranks].sort((a, b) => a[0] - b[0]).map(([rank, available]) => ({ rank, available })),
  };
}

// Polled by every buyer looking at the seat map: one read a second per performance and process.
const availabilities = new ShortCache<Awaited<ReturnType<typeof loadAvailability>>>(1000, 2000);

/** Which seats are taken (held by others, sold, reserved or blocked), and the free places per zone and rank. */
export async function availability(ctx: Ctx, performanceId: string) {
  const perf = await ctx.db.selectFrom('performances').select('id').where('id', '=', performanceId)
    .where('organisation_id', '=', ctx.orgId).where('status', '!=', 'draft').executeTakeFirst();
  if (!perf) throw notFound('performance');
  const a = await availabilities.get(ctx.db, `${ctx.orgId}/${perf.id}`, () => loadAvailability(ctx.db, ctx.orgId, perf.id, ctx.clock.now().toISOString()));
  return { performanceId: perf.id, taken: a.taken, zones: a.zones, ranks: a.ranks };
}

/** A pack on sale: its sets and the performances in them. */
export async function packPage(ctx: Ctx, packId: string) {
  const now = ctx.clock.now().toISOString();
  const pack = await ctx.db.selectFrom('packs').selectAll().where('id', '=', packId).where('organisation_id', '=', ctx.orgId)
    .where('published', '=', 1).executeTakeFirst();
  if (!pack) throw notFound('pack');
  const [sets, stocks] = await Promise.all([
    ctx.db.selectFrom('pack_sets').selectAll().where('pack_id', '=', pack.id).orderBy('sort').execute(),
    ctx.db.selectFrom('pack_set_stocks').selectAll().where('pack_id', '=', pack.id).orderBy('sort').execute(),
  ]);
  const perfIds = stocks.map((s) => s.performance_id).filter((x): x is string => !!x);
  const facts = await performanceFacts(ctx.db, ctx.orgId, now, perfIds);
  const titles = new Map((await (facts.length ? ctx.db.selectFrom('productions').select(['id', 'title'])
    .where('id', 'in', [...new Set(facts.map((f) => f.production_id))]).execute() : Promise.resolve([]))).map((p) => [p.id, p.title]));
  const streamIds = stocks.map((s) => s.stream_id).filter((x): x is string => !!x);
  const streams = streamIds.length ? await ctx.db.selectFrom('streams').select(['id', 'label']).where('id', 'in', streamIds).execute() : [];
  return {
    id: pack.id, label: pack.label, description: pack.description, typeId: pack.type_id, price: pack.price, imageUrl: pack.image_url,
    validUntil: pack.valid_until,
    sets: sets.map((set) => ({
      id: set.id, label: set.label, description: set.description, min: set.itemnb_min, max: set.itemnb_max,
      performances: stocks.filter((s) => s.set_id === set.id && s.performance_id).flatMap((s) => {
        const f = facts.find((x) => x.id === s.performance_id);
        return f ? [{ ...perfSummary(f), title: titles.get(f.production_id) ?? '' }] : [];
      }),
      streams: stocks.filter((s) => s.set_id === set.id && s.stream_id).flatMap((s) => streams.filter((x) => x.id === s.stream_id)),
    })),
  };
}

export async function streamPage(ctx: Ctx, streamId: string) {
  const s = await ctx.db.selectFrom('streams').selectAll().where('id', '=', streamId).where('organisation_id', '=', ctx.orgId)
    .where('status', '!=', 20).executeTakeFirst();
  if (!s) throw notFound('stream');
  const now = ctx.clock.now().toISOString();
  return {
    id: s.id, label: s.label, description: s.description, price: s.price,
    startsAt: s.starts_at ? formatInZone(s.starts_at, 'Europe/Brussels') : null,
    accessEndsAt: s.access_ends_at ? formatInZone(s.access_ends_at, 'Europe/Brussels') : null,
    accessDurationHours: s.access_duration_hours,
    onSale: s.status === 10 && (!s.access_ends_at || now < s.access_ends_at),
  };
}
