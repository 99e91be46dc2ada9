// Words of the customer's personal data actions (export, erase), in nl, fr and en.
import type { Lang } from '../i18n/dictionary.js';

const WORDS = {
  nl: {
    export: 'Persoonsgegevens exporteren', erase: 'Persoonsgegevens wissen', cancel: 'Annuleren',
    ask: (name: string) => `De persoonsgegevens van ${name} wissen? Naam, e-mail, telefoon, adres en geboortedatum verdwijnen; de bestellingen blijven voor de boekhouding. Dit kan niet ongedaan worden.`,
    open: (r: number, u: number) => `Deze klant heeft ${r} lopende reservering(en) en ${u} bestelling(en) met tickets voor komende voorstellingen. De tickets blijven geldig, maar niemand kan de koper er nog over bereiken.`,
    confirm: 'Wissen', confirmAnyway: 'Toch wissen', erased: (name: string) => `De persoonsgegevens van ${name} zijn gewist.`,
  },
  fr: {
    export: 'Exporter les données personnelles', erase: 'Effacer les données personnelles', cancel: 'Annuler',
    ask: (name: string) => `Effacer les données personnelles de ${name} ? Le nom, l'e-mail, le téléphone, l'adresse et la date de naissance disparaissent ; les commandes restent pour la comptabilité. C'est irréversible.`,
    open: (r: number, u: number) => `Ce client a ${r} réservation(s) en cours et ${u} commande(s) avec des billets pour des représentations à venir. Les billets restent valables, mais plus personne ne peut joindre l'acheteur à leur sujet.`,
    confirm: 'Effacer', confirmAnyway: 'Effacer quand même', erased: (name: string) => `Les données personnelles de ${name} sont effacées.`,
  },
  en: {
    export: 'Export personal data', erase: 'Erase personal data', cancel: 'Cancel',
    ask: (name: string) => `Erase the personal data of ${name}? Name, e-mail, phone, address and date of birth are removed; the orders stay for the books. This cannot be undone.`,
    open: (r: number, u: number) => `This customer has ${r} open reservation(s) and ${u} order(s) with tickets for performances still to come. The tickets stay valid, but nobody can contact the buyer about them.`,
    confirm: 'Erase', confirmAnyway: 'Erase anyway', erased: (name: string) => `The personal data of ${name} has been erased.`,
  },
} as const;

export const privacyWords = (lang: Lang) => WORDS[lang];
