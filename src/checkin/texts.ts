// What a steward reads and says aloud, in nl/fr/en: the answer to a scan, and offline conflicts.
import { fill, type Lang, type Text } from '../platform/i18n.js';
import type { Reason } from './rules.js';
import type { ConflictKind } from './tables.js';

const REASON_TEXT: Record<Reason, Text> = {
  admitted: { en: 'Welcome', nl: 'Welkom', fr: 'Bienvenue' },
  'already-scanned': {
    en: 'Already scanned at {door} at {time}',
    nl: 'Al gescand bij {door} om {time}',
    fr: 'Déjà scanné à {door} à {time}',
  },
  'other-performance': {
    en: 'Ticket for another performance: {title}, {date}',
    nl: 'Kaart voor een andere voorstelling: {title}, {date}',
    fr: 'Billet pour une autre représentation : {title}, {date}',
  },
  cancelled: { en: 'This ticket is cancelled', nl: 'Deze kaart is geannuleerd', fr: 'Ce billet est annulé' },
  'not-paid': {
    en: 'Not paid: a reservation, please go to the box office',
    nl: 'Niet betaald: een reservering, graag naar de kassa',
    fr: 'Non payé : une réservation, veuillez passer à la caisse',
  },
  unknown: { en: 'Unknown ticket', nl: 'Onbekende kaart', fr: 'Billet inconnu' },
  exited: { en: 'Goodbye, see you soon', nl: 'Tot straks', fr: 'À tout à l’heure' },
  'not-inside': { en: 'This ticket is not inside', nl: 'Deze kaart is niet binnen', fr: 'Ce billet n’est pas à l’intérieur' },
  'reentry-off': {
    en: 'No re-entry at this performance',
    nl: 'Geen herintreding bij deze voorstelling',
    fr: 'Pas de réadmission pour cette représentation',
  },
};

const WELCOME_BACK: Text = { en: 'Welcome back', nl: 'Welkom terug', fr: 'Bon retour' };

const CONFLICT_TEXT: Record<ConflictKind, Text> = {
  'double-admission': {
    en: 'Admitted twice: at {door} at {time} (offline) and at {otherDoor} at {otherTime}',
    nl: 'Twee keer binnengelaten: bij {door} om {time} (offline) en bij {otherDoor} om {otherTime}',
    fr: 'Admis deux fois : à {door} à {time} (hors ligne) et à {otherDoor} à {otherTime}',
  },
  cancelled: {
    en: 'Admitted offline at {door} at {time}, but the ticket is cancelled',
    nl: 'Offline binnengelaten bij {door} om {time}, maar de kaart is geannuleerd',
    fr: 'Admis hors ligne à {door} à {time}, mais le billet est annulé',
  },
  'not-paid': {
    en: 'Admitted offline at {door} at {time}, but the reservation is not paid',
    nl: 'Offline binnengelaten bij {door} om {time}, maar de reservering is niet betaald',
    fr: 'Admis hors ligne à {door} à {time}, mais la réservation n’est pas payée',
  },
  'other-performance': {
    en: 'Admitted offline at {door} at {time}, but the ticket is for another performance',
    nl: 'Offline binnengelaten bij {door} om {time}, maar de kaart is voor een andere voorstelling',
    fr: 'Admis hors ligne à {door} à {time}, mais le billet est pour une autre représentation',
  },
};

const PLACE = {
  row: { en: 'row', nl: 'rij', fr: 'rang' },
  seat: { en: 'seat', nl: 'stoel', fr: 'siège' },
  free: { en: 'general admission', nl: 'vrije plaats', fr: 'placement libre' },
};

const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL', fr: 'fr-BE' };

/** "Stalles, rij 5, stoel 12", or "Staanplaatsen, vrije plaats". */
export function placeLabel(p: { zone: boolean; section: string; row: string; seat: string }, lang: Lang): string {
  if (p.zone) return `${p.section}, ${PLACE.free[lang]}`;
  return `${p.section}, ${PLACE.row[lang]} ${p.row}, ${PLACE.seat[lang]} ${p.seat}`;
}

// Making a formatter costs far more than using one: one per zone and language, made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** "20:05" in the venue's zone. */
export const clockTime = (iso: string, tz: string): string =>
  formatter(`clock:${tz}`, () => new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).format(new Date(iso));

/** "vrijdag 4 december 20:15" in the venue's zone: a date a steward can say. */
export const spokenDate = (iso: string, tz: string, lang: Lang): string =>
  formatter(`date:${tz}:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  })).format(new Date(iso));

export interface ReasonParams {
  door?: string;
  time?: string;
  title?: string;
  date?: string;
  again?: boolean;
}

export function reasonMessage(reason: Reason, lang: Lang, p: ReasonParams = {}): string {
  if (reason === 'admitted' && p.again) return WELCOME_BACK[lang];
  return fill(REASON_TEXT[reason][lang], { door: p.door ?? '?', time: p.time ?? '?', title: p.title ?? '?', date: p.date ?? '?' });
}

export function conflictMessage(kind: ConflictKind, lang: Lang, p: { door: string; time: string; otherDoor?: string; otherTime?: string }): string {
  return fill(CONFLICT_TEXT[kind][lang], { door: p.door, time: p.time, otherDoor: p.otherDoor ?? '?', otherTime: p.otherTime ?? '?' });
}
