import { registerProblems } from '../platform/messages.js';

registerProblems({
  'pack-not-usable': {
    status: 409,
    title: { en: 'Pack cannot be used', nl: 'Pakket niet bruikbaar', fr: 'Pack non utilisable' },
    detail: {
      en: 'This pack cannot be used for that: {reason}.',
      nl: 'Dit pakket kan daarvoor niet gebruikt worden: {reason}.',
      fr: 'Ce pack ne peut pas être utilisé pour cela : {reason}.',
    },
  },
  'pack-exhausted': {
    status: 409,
    title: { en: 'No credits left', nl: 'Geen tegoed meer', fr: 'Plus de crédits' },
    detail: {
      en: 'This pack has no places left to take.',
      nl: 'Met dit pakket kunnen geen plaatsen meer genomen worden.',
      fr: 'Ce pack ne permet plus de prendre de places.',
    },
  },
});
