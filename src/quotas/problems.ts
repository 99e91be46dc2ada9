import { registerProblems } from '../platform/messages.js';

registerProblems({
  'quota-exhausted': {
    status: 409,
    title: { en: 'Quota reached', nl: 'Quotum bereikt', fr: 'Quota atteint' },
    detail: {
      en: 'At most {max} tickets of type {ticketType} may be sold for this performance; {left} left, {wanted} asked.',
      nl: 'Voor deze voorstelling mogen hoogstens {max} tickets van het type {ticketType} verkocht worden; nog {left} over, {wanted} gevraagd.',
      fr: 'Au plus {max} billets du type {ticketType} peuvent être vendus pour cette représentation ; il en reste {left}, {wanted} demandé(s).',
    },
  },
});
