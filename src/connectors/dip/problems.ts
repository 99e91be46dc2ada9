import { registerProblems } from '../../platform/messages.js';

registerProblems({
  'dip-not-configured': {
    status: 409,
    title: { en: 'DIP is not set up', nl: 'DIP is niet ingesteld', fr: "DIP n'est pas configuré" },
    detail: {
      en: 'Set the DIP address, client id and secret in the DIP settings first.',
      nl: 'Stel eerst het DIP-adres, de client-id en het secret in bij de DIP-instellingen.',
      fr: "Renseignez d'abord l'adresse DIP, l'identifiant client et le secret dans les réglages DIP.",
    },
  },
  'dip-off': {
    status: 409,
    title: { en: 'DIP is off', nl: 'DIP staat uit', fr: 'DIP est désactivé' },
    detail: {
      en: 'Turn DIP on in the DIP settings before pushing figures.',
      nl: 'Zet DIP aan bij de DIP-instellingen voordat u cijfers verstuurt.',
      fr: 'Activez DIP dans les réglages DIP avant d’envoyer des chiffres.',
    },
  },
  'dip-unavailable': {
    status: 502,
    title: { en: 'DIP did not answer', nl: 'DIP antwoordt niet', fr: 'DIP ne répond pas' },
    detail: {
      en: 'DIP could not be asked right now: {reason}',
      nl: 'DIP kon nu niet bevraagd worden: {reason}',
      fr: "DIP n'a pas pu être interrogé : {reason}",
    },
  },
});
