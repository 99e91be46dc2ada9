import { registerProblems } from '../platform/messages.js';

registerProblems({
  'no-recipient': {
    status: 409,
    title: { en: 'No e-mail address', nl: 'Geen e-mailadres', fr: "Pas d'adresse e-mail" },
    detail: {
      en: 'This order has no customer with an e-mail address; give the address to send to.',
      nl: 'Deze bestelling heeft geen klant met een e-mailadres; geef het adres op om naar te sturen.',
      fr: "Cette commande n'a pas de client avec une adresse e-mail ; indiquez l'adresse d'envoi.",
    },
  },
  'mail-in-progress': {
    status: 409,
    title: { en: 'Being sent', nl: 'Wordt verstuurd', fr: "En cours d'envoi" },
    detail: {
      en: 'This e-mail is still waiting to be sent; it cannot be sent again yet.',
      nl: 'Deze e-mail wacht nog op verzending; opnieuw versturen kan nog niet.',
      fr: "Cet e-mail attend encore d'être envoyé ; il ne peut pas encore être renvoyé.",
    },
  },
  'resend-too-soon': {
    status: 429,
    title: { en: 'Just sent', nl: 'Net verstuurd', fr: 'Envoyé à l’instant' },
    detail: {
      en: 'Your tickets were sent again a moment ago; please check your inbox (and spam folder) and try again later.',
      nl: 'Je tickets zijn zojuist opnieuw verstuurd; kijk in je inbox (en spammap) en probeer het later nog eens.',
      fr: 'Vos billets viennent d’être renvoyés ; vérifiez votre boîte de réception (et les spams) et réessayez plus tard.',
    },
  },
});
