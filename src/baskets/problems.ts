import { registerProblems } from '../platform/messages.js';

registerProblems({
  'seats-unavailable': {
    status: 409,
    title: { en: 'No longer available', nl: 'Niet meer beschikbaar', fr: 'Plus disponible' },
    detail: {
      en: 'These seats are no longer available: {seats}.',
      nl: 'Deze plaatsen zijn niet meer beschikbaar: {seats}.',
      fr: 'Ces places ne sont plus disponibles : {seats}.',
    },
  },
  'ticket-type-uitpas-only': {
    status: 409,
    title: { en: 'Only with a UiTPAS pass', nl: 'Alleen met een UiTPAS', fr: 'Uniquement avec une UiTPAS' },
    detail: {
      en: '{ticketType} is given only through a UiTPAS pass that UiTPAS accepted: enter the pass number instead.',
      nl: '{ticketType} wordt alleen toegekend via een UiTPAS die UiTPAS aanvaardt: geef het pasnummer in.',
      fr: "{ticketType} n'est accordé que via une UiTPAS acceptée par UiTPAS : saisissez le numéro de la carte.",
    },
  },
  'not-enough-seats': {
    status: 409,
    title: { en: 'No longer available', nl: 'Niet meer beschikbaar', fr: 'Plus disponible' },
    detail: {
      en: 'There are no longer {quantity} places available{where}.',
      nl: 'Er zijn geen {quantity} plaatsen meer beschikbaar{where}.',
      fr: "Il n'y a plus {quantity} places disponibles{where}.",
    },
  },
  'basket-closed': {
    status: 409,
    title: { en: 'Basket closed', nl: 'Winkelmand gesloten', fr: 'Panier fermé' },
    detail: {
      en: 'This basket is {status}; start a new one.',
      nl: 'Deze winkelmand is {status}; begin een nieuwe.',
      fr: 'Ce panier est {status} ; commencez-en un nouveau.',
    },
  },
  'not-on-sale': {
    status: 409,
    title: { en: 'Not on sale', nl: 'Niet in verkoop', fr: 'Pas en vente' },
    detail: {
      en: 'This performance is not on sale {channel} right now ({reason}).',
      nl: 'Deze voorstelling is nu niet in verkoop via {channel} ({reason}).',
      fr: "Cette représentation n'est pas en vente via {channel} pour le moment ({reason}).",
    },
  },
  'no-price': {
    status: 409,
    title: { en: 'No price', nl: 'Geen prijs', fr: 'Pas de prix' },
    detail: {
      en: 'The price list has no price for ticket type {ticketType} in rank {rank}.',
      nl: 'De prijslijst heeft geen prijs voor tickettype {ticketType} in rang {rank}.',
      fr: "La liste de prix n'a pas de prix pour le type de billet {ticketType} au rang {rank}.",
    },
  },
  'ticket-type-not-allowed': {
    status: 409,
    title: { en: 'Ticket type not allowed', nl: 'Tickettype niet toegestaan', fr: 'Type de billet non autorisé' },
    detail: {
      en: 'Ticket type {ticketType} cannot be sold {channel}.',
      nl: 'Tickettype {ticketType} kan niet verkocht worden via {channel}.',
      fr: 'Le type de billet {ticketType} ne peut pas être vendu via {channel}.',
    },
  },
  'basket-empty': {
    status: 409,
    title: { en: 'Basket empty', nl: 'Winkelmand leeg', fr: 'Panier vide' },
    detail: { en: 'There is nothing to check out.', nl: 'Er is niets af te rekenen.', fr: "Il n'y a rien à payer." },
  },
});
