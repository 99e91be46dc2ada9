import { registerProblems } from '../platform/messages.js';

registerProblems({
  'device-code-invalid': {
    status: 401,
    title: { en: 'Unknown device code', nl: 'Onbekende apparaatcode', fr: 'Code d’appareil inconnu' },
    detail: {
      en: 'This device code is wrong, or the device was revoked.',
      nl: 'Deze apparaatcode is onjuist, of het apparaat is ingetrokken.',
      fr: 'Ce code d’appareil est incorrect, ou l’appareil a été révoqué.',
    },
  },
  'door-archived': {
    status: 409,
    title: { en: 'Door closed', nl: 'Ingang gesloten', fr: 'Entrée fermée' },
    detail: {
      en: 'This door is archived; choose another door.',
      nl: 'Deze ingang is gearchiveerd; kies een andere ingang.',
      fr: 'Cette entrée est archivée ; choisissez une autre entrée.',
    },
  },
});
