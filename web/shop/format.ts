// Money and the venue's own wall-clock time: the API sends "2027-01-15T20:15:00+01:00", and the shop
// shows 20:15 whatever zone the buyer's phone is in.
import type { Lang } from './i18n.js';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', fr: 'fr-BE', en: 'en-GB' };
const money = new Map<Lang, Intl.NumberFormat>();

export function euro(cents: number, lang: Lang): string {
  let f = money.get(lang);
  if (!f) money.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' })));
  return f.format(cents / 100).replace(/\u00a0/g, ' ');
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** The wall-clock instant of a local time with offset, as a Date to format in UTC. */
function wall(iso: string): Date | null {
  const m = LOCAL.exec(iso);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])) : null;
}

/** "vrijdag 15 januari 2027" */
export function longDate(iso: string, lang: Lang): string {
  const d = wall(iso);
  return d ? d.toLocaleDateString(LOCALES[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : iso;
}

/** "vr 15 jan." */
export function shortDate(iso: string, lang: Lang): string {
  const d = wall(iso);
  return d ? d.toLocaleDateString(LOCALES[lang], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }) : iso;
}

/** "20:15" */
export const time = (iso: string): string => { const m = LOCAL.exec(iso); return m ? `${m[4]}:${m[5]}` : iso; };

/** "12:04" left until `expiresAt`, given the server's `now` when the basket was read and when that was here. */
export function remaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  return (1.05) / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
