// Foyer rows in Utick's field names and formats.
import crypto from 'node:crypto';
import type { Venue } from '../venues/tables.js';
import type { Production } from '../productions/tables.js';
import type { Stream } from '../streams/tables.js';
import type { Pack } from '../packs/tables.js';
import { DEFAULT_ZONE, uid, utickDate } from './envelope.js';
import type { ShopLinks } from '../shop/links.js';

/** A stable upper-case UUID for something Foyer has no id for (a rank of a performance, a genre). */
export function derivedId(...parts: string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

export const venueObject = (v: Venue) => ({
  id: uid(v.id), label: v.name, addressl1: v.address, addressl2: '', postalcode: v.postal_code, city: v.city, country: v.country,
  map_url: `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${v.address}, ${v.postal_code} ${v.city}`)}`,
});
export type VenueObject = ReturnType<typeof venueObject>;

export interface AttractionStats {
  first: string | null;
  last: string | null;
  count: number;
  durationMinutes: number | null;
  zone: string;
}

export const attractionObject = (p: Production, s: AttractionStats) => ({
  id: uid(p.id), label: p.title, description: p.description, typeid: 1, agelimit: null, cast: '', duration: s.durationMinutes,
  additionaldescription: p.producer ? `${p.producer}` : '', image_url: p.image_url ?? '',
  categories: p.genre ? [{ id: derivedId('genre', p.organisation_id, p.genre), label: p.genre, description: '' }] : [],
  firstevent_date: utickDate(s.first, s.zone), lastevent_date: utickDate(s.last, s.zone), nb_events: s.count,
});
export type AttractionObject = ReturnType<typeof attractionObject>;

/** A pack; its item numbers are the sums over its sets ("Pass de 10 places": 0..10). */
export const packObject = (p: Pack, sets: { itemnb_min: number; itemnb_max: number }[], shop?: ShopLinks) => ({
  id: uid(p.id), label: p.label, typeid: p.type_id, description: p.description,
  itemnb_min: sets.reduce((n, s) => n + s.itemnb_min, 0), itemnb_max: sets.reduce((n, s) => n + s.itemnb_max, 0),
  mainpackid: uid(p.main_pack_id), shop_url: p.shop_url ?? shop?.pack(p.id) ?? '', image_url: p.image_url ?? '',
});

const STREAM_STATUS_LABEL: Record<number, string> = { 10: 'Published', 11: 'No booking', 20: 'Cancelled' };

export const streamObject = (s: Stream, venue: VenueObject | null, attraction: AttractionObject | null, zone: string, shop?: ShopLinks) => ({
  id: uid(s.id), label: s.label, description: s.description, starttime: utickDate(s.starts_at, zone), endtime: utickDate(s.ends_at, zone),
  accessendtime: utickDate(s.access_ends_at, zone), url: s.url, shop_url: s.shop_url ?? shop?.stream(s.id) ?? '',
  access_duration: s.access_duration_hours === null ? null : String(s.access_duration_hours),
  freeaccess_packs: s.freeaccess_packs === 1, freeaccess_seats: s.freeaccess_seats === 1,
  status: { id: s.status, label: STREAM_STATUS_LABEL[s.status] ?? 'Unknown' }, venue, attraction,
});

export { DEFAULT_ZONE };
