import { registerProblems } from '../platform/messages.js';

registerProblems({
  'stream-not-on-sale': {
    status: 409,
    title: { en: 'Stream not on sale', nl: 'Stream niet in verkoop', fr: 'Stream pas en vente' },
    detail: {
      en: 'This stream cannot be bought ({reason}).',
      nl: 'Deze stream kan niet gekocht worden ({reason}).',
      fr: 'Ce stream ne peut pas être acheté ({reason}).',
    },
  },
});
