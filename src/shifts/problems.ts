import { NOUNS, registerProblems } from '../platform/messages.js';

Object.assign(NOUNS, { shift: { en: 'shift', nl: 'dienst', fr: 'service' } });

registerProblems({
  'shift-required': {
    status: 409,
    title: { en: 'Open a shift first', nl: 'Open eerst een dienst', fr: "Ouvrez d'abord un service" },
    detail: {
      en: 'This venue takes box-office payments only in an open shift: open your shift (with the float) in the Till tab, then take the payment again.',
      nl: 'Deze zaal neemt kassabetalingen alleen aan in een open dienst: open uw dienst (met de wisselkas) op het tabblad Kassa en reken dan opnieuw af.',
      fr: "Ce lieu n'accepte les paiements en caisse que dans un service ouvert : ouvrez votre service (avec le fonds de caisse) dans l'onglet Caisse, puis encaissez à nouveau.",
    },
  },
  'shift-already-open': {
    status: 409,
    title: { en: 'A shift is open', nl: 'Er is al een dienst open', fr: 'Un service est déjà ouvert' },
    detail: {
      en: 'You already have an open shift: close it before opening another.',
      nl: 'U hebt al een open dienst: sluit die eerst af.',
      fr: "Vous avez déjà un service ouvert : clôturez-le d'abord.",
    },
  },
  'shift-closed': {
    status: 409,
    title: { en: 'Shift closed', nl: 'Dienst afgesloten', fr: 'Service clôturé' },
    detail: { en: 'This shift is already closed.', nl: 'Deze dienst is al afgesloten.', fr: 'Ce service est déjà clôturé.' },
  },
  'shift-not-yours': {
    status: 403,
    title: { en: 'Not your shift', nl: 'Niet uw dienst', fr: "Ce n'est pas votre service" },
    detail: {
      en: 'Only the cashier of this shift or a manager can close it.',
      nl: 'Alleen de kassamedewerker van deze dienst of een beheerder kan hem afsluiten.',
      fr: 'Seul le caissier de ce service ou un responsable peut le clôturer.',
    },
  },
});
