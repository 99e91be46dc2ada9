import { registerProblems } from '../platform/messages.js';

registerProblems({
  'seat-map-drops-sold-seats': {
    status: 400,
    title: { en: 'Seats still in use', nl: 'Stoelen nog in gebruik', fr: 'Sièges encore utilisés' },
    detail: {
      en: 'The new seat map drops seats or zones that are held, reserved or sold: {seats}',
      nl: 'De nieuwe zaalkaart laat stoelen of zones weg die vastgehouden, gereserveerd of verkocht zijn: {seats}',
      fr: 'Le nouveau plan supprime des sièges ou zones retenus, réservés ou vendus : {seats}',
    },
  },
});
