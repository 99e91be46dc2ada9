// A shop's settings (admin) and finding a shop by its slug (public).
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { Problem, invalidField } from '../platform/problems.js';
import { ShortCache } from '../platform/short-cache.js';
import { imageOrigin } from '../platform/security-headers.js';
import { providerFor } from '../payments/provider.js';
import { audit } from '../audit/service.js';
import { forgetOrganisation, getOrganisation, organisationBySlug, writeOrganisation } from '../organisations/service.js';
import type { Organisation } from '../organisations/tables.js';
import { isOrigin, normaliseOrigins } from './rules.js';
import type { ShopSettingsRow } from './tables.js';
import { shopLinks, type ShopLinks } from './links.js';
import './problems.js';

export const DEFAULT_MAX_PLACES = 10;

export interface ShopSettingsInput {
  enabled: boolean;
  slug?: string;
  displayName?: string | null;
  logoUrl?: string | null;
  colour?: string | null;
  embedOrigins?: string[];
  termsUrl?: string | null;
  maxPlaces?: number;
  buyerCancelHours?: number | null;
}

export interface Shop {
  org: Organisation;
  slug: string;
  enabled: boolean;
  name: string;
  logoUrl: string | null;
  colour: string | null;
  embedOrigins: string[];
  termsUrl: string | null;
  maxPlaces: number;
  /** Hours before the first performance up to which buyers may cancel themselves; null: they may not. */
  buyerCancelHours: number | null;
}

const shopOf = (org: Organisation, row: ShopSettingsRow | undefined): Shop => ({
  org,
  slug: org.slug ?? '',
  enabled: row?.enabled === 1,
  name: row?.display_name || org.name,
  logoUrl: row?.logo_url ?? null,
  colour: row?.colour ?? null,
  embedOrigins: row ? (JSON.parse(row.embed_origins) as string[]) : [],
  termsUrl: row?.terms_url ?? null,
  maxPlaces: row?.max_places ?? DEFAULT_MAX_PLACES,
  buyerCancelHours: row?.buyer_cancel_hours ?? null,
});

async function loadShop(db: Db, org: Organisation): Promise<Shop> {
  const row = await db.selectFrom('shop_settings').selectAll().where('organisation_id', '=', org.id).executeTakeFirst();
  return shopOf(org, row);
}

/** The settings as an admin sees them, with the shop's address. */
export const settingsView = (s: Shop, publicUrl: string) => ({
  enabled: s.enabled,
  slug: s.slug,
  url: `${publicUrl}/shop/${s.slug}/`,
  displayName: s.name === s.org.name ? null : s.name,
  logoUrl: s.logoUrl,
  colour: s.colour,
  embedOrigins: s.embedOrigins,
  termsUrl: s.termsUrl,
  maxPlaces: s.maxPlaces,
  buyerCancelHours: s.buyerCancelHours,
});

export async function getShopSettings(ctx: Ctx): Promise<Shop> {
  return loadShop(ctx.db, await getOrganisation(ctx.db, ctx.orgId));
}

export async function saveShopSettings(ctx: Ctx, input: ShopSettingsInput): Promise<Shop> {
  const bad = (input.embedOrigins ?? []).findIndex((o) => !isOrigin(o));
  if (bad >= 0) {
    throw invalidField(`embedOrigins/${bad}`, {
      en: 'must be an origin such as https://www.theater.nl (no path)',
      nl: 'moet een herkomst zijn zoals https://www.theater.nl (zonder pad)',
      fr: 'doit être une origine comme https://www.theatre.be (sans chemin)',
    });
  }
  // The slug, the settings and the audit entry land together or not at all (a taken slug changes nothing).
  await ctx.db.transaction().execute(async (tx) => {
    const before = await loadShop(tx, await getOrganisation(tx, ctx.orgId));
    if (input.slug !== undefined) await writeOrganisation(tx, ctx.orgId, { slug: input.slug });
    const current = input.slug !== undefined ? await loadShop(tx, await getOrganisation(tx, ctx.orgId)) : before;
    const row: ShopSettingsRow = {
      organisation_id: ctx.orgId,
      enabled: input.enabled ? 1 : 0,
      display_name: input.displayName !== undefined ? input.displayName || null : (current.name === current.org.name ? null : current.name),
      logo_url: input.logoUrl !== undefined ? input.logoUrl : current.logoUrl,
      colour: input.colour !== undefined ? input.colour : current.colour,
      embed_origins: JSON.stringify(input.embedOrigins !== undefined ? normaliseOrigins(input.embedOrigins) : current.embedOrigins),
      terms_url: input.termsUrl !== undefined ? input.termsUrl : current.termsUrl,
      max_places: input.maxPlaces ?? current.maxPlaces,
      buyer_cancel_hours: input.buyerCancelHours !== undefined ? input.buyerCancelHours : current.buyerCancelHours,
      updated_at: ctx.clock.now().toISOString(),
    };
    const { organisation_id: _id, ...rest } = row;
    await tx.insertInto('shop_settings').values(row)
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(rest)).execute();
    const after = shopOf(current.org, row);
    await audit(tx, ctx, { subject: 'settings', subjectId: 'shop', action: 'changed', label: after.name, before: shopAudit(before), after: shopAudit(after) });
  });
  if (input.slug !== undefined) forgetOrganisation(ctx.db, ctx.orgId);
  shops.forget();
  return getShopSettings(ctx);
}

/** What the audit trail keeps of a shop's settings: the admin's view without the address made from the slug. */
const shopAudit = (s: Shop) => {
  const { url: _url, ...fields } = settingsView(s, '');
  return fields;
};

// Every public request looks its shop up by slug; a change shows within a few seconds everywhere
// (at once in the process that made it).
const shops = new ShortCache<Shop | undefined>(3000, 1000, (s) => !!s);

/** The enabled shop at this slug; 404 shop-not-found for an unknown slug or a shop that is off. */
export async function openShop(db: Db, slug: string): Promise<Shop> {
  const shop = await shops.get(db, slug, async () => {
    const org = await organisationBySlug(db, slug);
    return org ? loadShop(db, org) : undefined;
  });
  if (!shop || !shop.enabled) throw new Problem('shop-not-found');
  return shop;
}

/** The frame-ancestors sources for a shop's pages: the shop's own origin and the allowed ones. */
export async function frameAncestors(db: Db, slug: string): Promise<string[]> {
  try {
    return (await openShop(db, slug)).embedOrigins;
  } catch {
    return [];
  }
}

// Read on every load of a shop page: a few seconds old at most.
const imageSources = new ShortCache<string[]>(3000, 1000);

/**
 * The origins a shop's pages show images from, for their img-src and nothing wider: its logo's, its
 * productions' and packs' pictures', and its payment provider's method icons'. None for a shop that is off.
 */
export async function shopImageSources(db: Db, slug: string, now: Date): Promise<string[]> {
  return imageSources.get(db, slug, async () => {
    const shop = await openShop(db, slug).catch(() => undefined);
    if (!shop) return [];
    const [productions, packs, provider] = await Promise.all([
      db.selectFrom('productions').select('image_url').distinct().where('organisation_id', '=', shop.org.id).where('image_url', 'is not', null).execute(),
      db.selectFrom('packs').select('image_url').distinct().where('organisation_id', '=', shop.org.id).where('image_url', 'is not', null).execute(),
      providerFor(db, shop.org.id, now).catch(() => null),
    ]);
    const urls = [shop.logoUrl, ...productions.map((p) => p.image_url), ...packs.map((p) => p.image_url), ...(provider?.imageOrigins ?? [])];
    return [...new Set(urls.map(imageOrigin).filter((o): o is string => !!o))];
  });
}

/** The page addresses of an organisation's shop when it is on; undefined when it is off. */
export async function linksOf(db: Db, orgId: string, base: string): Promise<ShopLinks | undefined> {
  const org = await getOrganisation(db, orgId);
  if (!org.slug) return undefined;
  const shop = await openShop(db, org.slug).catch(() => undefined);
  return shop ? shopLinks(base, shop.slug) : undefined;
}
