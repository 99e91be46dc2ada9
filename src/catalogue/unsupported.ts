// Calls of Utick's API that Foyer has nothing behind: answered in the error envelope with code 501
// and what is missing, so a client fails with a clear message instead of "no such call".
import type { Texts } from './messages.js';

interface Unsupported {
  path: RegExp;
  /** Only these methods are unsupported here; other methods of the path are real calls. */
  methods?: readonly string[];
  what: Texts;
}

export const UNSUPPORTED: readonly Unsupported[] = [
  { path: /^\/catalogue\/merchandising(\/|$)/, what: { en: 'merchandising', fr: 'le merchandising', nl: 'merchandising', de: 'Merchandising' } },
  { path: /^\/catalogue\/plans(\/|$)/, what: { en: 'seating plans (catalogue/plans)', fr: 'les plans de salle (catalogue/plans)', nl: 'zaalplannen (catalogue/plans)', de: 'Saalpläne (catalogue/plans)' } },
  { path: /^\/catalogue\/financeitems(\/|$)/, what: { en: 'finance items', fr: 'les postes financiers', nl: 'financiële posten', de: 'Finanzposten' } },
  { path: /^\/cineville(\/|$)/, what: { en: 'Cineville', fr: 'Cineville', nl: 'Cineville', de: 'Cineville' } },
  { path: /^\/shop\/counters(\/|$)/, what: { en: 'counters and their sessions (the box office has its own till and shifts)', fr: 'les caisses et leurs sessions (la billetterie a sa propre caisse)', nl: 'kassa’s en hun sessies (de kassa van Foyer heeft eigen diensten)', de: 'Kassen und ihre Sitzungen (die Kasse von Foyer hat eigene Schichten)' } },
  { path: /^\/shop\/products\/stocks\/adapt(\/|$)/, what: { en: 'adapting a stock (capacity is set in Foyer)', fr: "l'adaptation d'un stock (la capacité se règle dans Foyer)", nl: 'een voorraad aanpassen (de capaciteit stelt u in Foyer in)', de: 'das Anpassen eines Kontingents (die Kapazität wird in Foyer eingestellt)' } },
  { path: /^\/shop\/products\/[^/]+\/attach$/, what: { en: 'attaching a product to another', fr: "le rattachement d'un produit à un autre", nl: 'een product aan een ander koppelen', de: 'das Verknüpfen eines Produkts mit einem anderen' } },
  { path: /^\/contacts\/newsletters(\/|$)/, what: { en: 'newsletters', fr: 'les newsletters', nl: 'nieuwsbrieven', de: 'Newsletter' } },
  {
    path: /^\/agenda\/events\/duplicate(\/|$)/,
    what: { en: 'duplicating events (plan performances in Foyer)', fr: 'la duplication d’événements (planifiez dans Foyer)', nl: 'voorstellingen dupliceren (plan ze in Foyer)', de: 'das Duplizieren von Veranstaltungen (in Foyer planen)' },
  },
  {
    path: /^\/agenda\/events\/[^/]+$/, methods: ['PATCH'],
    what: { en: "changing an event's status (do it in Foyer)", fr: "le changement de statut d'un événement (faites-le dans Foyer)", nl: 'de status van een voorstelling wijzigen (doe dat in Foyer)', de: 'das Ändern des Status einer Veranstaltung (in Foyer)' },
  },
];

/** What is not supported at `path` with `method`, or undefined when Foyer may have the call. */
export function unsupported(method: string, path: string): Texts | undefined {
  return UNSUPPORTED.find((x) => x.path.test(path) && (!x.methods || x.methods.includes(method)))?.what;
}
