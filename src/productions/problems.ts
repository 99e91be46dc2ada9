import { registerProblems } from '../platform/messages.js';

registerProblems({
  'invalid-transition': {
    status: 409,
    title: { en: 'Status change not allowed', nl: 'Statuswijziging niet toegestaan', fr: 'Changement de statut non autorisé' },
    detail: {
      en: 'A performance cannot go from {from} to {to}.',
      nl: 'Een voorstelling kan niet van {from} naar {to}.',
      fr: 'Une représentation ne peut pas passer de {from} à {to}.',
    },
  },
  'in-use': {
    status: 409,
    title: { en: 'Still in use', nl: 'Nog in gebruik', fr: 'Encore utilisé' },
    detail: {
      en: 'This {what} cannot be deleted: {reason}.',
      nl: 'Deze {what} kan niet verwijderd worden: {reason}.',
      fr: 'Suppression impossible ({what}) : {reason}.',
    },
  },
});
