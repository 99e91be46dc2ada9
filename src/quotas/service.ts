// Reading and setting a performance's quotas per ticket type (the back office's Quotas panel).
import { audit } from '../audit/service.js';
import type { Ctx } from '../platform/context.js';
import { invalid, type FieldError } from '../platform/problems.js';
import { ticketTypeName } from '../pricing/service.js';
import { findPerformance } from '../productions/service.js';
import { quotasOf, takenByType } from './store.js';

export interface QuotaInput {
  ticketTypeId: string;
  /** null or absent: no quota for this type. */
  max?: number | null;
}

export interface QuotaView {
  ticketTypeId: string;
  name: string;
  archived: boolean;
  /** null: no quota. */
  max: number | null;
  /** Held in a basket (hold not lapsed), reserved or sold. */
  taken: number;
}

/** Every ticket type of the organisation that is in use (not archived) or has a quota here, by name, with what is taken of it. */
export async function getQuotas(ctx: Ctx, performanceId: string): Promise<{ performanceId: string; quotas: QuotaView[] }> {
  await findPerformance(ctx, performanceId);
  const [types, quotas] = await Promise.all([
    ctx.db.selectFrom('ticket_types').selectAll().where('organisation_id', '=', ctx.orgId).execute(),
    quotasOf(ctx.db, performanceId),
  ]);
  const shown = types.filter((t) => !t.archived || quotas.has(t.id));
  const taken = await takenByType(ctx.db, performanceId, shown.map((t) => t.id), ctx.clock.now().toISOString());
  return {
    performanceId,
    quotas: shown.map((t) => ({
      ticketTypeId: t.id, name: ticketTypeName(t, ctx.lang), archived: t.archived === 1,
      max: quotas.get(t.id) ?? null, taken: taken.get(t.id) ?? 0,
    })).sort((a, b) => a.name.localeCompare(b.name, ctx.lang) || a.ticketTypeId.localeCompare(b.ticketTypeId)),
  };
}

const unknownType: FieldError['message'] = { en: 'no such ticket type', nl: 'onbekend tickettype', fr: 'type de billet inconnu' };
const twice: FieldError['message'] = {
  en: 'this ticket type has two quotas', nl: 'dit tickettype heeft twee quota', fr: 'ce type de billet a deux quotas',
};
const belowTaken: FieldError['message'] = {
  en: '{taken} tickets of this type are already held, reserved or sold: the quota cannot be lower than {taken}',
  nl: 'Er zijn al {taken} tickets van dit type vastgehouden, gereserveerd of verkocht: het quotum kan niet lager zijn dan {taken}',
  fr: '{taken} billets de ce type sont déjà retenus, réservés ou vendus : le quota ne peut pas être inférieur à {taken}',
};

/**
 * Replaces the performance's quotas: the listed types with a max get that quota, every other type
 * none. A quota below what is already taken is refused on its field, saying how many that is.
 */
export async function putQuotas(ctx: Ctx, performanceId: string, input: QuotaInput[]) {
  const perf = await findPerformance(ctx, performanceId);
  const types = new Map((await ctx.db.selectFrom('ticket_types').selectAll().where('organisation_id', '=', ctx.orgId).execute()).map((t) => [t.id, t]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.forEach((q, i) => {
    if (!types.has(q.ticketTypeId)) errors.push({ field: `quotas/${i}/ticketTypeId`, message: unknownType });
    else if (seen.has(q.ticketTypeId)) errors.push({ field: `quotas/${i}/ticketTypeId`, message: twice });
    seen.add(q.ticketTypeId);
  });
  if (errors.length) throw invalid(errors);
  const wanted = input.flatMap((q, i) => (q.max === null || q.max === undefined ? [] : [{ i, ticketTypeId: q.ticketTypeId, max: q.max }]));
  const now = ctx.clock.now().toISOString();
  const nameOf = (id: string) => ticketTypeName(types.get(id)!, ctx.lang);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await quotasOf(tx, performanceId);
    // The rows first (an existing one is locked by this): a sale of the type waits for this change.
    for (const q of wanted) {
      await tx.insertInto('ticket_type_quotas')
        .values({ performance_id: performanceId, ticket_type_id: q.ticketTypeId, organisation_id: ctx.orgId, max_count: q.max, updated_at: now })
        .onConflict((oc) => oc.columns(['performance_id', 'ticket_type_id']).doUpdateSet({ max_count: q.max, updated_at: now }))
        .execute();
    }
    const taken = await takenByType(tx, performanceId, wanted.map((q) => q.ticketTypeId), now);
    const low = wanted.filter((q) => q.max < (taken.get(q.ticketTypeId) ?? 0));
    if (low.length) {
      throw invalid(low.map((q) => ({ field: `quotas/${q.i}/max`, message: belowTaken, params: { taken: taken.get(q.ticketTypeId) ?? 0 } })));
    }
    const keep = wanted.map((q) => q.ticketTypeId);
    let del = tx.deleteFrom('ticket_type_quotas').where('performance_id', '=', performanceId);
    if (keep.length) del = del.where('ticket_type_id', 'not in', keep);
    await del.execute();
    const named = (m: Map<string, number>) => Object.fromEntries([...m].map(([id, max]) => [nameOf(id), max]));
    const after = new Map(wanted.map((q) => [q.ticketTypeId, q.max]));
    const beforeNamed = named(before);
    const afterNamed: Record<string, number | null> = named(after);
    // A quota taken away shows as "50 → none".
    for (const k of Object.keys(beforeNamed)) if (!(k in afterNamed)) afterNamed[k] = null;
    await audit(tx, ctx, { subject: 'quota', subjectId: performanceId, action: 'changed', label: perf.starts_at, before: beforeNamed, after: afterNamed });
  });
  return getQuotas(ctx, performanceId);
}
