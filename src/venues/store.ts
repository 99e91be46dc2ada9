// SQL for venues, halls and seat maps. Takes a db or a transaction; never opens one.
import type { Db } from '../platform/db.js';
import type { SeatRow, ZoneRow } from './rules.js';
import type { Hall, HallSeat, HallZone, Venue } from './tables.js';

export const findVenue = (db: Db, orgId: string, id: string): Promise<Venue | undefined> =>
  db.selectFrom('venues').selectAll().where('id', '=', id).where('organisation_id', '=', orgId).executeTakeFirst();

export const findHall = (db: Db, orgId: string, id: string): Promise<Hall | undefined> =>
  db.selectFrom('halls').selectAll().where('id', '=', id).where('organisation_id', '=', orgId).executeTakeFirst();

export const hallSeats = (db: Db, hallId: string): Promise<HallSeat[]> =>
  db.selectFrom('hall_seats').selectAll().where('hall_id', '=', hallId).orderBy('sort').execute();

export const hallZones = (db: Db, hallId: string): Promise<HallZone[]> =>
  db.selectFrom('hall_zones').selectAll().where('hall_id', '=', hallId).orderBy('sort').execute();

const CHUNK = 500;

export async function replaceSeatMap(db: Db, hall: Hall, seats: SeatRow[], zones: ZoneRow[]): Promise<void> {
  await db.deleteFrom('hall_seats').where('hall_id', '=', hall.id).execute();
  await db.deleteFrom('hall_zones').where('hall_id', '=', hall.id).execute();
  for (let i = 0; i < seats.length; i += CHUNK) {
    await db.insertInto('hall_seats')
      .values(seats.slice(i, i + CHUNK).map((s) => ({ ...s, hall_id: hall.id, organisation_id: hall.organisation_id })))
      .execute();
  }
  if (zones.length) {
    await db.insertInto('hall_zones')
      .values(zones.map((z) => ({ ...z, hall_id: hall.id, organisation_id: hall.organisation_id })))
      .execute();
  }
}

