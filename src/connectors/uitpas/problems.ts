import { registerProblems } from '../../platform/messages.js';

registerProblems({
  'uitpas-not-configured': {
    status: 409,
    title: { en: 'UiTPAS not set up', nl: 'UiTPAS niet ingesteld', fr: 'UiTPAS non configuré' },
    detail: {
      en: 'UiTPAS is not set up for this organisation; an administrator can do so under UiTPAS settings.',
      nl: 'UiTPAS is niet ingesteld voor deze organisatie; een beheerder kan dat doen bij de UiTPAS-instellingen.',
      fr: "UiTPAS n'est pas configuré pour cette organisation ; un administrateur peut le faire dans les paramètres UiTPAS.",
    },
  },
  'uitpas-off': {
    status: 409,
    title: { en: 'UiTPAS switched off', nl: 'UiTPAS uitgeschakeld', fr: 'UiTPAS désactivé' },
    detail: {
      en: 'UiTPAS passes are not accepted {channel}.',
      nl: 'UiTPAS-passen worden niet aanvaard via {channel}.',
      fr: 'Les cartes UiTPAS ne sont pas acceptées via {channel}.',
    },
  },
  'uitpas-not-enabled': {
    status: 409,
    title: { en: 'No UiTPAS for this performance', nl: 'Geen UiTPAS voor deze voorstelling', fr: 'Pas de UiTPAS pour cette représentation' },
    detail: {
      en: 'This performance does not sell UiTPAS tickets: switch UiTPAS on and give it its UiTdatabank event id.',
      nl: 'Deze voorstelling verkoopt geen UiTPAS-tickets: zet UiTPAS aan en vul het UiTdatabank-id van het evenement in.',
      fr: "Cette représentation ne vend pas de billets UiTPAS : activez UiTPAS et indiquez l'identifiant UiTdatabank de l'événement.",
    },
  },
  'uitpas-no-ticket-type': {
    status: 409,
    title: { en: 'No UiTPAS ticket type', nl: 'Geen UiTPAS-tickettype', fr: 'Pas de type de billet UiTPAS' },
    detail: {
      en: 'The organisation has no active {kind} ticket type; create one with that flag.',
      nl: 'De organisatie heeft geen actief {kind}-tickettype; maak er een aan met die vlag.',
      fr: "L'organisation n'a pas de type de billet {kind} actif ; créez-en un avec ce drapeau.",
    },
  },
  'uitpas-no-lines': {
    status: 409,
    title: { en: 'Nothing to apply the pass to', nl: 'Niets om de pas op toe te passen', fr: 'Rien à quoi appliquer la carte' },
    detail: {
      en: 'No line in this basket can take this pass: it needs a UiTPAS performance at its standard ticket type, without a pass yet.',
      nl: 'Geen lijn in deze winkelmand kan deze pas krijgen: daarvoor is een UiTPAS-voorstelling aan het standaardtickettype nodig, nog zonder pas.',
      fr: "Aucune ligne de ce panier ne peut recevoir cette carte : il faut une représentation UiTPAS au type de billet standard, sans carte.",
    },
  },
  'uitpas-pass-used': {
    status: 409,
    title: { en: 'Pass already used', nl: 'Pas al gebruikt', fr: 'Carte déjà utilisée' },
    detail: {
      en: 'UiTPAS {uitpasNumber} is already used for this performance in this basket; an individual pass buys one ticket per performance.',
      nl: 'UiTPAS {uitpasNumber} is in deze winkelmand al gebruikt voor deze voorstelling; een individuele pas koopt één ticket per voorstelling.',
      fr: 'La carte UiTPAS {uitpasNumber} est déjà utilisée pour cette représentation dans ce panier ; une carte individuelle achète un billet par représentation.',
    },
  },
  'uitpas-too-many-lines': {
    status: 409,
    title: { en: 'Too many tickets for this pass', nl: 'Te veel tickets voor deze pas', fr: 'Trop de billets pour cette carte' },
    detail: {
      en: 'This pass may buy {remaining} more tickets at this tariff for this performance.',
      nl: 'Deze pas mag nog {remaining} tickets aan dit tarief kopen voor deze voorstelling.',
      fr: 'Cette carte peut encore acheter {remaining} billets à ce tarif pour cette représentation.',
    },
  },
  'uitpas-refused': {
    status: 409,
    title: { en: 'Refused by UiTPAS', nl: 'Geweigerd door UiTPAS', fr: 'Refusé par UiTPAS' },
    detail: { en: '{message}', nl: '{message}', fr: '{message}' },
  },
  'uitpas-credentials': {
    status: 502,
    title: { en: 'UiTPAS login refused', nl: 'UiTPAS-aanmelding geweigerd', fr: 'Connexion UiTPAS refusée' },
    detail: {
      en: "UiTPAS refused the organisation's client id and secret; an administrator should check the UiTPAS settings.",
      nl: 'UiTPAS weigerde de client-id en het geheim van de organisatie; een beheerder moet de UiTPAS-instellingen nakijken.',
      fr: "UiTPAS a refusé l'identifiant client et le secret de l'organisation ; un administrateur doit vérifier les paramètres UiTPAS.",
    },
  },
  'uitpas-unavailable': {
    status: 503,
    title: { en: 'UiTPAS unavailable', nl: 'UiTPAS niet bereikbaar', fr: 'UiTPAS indisponible' },
    detail: {
      en: 'UiTPAS could not be reached ({reason}); nothing was sold. Try again shortly, or sell at the regular price.',
      nl: 'UiTPAS kon niet bereikt worden ({reason}); er is niets verkocht. Probeer het zo opnieuw, of verkoop aan de gewone prijs.',
      fr: "UiTPAS n'a pas pu être joint ({reason}) ; rien n'a été vendu. Réessayez bientôt, ou vendez au prix normal.",
    },
  },
  'uitpas-check-unreachable': {
    status: 503,
    title: { en: 'UiTPAS does not answer', nl: 'UiTPAS antwoordt niet', fr: 'UiTPAS ne répond pas' },
    detail: {
      en: 'UiTPAS does not answer at {url}. Check the address in the settings, or try again shortly.',
      nl: 'UiTPAS antwoordt niet op {url}. Kijk het adres in de instellingen na, of probeer het zo opnieuw.',
      fr: 'UiTPAS ne répond pas à l’adresse {url}. Vérifiez l’adresse dans les paramètres, ou réessayez bientôt.',
    },
  },
  'uitpas-check-refused': {
    status: 502,
    title: { en: 'UiTPAS refuses the details', nl: 'UiTPAS weigert de gegevens', fr: 'UiTPAS refuse les données' },
    detail: {
      en: 'UiTPAS refuses the details ({message}). Check the organizer id and the client in the settings.',
      nl: 'UiTPAS weigert de gegevens ({message}). Kijk de organisator-id en de client in de instellingen na.',
      fr: 'UiTPAS refuse les données ({message}). Vérifiez l’identifiant de l’organisateur et le client dans les paramètres.',
    },
  },
  'uitpas-outcome-unknown': {
    status: 503,
    title: { en: 'UiTPAS did not answer', nl: 'UiTPAS antwoordde niet', fr: 'UiTPAS n’a pas répondu' },
    detail: {
      en: 'UiTPAS did not answer in time; nothing was sold. Foyer checks with UiTPAS and cancels anything it may have registered. Try again in a minute.',
      nl: 'UiTPAS antwoordde niet op tijd; er is niets verkocht. Foyer kijkt bij UiTPAS na en annuleert wat er eventueel geregistreerd werd. Probeer het over een minuut opnieuw.',
      fr: "UiTPAS n'a pas répondu à temps ; rien n'a été vendu. Foyer vérifie auprès d'UiTPAS et annule ce qui aurait été enregistré. Réessayez dans une minute.",
    },
  },
});
