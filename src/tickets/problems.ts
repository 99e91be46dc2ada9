import { registerProblems } from '../platform/messages.js';

registerProblems({
  'order-unpaid': {
    status: 409,
    title: { en: 'Not paid', nl: 'Niet betaald', fr: 'Non payée' },
    detail: {
      en: 'Tickets of an unpaid reservation can only be printed after payment.',
      nl: 'Kaarten van een onbetaalde reservering kunnen pas na betaling geprint worden.',
      fr: "Les billets d'une réservation non payée ne peuvent être imprimés qu'après paiement.",
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
});
