import { audit } from '../audit/service.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { Problem, notFound } from '../platform/problems.js';
import { isUniqueViolation } from '../platform/jobs.js';
import type { Organisation } from './tables.js';
import { ShortCache } from '../platform/short-cache.js';
import { slugCandidate, slugOf } from './slug.js';
import './problems.js';

/** A new organisation; its slug comes from the name (or `slug`), with a number when it is taken. */
export async function createOrganisation(db: Db, name: string, now: Date, slug?: string): Promise<Organisation> {
  const base = slug ?? slugOf(name);
  for (let n = 1; ; n++) {
    const org: Organisation = {
      id: newId(),
      name,
      slug: slugCandidate(base, n),
      online_hold_minutes: 15,
      boxoffice_hold_minutes: 60,
      reservation_hours: null,
      created_at: now.toISOString(),
    };
    try {
      await db.insertInto('organisations').values(org).execute();
      return org;
    } catch (e) {
      if (!isUniqueViolation(e) || n >= 50) throw e;
    }
  }
}

export async function getOrganisation(db: Db, id: string): Promise<Organisation> {
  const org = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw notFound('organisation');
  return org;
}

// Hold and reservation settings are read by every basket and checkout; they change a few times a
// year. Each process keeps them for a few seconds (its own changes at once): another process may
// apply an old hold time to baskets opened in the seconds after a change, never anything worse.
const settingsCache = new ShortCache<Organisation>(5000, 1000);

/** The organisation as `getOrganisation`, at most a few seconds old: for the selling hot path. */
export const organisationSettings = (db: Db, id: string): Promise<Organisation> => settingsCache.get(db, id, () => getOrganisation(db, id));

export interface OrganisationSettings {
  name?: string;
  slug?: string;
  onlineHoldMinutes?: number;
  boxofficeHoldMinutes?: number;
  reservationHours?: number | null;
}

export async function updateOrganisation(db: Db, id: string, s: OrganisationSettings): Promise<Organisation> {
  await writeOrganisation(db, id, s);
  forgetOrganisation(db, id);
  return getOrganisation(db, id);
}

/** A staff member's change of the organisation's settings, recorded in the audit trail (before → after) in its transaction. */
export async function changeOrganisation(ctx: Ctx, s: OrganisationSettings): Promise<Organisation> {
  const after = await ctx.db.transaction().execute(async (tx) => {
    const before = await getOrganisation(tx, ctx.orgId);
    await writeOrganisation(tx, ctx.orgId, s);
    const now = await getOrganisation(tx, ctx.orgId);
    await audit(tx, ctx, { subject: 'settings', subjectId: 'organisation', action: 'changed', label: now.name, before: organisationView(before), after: organisationView(now) });
    return now;
  });
  forgetOrganisation(ctx.db, ctx.orgId);
  return after;
}

/** After a change of the organisation row committed: every cached copy of it (settings, slug) is stale. */
export function forgetOrganisation(db: Db, id: string): void {
  settingsCache.forget(db, id);
  forgetSlug();
}

/** Writes the given settings (in the caller's transaction, when it has one); 409 slug-taken when the slug is another's. */
export async function writeOrganisation(db: Db, id: string, s: OrganisationSettings): Promise<void> {
  const patch = {
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.slug !== undefined ? { slug: s.slug } : {}),
    ...(s.onlineHoldMinutes !== undefined ? { online_hold_minutes: s.onlineHoldMinutes } : {}),
    ...(s.boxofficeHoldMinutes !== undefined ? { boxoffice_hold_minutes: s.boxofficeHoldMinutes } : {}),
    ...(s.reservationHours !== undefined ? { reservation_hours: s.reservationHours } : {}),
  };
  try {
    if (Object.keys(patch).length) await db.updateTable('organisations').set(patch).where('id', '=', id).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new Problem('slug-taken', { slug: s.slug ?? '' });
    throw e;
  }
}

export const organisationView = (o: Organisation) => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  onlineHoldMinutes: o.online_hold_minutes,
  boxofficeHoldMinutes: o.boxoffice_hold_minutes,
  reservationHours: o.reservation_hours,
});

// Public pages find their organisation by slug on every request; slugs change rarely.
const bySlug = new ShortCache<Organisation | undefined>(5000, 1000, (o) => !!o);
const forgetSlug = (): void => bySlug.forget();

/** The organisation with this slug (at most a few seconds old), or undefined. */
export const organisationBySlug = (db: Db, slug: string): Promise<Organisation | undefined> =>
  bySlug.get(db, slug, () => db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst());
