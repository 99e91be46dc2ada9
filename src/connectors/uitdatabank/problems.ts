import { registerProblems } from '../../platform/messages.js';

registerProblems({
  'uitdatabank-not-configured': {
    status: 409,
    title: { en: 'UiTdatabank not set up', nl: 'UiTdatabank niet ingesteld', fr: 'UiTdatabank non configuré' },
    detail: {
      en: 'Searching UiTdatabank needs its Search API address and a client id; an administrator can set them under UiTdatabank settings.',
      nl: 'Zoeken in UiTdatabank vraagt het adres van de Search API en een client-id; een beheerder kan ze instellen bij de UiTdatabank-instellingen.',
      fr: "La recherche dans UiTdatabank demande l'adresse de la Search API et un identifiant client ; un administrateur peut les indiquer dans les paramètres UiTdatabank.",
    },
  },
  'uitdatabank-unavailable': {
    status: 503,
    title: { en: 'UiTdatabank unavailable', nl: 'UiTdatabank niet bereikbaar', fr: 'UiTdatabank indisponible' },
    detail: {
      en: 'UiTdatabank could not be reached ({reason}). Try again shortly.',
      nl: 'UiTdatabank kon niet bereikt worden ({reason}). Probeer het zo opnieuw.',
      fr: "UiTdatabank n'a pas pu être joint ({reason}). Réessayez bientôt.",
    },
  },
  'uitdatabank-refused': {
    status: 502,
    title: { en: 'Refused by UiTdatabank', nl: 'Geweigerd door UiTdatabank', fr: 'Refusé par UiTdatabank' },
    detail: {
      en: 'UiTdatabank refused the search ({message}); an administrator should check the client id in the UiTdatabank settings.',
      nl: 'UiTdatabank weigerde de zoekopdracht ({message}); een beheerder moet de client-id in de UiTdatabank-instellingen nakijken.',
      fr: "UiTdatabank a refusé la recherche ({message}) ; un administrateur doit vérifier l'identifiant client dans les paramètres UiTdatabank.",
    },
  },
  'uitdatabank-event-not-found': {
    status: 404,
    title: { en: 'No such UiTdatabank event', nl: 'Geen UiTdatabank-evenement gevonden', fr: 'Événement UiTdatabank introuvable' },
    detail: {
      en: 'UiTdatabank has no published event with id {eventId}.',
      nl: 'UiTdatabank heeft geen gepubliceerd evenement met id {eventId}.',
      fr: "UiTdatabank n'a pas d'événement publié avec l'identifiant {eventId}.",
    },
  },
});
