// What the buyer reads on their order page and in its calendar file, in nl/fr/en.
import type { Text } from '../platform/i18n.js';

export const MY_ORDER_TEXTS = {
  paid: { nl: 'Betaald', fr: 'Paiement reçu', en: 'Paid' },
  awaiting_payment: { nl: 'Wacht op betaling', fr: 'En attente de paiement', en: 'Awaiting payment' },
  reserved: { nl: 'Gereserveerd, nog niet betaald', fr: 'Réservée, pas encore payée', en: 'Reserved, not paid yet' },
  cancelled: { nl: 'Geannuleerd', fr: 'Annulée', en: 'Cancelled' },
  released: { nl: 'Niet betaald', fr: 'Non payée', en: 'Not paid' },
  valid: { nl: 'Geldig', fr: 'Valable', en: 'Valid' },
  ticketCancelled: { nl: 'Geannuleerd', fr: 'Annulé', en: 'Cancelled' },
  noticeAwaiting: {
    nl: 'We wachten nog op de bevestiging van je betaling. Je tickets verschijnen hier zodra die binnen is.',
    fr: 'Nous attendons encore la confirmation de votre paiement. Vos billets apparaîtront ici dès sa réception.',
    en: 'We are still waiting for your payment to be confirmed. Your tickets appear here as soon as it is.',
  },
  noticeReserved: {
    nl: 'Deze reservering is nog niet betaald; de tickets komen na betaling.',
    fr: 'Cette réservation n’est pas encore réglée ; les billets suivront le règlement.',
    en: 'This reservation has not been paid yet; the tickets follow the payment.',
  },
  noticeReleased: {
    nl: 'De betaling is niet gelukt; er is niets afgeschreven en de plaatsen zijn weer vrij in de verkoop.',
    fr: 'Le paiement n’a pas abouti ; rien n’a été débité et les places sont de nouveau en vente.',
    en: 'The payment did not go through; nothing was charged and the seats are back on sale.',
  },
  noticeCancelled: {
    nl: 'Deze bestelling is geannuleerd; de tickets zijn niet meer geldig.',
    fr: 'Cette commande a été annulée ; les billets ne sont plus valables.',
    en: 'This order was cancelled; its tickets are no longer valid.',
  },
  tickets: { nl: 'Tickets', fr: 'Billets', en: 'Tickets' },
  serviceFee: { nl: 'Servicekosten', fr: 'Frais de service', en: 'Service fee' },
  other: { nl: 'Overige', fr: 'Autres', en: 'Other' },
  calendarOrder: { nl: 'Bestelling {number}', fr: 'Commande {number}', en: 'Order {number}' },
} satisfies Record<string, Text>;
