// How an audit entry reads: the thing it is about by its name (GET /api/audit's refs), fields by the
// labels their forms use, values in the words the rest of the back office uses for them (statuses,
// channels, roles, DIP categories), performances as their title and start in the venue's own time,
// texts in the reader's language, and Foyer's own changes as "Foyer (system)". No ids, ISO times or JSON.
import type { Lang } from '../../i18n/dictionary.js';
import { numbersFor } from '../../reports/charts/numbers.js';
import { useCatalogueWords } from '../catalogue/words.js';
import { useConnectorWords, type ConnectorWord } from '../connectors/words.js';
import { usePeopleWords, type PeopleWord } from '../people/words.js';
import { usePerformanceWords, type PerformanceWord } from '../performances/words.js';
import { useProductionWords, type ProductionWord } from '../productions/words.js';
import { useTicketTypeWords, type TicketTypeWord } from '../ticket-types/words.js';
import { useVenueWords, type VenueWord } from '../venues/words.js';
import { useAuditWords } from './words.js';

export interface AuditRef {
  kind: string; name: string; names?: Record<Lang, string>; email?: string; startsAt?: string; timeZone?: string;
}
export type Refs = Record<string, AuditRef>;
export interface AuditActor { kind: string; id: string; name: string }

/** Fields whose values are ids of things (src/audit/names.ts REF_FIELDS). */
const REF_FIELDS = new Set(['productionId', 'performanceId', 'hallId', 'venueId', 'ticketTypeId', 'standardTicketTypeId', 'userId', 'mainPackId', 'packId', 'streamId']);
const TYPE_FIELD = /^(.*) · (\d+)$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const WINDOW = /^(\S+) (\S+) – (\S+)$/;
const FALLBACK_ZONE = 'Europe/Brussels';

/** "do 21 jan 2055 20:30": a moment in `timeZone`, as `lang` writes a date (no comma before the time). */
export function moment(iso: string, lang: Lang, timeZone = FALLBACK_ZONE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(new Intl.DateTimeFormat(lang, {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`;
}

/** A text per language, in `lang` or else in another language it has. */
export function inLanguage(v: unknown, lang: Lang): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const t = v as Record<string, unknown>;
  const keys = Object.keys(t);
  if (!keys.length || !keys.every((k) => k === 'nl' || k === 'fr' || k === 'en')) return null;
  const pick = [lang, 'nl', 'en', 'fr'].map((l) => t[l]).find((x) => typeof x === 'string' && x !== '');
  return typeof pick === 'string' ? pick : '';
}

/** A word of another section's list, or undefined when it has none of that key (their `w` throws then). */
const known = (w: (k: never) => string) => (k: string): string | undefined => {
  try { return (w as (k: string) => string)(k); } catch { return undefined; }
};

export function useAuditReading() {
  const { w, lang, thing: named, value: said } = useAuditWords();
  const perf = usePerformanceWords().w;
  const prod = useProductionWords().w;
  const people = usePeopleWords().w;
  const types = useTicketTypeWords().w;
  const venues = useVenueWords().w;
  const conn = useConnectorWords().w;
  const catalogue = known(useCatalogueWords().w);
  const { euros } = numbersFor(lang);
  const aw = known(w);

  const performanceName = (ref: AuditRef) => `${ref.name}, ${moment(ref.startsAt ?? '', lang, ref.timeZone)}`;
  const refName = (ref: AuditRef): string => {
    if (ref.kind === 'performance') return performanceName(ref);
    if (ref.kind === 'ticket-type' && ref.names) return inLanguage(ref.names, lang) || ref.name;
    if (ref.kind === 'user' && ref.email) return `${ref.name} (${ref.email})`;
    return ref.name;
  };
  const typeName = (nl: string, refs: Refs) => {
    const ref = refs[`type:${nl}`];
    return ref ? refName(ref) : nl;
  };

  /** The thing an entry is about: its name now, or the label the entry kept when it is gone. */
  const thing = (e: { subject: string; subjectId: string; label: string }, refs: Refs): string => {
    if (e.subject === 'settings' || e.subject === 'job') return named(e);
    const ref = refs[e.subjectId];
    if (ref) return refName(ref);
    return ISO.test(e.label) ? moment(e.label, lang) : e.label;
  };

  /** The venue's zone of the performance an entry is about (its times are read there). */
  const zoneOf = (e: { subjectId: string }, refs: Refs) => refs[e.subjectId]?.timeZone;

  const LABELS: Record<string, Partial<Record<string, () => string>>> = {
    production: Object.fromEntries((['title', 'subtitle', 'producer', 'genre', 'description', 'imageUrl', 'dipProductionId', 'durationMinutes', 'ageAdvice', 'uitdatabankEventId', 'uitpasEnabled', 'languages'] as ProductionWord[])
      .map((k) => [k, () => prod(k)])),
    performance: {
      ...Object.fromEntries((['startsAt', 'durationMinutes', 'doorsOpenMinutes', 'status', 'standardTicketTypeId', 'uitpasEnabled', 'uitdatabankEventId', 'hall'] as PerformanceWord[])
        .map((k) => [k, () => perf(k)])),
      hallId: () => perf('hall'), productionId: () => prod('production'), salesWindows: () => perf('sales'),
    },
    hall: { venueId: () => venues('venue'), name: () => venues('name') },
    venue: Object.fromEntries((['name', 'address', 'postalCode', 'city', 'country', 'timeZone', 'colour', 'logo'] as VenueWord[]).map((k) => [k, () => venues(k)])),
    'ticket-type': {
      ...Object.fromEntries((['dipCategory', 'channels', 'uitpas', 'uitpasGroup', 'archived'] as TicketTypeWord[]).map((k) => [k, () => types(k)])),
      names: () => types('name'),
    },
    user: Object.fromEntries((['name', 'email', 'role', 'disabled', 'password'] as PeopleWord[]).map((k) => [k, () => people(k)])),
    'api-client': Object.fromEntries((['name', 'role', 'clientId', 'revoked'] as PeopleWord[]).map((k) => [k, () => people(k)])),
    settings: {
      ...Object.fromEntries((['baseUrl', 'clientId', 'clientSecret', 'cron', 'pushDaysAfter', 'accountUrl', 'apiUrl', 'organizerId', 'searchUrl', 'apiKey', 'mode', 'endpoint', 'webhookBaseUrl'] as ConnectorWord[])
        .map((k) => [k, () => conn(k)])),
      boxoffice: () => conn('channelBoxoffice'), online: () => conn('channelOnline'),
    },
  };

  /** A field's label as its form says it. */
  const field = (e: { subject: string; subjectId: string }, name: string, refs: Refs): string => {
    if (e.subject === 'settings' && name === 'enabled') return e.subjectId === 'shop' ? w('shopEnabled') : conn(e.subjectId === 'mollie' ? 'mollieEnabled' : 'dipEnabled');
    if (e.subject === 'price-list') {
      const m = TYPE_FIELD.exec(name);
      if (m) return `${typeName(m[1], refs)} · ${m[2]}`;
    }
    if (e.subject === 'quota') return typeName(name, refs);
    const label = LABELS[e.subject]?.[name];
    if (label) return label();
    if (e.subject === 'pack' || e.subject === 'stream') return catalogue(name) ?? aw(name) ?? name;
    return aw(name) ?? name;
  };

  const words = (prefix: string, lookup: (k: string) => string | undefined) => (v: unknown) => typeof v === 'string' ? lookup(`${prefix}${v}`) ?? v : null;
  const status = words('status-', known(perf));
  const channel = words('channel-', known(perf));
  const role = words('role-', known(people));
  const dip = words('dip-', known(types));
  const language = words('lang-', known(prod));

  /** A value of a field, in words. */
  const value = (e: { subject: string; subjectId: string }, name: string, v: unknown, refs: Refs): string => {
    const empty = w('empty');
    if (v === null || v === undefined || v === '') return empty;
    if (typeof v === 'boolean') return v ? w('yes') : w('no');
    const inWords = said(e.subject, name, v);
    if (inWords) return inWords;
    const zone = zoneOf(e, refs);
    if (REF_FIELDS.has(name) && typeof v === 'string') return refs[v] ? refName(refs[v]) : w('gone');
    if ((e.subject === 'pack' && name === 'typeId') || (e.subject === 'stream' && name === 'status')) return catalogue(`${name === 'typeId' ? 'type' : 'status'}-${String(v)}`) ?? String(v);
    if (typeof v === 'number' && isMoney(e.subject, name)) return euros(v);
    if (typeof v === 'number') return v.toLocaleString(lang);
    if (name === 'status' && e.subject === 'performance') return status(v) ?? String(v);
    if (name === 'role') return role(v) ?? String(v);
    if (name === 'dipCategory') return dip(v) ?? String(v);
    if (name === 'mode' && typeof v === 'string') return known(conn)(`mode-${v}`) ?? v;
    if (name === 'salesWindows' && Array.isArray(v)) {
      return v.length ? v.map((s) => salesWindow(String(s), zone)).join('; ') : empty;
    }
    if (Array.isArray(v)) {
      const each = name === 'channels' ? channel : name === 'languages' ? language : (x: unknown) => value(e, '', x, refs);
      return v.length ? v.map((x) => each(x) ?? String(x)).join(', ') : empty;
    }
    const text = inLanguage(v, lang);
    if (text !== null) return text || empty;
    if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${value(e, k, x, refs)}`).join(', ');
    if (typeof v === 'string' && ISO.test(v)) return moment(v, lang, zone);
    return String(v);
  };

  /** "boxoffice 2055-01-02T09:00:00.000Z – …" (src/productions windowsAudit) as "Kassa: Verkoop open vanaf za 2 jan 2055 10:00". */
  const salesWindow = (s: string, zone: string | undefined): string => {
    const m = WINDOW.exec(s);
    if (!m) return s;
    const [, ch, opens, closes] = m;
    const parts = [
      opens !== '…' ? `${perf('opensAt')} ${moment(opens, lang, zone)}` : null,
      closes !== '…' ? `${perf('closesAt')} ${moment(closes, lang, zone)}` : null,
    ].filter(Boolean);
    const name = channel(ch) ?? ch;
    return parts.length ? `${name}: ${parts.join(', ')}` : name;
  };

  /** Who made the change: Foyer itself (jobs, the CLI) in words. */
  const who = (a: AuditActor) => (a.id === 'system' ? w('system') : a.name);

  return { lang, w, aw, thing, field, value, who };
}

/**
 * Whether a field of an entry about `subject` holds cents. A price list's fields are its prices, one per
 * ticket type and rank ("Normaal · 1", src/pricing/price-lists.ts priceChanges), beside vatRate and
 * copiedFrom; a quota's fields are ticket type names with a number of places, whatever the name says;
 * elsewhere a field named for money (a pack's or a stream's price, a fee per ticket or per order).
 */
export function isMoney(subject: string, field: string): boolean {
  if (subject === 'price-list') return / · \d+$/.test(field);
  if (subject === 'quota') return false;
  return /price|amount|cents|perTicket|perOrder/i.test(field);
}
