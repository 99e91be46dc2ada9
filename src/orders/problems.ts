import { registerProblems } from '../platform/messages.js';

registerProblems({
  'order-not-payable': {
    status: 409,
    title: { en: 'Cannot be paid', nl: 'Kan niet betaald worden', fr: 'Ne peut pas être payée' },
    detail: { en: 'This order is {status}.', nl: 'Deze bestelling is {status}.', fr: 'Cette commande a le statut « {status} ».' },
  },
  'nothing-to-cancel': {
    status: 409,
    title: { en: 'Nothing to cancel', nl: 'Niets te annuleren', fr: 'Rien à annuler' },
    detail: {
      en: 'These tickets are already cancelled.',
      nl: 'Deze kaarten zijn al geannuleerd.',
      fr: 'Ces billets sont déjà annulés.',
    },
  },
  'reservation-too-late': {
    status: 409,
    title: { en: 'Too late to reserve', nl: 'Te laat om te reserveren', fr: 'Trop tard pour réserver' },
    detail: {
      en: 'The performance has started: these tickets can only be sold with payment.',
      nl: 'De voorstelling is begonnen: deze kaarten kunnen alleen nog met betaling verkocht worden.',
      fr: 'La représentation a commencé : ces billets ne peuvent être vendus qu\'avec paiement.',
    },
  },
  'reservation-needs-customer': {
    status: 409,
    title: { en: 'Customer needed', nl: 'Klant nodig', fr: 'Client nécessaire' },
    detail: {
      en: 'A reservation is paid later, so it needs a customer: attach one (a name is enough) or take payment now.',
      nl: 'Een reservering wordt later betaald en heeft dus een klant nodig: koppel een klant (een naam volstaat) of reken nu af.',
      fr: 'Une réservation se paie plus tard et nécessite donc un client : associez un client (un nom suffit) ou encaissez maintenant.',
    },
  },
  'idempotency-in-progress': {
    status: 409,
    title: { en: 'Request in progress', nl: 'Verzoek loopt nog', fr: 'Requête en cours' },
    detail: {
      en: 'A request with this Idempotency-Key is still being handled; retry shortly.',
      nl: 'Een verzoek met deze Idempotency-Key wordt nog verwerkt; probeer het zo opnieuw.',
      fr: 'Une requête avec cette Idempotency-Key est encore en cours ; réessayez bientôt.',
    },
  },
  'idempotency-key-reused': {
    status: 422,
    title: { en: 'Idempotency-Key reused', nl: 'Idempotency-Key hergebruikt', fr: 'Idempotency-Key réutilisée' },
    detail: {
      en: 'This Idempotency-Key was used for a different request.',
      nl: 'Deze Idempotency-Key is gebruikt voor een ander verzoek.',
      fr: 'Cette Idempotency-Key a été utilisée pour une autre requête.',
    },
  },
});
