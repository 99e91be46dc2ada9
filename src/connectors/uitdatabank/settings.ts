// Per-organisation UiTdatabank settings: the Search API's address and the client id.
import { audit } from '../../audit/service.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { Problem } from '../../platform/problems.js';
import './problems.js';

export const SEARCH_PRODUCTION = 'https://search.uitdatabank.be';

const row = (db: Db, orgId: string) => db.selectFrom('uitdatabank_settings').selectAll().where('organisation_id', '=', orgId).executeTakeFirst();

export async function getUitdatabankSettings(ctx: Ctx) {
  const s = await row(ctx.db, ctx.orgId);
  return { configured: !!s, searchUrl: s?.search_url ?? null, clientId: s?.client_id ?? null, updatedAt: s?.updated_at ?? null };
}

export async function saveUitdatabankSettings(ctx: Ctx, input: { searchUrl: string; clientId: string }) {
  const now = ctx.clock.now().toISOString();
  const values = { search_url: input.searchUrl.replace(/\/+$/, ''), client_id: input.clientId, updated_at: now };
  await ctx.db.transaction().execute(async (tx) => {
    const before = await row(tx, ctx.orgId);
    await tx.insertInto('uitdatabank_settings').values({ organisation_id: ctx.orgId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values)).execute();
    await audit(tx, ctx, {
      subject: 'settings', subjectId: 'uitdatabank', action: before ? 'changed' : 'created', label: 'UiTdatabank',
      before: before ? { searchUrl: before.search_url, clientId: before.client_id } : null, after: { searchUrl: values.search_url, clientId: values.client_id },
    });
  });
  return getUitdatabankSettings(ctx);
}

export async function uitdatabankConnection(db: Db, orgId: string) {
  const s = await row(db, orgId);
  if (!s) throw new Problem('uitdatabank-not-configured');
  return { searchUrl: s.search_url, clientId: s.client_id };
}
