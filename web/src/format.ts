// Money as the user's language writes it and times as the venue's wall clock: the API sends local times
// with their offset, so the date and time are read from the string itself, never converted to the browser's zone.
import type { Lang } from './i18n/dictionary.js';

const euros = new Map<Lang, Intl.NumberFormat>();

/** Cents as the user's language writes euros: nl "€ 2.642,50", fr "2 642,50 €", en "€2,642.50". */
export function money(cents: number, lang: Lang): string {
  let f = euros.get(lang);
  if (!f) euros.set(lang, (f = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' })));
  return f.format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** A UTC instant ("...Z", e.g. when an order was made) as the wall clock in the organisation's zone. */
function zoned(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "2027-01-15T20:15:00+01:00" -> "vr 15-01-2027 20:15" in the venue's own time (UTC instants: in Europe/Amsterdam). */
export function localDateTime(iso: string, lang = 'nl', timeZone = 'Europe/Amsterdam'): string {
  const m = LOCAL.exec(iso.endsWith('Z') ? zoned(iso, timeZone) : iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const weekday = new Date(Date.UTC(+y, +mo - 1, +d)).toLocaleDateString(lang, { weekday: 'short', timeZone: 'UTC' });
  return `${weekday} ${d}-${mo}-${y} ${h}:${mi}`;
}

/** A calendar day "2026-12-03" as the user's language writes it: nl "do 3 dec 2026", fr "jeu. 3 déc. 2026", en "Thu, 3 Dec 2026". */
export function localDate(day: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const localTime = (iso: string): string => LOCAL.exec(iso)?.slice(4, 6).join(':') ?? iso;

/** Today's calendar day in a zone, YYYY-MM-DD. */
export function today(timeZone = 'Europe/Amsterdam', at = new Date()): string {
  return at.toLocaleDateString('en-CA', { timeZone });
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "1250" or "12,50" or "12.50" typed by a cashier -> cents. */
export function parseEuros(text: string): number | null {
  const clean = text.trim().replace(/[€\s]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(parseFloat(clean) * 100);
}
