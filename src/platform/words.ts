// The words for states, channels and payment methods a user may read inside a problem's detail
// ("Deze bestelling is geannuleerd"), so that no code such as `checked_out` reaches the user.
import type { Lang, Text } from './i18n.js';

const STATUS: Record<string, Text> = {
  open: { en: 'open', nl: 'open', fr: 'ouvert' },
  checked_out: { en: 'already checked out', nl: 'al afgerekend', fr: 'déjà payé' },
  abandoned: { en: 'abandoned', nl: 'verlaten', fr: 'abandonné' },
  expired: { en: 'expired', nl: 'verlopen', fr: 'expiré' },
  changed: { en: 'changed meanwhile', nl: 'intussen gewijzigd', fr: 'modifié entre-temps' },
  reserved: { en: 'reserved', nl: 'gereserveerd', fr: 'réservé' },
  paid: { en: 'paid', nl: 'betaald', fr: 'payé' },
  cancelled: { en: 'cancelled', nl: 'geannuleerd', fr: 'annulé' },
  valid: { en: 'valid', nl: 'geldig', fr: 'valable' },
  draft: { en: 'a draft', nl: 'een concept', fr: 'un brouillon' },
  on_sale: { en: 'on sale', nl: 'in verkoop', fr: 'en vente' },
  sold_out: { en: 'sold out', nl: 'uitverkocht', fr: 'complet' },
};

const CHANNEL: Record<string, Text> = {
  boxoffice: { en: 'at the box office', nl: 'de kassa', fr: 'le guichet' },
  online: { en: 'online', nl: 'de webwinkel', fr: 'la boutique en ligne' },
};

const METHOD: Record<string, Text> = {
  cash: { en: 'cash', nl: 'contant', fr: 'espèces' },
  pin: { en: 'debit card', nl: 'pin', fr: 'Bancontact' },
  card: { en: 'credit card', nl: 'creditcard', fr: 'carte de crédit' },
  invoice: { en: 'invoice', nl: 'factuur', fr: 'facture' },
  voucher: { en: 'gift voucher', nl: 'cadeaubon', fr: 'chèque-cadeau' },
  online: { en: 'online payment', nl: 'online betaling', fr: 'paiement en ligne' },
};

const BY_PARAM: Record<string, Record<string, Text>> = { status: STATUS, channel: CHANNEL, method: METHOD };

/** A problem parameter as the user reads it: `status: checked_out` -> "al afgerekend". */
export function paramWord(name: string, value: string, lang: Lang): string {
  return BY_PARAM[name]?.[value]?.[lang] ?? value;
}

/** Why a performance is not on sale (from saleBlocker: "status draft", "sales open <iso>", ...). */
export function blockerText(blocker: string): Text {
  const [head, ...rest] = blocker.split(' ');
  const tail = rest.join(' ');
  if (head === 'status') {
    const w = STATUS[tail];
    return w ? { en: w.en, nl: w.nl, fr: w.fr } : { en: tail, nl: tail, fr: tail };
  }
  if (blocker.startsWith('sales open ')) return { en: `sales open ${rest.slice(1).join(' ')}`, nl: `verkoop opent ${rest.slice(1).join(' ')}`, fr: `la vente ouvre ${rest.slice(1).join(' ')}` };
  if (blocker.startsWith('sales closed ')) return { en: `sales closed ${rest.slice(1).join(' ')}`, nl: `verkoop gesloten ${rest.slice(1).join(' ')}`, fr: `vente fermée ${rest.slice(1).join(' ')}` };
  if (blocker === 'performance started') return { en: 'the performance has started', nl: 'de voorstelling is begonnen', fr: 'la représentation a commencé' };
  if (blocker === 'no standard ticket type') return { en: 'no standard ticket type', nl: 'geen standaard tickettype', fr: 'pas de type de billet standard' };
  return { en: blocker, nl: blocker, fr: blocker };
}
