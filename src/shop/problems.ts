import { registerProblems } from '../platform/messages.js';

registerProblems({
  'shop-not-found': {
    status: 404,
    title: { en: 'Shop not found', nl: 'Winkel niet gevonden', fr: 'Boutique introuvable' },
    detail: {
      en: 'There is no web shop at this address.',
      nl: 'Op dit adres is geen webwinkel.',
      fr: "Il n'y a pas de boutique en ligne à cette adresse.",
    },
  },
  'too-many-places': {
    status: 409,
    title: { en: 'Too many tickets', nl: 'Te veel kaarten', fr: 'Trop de billets' },
    detail: {
      en: 'One order can hold at most {max} tickets.',
      nl: 'Eén bestelling kan hoogstens {max} kaarten bevatten.',
      fr: 'Une commande peut contenir au plus {max} billets.',
    },
  },
  'wheelchair-confirm': {
    status: 409,
    title: { en: 'Wheelchair space', nl: 'Rolstoelplaats', fr: 'Place pour fauteuil roulant' },
    detail: {
      en: 'Seats {seats} are wheelchair spaces; confirm that you need one.',
      nl: 'Plaatsen {seats} zijn rolstoelplaatsen; bevestig dat u er een nodig hebt.',
      fr: 'Les places {seats} sont réservées aux fauteuils roulants ; confirmez que vous en avez besoin.',
    },
  },
  'buyer-missing': {
    status: 409,
    title: { en: 'Details missing', nl: 'Gegevens ontbreken', fr: 'Coordonnées manquantes' },
    detail: {
      en: 'Fill in your name and e-mail address and accept the terms first.',
      nl: 'Vul eerst uw naam en e-mailadres in en aanvaard de voorwaarden.',
      fr: "Indiquez d'abord votre nom et votre adresse e-mail et acceptez les conditions.",
    },
  },
  'basket-not-checked-out': {
    status: 409,
    title: { en: 'Not paid yet', nl: 'Nog niet betaald', fr: 'Pas encore payé' },
    detail: {
      en: 'This basket has not gone to payment yet.',
      nl: 'Dit mandje is nog niet afgerekend.',
      fr: "Ce panier n'est pas encore passé au paiement.",
    },
  },
});
