// Fee settings per organisation and channel, and what a basket's or an order's fees and VAT are.
import { audit } from '../audit/service.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { ShortCache } from '../platform/short-cache.js';
import { CHANNELS, type Channel } from '../productions/tables.js';
import { noFees, ticketVatRate, type FeeSettings } from './rules.js';

// Read by every basket view and checkout, changed a few times a year: a few seconds old at most
// (this process's own changes at once).
const cache = new ShortCache<FeeSettings[]>(5000, 1000);

async function load(db: Db, orgId: string): Promise<FeeSettings[]> {
  const rows = await db.selectFrom('fee_settings').selectAll().where('organisation_id', '=', orgId).execute();
  return CHANNELS.map((channel) => {
    const r = rows.find((x) => x.channel === channel);
    return r ? { channel, perTicket: Number(r.per_ticket), perOrder: Number(r.per_order), vatRate: r.vat_rate } : noFees(channel);
  });
}

/** Every channel's fees (a channel without settings charges none). */
export const allFeeSettings = (db: Db, orgId: string): Promise<FeeSettings[]> => cache.get(db, orgId, () => load(db, orgId));

export const feeSettings = async (db: Db, orgId: string, channel: Channel): Promise<FeeSettings> =>
  (await allFeeSettings(db, orgId)).find((s) => s.channel === channel) ?? noFees(channel);

export type FeeInput = Partial<Record<Channel, { perTicket: number; perOrder: number; vatRate: number }>>;

/** The fees as the audit trail keeps them: "boxoffice.perTicket" and so on (cents; the rate a fraction). */
const feesAudit = (all: FeeSettings[]) =>
  Object.fromEntries(all.flatMap((f) => [[`${f.channel}.perTicket`, f.perTicket], [`${f.channel}.perOrder`, f.perOrder], [`${f.channel}.vatRate`, f.vatRate]]));

export async function saveFeeSettings(ctx: Ctx, input: FeeInput): Promise<FeeSettings[]> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await load(tx, ctx.orgId);
    for (const channel of CHANNELS) {
      const s = input[channel];
      if (!s) continue;
      const row = { per_ticket: s.perTicket, per_order: s.perOrder, vat_rate: s.vatRate, updated_at: now };
      await tx.insertInto('fee_settings').values({ organisation_id: ctx.orgId, channel, ...row })
        .onConflict((oc) => oc.columns(['organisation_id', 'channel']).doUpdateSet(row)).execute();
    }
    await audit(tx, ctx, { subject: 'settings', subjectId: 'fees', action: 'changed', label: 'Fees', before: feesAudit(before), after: feesAudit(await load(tx, ctx.orgId)) });
  });
  cache.forget(ctx.db, ctx.orgId);
  return allFeeSettings(ctx.db, ctx.orgId);
}

/** The ticket VAT rate of the organisation's country (its first venue's): for packs and streams. */
export async function organisationVatRate(db: Db, orgId: string): Promise<number> {
  const v = await db.selectFrom('venues').select('country').where('organisation_id', '=', orgId).orderBy('created_at').limit(1).executeTakeFirst();
  return ticketVatRate(v?.country ?? 'NL');
}
