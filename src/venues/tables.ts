import type { Selectable } from 'kysely';
import type { TimeZone } from '../platform/time.js';

export interface VenueTable {
  id: string;
  organisation_id: string;
  name: string;
  address: string;
  postal_code: string;
  city: string;
  country: string;
  time_zone: TimeZone;
  /** #rrggbb for tickets and the shop; null: Foyer's own. */
  colour: string | null;
  /** data:image/png|jpeg;base64,… */
  logo: string | null;
  created_at: string;
}
export type Venue = Selectable<VenueTable>;

export interface HallTable {
  id: string;
  organisation_id: string;
  venue_id: string;
  name: string;
  created_at: string;
  updated_at: string;
}
export type Hall = Selectable<HallTable>;

export interface HallSeatTable {
  hall_id: string;
  /** Stable seat id, unique within the hall; tickets and inventory refer to it. */
  id: string;
  organisation_id: string;
  section: string;
  row_label: string;
  seat_label: string;
  rank: number;
  x: number;
  y: number;
  wheelchair: number;
  companion: number;
  restricted_view: number;
  /** Position in the map as it was given (section, row, seat order). */
  sort: number;
}
export type HallSeat = Selectable<HallSeatTable>;

export interface HallZoneTable {
  hall_id: string;
  id: string;
  organisation_id: string;
  name: string;
  capacity: number;
  rank: number;
  sort: number;
}
export type HallZone = Selectable<HallZoneTable>;

export interface VenueTables {
  venues: VenueTable;
  halls: HallTable;
  hall_seats: HallSeatTable;
  hall_zones: HallZoneTable;
}
