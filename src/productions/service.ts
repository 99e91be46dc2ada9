import { ticketVatRate } from '../fees/rules.js';
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { Problem, invalid, invalidField, notFound } from '../platform/problems.js';
import { addDays, dayStartUtc, formatInZone, isLocalDateTime } from '../platform/time.js';
import { MAX_SERIES, seriesStarts, type SeriesPlan } from './series.js';
import type { Venue } from '../venues/tables.js';
import { getHall, getVenue } from '../venues/service.js';
import { canTransition, containsPattern, localToUtc } from './rules.js';
import { ensureInventory } from '../inventory/store.js';
import { cancelPerformanceTickets } from '../orders/service.js';
import { audit } from '../audit/service.js';
import type { Lang } from '../platform/i18n.js';
import type { Channel, Performance, PerformanceStatus, Production, SalesWindow } from './tables.js';
import { forgetSaleTerms } from '../platform/sale-terms-cache.js';

// --- productions ---------------------------------------------------------------------------

/** Title search that ignores case and answers the same on SQLite and PostgreSQL. */
const titleContains = (column: 'title' | 'productions.title', q: string) =>
  sql<boolean>`lower(${sql.ref(column)}) like ${containsPattern(q)} escape '\\'`;

export interface ProductionInput {
  title: string;
  subtitle: string;
  producer: string;
  genre: string;
  description: string;
  imageUrl: string | null;
  dipProductionId: string | null;
  durationMinutes: number | null;
  ageAdvice: string;
  uitdatabankEventId: string | null;
  uitpasEnabled: boolean;
  languages: Lang[];
}

export const productionView = (p: Production) => ({
  id: p.id, title: p.title, subtitle: p.subtitle, producer: p.producer, genre: p.genre, description: p.description,
  imageUrl: p.image_url, dipProductionId: p.dip_production_id, durationMinutes: p.duration_minutes, ageAdvice: p.age_advice,
  uitdatabankEventId: p.uitdatabank_event_id, uitpasEnabled: p.uitpas_enabled === 1,
  languages: p.languages.split(',').filter(Boolean) as Lang[],
});
export type ProductionView = ReturnType<typeof productionView>;

/** As the audit trail keeps it. */
const productionAudit = (p: Production) => ({ ...productionView(p), id: undefined });

export async function getProduction(ctx: Ctx, id: string, db: Db = ctx.db): Promise<Production> {
  const p = await db.selectFrom('productions').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!p) throw notFound('production');
  return p;
}

export interface ProductionFilter { q?: string; limit: number; offset: number }

/** A page of productions by title, with how many match in all. */
export async function listProductions(ctx: Ctx, f: ProductionFilter) {
  let query = ctx.db.selectFrom('productions').where('organisation_id', '=', ctx.orgId);
  if (f.q) query = query.where(titleContains('title', f.q));
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('title').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(productionView), total: Number(total.n), limit: f.limit, offset: f.offset };
}

const productionColumns = (input: Partial<ProductionInput>) => ({
  ...(input.title !== undefined ? { title: input.title } : {}),
  ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
  ...(input.producer !== undefined ? { producer: input.producer } : {}),
  ...(input.genre !== undefined ? { genre: input.genre } : {}),
  ...(input.description !== undefined ? { description: input.description } : {}),
  ...(input.imageUrl !== undefined ? { image_url: input.imageUrl } : {}),
  ...(input.dipProductionId !== undefined ? { dip_production_id: input.dipProductionId } : {}),
  ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
  ...(input.ageAdvice !== undefined ? { age_advice: input.ageAdvice } : {}),
  ...(input.uitdatabankEventId !== undefined ? { uitdatabank_event_id: input.uitdatabankEventId } : {}),
  ...(input.uitpasEnabled !== undefined ? { uitpas_enabled: input.uitpasEnabled ? 1 : 0 } : {}),
  ...(input.languages !== undefined ? { languages: [...new Set(input.languages)].join(',') } : {}),
});

export async function createProduction(ctx: Ctx, input: Pick<ProductionInput, 'title'> & Partial<ProductionInput>) {
  const p: Production = {
    id: newId(), organisation_id: ctx.orgId, title: '', subtitle: '', producer: '', genre: '', description: '', image_url: null,
    dip_production_id: null, duration_minutes: null, age_advice: '', uitdatabank_event_id: null, uitpas_enabled: 0, languages: 'nl',
    ...productionColumns(input), created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('productions').values(p).execute();
    await audit(tx, ctx, { subject: 'production', subjectId: p.id, action: 'created', label: p.title, before: null, after: productionAudit(p) });
  });
  return productionView(p);
}

export async function updateProduction(ctx: Ctx, id: string, input: Partial<ProductionInput>) {
  await getProduction(ctx, id);
  const patch = productionColumns(input);
  if (Object.keys(patch).length) {
    await ctx.db.transaction().execute(async (tx) => {
      const before = await getProduction(ctx, id, tx);
      await tx.updateTable('productions').set(patch).where('id', '=', id).where('organisation_id', '=', ctx.orgId).execute();
      const after = { ...before, ...patch };
      await audit(tx, ctx, { subject: 'production', subjectId: id, action: 'changed', label: after.title, before: productionAudit(before), after: productionAudit(after) });
    });
    forgetSaleTerms();
  }
  return productionView(await getProduction(ctx, id));
}

export async function deleteProduction(ctx: Ctx, id: string) {
  const p = await getProduction(ctx, id);
  const used = await ctx.db.selectFrom('performances').select('id').where('production_id', '=', id).executeTakeFirst();
  if (used) throw new Problem('in-use', { what: 'production', reason: 'it has performances' });
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('production_prices').where('production_id', '=', id).execute();
    await tx.deleteFrom('productions').where('id', '=', id).execute();
    await audit(tx, ctx, { subject: 'production', subjectId: id, action: 'deleted', label: p.title, changes: {} });
  });
}

// --- performances --------------------------------------------------------------------------

export interface SalesWindowInput {
  channel: Channel;
  opensAt?: string | null;
  closesAt?: string | null;
}

export interface PerformanceInput {
  productionId: string;
  hallId: string;
  startsAt: string;
  durationMinutes: number;
  doorsOpenMinutes: number;
  status: PerformanceStatus;
  extraInfo: string;
  standardTicketTypeId: string | null;
  /** Basis points; on create, when left out, the theatre rate of the venue's country (NL 9 %, BE 6 %). */
  vatRate?: number;
  uitpasEnabled: boolean;
  uitdatabankEventId: string | null;
  salesWindows: SalesWindowInput[];
}

interface PerformanceRow extends Performance {
  production_title: string;
  venue_id: string;
  venue_name: string;
  hall_name: string;
  time_zone: string;
}

function performanceQuery(db: Db, orgId: string) {
  return db
    .selectFrom('performances')
    .innerJoin('productions', 'productions.id', 'performances.production_id')
    .innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('venues', 'venues.id', 'halls.venue_id')
    .selectAll('performances')
    .select([
      'productions.title as production_title', 'venues.id as venue_id', 'venues.name as venue_name',
      'halls.name as hall_name', 'venues.time_zone as time_zone',
    ])
    .where('performances.organisation_id', '=', orgId);
}

export function performanceView(p: PerformanceRow, windows: SalesWindow[]) {
  const start = new Date(p.starts_at);
  const tz = p.time_zone;
  return {
    id: p.id,
    productionId: p.production_id,
    title: p.production_title,
    hallId: p.hall_id,
    hallName: p.hall_name,
    venueId: p.venue_id,
    venueName: p.venue_name,
    timeZone: tz,
    startsAt: formatInZone(start, tz),
    startsAtUtc: p.starts_at,
    endsAt: formatInZone(new Date(start.getTime() + p.duration_minutes * 60000), tz),
    doorsOpenAt: formatInZone(new Date(start.getTime() - p.doors_open_minutes * 60000), tz),
    durationMinutes: p.duration_minutes,
    doorsOpenMinutes: p.doors_open_minutes,
    status: p.status,
    extraInfo: p.extra_info,
    standardTicketTypeId: p.standard_ticket_type_id,
    vatRate: p.vat_rate,
    uitpasEnabled: p.uitpas_enabled === 1,
    uitdatabankEventId: p.uitdatabank_event_id,
    salesWindows: windows.map((w) => ({
      channel: w.channel,
      opensAt: w.opens_at ? formatInZone(w.opens_at, tz) : null,
      closesAt: w.closes_at ? formatInZone(w.closes_at, tz) : null,
    })),
  };
}
export type PerformanceView = ReturnType<typeof performanceView>;

async function windowsFor(db: Db, ids: string[]): Promise<Map<string, SalesWindow[]>> {
  const map = new Map<string, SalesWindow[]>();
  if (!ids.length) return map;
  const rows = await db.selectFrom('sales_windows').selectAll().where('performance_id', 'in', ids).orderBy('channel').execute();
  for (const r of rows) map.set(r.performance_id, [...(map.get(r.performance_id) ?? []), r]);
  return map;
}

export async function findPerformance(ctx: Ctx, id: string): Promise<Performance> {
  const p = await ctx.db.selectFrom('performances').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!p) throw notFound('performance');
  return p;
}

export async function getPerformance(ctx: Ctx, id: string): Promise<PerformanceView> {
  const row = await performanceQuery(ctx.db, ctx.orgId).where('performances.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('performance');
  return performanceView(row, (await windowsFor(ctx.db, [id])).get(id) ?? []);
}

export interface PerformanceFilter {
  from?: string;
  to?: string;
  venueId?: string;
  productionId?: string;
  status?: PerformanceStatus;
  q?: string;
  limit: number;
  offset: number;
}

/** Dates in filters are calendar days; Amsterdam and Brussels share their offsets. */
const dayStart = (d: string) => dayStartUtc(d, 'Europe/Amsterdam');
const dayAfter = (d: string) => dayStart(addDays(d, 1));

export async function listPerformances(ctx: Ctx, f: PerformanceFilter) {
  let q = performanceQuery(ctx.db, ctx.orgId);
  if (f.from) q = q.where('performances.starts_at', '>=', dayStart(f.from));
  if (f.to) q = q.where('performances.starts_at', '<', dayAfter(f.to));
  if (f.venueId) q = q.where('venues.id', '=', f.venueId);
  if (f.productionId) q = q.where('performances.production_id', '=', f.productionId);
  if (f.status) q = q.where('performances.status', '=', f.status);
  if (f.q) q = q.where(titleContains('productions.title', f.q));
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('performances.starts_at').orderBy('performances.id').limit(f.limit).offset(f.offset).execute();
  const windows = await windowsFor(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => performanceView(r, windows.get(r.id) ?? [])), total: Number(total.n), limit: f.limit, offset: f.offset };
}

async function checkReferences(ctx: Ctx, input: Partial<PerformanceInput>) {
  if (input.productionId !== undefined) await getProduction(ctx, input.productionId).catch(() => {
    throw invalidField('productionId', { en: 'no such production', nl: 'onbekende productie', fr: 'production inconnue' });
  });
  if (input.hallId !== undefined) await getHall(ctx, input.hallId).catch(() => {
    throw invalidField('hallId', { en: 'no such hall', nl: 'onbekende zaal', fr: 'salle inconnue' });
  });
  if (input.standardTicketTypeId) {
    const tt = await ctx.db.selectFrom('ticket_types').select('id').where('id', '=', input.standardTicketTypeId)
      .where('organisation_id', '=', ctx.orgId).executeTakeFirst();
    if (!tt) throw invalidField('standardTicketTypeId', { en: 'no such ticket type', nl: 'onbekend tickettype', fr: 'type de billet inconnu' });
  }
}

async function venueOfHall(ctx: Ctx, hallId: string) {
  const hall = await getHall(ctx, hallId);
  return getVenue(ctx, hall.venue_id);
}

const zoneOfHall = async (ctx: Ctx, hallId: string): Promise<string> => (await venueOfHall(ctx, hallId)).time_zone;

function windowRows(ctx: Ctx, performanceId: string, tz: string, windows: SalesWindowInput[]): SalesWindow[] {
  const seen = new Set<Channel>();
  return windows.map((w, i) => {
    if (seen.has(w.channel)) throw invalidField(`salesWindows/${i}/channel`, { en: 'channel given twice', nl: 'kanaal dubbel opgegeven', fr: 'canal donné deux fois' });
    seen.add(w.channel);
    const opens = w.opensAt ? localToUtc(`salesWindows/${i}/opensAt`, w.opensAt, tz) : null;
    const closes = w.closesAt ? localToUtc(`salesWindows/${i}/closesAt`, w.closesAt, tz) : null;
    if (opens && closes && opens >= closes) {
      throw invalidField(`salesWindows/${i}/closesAt`, { en: 'must be after sales open', nl: 'moet na het openen van de verkoop liggen', fr: 'doit être après l’ouverture de la vente' });
    }
    return { performance_id: performanceId, channel: w.channel, organisation_id: ctx.orgId, opens_at: opens, closes_at: closes };
  });
}

const mustHaveStandardType = () =>
  invalidField('standardTicketTypeId', { en: 'is required to go on sale', nl: 'is verplicht om in verkoop te gaan', fr: 'est requis pour la mise en vente' });

/** The rows of one new performance, checked; `field` names where its start came from in the request. */
function newPerformanceRows(ctx: Ctx, input: PerformanceInput, venue: Venue, field = 'startsAt') {
  const tz = venue.time_zone;
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const row: Performance = {
    id, organisation_id: ctx.orgId, production_id: input.productionId, hall_id: input.hallId,
    starts_at: localToUtc(field, input.startsAt, tz), duration_minutes: input.durationMinutes,
    doors_open_minutes: input.doorsOpenMinutes, status: input.status, extra_info: input.extraInfo,
    standard_ticket_type_id: input.standardTicketTypeId, vat_rate: input.vatRate ?? ticketVatRate(venue.country),
    uitpas_enabled: input.uitpasEnabled ? 1 : 0, uitdatabank_event_id: input.uitdatabankEventId,
    created_at: now, updated_at: now,
  };
  return { row, windows: windowRows(ctx, id, tz, input.salesWindows) };
}

/** Inserts checked performances in `tx`: their places, sales windows and the production's price list. */
async function insertPerformances(ctx: Ctx, tx: Db, rows: ReturnType<typeof newPerformanceRows>[]) {
  const template = rows.length
    ? await tx.selectFrom('production_prices').selectAll().where('production_id', '=', rows[0].row.production_id).execute()
    : [];
  for (const { row, windows } of rows) {
    await tx.insertInto('performances').values(row).execute();
    if (windows.length) await tx.insertInto('sales_windows').values(windows).execute();
    if (template.length) {
      await tx.insertInto('prices').values(template.map((t) => ({
        performance_id: row.id, ticket_type_id: t.ticket_type_id, rank: t.rank, organisation_id: ctx.orgId, amount: t.amount,
      }))).execute();
    }
    await ensureInventory(tx, row.id, row.hall_id, ctx.orgId);
    await audit(tx, ctx, {
      subject: 'performance', subjectId: row.id, action: 'created', label: `${row.starts_at}`,
      before: null, after: { productionId: row.production_id, hallId: row.hall_id, startsAt: row.starts_at, status: row.status },
    });
  }
}

export async function createPerformance(ctx: Ctx, input: PerformanceInput): Promise<PerformanceView> {
  await checkReferences(ctx, input);
  if (input.status === 'on_sale' && !input.standardTicketTypeId) throw mustHaveStandardType();
  const venue = await venueOfHall(ctx, input.hallId);
  const rows = newPerformanceRows(ctx, input, venue);
  await ctx.db.transaction().execute((tx) => insertPerformances(ctx, tx, [rows]));
  return getPerformance(ctx, rows.row.id);
}

export type SeriesInput = Omit<PerformanceInput, 'startsAt'> & SeriesPlan;

/** The local start times a series would have, each refused on its own when it does not exist in the venue's zone. */
export async function planSeries(ctx: Ctx, input: Pick<SeriesInput, 'hallId' | keyof SeriesPlan>): Promise<string[]> {
  if (input.from > input.to) throw invalidField('to', { en: 'must not be before the first day', nl: 'mag niet vóór de begindatum liggen', fr: 'ne doit pas précéder la date de début' });
  const starts = seriesStarts(input);
  if (starts.length > MAX_SERIES) {
    throw invalidField('to', { en: `more than ${MAX_SERIES} performances`, nl: `meer dan ${MAX_SERIES} voorstellingen`, fr: `plus de ${MAX_SERIES} représentations` });
  }
  if (!starts.length) {
    throw invalidField('weekdays', { en: 'no day of the period is chosen', nl: 'geen dag van de periode gekozen', fr: 'aucun jour de la période n’est choisi' });
  }
  const tz = await zoneOfHall(ctx, input.hallId).catch(() => {
    throw invalidField('hallId', { en: 'no such hall', nl: 'onbekende zaal', fr: 'salle inconnue' });
  });
  const missing = starts.filter((local) => !isLocalDateTime(local, tz));
  if (missing.length) {
    const list = missing.join(', ');
    throw invalidField('times', { en: `does not exist (summer time starts): ${list}`, nl: `bestaat niet (zomertijd begint): ${list}`, fr: `n’existe pas (passage à l’heure d’été) : ${list}` });
  }
  return starts;
}

/** A whole series at once, all or nothing; each performance copies the production's price list. */
export async function createSeries(ctx: Ctx, input: SeriesInput): Promise<PerformanceView[]> {
  await checkReferences(ctx, input);
  if (input.status === 'on_sale' && !input.standardTicketTypeId) throw mustHaveStandardType();
  const starts = await planSeries(ctx, input);
  const venue = await venueOfHall(ctx, input.hallId);
  const rows = starts.map((startsAt) => newPerformanceRows(ctx, { ...input, startsAt }, venue, 'times'));
  await ctx.db.transaction().execute((tx) => insertPerformances(ctx, tx, rows));
  const ids = new Set(rows.map((r) => r.row.id));
  const found = await performanceQuery(ctx.db, ctx.orgId).where('performances.id', 'in', [...ids]).orderBy('performances.starts_at').execute();
  const windows = await windowsFor(ctx.db, [...ids]);
  return found.map((r) => performanceView(r, windows.get(r.id) ?? []));
}

/** A performance as the audit trail keeps it. */
const performanceAudit = (p: Performance) => ({
  productionId: p.production_id, hallId: p.hall_id, startsAt: p.starts_at, durationMinutes: p.duration_minutes, doorsOpenMinutes: p.doors_open_minutes, status: p.status,
  standardTicketTypeId: p.standard_ticket_type_id, vatRate: p.vat_rate, uitpasEnabled: p.uitpas_enabled === 1, uitdatabankEventId: p.uitdatabank_event_id, extraInfo: p.extra_info,
});
const windowsAudit = (ws: SalesWindow[]) => ws.map((w) => `${w.channel} ${w.opens_at ?? '…'} – ${w.closes_at ?? '…'}`);

export async function updatePerformance(ctx: Ctx, id: string, input: Partial<PerformanceInput>): Promise<PerformanceView> {
  const current = await findPerformance(ctx, id);
  await checkReferences(ctx, input);
  if (input.status !== undefined && !canTransition(current.status, input.status)) {
    throw new Problem('invalid-transition', { from: current.status, to: input.status });
  }
  const standard = input.standardTicketTypeId !== undefined ? input.standardTicketTypeId : current.standard_ticket_type_id;
  if ((input.status ?? current.status) === 'on_sale' && !standard) {
    throw invalidField('standardTicketTypeId', { en: 'is required to go on sale', nl: 'is verplicht om in verkoop te gaan', fr: 'est requis pour la mise en vente' });
  }
  const tz = await zoneOfHall(ctx, input.hallId ?? current.hall_id);
  const windows = input.salesWindows ? windowRows(ctx, id, tz, input.salesWindows) : undefined;
  const hallChanged = input.hallId !== undefined && input.hallId !== current.hall_id;
  const beforeWindows = windowsAudit(await ctx.db.selectFrom('sales_windows').selectAll().where('performance_id', '=', id).orderBy('channel').execute());
  if (hallChanged && (await hasSales(ctx, id))) {
    throw new Problem('conflict', { reason: 'the hall of a performance with tickets or holds cannot change' });
  }
  await ctx.db.transaction().execute(async (tx) => {
    if (hallChanged) {
      await tx.deleteFrom('inventory').where('performance_id', '=', id).execute();
      await tx.updateTable('blocks').set({ released_at: ctx.clock.now().toISOString() }).where('performance_id', '=', id)
        .where('released_at', 'is', null).execute();
      await ensureInventory(tx, id, input.hallId!, ctx.orgId);
    }
    await tx.updateTable('performances').set({
      ...(input.productionId !== undefined ? { production_id: input.productionId } : {}),
      ...(input.hallId !== undefined ? { hall_id: input.hallId } : {}),
      ...(input.startsAt !== undefined ? { starts_at: localToUtc('startsAt', input.startsAt, tz) } : {}),
      ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
      ...(input.doorsOpenMinutes !== undefined ? { doors_open_minutes: input.doorsOpenMinutes } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.extraInfo !== undefined ? { extra_info: input.extraInfo } : {}),
      ...(input.standardTicketTypeId !== undefined ? { standard_ticket_type_id: input.standardTicketTypeId } : {}),
      ...(input.vatRate !== undefined ? { vat_rate: input.vatRate } : {}),
      ...(input.uitpasEnabled !== undefined ? { uitpas_enabled: input.uitpasEnabled ? 1 : 0 } : {}),
      ...(input.uitdatabankEventId !== undefined ? { uitdatabank_event_id: input.uitdatabankEventId } : {}),
      updated_at: ctx.clock.now().toISOString(),
    }).where('id', '=', id).execute();
    if (windows) {
      await tx.deleteFrom('sales_windows').where('performance_id', '=', id).execute();
      if (windows.length) await tx.insertInto('sales_windows').values(windows).execute();
    }
    if (input.status === 'cancelled' && current.status !== 'cancelled') await cancelPerformanceTickets(ctx, tx, id);
    const after = await tx.selectFrom('performances').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const afterWindows = await tx.selectFrom('sales_windows').selectAll().where('performance_id', '=', id).orderBy('channel').execute();
    await audit(tx, ctx, {
      subject: 'performance', subjectId: id, action: input.status === 'cancelled' && current.status !== 'cancelled' ? 'cancelled' : 'changed',
      label: after.starts_at, before: { ...performanceAudit(current), salesWindows: beforeWindows }, after: { ...performanceAudit(after), salesWindows: windowsAudit(afterWindows) },
    });
  });
  forgetSaleTerms();
  return getPerformance(ctx, id);
}

async function hasSales(ctx: Ctx, performanceId: string): Promise<boolean> {
  const used = await ctx.db.selectFrom('inventory').select('item_id').where('performance_id', '=', performanceId)
    .where('status', 'in', ['held', 'reserved', 'sold']).limit(1).executeTakeFirst();
  return !!used;
}

/** Sets the buyers' "extra info" text on many performances at once; all or nothing. */
export async function setExtraInfo(ctx: Ctx, ids: string[], extraInfo: string): Promise<number> {
  const unique = [...new Set(ids)];
  const found = await ctx.db.selectFrom('performances').select('id').where('organisation_id', '=', ctx.orgId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    const known = new Set(found.map((f) => f.id));
    throw invalid(ids.flatMap((id, i) => (known.has(id) ? [] : [{
      field: `performanceIds/${i}`, message: { en: 'no such performance', nl: 'onbekende voorstelling', fr: 'représentation inconnue' },
    }])));
  }
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('performances').select(['id', 'starts_at', 'extra_info']).where('organisation_id', '=', ctx.orgId)
      .where('id', 'in', unique).orderBy('starts_at').execute();
    await tx.updateTable('performances').set({ extra_info: extraInfo, updated_at: ctx.clock.now().toISOString() })
      .where('organisation_id', '=', ctx.orgId).where('id', 'in', unique).execute();
    for (const p of before) {
      await audit(tx, ctx, { subject: 'performance', subjectId: p.id, action: 'changed', label: p.starts_at, before: { extraInfo: p.extra_info }, after: { extraInfo } });
    }
  });
  return unique.length;
}

export async function deletePerformance(ctx: Ctx, id: string) {
  const p = await findPerformance(ctx, id);
  if (p.status !== 'draft') throw new Problem('in-use', { what: 'performance', reason: 'only draft performances can be deleted' });
  if (await hasSales(ctx, id)) throw new Problem('in-use', { what: 'performance', reason: 'it has tickets or holds' });
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('inventory').where('performance_id', '=', id).execute();
    await tx.deleteFrom('blocks').where('performance_id', '=', id).execute();
    await tx.deleteFrom('sales_windows').where('performance_id', '=', id).execute();
    await tx.deleteFrom('prices').where('performance_id', '=', id).execute();
    await tx.deleteFrom('performances').where('id', '=', id).execute();
    await audit(tx, ctx, { subject: 'performance', subjectId: id, action: 'deleted', label: p.starts_at, changes: {} });
  });
  forgetSaleTerms();
}
