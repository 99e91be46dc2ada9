// The API's venue and hall records as this section reads them.
import type { SeatMapDef } from '../../api/types.js';

export interface Venue {
  id: string; name: string; address: string; postalCode: string; city: string; country: string;
  timeZone: 'Europe/Amsterdam' | 'Europe/Brussels'; colour: string | null; logo: string | null;
}
export type VenueDraft = Omit<Venue, 'id'>;
export interface HallSummary { id: string; venueId: string; name: string; seatCount: number; zoneCapacity: number; capacity: number }
export interface HallWithMap extends HallSummary { seatMap: SeatMapDef }

/** A place the API refused to drop (problem seat-map-drops-sold-seats, places[]). */
export interface RefusedPlace { id: string; kind: 'seat' | 'zone'; section: string; row: string | null; seat: string | null }

export const TIME_ZONES = ['Europe/Amsterdam', 'Europe/Brussels'] as const;
export const COUNTRIES = ['NL', 'BE', 'LU', 'DE', 'FR'] as const;
