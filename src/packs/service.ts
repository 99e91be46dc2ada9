// Packs: admin CRUD of a pack and its sets of stocks.
import { audit } from '../audit/service.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { formatRanks, parseRanks, type SetFacts } from './rules.js';
import type { Pack, PackSet, PackSetStock } from './tables.js';
import './problems.js';

export interface StockInput {
  performanceId?: string;
  streamId?: string;
  ranks?: number[];
}

export interface SetInput {
  label: string;
  description?: string;
  itemnbMin: number;
  itemnbMax: number;
  stocks: StockInput[];
}

export interface PackInput {
  label: string;
  description: string;
  typeId: number;
  imageUrl: string | null;
  shopUrl: string | null;
  mainPackId: string | null;
  price: number;
  ticketTypeId: string;
  validFrom: string | null;
  validUntil: string | null;
  perPerformanceMax: number;
  published: boolean;
  sets: SetInput[];
}

export interface PackDetail {
  pack: Pack;
  sets: (PackSet & { stocks: PackSetStock[] })[];
}

export const packView = ({ pack: p, sets }: PackDetail) => ({
  id: p.id, label: p.label, description: p.description, typeId: p.type_id, imageUrl: p.image_url, shopUrl: p.shop_url,
  mainPackId: p.main_pack_id, price: p.price, ticketTypeId: p.ticket_type_id, validFrom: p.valid_from, validUntil: p.valid_until,
  perPerformanceMax: p.per_performance_max, published: p.published === 1,
  sets: sets.map((s) => ({
    id: s.id, label: s.label, description: s.description, itemnbMin: s.itemnb_min, itemnbMax: s.itemnb_max,
    stocks: s.stocks.map((st) => ({ id: st.id, performanceId: st.performance_id, streamId: st.stream_id, ranks: parseRanks(st.ranks) })),
  })),
});
export type PackView = ReturnType<typeof packView>;

/** The pack's sets as the rules see them (performance stocks only). */
export const setFacts = (d: PackDetail): SetFacts[] => d.sets.map((s) => ({
  id: s.id, itemnbMin: s.itemnb_min, itemnbMax: s.itemnb_max,
  stocks: s.stocks.filter((st) => st.performance_id).map((st) => ({ performanceId: st.performance_id!, ranks: parseRanks(st.ranks) })),
}));

export async function loadPacks(db: Db, packs: Pack[]): Promise<PackDetail[]> {
  if (!packs.length) return [];
  const ids = packs.map((p) => p.id);
  const [sets, stocks] = await Promise.all([
    db.selectFrom('pack_sets').selectAll().where('pack_id', 'in', ids).orderBy('sort').execute(),
    db.selectFrom('pack_set_stocks').selectAll().where('pack_id', 'in', ids).orderBy('sort').execute(),
  ]);
  return packs.map((pack) => ({
    pack,
    sets: sets.filter((s) => s.pack_id === pack.id).map((s) => ({ ...s, stocks: stocks.filter((st) => st.set_id === s.id) })),
  }));
}

export async function findPack(db: Db, orgId: string, id: string): Promise<PackDetail> {
  const pack = await db.selectFrom('packs').selectAll().where('id', '=', id).where('organisation_id', '=', orgId).executeTakeFirst();
  if (!pack) throw notFound('pack');
  return (await loadPacks(db, [pack]))[0];
}

export async function listPacks(ctx: Ctx) {
  const packs = await ctx.db.selectFrom('packs').selectAll().where('organisation_id', '=', ctx.orgId).orderBy('label').orderBy('id').execute();
  return (await loadPacks(ctx.db, packs)).map(packView);
}

const fieldText = (en: string, nl: string, fr: string) => ({ en, nl, fr });

async function checkInput(ctx: Ctx, input: PackInput, selfId?: string) {
  const tt = await ctx.db.selectFrom('ticket_types').select('id').where('id', '=', input.ticketTypeId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!tt) throw invalidField('ticketTypeId', fieldText('no such ticket type', 'onbekend tickettype', 'type de billet inconnu'));
  if (input.mainPackId) {
    const main = await ctx.db.selectFrom('packs').select('id').where('id', '=', input.mainPackId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
    if (!main || input.mainPackId === selfId) throw invalidField('mainPackId', fieldText('no such pack', 'onbekend pakket', 'pack inconnu'));
  }
  if (input.validFrom && input.validUntil && input.validFrom >= input.validUntil) {
    throw invalidField('validUntil', fieldText('must be after the start of validity', 'moet na de begindatum van de geldigheid liggen', 'doit être après le début de la validité'));
  }
  for (const [i, s] of input.sets.entries()) {
    if (s.itemnbMin > s.itemnbMax) throw invalidField(`sets/${i}/itemnbMin`, fieldText('must not exceed the maximum', 'mag niet groter zijn dan het maximum', 'ne doit pas dépasser le maximum'));
    for (const [j, st] of s.stocks.entries()) {
      const field = `sets/${i}/stocks/${j}`;
      if (!!st.performanceId === !!st.streamId) throw invalidField(field, fieldText('choose a performance or a stream', 'kies een voorstelling of een stream', 'choisissez une représentation ou un stream'));
      const table = st.performanceId ? 'performances' : 'streams';
      const found = await ctx.db.selectFrom(table).select('id').where('id', '=', (st.performanceId ?? st.streamId)!).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
      if (!found) throw invalidField(field, fieldText(`no such ${table === 'streams' ? 'stream' : 'performance'}`, 'onbekend', 'inconnu'));
    }
  }
}

async function writeSets(db: Db, ctx: Ctx, packId: string, sets: SetInput[]) {
  for (const [i, s] of sets.entries()) {
    const setId = newId();
    await db.insertInto('pack_sets').values({
      id: setId, organisation_id: ctx.orgId, pack_id: packId, label: s.label, description: s.description ?? '',
      itemnb_min: s.itemnbMin, itemnb_max: s.itemnbMax, sort: i,
    }).execute();
    if (s.stocks.length) {
      await db.insertInto('pack_set_stocks').values(s.stocks.map((st, j) => ({
        id: newId(), organisation_id: ctx.orgId, pack_id: packId, set_id: setId, performance_id: st.performanceId ?? null,
        stream_id: st.streamId ?? null, ranks: formatRanks(st.ranks), sort: j,
      }))).execute();
    }
  }
}

const columns = (input: Partial<PackInput>) => ({
  ...(input.label !== undefined ? { label: input.label } : {}),
  ...(input.description !== undefined ? { description: input.description } : {}),
  ...(input.typeId !== undefined ? { type_id: input.typeId } : {}),
  ...(input.imageUrl !== undefined ? { image_url: input.imageUrl } : {}),
  ...(input.shopUrl !== undefined ? { shop_url: input.shopUrl } : {}),
  ...(input.mainPackId !== undefined ? { main_pack_id: input.mainPackId } : {}),
  ...(input.price !== undefined ? { price: input.price } : {}),
  ...(input.ticketTypeId !== undefined ? { ticket_type_id: input.ticketTypeId } : {}),
  ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
  ...(input.validUntil !== undefined ? { valid_until: input.validUntil } : {}),
  ...(input.perPerformanceMax !== undefined ? { per_performance_max: input.perPerformanceMax } : {}),
  ...(input.published !== undefined ? { published: input.published ? 1 : 0 } : {}),
});

export async function createPack(ctx: Ctx, input: PackInput) {
  await checkInput(ctx, input);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('packs').values({
      id, organisation_id: ctx.orgId, label: input.label, description: input.description, type_id: input.typeId,
      image_url: input.imageUrl, shop_url: input.shopUrl, main_pack_id: input.mainPackId, price: input.price,
      ticket_type_id: input.ticketTypeId, valid_from: input.validFrom, valid_until: input.validUntil,
      per_performance_max: input.perPerformanceMax, published: input.published ? 1 : 0, created_at: now, updated_at: now,
    }).execute();
    await writeSets(tx, ctx, id, input.sets);
    await audit(tx, ctx, { subject: 'pack', subjectId: id, action: 'created', label: input.label, before: null, after: auditFields(input) });
  });
  return packView(await findPack(ctx.db, ctx.orgId, id));
}

/** What the audit trail keeps of a pack: its fields, and its sets as "label (min-max): n stocks". */
type AuditedPack = Omit<Partial<PackInput>, 'sets'> & { sets?: { label: string; itemnbMin: number; itemnbMax: number; stocks: unknown[] }[] };
const auditFields = (p: AuditedPack) => ({
  ...Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'sets')),
  ...(p.sets ? { sets: p.sets.map((s) => `${s.label} (${s.itemnbMin}-${s.itemnbMax}): ${s.stocks.length}`) } : {}),
});

const hasHoldings = async (db: Db, packId: string) =>
  !!(await db.selectFrom('pack_holdings').select('id').where('pack_id', '=', packId).limit(1).executeTakeFirst());

/** Changes a pack; its sets are replaced as a whole, and only while nobody holds the pack. */
export async function updatePack(ctx: Ctx, id: string, input: Partial<PackInput>) {
  const current = await findPack(ctx.db, ctx.orgId, id);
  const merged: PackInput = { ...packView(current), ...input, sets: input.sets ?? [] };
  await checkInput(ctx, merged, id);
  if (input.sets && await hasHoldings(ctx.db, id)) {
    throw new Problem('in-use', { what: 'pack', reason: 'customers hold it; its sets can no longer change' });
  }
  const before = auditFields(packView(current));
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('packs').set({ ...columns(input), updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
    if (input.sets) {
      await tx.deleteFrom('pack_set_stocks').where('pack_id', '=', id).execute();
      await tx.deleteFrom('pack_sets').where('pack_id', '=', id).execute();
      await writeSets(tx, ctx, id, input.sets);
    }
    await audit(tx, ctx, { subject: 'pack', subjectId: id, action: 'changed', label: input.label ?? current.pack.label, before, after: auditFields(input) });
  });
  return packView(await findPack(ctx.db, ctx.orgId, id));
}

export async function deletePack(ctx: Ctx, id: string) {
  const current = await findPack(ctx.db, ctx.orgId, id);
  if (await hasHoldings(ctx.db, id)) throw new Problem('in-use', { what: 'pack', reason: 'it has been sold' });
  const inBasket = await ctx.db.selectFrom('basket_packs').select('id').where('pack_id', '=', id).limit(1).executeTakeFirst();
  if (inBasket) throw new Problem('in-use', { what: 'pack', reason: 'it is in a basket' });
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('pack_set_stocks').where('pack_id', '=', id).execute();
    await tx.deleteFrom('pack_sets').where('pack_id', '=', id).execute();
    await tx.updateTable('packs').set({ main_pack_id: null }).where('main_pack_id', '=', id).execute();
    await tx.deleteFrom('packs').where('id', '=', id).execute();
    await audit(tx, ctx, { subject: 'pack', subjectId: id, action: 'deleted', label: current.pack.label, changes: {} });
  });
}
