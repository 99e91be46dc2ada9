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
  'cancellation-changed': {
    status: 409,
    title: { en: 'The tickets changed', nl: 'De kaarten zijn veranderd', fr: 'Les billets ont changé' },
    detail: {
      en: 'You were shown {expected} tickets to cancel, but the performance now has {now}. Look again before cancelling.',
      nl: 'Je zag {expected} kaarten om te annuleren, maar de voorstelling heeft er nu {now}. Bekijk het opnieuw voor je annuleert.',
      fr: 'On vous a montré {expected} billets à annuler, mais la représentation en a maintenant {now}. Vérifiez à nouveau avant d’annuler.',
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
