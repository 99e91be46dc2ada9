import type { Ctx } from '../platform/context.js';
import type { Lang } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { invalid, invalidField, notFound, type FieldError } from '../platform/problems.js';
import { findPerformance } from '../productions/service.js';
import type { Channel } from '../productions/tables.js';
import type { DipCategory, TicketType } from './tables.js';

export interface TicketTypeInput {
  names: { nl: string; fr: string; en: string };
  dipCategory: DipCategory;
  channels: Channel[];
  uitpas: boolean;
  uitpasGroup: boolean;
}

export const ticketTypeName = (t: Pick<TicketType, 'name_nl' | 'name_fr' | 'name_en'>, lang: Lang): string =>
  ({ nl: t.name_nl, fr: t.name_fr, en: t.name_en })[lang];

export const ticketTypeView = (t: TicketType, lang: Lang) => ({
  id: t.id,
  name: ticketTypeName(t, lang),
  names: { nl: t.name_nl, fr: t.name_fr, en: t.name_en },
  dipCategory: t.dip_category,
  channels: [...(t.sell_boxoffice ? ['boxoffice' as const] : []), ...(t.sell_online ? ['online' as const] : [])],
  uitpas: t.uitpas === 1,
  uitpasGroup: t.uitpas_group === 1,
  archived: t.archived === 1,
});

export async function listTicketTypes(ctx: Ctx, includeArchived: boolean) {
  let q = ctx.db.selectFrom('ticket_types').selectAll().where('organisation_id', '=', ctx.orgId);
  if (!includeArchived) q = q.where('archived', '=', 0);
  return (await q.orderBy('created_at').orderBy('id').execute()).map((t) => ticketTypeView(t, ctx.lang));
}

export async function getTicketType(ctx: Ctx, id: string): Promise<TicketType> {
  const t = await ctx.db.selectFrom('ticket_types').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!t) throw notFound('ticket type');
  return t;
}

/** An organisation has at most one UiTPAS type and one UiTPAS group-pass type. */
async function checkUniqueFlags(ctx: Ctx, input: Partial<TicketTypeInput>, exceptId?: string) {
  for (const [flag, column] of [['uitpas', 'uitpas'], ['uitpasGroup', 'uitpas_group']] as const) {
    if (!input[flag]) continue;
    let q = ctx.db.selectFrom('ticket_types').select('id').where('organisation_id', '=', ctx.orgId)
      .where(column, '=', 1).where('archived', '=', 0);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) {
      throw invalidField(flag, {
        en: 'another active ticket type already has this flag',
        nl: 'een ander actief tickettype heeft deze vlag al',
        fr: 'un autre type de billet actif porte déjà ce drapeau',
      });
    }
  }
}

export async function createTicketType(ctx: Ctx, input: TicketTypeInput) {
  await checkUniqueFlags(ctx, input);
  const t: TicketType = {
    id: newId(), organisation_id: ctx.orgId, name_nl: input.names.nl, name_fr: input.names.fr, name_en: input.names.en,
    dip_category: input.dipCategory, sell_boxoffice: input.channels.includes('boxoffice') ? 1 : 0,
    sell_online: input.channels.includes('online') ? 1 : 0, uitpas: input.uitpas ? 1 : 0,
    uitpas_group: input.uitpasGroup ? 1 : 0, archived: 0, created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('ticket_types').values(t).execute();
  return ticketTypeView(t, ctx.lang);
}

export async function updateTicketType(ctx: Ctx, id: string, input: Partial<TicketTypeInput> & { archived?: boolean }) {
  await getTicketType(ctx, id);
  await checkUniqueFlags(ctx, input, id);
  await ctx.db.updateTable('ticket_types').set({
    ...(input.names ? { name_nl: input.names.nl, name_fr: input.names.fr, name_en: input.names.en } : {}),
    ...(input.dipCategory !== undefined ? { dip_category: input.dipCategory } : {}),
    ...(input.channels !== undefined
      ? { sell_boxoffice: input.channels.includes('boxoffice') ? 1 : 0, sell_online: input.channels.includes('online') ? 1 : 0 }
      : {}),
    ...(input.uitpas !== undefined ? { uitpas: input.uitpas ? 1 : 0 } : {}),
    ...(input.uitpasGroup !== undefined ? { uitpas_group: input.uitpasGroup ? 1 : 0 } : {}),
    ...(input.archived !== undefined ? { archived: input.archived ? 1 : 0 } : {}),
  }).where('id', '=', id).execute();
  return ticketTypeView(await getTicketType(ctx, id), ctx.lang);
}

// --- price lists ---------------------------------------------------------------------------

export interface PriceInput {
  ticketTypeId: string;
  rank: number;
  amount: number;
}

export async function getPriceList(ctx: Ctx, performanceId: string) {
  const p = await findPerformance(ctx, performanceId);
  const rows = await ctx.db.selectFrom('prices').selectAll().where('performance_id', '=', performanceId)
    .orderBy('ticket_type_id').orderBy('rank').execute();
  return {
    performanceId,
    vatRate: p.vat_rate,
    standardTicketTypeId: p.standard_ticket_type_id,
    prices: rows.map((r) => ({ ticketTypeId: r.ticket_type_id, rank: r.rank, amount: r.amount })),
  };
}

/** Replaces the performance's price list (price per rank per ticket type) and optionally its VAT rate. */
export async function putPriceList(ctx: Ctx, performanceId: string, prices: PriceInput[], vatRate?: number) {
  await findPerformance(ctx, performanceId);
  const types = new Set(
    (await ctx.db.selectFrom('ticket_types').select('id').where('organisation_id', '=', ctx.orgId).execute()).map((t) => t.id),
  );
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
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('prices').where('performance_id', '=', performanceId).execute();
    if (prices.length) {
      await tx.insertInto('prices').values(prices.map((p) => ({
        performance_id: performanceId, ticket_type_id: p.ticketTypeId, rank: p.rank, organisation_id: ctx.orgId, amount: p.amount,
      }))).execute();
    }
    if (vatRate !== undefined) {
      await tx.updateTable('performances').set({ vat_rate: vatRate, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', performanceId).execute();
    }
  });
  return getPriceList(ctx, performanceId);
}
