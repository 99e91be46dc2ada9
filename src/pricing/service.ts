import type { Ctx } from '../platform/context.js';
import type { Lang } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { invalidField, notFound } from '../platform/problems.js';
import { audit } from '../audit/service.js';
import type { Channel } from '../productions/tables.js';
import type { DipCategory, TicketType } from './tables.js';
import { forgetSaleTerms } from '../platform/sale-terms-cache.js';

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

/** As the audit trail keeps it. */
const ticketTypeAudit = (t: TicketType) => ({ ...ticketTypeView(t, 'nl'), id: undefined, name: undefined });

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
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('ticket_types').values(t).execute();
    await audit(tx, ctx, { subject: 'ticket-type', subjectId: t.id, action: 'created', label: t.name_nl, before: null, after: ticketTypeAudit(t) });
  });
  return ticketTypeView(t, ctx.lang);
}

export async function updateTicketType(ctx: Ctx, id: string, input: Partial<TicketTypeInput> & { archived?: boolean }) {
  const before = await getTicketType(ctx, id);
  await checkUniqueFlags(ctx, input, id);
  const patch = {
    ...(input.names ? { name_nl: input.names.nl, name_fr: input.names.fr, name_en: input.names.en } : {}),
    ...(input.dipCategory !== undefined ? { dip_category: input.dipCategory } : {}),
    ...(input.channels !== undefined
      ? { sell_boxoffice: input.channels.includes('boxoffice') ? 1 : 0, sell_online: input.channels.includes('online') ? 1 : 0 }
      : {}),
    ...(input.uitpas !== undefined ? { uitpas: input.uitpas ? 1 : 0 } : {}),
    ...(input.uitpasGroup !== undefined ? { uitpas_group: input.uitpasGroup ? 1 : 0 } : {}),
    ...(input.archived !== undefined ? { archived: input.archived ? 1 : 0 } : {}),
  };
  if (Object.keys(patch).length) {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('ticket_types').set(patch).where('id', '=', id).where('organisation_id', '=', ctx.orgId).execute();
      const after = { ...before, ...patch };
      await audit(tx, ctx, { subject: 'ticket-type', subjectId: id, action: 'changed', label: after.name_nl, before: ticketTypeAudit(before), after: ticketTypeAudit(after) });
    });
    forgetSaleTerms();
  }
  return ticketTypeView(await getTicketType(ctx, id), ctx.lang);
}
