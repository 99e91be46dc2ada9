import { registerProblems } from '../platform/messages.js';

registerProblems({
  'erase-needs-confirmation': {
    status: 409,
    title: { en: 'Open orders: confirm to erase', nl: 'Lopende bestellingen: bevestig het wissen', fr: "Commandes en cours : confirmez l'effacement" },
    detail: {
      en: 'This customer has {reservations} open reservation(s) and {upcoming} order(s) with tickets for performances still to come. After erasure the tickets stay valid, but nobody can contact the buyer about them. Send confirm: true to erase anyway.',
      nl: 'Deze klant heeft {reservations} lopende reservering(en) en {upcoming} bestelling(en) met tickets voor voorstellingen die nog komen. Na het wissen blijven de tickets geldig, maar kan niemand de koper er nog over bereiken. Stuur confirm: true om toch te wissen.',
      fr: "Ce client a {reservations} réservation(s) en cours et {upcoming} commande(s) avec des billets pour des représentations à venir. Après l'effacement, les billets restent valables, mais plus personne ne peut joindre l'acheteur à leur sujet. Envoyez confirm: true pour effacer quand même.",
    },
  },
});
