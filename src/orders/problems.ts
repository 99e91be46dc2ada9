import { registerProblems } from '../platform/messages.js';

registerProblems({
  'order-not-payable': {
    status: 409,
    title: { en: 'Cannot be paid', nl: 'Kan niet betaald worden', fr: 'Ne peut pas être payée' },
    detail: { en: 'This order is {status}.', nl: 'Deze bestelling is {status}.', fr: 'Cette commande est {status}.' },
  },
  'order-unpaid': {
    status: 409,
    title: { en: 'Not paid', nl: 'Niet betaald', fr: 'Non payée' },
    detail: {
      en: 'Tickets of an unpaid reservation can only be printed after payment.',
      nl: 'Kaarten van een onbetaalde reservering kunnen pas na betaling geprint worden.',
      fr: "Les billets d'une réservation non payée ne peuvent être imprimés qu'après paiement.",
    },
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
  'nothing-to-print': {
    status: 409,
    title: { en: 'Nothing to print', nl: 'Niets te printen', fr: 'Rien à imprimer' },
    detail: {
      en: 'These tickets are cancelled.',
      nl: 'Deze kaarten zijn geannuleerd.',
      fr: 'Ces billets sont annulés.',
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
