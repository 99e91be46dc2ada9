import { registerProblems } from '../platform/messages.js';

registerProblems({
  'online-payments-off': {
    status: 409,
    title: { en: 'Online payment not available', nl: 'Online betalen niet beschikbaar', fr: 'Paiement en ligne indisponible' },
    detail: {
      en: 'This organisation does not take online payments yet; an administrator can switch them on under Mollie settings.',
      nl: 'Deze organisatie neemt nog geen online betalingen aan; een beheerder kan dat aanzetten bij de Mollie-instellingen.',
      fr: "Cette organisation n'accepte pas encore les paiements en ligne ; un administrateur peut les activer dans les paramètres Mollie.",
    },
  },
  'online-payment-channel': {
    status: 409,
    title: { en: 'Not an online basket', nl: 'Geen online mandje', fr: 'Pas un panier en ligne' },
    detail: {
      en: 'Only online baskets are paid online; at the box office the payment is recorded.',
      nl: 'Alleen online mandjes worden online betaald; aan de kassa wordt de betaling geregistreerd.',
      fr: 'Seuls les paniers en ligne se paient en ligne ; au guichet, le paiement est enregistré.',
    },
  },
  'payment-unavailable': {
    status: 503,
    title: { en: 'Payment not started', nl: 'Betaling niet gestart', fr: 'Paiement non démarré' },
    detail: {
      en: 'The payment provider could not be reached. Your places stay held for a while: please try again.',
      nl: 'De betaalprovider was niet bereikbaar. Je plaatsen blijven nog even vastgehouden: probeer het opnieuw.',
      fr: 'Le prestataire de paiement est injoignable. Vos places restent réservées un moment : veuillez réessayer.',
    },
  },
  'payment-refused': {
    status: 409,
    title: { en: 'Payment refused', nl: 'Betaling geweigerd', fr: 'Paiement refusé' },
    detail: {
      en: 'The payment provider refused this payment ({reason}); the places were released.',
      nl: 'De betaalprovider weigerde deze betaling ({reason}); de plaatsen zijn vrijgegeven.',
      fr: 'Le prestataire de paiement a refusé ce paiement ({reason}) ; les places ont été libérées.',
    },
  },
  'payment-over': {
    status: 409,
    title: { en: 'Payment ended', nl: 'Betaling afgelopen', fr: 'Paiement terminé' },
    detail: {
      en: 'This order was not paid in time ({status}); its places were released. Start again with a new basket.',
      nl: 'Deze bestelling is niet op tijd betaald ({status}); de plaatsen zijn vrijgegeven. Begin opnieuw met een nieuw mandje.',
      fr: "Cette commande n'a pas été payée à temps ({status}) ; les places ont été libérées. Recommencez avec un nouveau panier.",
    },
  },
});
