import { registerProblems } from '../platform/messages.js';

registerProblems({
  'slug-taken': {
    status: 409,
    title: { en: 'Address taken', nl: 'Adres bezet', fr: 'Adresse déjà prise' },
    detail: {
      en: 'Another organisation already uses the address "{slug}".',
      nl: 'Een andere organisatie gebruikt het adres "{slug}" al.',
      fr: 'Une autre organisation utilise déjà l’adresse « {slug} ».',
    },
  },
});
