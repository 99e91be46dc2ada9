// Streams (video on demand): admin CRUD.
import { audit } from '../audit/service.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import type { Stream } from './tables.js';

export interface StreamInput {
  label: string;
  description: string;
  startsAt: string | null;
  endsAt: string | null;
  accessEndsAt: string | null;
  url: string;
  shopUrl: string | null;
  accessDurationHours: number | null;
  status: number;
  venueId: string | null;
  productionId: string | null;
  freeaccessSeats: boolean;
  freeaccessPacks: boolean;
  price: number;
}

export const streamView = (s: Stream) => ({
  id: s.id, label: s.label, description: s.description, startsAt: s.starts_at, endsAt: s.ends_at, accessEndsAt: s.access_ends_at,
  url: s.url, shopUrl: s.shop_url, accessDurationHours: s.access_duration_hours, status: s.status, venueId: s.venue_id,
  productionId: s.production_id, freeaccessSeats: s.freeaccess_seats === 1, freeaccessPacks: s.freeaccess_packs === 1, price: s.price,
});

export async function findStream(ctx: Pick<Ctx, 'db' | 'orgId'>, id: string): Promise<Stream> {
  const s = await ctx.db.selectFrom('streams').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!s) throw notFound('stream');
  return s;
}

export async function listStreams(ctx: Ctx) {
  return (await ctx.db.selectFrom('streams').selectAll().where('organisation_id', '=', ctx.orgId).orderBy('label').orderBy('id').execute()).map(streamView);
}

const columns = (i: Partial<StreamInput>) => ({
  ...(i.label !== undefined ? { label: i.label } : {}),
  ...(i.description !== undefined ? { description: i.description } : {}),
  ...(i.startsAt !== undefined ? { starts_at: i.startsAt } : {}),
  ...(i.endsAt !== undefined ? { ends_at: i.endsAt } : {}),
  ...(i.accessEndsAt !== undefined ? { access_ends_at: i.accessEndsAt } : {}),
  ...(i.url !== undefined ? { url: i.url } : {}),
  ...(i.shopUrl !== undefined ? { shop_url: i.shopUrl } : {}),
  ...(i.accessDurationHours !== undefined ? { access_duration_hours: i.accessDurationHours } : {}),
  ...(i.status !== undefined ? { status: i.status } : {}),
  ...(i.venueId !== undefined ? { venue_id: i.venueId } : {}),
  ...(i.productionId !== undefined ? { production_id: i.productionId } : {}),
  ...(i.freeaccessSeats !== undefined ? { freeaccess_seats: i.freeaccessSeats ? 1 : 0 } : {}),
  ...(i.freeaccessPacks !== undefined ? { freeaccess_packs: i.freeaccessPacks ? 1 : 0 } : {}),
  ...(i.price !== undefined ? { price: i.price } : {}),
});

async function checkRefs(ctx: Ctx, i: Partial<StreamInput>) {
  if (i.venueId) {
    const v = await ctx.db.selectFrom('venues').select('id').where('id', '=', i.venueId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
    if (!v) throw invalidField('venueId', { en: 'no such venue', nl: 'onbekende locatie', fr: 'lieu inconnu' });
  }
  if (i.productionId) {
    const p = await ctx.db.selectFrom('productions').select('id').where('id', '=', i.productionId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
    if (!p) throw invalidField('productionId', { en: 'no such production', nl: 'onbekende productie', fr: 'production inconnue' });
  }
}

export async function createStream(ctx: Ctx, input: StreamInput) {
  await checkRefs(ctx, input);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('streams').values({
      id, organisation_id: ctx.orgId, created_at: now, updated_at: now, ...(columns(input) as Required<ReturnType<typeof columns>>),
    }).execute();
    await audit(tx, ctx, { subject: 'stream', subjectId: id, action: 'created', label: input.label, before: null, after: { ...input } });
  });
  return streamView(await findStream(ctx, id));
}

export async function updateStream(ctx: Ctx, id: string, input: Partial<StreamInput>) {
  const current = streamView(await findStream(ctx, id));
  await checkRefs(ctx, input);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('streams').set({ ...columns(input), updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
    await audit(tx, ctx, { subject: 'stream', subjectId: id, action: 'changed', label: input.label ?? current.label, before: current, after: { ...input } });
  });
  return streamView(await findStream(ctx, id));
}

export async function deleteStream(ctx: Ctx, id: string) {
  const current = await findStream(ctx, id);
  const sold = await ctx.db.selectFrom('stream_purchases').select('id').where('stream_id', '=', id).limit(1).executeTakeFirst();
  const inPack = await ctx.db.selectFrom('pack_set_stocks').select('id').where('stream_id', '=', id).limit(1).executeTakeFirst();
  const inBasket = await ctx.db.selectFrom('basket_streams').select('id').where('stream_id', '=', id).limit(1).executeTakeFirst();
  if (sold || inPack || inBasket) throw new Problem('in-use', { what: 'stream', reason: 'it has been sold or is in a pack; cancel it instead (status 20)' });
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('streams').where('id', '=', id).execute();
    await audit(tx, ctx, { subject: 'stream', subjectId: id, action: 'deleted', label: current.label, changes: {} });
  });
}
