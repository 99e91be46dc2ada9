// Words on tickets, and dates and money as a buyer reads them, in nl/fr/en.
import type { Lang, Text } from '../platform/i18n.js';

export const TICKET_LABELS = {
  hall: { en: 'Hall', nl: 'Zaal', fr: 'Salle' },
  section: { en: 'Section', nl: 'Vak', fr: 'Section' },
  row: { en: 'Row', nl: 'Rij', fr: 'Rang' },
  seat: { en: 'Seat', nl: 'Stoel', fr: 'Siège' },
  place: { en: 'General admission', nl: 'Vrije plaats', fr: 'Placement libre' },
  zone: { en: 'Area', nl: 'Zone', fr: 'Zone' },
  order: { en: 'Order {number}', nl: 'Bestelling {number}', fr: 'Commande {number}' },
  doors: { en: 'Doors open {time}', nl: 'Zaal open {time}', fr: 'Ouverture des portes {time}' },
  ticketType: { en: 'Ticket', nl: 'Kaartsoort', fr: 'Tarif' },
  reprint: { en: 'REPRINT {n}', nl: 'HERDRUK {n}', fr: 'RÉIMPRESSION {n}' },
  conditions: {
    en: 'Valid for one admission. The code is checked at the door and admits once: do not share copies. '
      + 'Tickets are not refunded or exchanged unless the performance is cancelled. Please arrive on time; '
      + 'latecomers are admitted at a suitable moment.',
    nl: 'Geldig voor één toegang. De code wordt bij de ingang gescand en geeft één keer toegang: deel geen kopieën. '
      + 'Kaarten worden niet terugbetaald of geruild, behalve als de voorstelling niet doorgaat. Kom op tijd; '
      + 'laatkomers worden op een geschikt moment binnengelaten.',
    fr: "Valable pour une entrée. Le code est contrôlé à l'entrée et n'est valable qu'une fois : ne partagez pas de copies. "
      + "Les billets ne sont ni remboursés ni échangés, sauf si la représentation est annulée. Merci d'arriver à l'heure ; "
      + 'les retardataires sont placés à un moment opportun.',
  },
} satisfies Record<string, Text>;

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', fr: 'fr-BE', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, timeZone: string, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${kind}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], kind === 'date'
      ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateFormats.set(key, f);
  }
  return f;
}

/** "vrijdag 15 januari 2027" in the venue's zone. */
export const localDateText = (at: string | Date, timeZone: string, lang: Lang): string => format(lang, timeZone, 'date').format(new Date(at));
/** "20:15" in the venue's zone. */
export const localTimeText = (at: string | Date, timeZone: string, lang: Lang): string => format(lang, timeZone, 'time').format(new Date(at));

/** "€ 12,50", as Dutch and Belgian buyers write it (the same in every language of the ticket). */
export const euros = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
};
