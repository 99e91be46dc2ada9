// Foyer rows in Utick's field names and formats.
import crypto from 'node:crypto';
import type { Venue } from '../venues/tables.js';
import type { Production } from '../productions/tables.js';
import type { Stream } from '../streams/tables.js';
import type { Pack } from '../packs/tables.js';
import { DEFAULT_ZONE, uid, utickDate, type UtickLanguage } from './envelope.js';
import { ONLINE_VENUE_LABEL, STREAM_STATUS_LABELS, statusObject } from './labels.js';
import type { ShopLinks } from '../shop/links.js';

/** A stable upper-case UUID for something Foyer has no id for (a rank of a performance, a genre). */
export function derivedId(...parts: string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

export const venueObject = (v: Venue) => ({
  id: uid(v.id), label: v.name, addressl1: v.address, addressl2: '', postalcode: v.postal_code, city: v.city, country: v.country,
  map_url: `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${v.address}, ${v.postal_code} ${v.city}`)}`,
  metadata: {},
});
export type VenueObject = ReturnType<typeof venueObject>;

/** What a stream without a venue shows as its venue: the client reads one on every stream. */
export const onlineVenue = (lang: UtickLanguage): VenueObject => ({
  id: '', label: ONLINE_VENUE_LABEL[lang], addressl1: '', addressl2: '', postalcode: '', city: '', country: '', map_url: '', metadata: {},
});

/** A genre as a Utick category. Foyer keeps no colours or images for genres. */
export const categoryObject = (orgId: string, genre: string) => ({
  id: derivedId('genre', orgId, genre), label: genre, description: '', image_url: '', color: '',
});

export interface AttractionStats {
  first: string | null;
  last: string | null;
  count: number;
  durationMinutes: number | null;
  zone: string;
}

export const attractionObject = (p: Production, s: AttractionStats, org: { id: string; name: string }) => ({
  id: uid(p.id), label: p.title, description: p.description, typeid: '1', agelimit: null, cast: '', duration: s.durationMinutes,
  additionaldescription: p.producer ? `${p.producer}` : '', image_url: p.image_url ?? '', image_url_small: p.image_url ?? '',
  externalid: p.dip_production_id,
  categories: p.genre ? [categoryObject(p.organisation_id, p.genre)] : [],
  organizer: { id: uid(org.id), label: org.name },
  distributor: p.producer ? { id: derivedId('producer', p.organisation_id, p.producer), label: p.producer } : null,
  metadata: {},
  firstevent_date: utickDate(s.first, s.zone), lastevent_date: utickDate(s.last, s.zone), nb_events: s.count,
});
export type AttractionObject = ReturnType<typeof attractionObject>;

/** What a stream of no production shows as its attraction: the stream itself (the client reads one on every stream). */
export const streamAttraction = (st: Stream, zone: string, org: { id: string; name: string }): AttractionObject => ({
  id: derivedId('stream-attraction', st.id), label: st.label, description: st.description, typeid: '1', agelimit: null, cast: '', duration: null,
  additionaldescription: '', image_url: '', image_url_small: '', externalid: null, categories: [],
  organizer: { id: uid(org.id), label: org.name }, distributor: null, metadata: {},
  firstevent_date: utickDate(st.starts_at, zone), lastevent_date: utickDate(st.starts_at, zone), nb_events: 0,
});

/** A pack; its item numbers are the sums over its sets ("Pass de 10 places": 0..10). */
export const packObject = (p: Pack, sets: { itemnb_min: number; itemnb_max: number }[], shop?: ShopLinks) => ({
  id: uid(p.id), label: p.label, typeid: String(p.type_id), description: p.description,
  itemnb_min: sets.reduce((n, s) => n + s.itemnb_min, 0), itemnb_max: sets.reduce((n, s) => n + s.itemnb_max, 0),
  mainpackid: uid(p.main_pack_id), shop_url: p.shop_url ?? shop?.pack(p.id) ?? '', image_url: p.image_url ?? '',
});

export const streamObject = (s: Stream, venue: VenueObject, attraction: AttractionObject, zone: string, lang: UtickLanguage, shop?: ShopLinks) => ({
  id: uid(s.id), label: s.label, description: s.description, starttime: utickDate(s.starts_at, zone), endtime: utickDate(s.ends_at, zone),
  accessendtime: utickDate(s.access_ends_at, zone), url: s.url, shop_url: s.shop_url ?? shop?.stream(s.id) ?? '',
  access_duration: s.access_duration_hours === null ? null : String(s.access_duration_hours),
  freeaccess_packs: s.freeaccess_packs === 1, freeaccess_seats: s.freeaccess_seats === 1,
  status: statusObject(STREAM_STATUS_LABELS, s.status, lang), venue, attraction,
});

export { DEFAULT_ZONE };
