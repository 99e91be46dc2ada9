// The demo season, as data. Foyer's demo seed and the DIP and UiTPAS sandboxes all read this, so
// the sandboxes know the same productions, dates and event ids as a freshly seeded Foyer.
import crypto from 'node:crypto';
import type { SeatMapInput } from '../venues/rules.js';

export const DEMO_ORGANISATION = 'Demo Schouwburg';
export const DEMO_ADMIN = { email: 'admin@demo.foyer.test', password: 'demo-admin-2026', name: 'Demo Beheerder' };
export const DEMO_BOXOFFICE = { email: 'kassa@demo.foyer.test', password: 'demo-kassa-2026', name: 'Demo Kassa' };
export const DEMO_DOOR = { email: 'deur@demo.foyer.test', password: 'demo-deur-2026', name: 'Demo Deur' };
export const DEMO_DOORS = ['Hoofdingang', 'Zij-ingang'];

/** Stable UUID from a name (the UUID v5 layout over SHA-1), so ids survive re-seeding. */
export function stableUuid(name: string): string {
  const h = crypto.createHash('sha1').update(`foyer-demo:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export type DemoVenueKey = 'amsterdam' | 'gent';

export const DEMO_VENUES = {
  amsterdam: {
    name: 'Demo Schouwburg Amsterdam', address: 'Leidseplein 26', postalCode: '1017 PT', city: 'Amsterdam',
    country: 'NL', timeZone: 'Europe/Amsterdam' as const, hallName: 'Grote Zaal', dipTheaterId: 4711,
  },
  gent: {
    name: 'Demo Schouwburg Gent', address: 'Sint-Baafsplein 17', postalCode: '9000', city: 'Gent',
    country: 'BE', timeZone: 'Europe/Brussels' as const, hallName: 'Theaterzaal', dipTheaterId: null,
  },
};

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ~600 seats: stalls (rows 1-17, ranks 1-3), a wheelchair row with companion seats, balcony (rank 3). */
export function amsterdamSeatMap(): SeatMapInput {
  const stalls = Array.from({ length: 17 }, (_, r) => ({
    label: String(r + 1),
    seats: Array.from({ length: 24 }, (_, s) => ({
      label: String(s + 1), rank: r < 6 ? 1 : r < 12 ? 2 : 3, x: 40 + s * 30 + (s >= 12 ? 40 : 0), y: 60 + r * 32,
    })),
  }));
  const wheelchairRow = {
    label: 'R',
    seats: Array.from({ length: 8 }, (_, s) => ({
      label: String(s + 1), rank: 2, x: 160 + s * 60, y: 60 + 17 * 32 + 8,
      wheelchair: s % 2 === 0, companion: s % 2 === 1,
    })),
  };
  const balcony = Array.from({ length: 7 }, (_, r) => ({
    label: letters[r],
    seats: Array.from({ length: 26 }, (_, s) => ({
      label: String(s + 1), rank: 3, x: 25 + s * 30, y: 700 + r * 32, restrictedView: r === 6 && (s < 3 || s > 22),
    })),
  }));
  return { sections: [{ name: 'Zaal', rows: [...stalls, wheelchairRow] }, { name: 'Balkon', rows: balcony }] };
}

/** 300 seats: 12 rows of 25, ranks 1-2. */
export function gentSeatMap(): SeatMapInput {
  return {
    sections: [{
      name: 'Zaal',
      rows: Array.from({ length: 12 }, (_, r) => ({
        label: String(r + 1),
        seats: Array.from({ length: 25 }, (_, s) => ({ label: String(s + 1), rank: r < 7 ? 1 : 2, x: 40 + s * 30, y: 60 + r * 32 })),
      })),
    }],
  };
}

export interface DemoTicketType {
  key: string;
  names: { nl: string; fr: string; en: string };
  dipCategory: 'normal' | 'discount' | 'free' | 'other';
  channels: ('boxoffice' | 'online')[];
  uitpas?: boolean;
  uitpasGroup?: boolean;
  /** Price per rank 1..3 in cents. */
  prices: [number, number, number];
}

export const DEMO_TICKET_TYPES: DemoTicketType[] = [
  { key: 'normaal', names: { nl: 'Normaal', fr: 'Normal', en: 'Standard' }, dipCategory: 'normal', channels: ['boxoffice', 'online'], prices: [4250, 3500, 2750] },
  { key: 'korting', names: { nl: 'Korting', fr: 'Réduction', en: 'Discount' }, dipCategory: 'discount', channels: ['boxoffice', 'online'], prices: [3750, 3000, 2250] },
  { key: 'vrijkaart', names: { nl: 'Vrijkaart', fr: 'Invitation', en: 'Complimentary' }, dipCategory: 'free', channels: ['boxoffice'], prices: [0, 0, 0] },
  { key: 'overig', names: { nl: 'Overig', fr: 'Autre', en: 'Other' }, dipCategory: 'other', channels: ['boxoffice'], prices: [2000, 2000, 2000] },
  { key: 'uitpas', names: { nl: 'UiTPAS', fr: 'UiTPAS', en: 'UiTPAS' }, dipCategory: 'discount', channels: ['boxoffice', 'online'], uitpas: true, prices: [4250, 3500, 2750] },
  { key: 'uitpas-groep', names: { nl: 'UiTPAS groepspas', fr: 'UiTPAS pass de groupe', en: 'UiTPAS group pass' }, dipCategory: 'discount', channels: ['boxoffice', 'online'], uitpasGroup: true, prices: [4250, 3500, 2750] },
];

export interface DemoProduction {
  key: string;
  title: string;
  producer: string;
  genre: string;
  description: string;
  venue: DemoVenueKey;
  /** DIP production id (Amsterdam productions only). */
  dipProductionId: string | null;
  /** Days after the season anchor, and the local start time. */
  shows: { day: number; time: string }[];
}

export const DEMO_PRODUCTIONS: DemoProduction[] = [
  { key: 'hamlet', title: 'Hamlet', producer: 'Internationaal Theater Amsterdam', genre: 'toneel', description: 'Shakespeares tragedie in een nieuwe vertaling.', venue: 'amsterdam', dipProductionId: 'NL-26-101-0004711', shows: [{ day: 2, time: '20:15' }, { day: 3, time: '20:15' }, { day: 4, time: '14:30' }] },
  { key: 'notenkraker', title: 'De Notenkraker', producer: 'Het Nationale Ballet', genre: 'dans', description: 'Het kerstballet voor het hele gezin.', venue: 'amsterdam', dipProductionId: 'NL-26-102-0004712', shows: [{ day: 9, time: '19:30' }, { day: 10, time: '19:30' }, { day: 11, time: '14:00' }, { day: 11, time: '19:30' }] },
  { key: 'youp', title: 'Youp van het Hek — Met de kennis van nu', producer: 'Mojo Theater', genre: 'cabaret', description: 'Oudejaarsstemming in november.', venue: 'amsterdam', dipProductionId: 'NL-26-103-00047130', shows: [{ day: 6, time: '20:15' }, { day: 20, time: '20:15' }] },
  { key: 'beethoven', title: 'Beethoven 9', producer: 'Nederlands Philharmonisch Orkest', genre: 'klassiek', description: 'Alle menschen werden Brüder.', venue: 'amsterdam', dipProductionId: 'NL-26-104-0004714', shows: [{ day: 16, time: '20:15' }, { day: 17, time: '20:15' }] },
  { key: 'annie', title: 'Annie', producer: 'Stage Entertainment', genre: 'musical', description: 'The sun will come out tomorrow.', venue: 'amsterdam', dipProductionId: 'NL-26-105-0004715', shows: [{ day: 23, time: '19:30' }, { day: 24, time: '19:30' }, { day: 25, time: '14:30' }] },
  { key: 'tsjechov', title: 'Drie Zusters', producer: 'Toneelgroep Oostpool', genre: 'toneel', description: 'Naar Moskou!', venue: 'amsterdam', dipProductionId: null, shows: [{ day: 30, time: '20:15' }, { day: 31, time: '20:15' }] },
  { key: 'jazz', title: 'Winter Jazz Night', producer: 'Amsterdam Jazz Collective', genre: 'muziek', description: 'Een avond swing en bebop.', venue: 'amsterdam', dipProductionId: 'NL-26-106-0004716', shows: [{ day: 37, time: '20:30' }, { day: 51, time: '20:30' }] },
  { key: 'kleinkunst', title: 'Liedjes van de Lage Landen', producer: 'Theaterbureau De Mug', genre: 'kleinkunst', description: 'Nederlandstalige liedjes, oud en nieuw.', venue: 'amsterdam', dipProductionId: 'NL-26-107-0004717', shows: [{ day: 44, time: '20:15' }] },
  { key: 'gent-lear', title: 'Koning Lear', producer: 'NTGent', genre: 'toneel', description: 'Een koning verdeelt zijn rijk.', venue: 'gent', dipProductionId: null, shows: [{ day: 5, time: '20:00' }, { day: 6, time: '20:00' }, { day: 12, time: '15:00' }] },
  { key: 'gent-kinder', title: 'Het Kleine Prinsje', producer: 'Kopergietery', genre: 'jeugdtheater', description: 'Voor iedereen vanaf 6 jaar.', venue: 'gent', dipProductionId: null, shows: [{ day: 13, time: '14:00' }, { day: 27, time: '14:00' }] },
  { key: 'gent-concert', title: 'Brussels Philharmonic — Debussy', producer: 'Brussels Philharmonic', genre: 'klassiek', description: 'La Mer en Prélude à l’après-midi d’un faune.', venue: 'gent', dipProductionId: null, shows: [{ day: 19, time: '20:00' }, { day: 40, time: '20:00' }] },
  { key: 'gent-comedy', title: 'Comedy Avond Gent', producer: 'Comedy Kelder', genre: 'humor', description: 'Vier comedians, één avond.', venue: 'gent', dipProductionId: null, shows: [{ day: 26, time: '20:30' }, { day: 47, time: '20:30' }] },
];

/** The season starts on the Monday of the current week (UTC), so same-week seeds agree. */
export function seasonAnchor(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

export interface DemoPerformance {
  key: string;
  production: DemoProduction;
  /** Local start, "YYYY-MM-DDTHH:mm", in the venue's zone. */
  startsAt: string;
  /** DIP performance number within the production (Amsterdam, DIP-linked productions only). */
  dipNumber: number | null;
  /** UiTdatabank event id (Gent only). */
  uitdatabankEventId: string | null;
}

/** Every demo performance, in date order, relative to `now`'s week. */
export function demoPerformances(now: Date): DemoPerformance[] {
  const anchor = seasonAnchor(now);
  const out: DemoPerformance[] = [];
  DEMO_PRODUCTIONS.forEach((production, pi) => {
    production.shows.forEach((show, si) => {
      const d = new Date(anchor.getTime() + show.day * 86400000).toISOString().slice(0, 10);
      const key = `${production.key}-${si + 1}`;
      out.push({
        key,
        production,
        startsAt: `${d}T${show.time}`,
        dipNumber: production.dipProductionId ? 11000 + pi * 100 + si + 1 : null,
        uitdatabankEventId: production.venue === 'gent' ? stableUuid(`uitdatabank:${key}`) : null,
      });
    });
  });
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
