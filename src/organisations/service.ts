import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/problems.js';
import type { Organisation } from './tables.js';
import { ShortCache } from '../platform/short-cache.js';

export async function createOrganisation(db: Db, name: string, now: Date): Promise<Organisation> {
  const org = {
    id: newId(),
    name,
    online_hold_minutes: 15,
    boxoffice_hold_minutes: 60,
    reservation_hours: null,
    created_at: now.toISOString(),
  };
  await db.insertInto('organisations').values(org).execute();
  return org;
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
export const organisationSettings = (db: Db, id: string): Promise<Organisation> => settingsCache.get(id, () => getOrganisation(db, id));

export interface OrganisationSettings {
  name?: string;
  onlineHoldMinutes?: number;
  boxofficeHoldMinutes?: number;
  reservationHours?: number | null;
}

export async function updateOrganisation(db: Db, id: string, s: OrganisationSettings): Promise<Organisation> {
  const patch = {
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.onlineHoldMinutes !== undefined ? { online_hold_minutes: s.onlineHoldMinutes } : {}),
    ...(s.boxofficeHoldMinutes !== undefined ? { boxoffice_hold_minutes: s.boxofficeHoldMinutes } : {}),
    ...(s.reservationHours !== undefined ? { reservation_hours: s.reservationHours } : {}),
  };
  if (Object.keys(patch).length) await db.updateTable('organisations').set(patch).where('id', '=', id).execute();
  settingsCache.forget(id);
  return getOrganisation(db, id);
}

export const organisationView = (o: Organisation) => ({
  id: o.id,
  name: o.name,
  onlineHoldMinutes: o.online_hold_minutes,
  boxofficeHoldMinutes: o.boxoffice_hold_minutes,
  reservationHours: o.reservation_hours,
});
