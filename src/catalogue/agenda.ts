// Venues, attractions (productions), events (performances) and their stocks, as Utick shows them.
import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Lang } from '../platform/i18n.js';
import { ticketTypeName } from '../pricing/service.js';
import { saleBlocker } from '../baskets/rules.js';
import { availableWhere } from '../inventory/store.js';
import type { Performance } from '../productions/tables.js';
import { DEFAULT_ZONE, UtickError, uid, utickDate, type UtickLanguage } from './envelope.js';
import { EVENT_STATUS_LABELS, RANK_LABEL, statusObject } from './labels.js';
import { attractionObject, categoryObject, derivedId, venueObject, type AttractionObject, type VenueObject } from './views.js';
import type { ShopLinks } from '../shop/links.js';

export interface Scope {
  db: Db;
  orgId: string;
  /** The organisation, the `organizer` of its attractions. */
  orgName: string;
  /** Foyer's language for its own texts (ticket types); German readers get English. */
  lang: Lang;
  /** The request's language, for the labels this API writes itself. */
  language: UtickLanguage;
  now: Date;
  /** The organisation's web shop pages (shop_url), when its shop is on. */
  shop?: ShopLinks;
  /** The door device the request names with `deviceid` (the second access kind), if any. */
  device?: { id: string; name: string; doorId: string };
}

export interface Page {
  limit: number;
  offset: number;
}

const ALL: Page = { limit: 200, offset: 0 };

export async function venues(s: Scope, page: Page, ids?: string[]): Promise<VenueObject[]> {
  let q = s.db.selectFrom('venues').selectAll().where('organisation_id', '=', s.orgId);
  if (ids) {
    if (!ids.length) return [];
    q = q.where('id', 'in', ids);
  }
  return (await q.orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute()).map(venueObject);
}

export async function venue(s: Scope, id: string): Promise<VenueObject> {
  const [v] = await venues(s, { limit: 1, offset: 0 }, [id]);
  if (!v) throw UtickError.notFound('venue');
  return v;
}

export interface AttractionFilter {
  ids?: string[];
  /** The production's DIP production number, or the UiTdatabank id of one of its performances. */
  externalId?: string;
  categoryId?: string;
}

/** Productions with at least one performance that is not a draft. */
export async function attractions(s: Scope, page: Page, f: AttractionFilter = {}): Promise<AttractionObject[]> {
  let q = s.db.selectFrom('productions').selectAll().where('organisation_id', '=', s.orgId)
    .where('id', 'in', (eb) => eb.selectFrom('performances').select('production_id').where('status', '!=', 'draft'));
  if (f.ids) {
    if (!f.ids.length) return [];
    q = q.where('id', 'in', f.ids);
  }
  if (f.externalId !== undefined) {
    const ext = f.externalId;
    q = q.where((eb) => eb.or([
      eb('dip_production_id', '=', ext),
      eb('id', 'in', eb.selectFrom('performances').select('production_id').where('organisation_id', '=', s.orgId)
        .where('uitdatabank_event_id', 'in', [...new Set([ext, ext.toLowerCase()])])),
    ]));
  }
  if (f.categoryId) {
    const genre = (await genres(s)).find((g) => categoryId(s, g) === f.categoryId!.toUpperCase());
    if (!genre) return [];
    q = q.where('genre', '=', genre);
  }
  const rows = await q.orderBy('title').orderBy('id').limit(page.limit).offset(page.offset).execute();
  if (!rows.length) return [];
  const perfs = await s.db.selectFrom('performances').innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('venues', 'venues.id', 'halls.venue_id')
    .select(['performances.production_id', 'performances.starts_at', 'performances.duration_minutes', 'venues.time_zone'])
    .where('performances.production_id', 'in', rows.map((r) => r.id)).where('performances.status', '!=', 'draft')
    .orderBy('performances.starts_at').execute();
  return rows.map((p) => {
    const mine = perfs.filter((x) => x.production_id === p.id);
    return attractionObject(p, {
      first: mine[0]?.starts_at ?? null, last: mine.at(-1)?.starts_at ?? null, count: mine.length,
      durationMinutes: mine[0]?.duration_minutes ?? null, zone: mine[0]?.time_zone ?? DEFAULT_ZONE,
    }, { id: s.orgId, name: s.orgName });
  });
}

export async function attraction(s: Scope, id: string): Promise<AttractionObject> {
  const [a] = await attractions(s, { limit: 1, offset: 0 }, { ids: [id] });
  if (!a) throw UtickError.notFound('attraction');
  return a;
}

/** The genres of the productions the agenda shows: Foyer's attraction categories. */
async function genres(s: Scope): Promise<string[]> {
  const rows = await s.db.selectFrom('productions').select('genre').distinct().where('organisation_id', '=', s.orgId).where('genre', '!=', '')
    .where('id', 'in', (eb) => eb.selectFrom('performances').select('production_id').where('status', '!=', 'draft'))
    .orderBy('genre').execute();
  return rows.map((r) => r.genre);
}

const categoryId = (s: Scope, genre: string) => categoryObject(s.orgId, genre).id;

export async function categories(s: Scope, page: Page) {
  return (await genres(s)).slice(page.offset, page.offset + page.limit).map((g) => categoryObject(s.orgId, g));
}

export async function category(s: Scope, id: string) {
  const genre = (await genres(s)).find((g) => categoryId(s, g) === id.toUpperCase());
  if (!genre) throw UtickError.notFound('category');
  return categoryObject(s.orgId, genre);
}

const EVENT_STATUS = { published: 10, nobooking: 11, cancelled: 20, soldout: 30 } as const;

export interface EventFilter {
  eventIds?: string[];
  attractionId?: string;
  venueId?: string;
}

async function eventRows(s: Scope, f: EventFilter, page: Page) {
  let q = s.db.selectFrom('performances').innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('productions', 'productions.id', 'performances.production_id')
    .selectAll('performances').select(['halls.venue_id', 'productions.title'])
    .where('performances.organisation_id', '=', s.orgId).where('performances.status', '!=', 'draft');
  if (f.eventIds) q = q.where('performances.id', 'in', f.eventIds.length ? f.eventIds : ['']);
  if (f.attractionId) q = q.where('performances.production_id', '=', f.attractionId);
  if (f.venueId) q = q.where('halls.venue_id', '=', f.venueId);
  return q.orderBy('performances.starts_at').orderBy('performances.id').limit(page.limit).offset(page.offset).execute();
}

function eventStatus(p: Performance, online: { opens_at: string | null; closes_at: string | null } | undefined, now: string): number {
  if (p.status === 'cancelled') return EVENT_STATUS.cancelled;
  if (p.status === 'sold_out') return EVENT_STATUS.soldout;
  const blocker = saleBlocker({ status: p.status, startsAt: p.starts_at, durationMinutes: p.duration_minutes, window: online }, 'online', now);
  return blocker ? EVENT_STATUS.nobooking : EVENT_STATUS.published;
}

export async function events(s: Scope, f: EventFilter, page: Page) {
  const rows = await eventRows(s, f, page);
  if (!rows.length) return [];
  const [vs, as, windows] = await Promise.all([
    venues(s, ALL, [...new Set(rows.map((r) => r.venue_id))]),
    attractions(s, ALL, { ids: [...new Set(rows.map((r) => r.production_id))] }),
    s.db.selectFrom('sales_windows').selectAll().where('channel', '=', 'online').where('performance_id', 'in', rows.map((r) => r.id)).execute(),
  ]);
  const zones = new Map((await s.db.selectFrom('venues').select(['id', 'time_zone']).where('organisation_id', '=', s.orgId).execute()).map((v) => [v.id, v.time_zone]));
  const now = s.now.toISOString();
  return rows.map((p) => {
    const zone = zones.get(p.venue_id) ?? DEFAULT_ZONE;
    return {
      id: uid(p.id), label: p.title, starttime: utickDate(p.starts_at, zone),
      endtime: utickDate(new Date(new Date(p.starts_at).getTime() + p.duration_minutes * 60_000).toISOString(), zone),
      status: statusObject(EVENT_STATUS_LABELS, eventStatus(p, windows.find((w) => w.performance_id === p.id), now), s.language),
      // A production is Utick's series of events; the shop's programme is where it is sold.
      serie: { id: uid(p.production_id), label: p.title, shop_url: s.shop?.home ?? '' },
      hastimeslots: false,
      notes: p.extra_info,
      metadata: {},
      venue: vs.find((v) => v.id === uid(p.venue_id))!,
      attraction: as.find((a) => a.id === uid(p.production_id))!,
      shop_url: s.shop?.performance(p.id) ?? '',
    };
  });
}

export async function event(s: Scope, id: string) {
  const [e] = await events(s, { eventIds: [id] }, { limit: 1, offset: 0 });
  if (!e) throw UtickError.notFound('event');
  return e;
}

export interface StockOptions {
  packId?: string;
  /** Only these ranks (a pack's restriction); empty: all. */
  ranks?: number[];
  /** Price list replaced by one price: a pack's place at its ticket type. */
  packPrice?: { ticketTypeId: string; label: string };
}

/** The stock of each performance: capacity and live availability per rank, with the online prices. */
export async function eventStocks(s: Scope, performanceIds: string[], opts: StockOptions = {}) {
  if (!performanceIds.length) return [];
  const now = s.now.toISOString();
  let counts = s.db.selectFrom('inventory')
    .select(['performance_id', 'rank', (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when ${availableWhere(now)} then 1 else 0 end)`.as('free')])
    .where('performance_id', 'in', performanceIds);
  if (opts.ranks?.length) counts = counts.where('rank', 'in', opts.ranks);
  const [capacity, prices, perfs] = await Promise.all([
    counts.groupBy(['performance_id', 'rank']).orderBy('rank').execute(),
    s.db.selectFrom('prices').innerJoin('ticket_types', 'ticket_types.id', 'prices.ticket_type_id')
      .select(['prices.performance_id', 'prices.rank', 'prices.amount', 'ticket_types.id', 'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en'])
      .where('prices.performance_id', 'in', performanceIds).where('ticket_types.sell_online', '=', 1).where('ticket_types.archived', '=', 0)
      .orderBy('ticket_types.created_at').execute(),
    s.db.selectFrom('performances').innerJoin('productions', 'productions.id', 'performances.production_id')
      .select(['performances.id', 'productions.title']).where('performances.id', 'in', performanceIds)
      .where('performances.organisation_id', '=', s.orgId).execute(),
  ]);
  return performanceIds.filter((id) => perfs.some((p) => p.id === id)).map((perfId) => {
    const ranks = capacity.filter((c) => c.performance_id === perfId);
    const categories = ranks.map((r) => ({
      id: derivedId('rank', perfId, String(r.rank)), label: `${RANK_LABEL[s.language]} ${r.rank}`, description: '', color: '',
      capacity_total: Number(r.total), capacity_free: Number(r.free),
      prices: opts.packPrice
        ? [{ id: uid(opts.packPrice.ticketTypeId), label: opts.packPrice.label, description: '', quantity_min: 1, quantity_max: 1, value: { amount: 0, currency: 'EUR' } }]
        : prices.filter((p) => p.performance_id === perfId && p.rank === r.rank).map((p) => ({
          id: uid(p.id), label: ticketTypeName(p, s.lang), description: '', quantity_min: 1, quantity_max: 20,
          value: { amount: p.amount, currency: 'EUR' },
        })),
    }));
    return {
      id: uid(perfId), label: perfs.find((p) => p.id === perfId)!.title, eventid: uid(perfId), streamid: '', packid: uid(opts.packId),
      capacity_total: categories.reduce((n, c) => n + c.capacity_total, 0), capacity_free: categories.reduce((n, c) => n + c.capacity_free, 0),
      shop_url: s.shop?.performance(perfId) ?? '', categories,
    };
  });
}
