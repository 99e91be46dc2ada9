// Price lists: a performance's (what is sold), and a production's (what its new performances copy, and
// what "apply" copies to its performances in one step). Every change is audited with before → after.
import { audit } from '../audit/service.js';
import type { Changes } from '../audit/rules.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { invalid, invalidField, type FieldError } from '../platform/problems.js';
import { findPerformance, getPerformance, getProduction } from '../productions/service.js';
import { forgetSaleTerms } from '../platform/sale-terms-cache.js';

export interface PriceInput {
  ticketTypeId: string;
  rank: number;
  amount: number;
}

const byTypeAndRank = (a: PriceInput, b: PriceInput) => a.ticketTypeId.localeCompare(b.ticketTypeId) || a.rank - b.rank;
const sameList = (a: PriceInput[], b: PriceInput[]) =>
  a.length === b.length && JSON.stringify([...a].sort(byTypeAndRank)) === JSON.stringify([...b].sort(byTypeAndRank));

/** The organisation's ticket types by id, with their Dutch name (the trail's labels). */
async function typeNames(ctx: Ctx, db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('ticket_types').select(['id', 'name_nl']).where('organisation_id', '=', ctx.orgId).execute();
  return new Map(rows.map((t) => [t.id, t.name_nl]));
}

/** Every price names one of the organisation's ticket types, and each type and rank has one price. */
async function checkPrices(ctx: Ctx, prices: PriceInput[]): Promise<void> {
  const types = await typeNames(ctx, ctx.db);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  prices.forEach((p, i) => {
    if (!types.has(p.ticketTypeId)) {
      errors.push({ field: `prices/${i}/ticketTypeId`, message: { en: 'no such ticket type', nl: 'onbekend tickettype', fr: 'type de billet inconnu' } });
    }
    const key = `${p.ticketTypeId}/${p.rank}`;
    if (seen.has(key)) {
      errors.push({ field: `prices/${i}`, message: { en: 'this ticket type and rank are priced twice', nl: 'dit tickettype en deze rang hebben twee prijzen', fr: 'ce type de billet et ce rang ont deux prix' } });
    }
    seen.add(key);
  });
  if (errors.length) throw invalid(errors);
}

/** The trail's changes: one field per ticket type and rank whose amount (cents) changed, "Normaal · 1". */
export function priceChanges(names: Map<string, string>, before: PriceInput[], after: PriceInput[]): Changes {
  const amounts = (list: PriceInput[]) => new Map(list.map((p) => [`${p.ticketTypeId}/${p.rank}`, p]));
  const was = amounts(before);
  const now = amounts(after);
  const out: Changes = {};
  for (const key of [...new Set([...was.keys(), ...now.keys()])]) {
    const p = (now.get(key) ?? was.get(key))!;
    const [a, b] = [was.get(key)?.amount ?? null, now.get(key)?.amount ?? null];
    if (a !== b) out[`${names.get(p.ticketTypeId) ?? p.ticketTypeId} · ${p.rank}`] = [a, b];
  }
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => x.localeCompare(y)));
}

const performancePrices = async (db: Db, performanceId: string): Promise<PriceInput[]> =>
  (await db.selectFrom('prices').select(['ticket_type_id', 'rank', 'amount']).where('performance_id', '=', performanceId)
    .orderBy('ticket_type_id').orderBy('rank').execute())
    .map((r) => ({ ticketTypeId: r.ticket_type_id, rank: r.rank, amount: r.amount }));

const productionPrices = async (db: Db, productionId: string): Promise<PriceInput[]> =>
  (await db.selectFrom('production_prices').select(['ticket_type_id', 'rank', 'amount']).where('production_id', '=', productionId)
    .orderBy('ticket_type_id').orderBy('rank').execute())
    .map((r) => ({ ticketTypeId: r.ticket_type_id, rank: r.rank, amount: r.amount }));

/** Replaces one performance's prices in `tx` and records it: the amounts that changed and the VAT rate. */
async function writePerformancePrices(ctx: Ctx, tx: Db, performanceId: string, prices: PriceInput[], vatRate?: number, note?: string) {
  const before = await performancePrices(tx, performanceId);
  const perf = await tx.selectFrom('performances').select(['vat_rate']).where('id', '=', performanceId).executeTakeFirstOrThrow();
  await tx.deleteFrom('prices').where('performance_id', '=', performanceId).execute();
  if (prices.length) {
    await tx.insertInto('prices').values(prices.map((p) => ({
      performance_id: performanceId, ticket_type_id: p.ticketTypeId, rank: p.rank, organisation_id: ctx.orgId, amount: p.amount,
    }))).execute();
  }
  const changes = priceChanges(await typeNames(ctx, tx), before, prices);
  if (vatRate !== undefined && vatRate !== perf.vat_rate) {
    await tx.updateTable('performances').set({ vat_rate: vatRate, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', performanceId).execute();
    changes.vatRate = [perf.vat_rate, vatRate];
  }
  if (note && Object.keys(changes).length) changes.copiedFrom = [null, note];
  const view = await getPerformance({ ...ctx, db: tx }, performanceId);
  await audit(tx, ctx, { subject: 'price-list', subjectId: performanceId, action: 'changed', label: `${view.title}, ${view.startsAt.slice(0, 16).replace('T', ' ')}`, changes });
}

export async function getPriceList(ctx: Ctx, performanceId: string) {
  const p = await findPerformance(ctx, performanceId);
  return { performanceId, vatRate: p.vat_rate, standardTicketTypeId: p.standard_ticket_type_id, prices: await performancePrices(ctx.db, performanceId) };
}

/** Replaces the performance's price list (price per rank per ticket type) and optionally its VAT rate. */
export async function putPriceList(ctx: Ctx, performanceId: string, prices: PriceInput[], vatRate?: number) {
  await findPerformance(ctx, performanceId);
  await checkPrices(ctx, prices);
  await ctx.db.transaction().execute((tx) => writePerformancePrices(ctx, tx, performanceId, prices, vatRate));
  forgetSaleTerms();
  return getPriceList(ctx, performanceId);
}

// --- a production's price list ---------------------------------------------------------------

export async function getProductionPriceList(ctx: Ctx, productionId: string) {
  await getProduction(ctx, productionId);
  return { productionId, prices: await productionPrices(ctx.db, productionId) };
}

/** Replaces the production's list. Its performances keep theirs until it is applied to them. */
export async function putProductionPriceList(ctx: Ctx, productionId: string, prices: PriceInput[]) {
  const production = await getProduction(ctx, productionId);
  await checkPrices(ctx, prices);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await productionPrices(tx, productionId);
    await tx.deleteFrom('production_prices').where('production_id', '=', productionId).execute();
    if (prices.length) {
      await tx.insertInto('production_prices').values(prices.map((p) => ({
        production_id: productionId, ticket_type_id: p.ticketTypeId, rank: p.rank, organisation_id: ctx.orgId, amount: p.amount,
      }))).execute();
    }
    await audit(tx, ctx, {
      subject: 'price-list', subjectId: productionId, action: 'changed', label: production.title,
      changes: priceChanges(await typeNames(ctx, tx), before, prices),
    });
  });
  return getProductionPriceList(ctx, productionId);
}

export interface ApplyResult {
  /** Performances whose list is (or would be) replaced by the production's. */
  changed: string[];
  /** Performances that already have the production's list. */
  unchanged: string[];
  /** Cancelled performances and those that have started: their lists stay. */
  skipped: string[];
}

/**
 * Copies the production's list to its performances (all of them, or `performanceIds`), all in one
 * transaction. Cancelled and started performances keep theirs. Tickets already sold keep the price
 * they were sold at (it is stored on the ticket): only later sales take the new list.
 */
export async function applyProductionPriceList(ctx: Ctx, productionId: string, opts: { performanceIds?: string[]; preview: boolean }): Promise<ApplyResult> {
  const production = await getProduction(ctx, productionId);
  const prices = await productionPrices(ctx.db, productionId);
  if (!prices.length) {
    throw invalidField('prices', { en: 'the production has no price list yet', nl: 'de productie heeft nog geen prijslijst', fr: 'la production n’a pas encore de liste de prix' });
  }
  const all = await ctx.db.selectFrom('performances').select(['id', 'status', 'starts_at'])
    .where('production_id', '=', productionId).where('organisation_id', '=', ctx.orgId).orderBy('starts_at').orderBy('id').execute();
  let chosen = all;
  if (opts.performanceIds) {
    const ids = opts.performanceIds;
    const mine = new Set(all.map((p) => p.id));
    const errors: FieldError[] = ids.flatMap((id, i) => (mine.has(id) ? [] : [{
      field: `performanceIds/${i}`,
      message: { en: 'not a performance of this production', nl: 'geen voorstelling van deze productie', fr: 'pas une représentation de cette production' },
    }]));
    if (errors.length) throw invalid(errors);
    chosen = all.filter((p) => ids.includes(p.id));
  }
  const now = ctx.clock.now().toISOString();
  const result: ApplyResult = { changed: [], unchanged: [], skipped: [] };
  for (const p of chosen) {
    if (p.status === 'cancelled' || p.starts_at <= now) result.skipped.push(p.id);
    else if (sameList(await performancePrices(ctx.db, p.id), prices)) result.unchanged.push(p.id);
    else result.changed.push(p.id);
  }
  if (!opts.preview && result.changed.length) {
    await ctx.db.transaction().execute(async (tx) => {
      for (const id of result.changed) await writePerformancePrices(ctx, tx, id, prices, undefined, production.title);
    });
    forgetSaleTerms();
  }
  return result;
}
