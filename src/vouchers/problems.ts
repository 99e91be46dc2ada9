import { NOUNS, registerProblems } from '../platform/messages.js';

Object.assign(NOUNS, {
  voucher: { en: 'gift voucher', nl: 'cadeaubon', fr: 'chèque-cadeau' },
  'basket voucher': { en: 'gift voucher in the basket', nl: 'cadeaubon in de winkelmand', fr: 'chèque-cadeau dans le panier' },
});

registerProblems({
  'voucher-insufficient': {
    status: 409,
    title: { en: 'Not enough on the voucher', nl: 'Te weinig tegoed op de cadeaubon', fr: 'Solde du chèque-cadeau insuffisant' },
    detail: {
      en: 'Voucher {code} has {balance} left.',
      nl: 'Op cadeaubon {code} staat nog {balance}.',
      fr: 'Il reste {balance} sur le chèque-cadeau {code}.',
    },
  },
  'voucher-not-usable': {
    status: 409,
    title: { en: 'Voucher cannot be used', nl: 'Cadeaubon niet bruikbaar', fr: 'Chèque-cadeau inutilisable' },
    detail: {
      en: 'Voucher {code} is {state}.',
      nl: 'Cadeaubon {code} is {state}.',
      fr: 'Le chèque-cadeau {code} est {state}.',
    },
  },
  'voucher-needs-payment': {
    status: 409,
    title: { en: 'Vouchers are paid at once', nl: 'Cadeaubonnen worden meteen betaald', fr: 'Les chèques-cadeaux se paient tout de suite' },
    detail: {
      en: 'A basket with a gift voucher cannot be reserved or paid later: take the payment now.',
      nl: 'Een winkelmand met een cadeaubon kan niet gereserveerd of later betaald worden: reken nu af.',
      fr: 'Un panier avec un chèque-cadeau ne peut pas être réservé ni payé plus tard : encaissez maintenant.',
    },
  },
  'voucher-refund-too-large': {
    status: 409,
    title: { en: 'Too much back to vouchers', nl: 'Te veel terug naar cadeaubonnen', fr: 'Trop à rendre aux chèques-cadeaux' },
    detail: {
      en: 'Only {amount} of this order was paid with gift vouchers; refund the rest another way.',
      nl: 'Van deze bestelling is maar {amount} met cadeaubonnen betaald; betaal de rest op een andere manier terug.',
      fr: 'Seuls {amount} de cette commande ont été payés par chèque-cadeau ; remboursez le reste autrement.',
    },
  },
});

export const STATE_WORDS = {
  cancelled: { en: 'cancelled', nl: 'geannuleerd', fr: 'annulé' },
  expired: { en: 'expired', nl: 'verlopen', fr: 'expiré' },
  spent: { en: 'spent', nl: 'opgebruikt', fr: 'épuisé' },
  valid: { en: 'valid', nl: 'geldig', fr: 'valable' },
} as const;
