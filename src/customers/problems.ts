import { registerProblems } from '../platform/messages.js';

registerProblems({
  'customer-erased': {
    status: 409,
    title: { en: 'Customer erased', nl: 'Klant gewist', fr: 'Client effacé' },
    detail: {
      en: "This customer's personal data was erased; it cannot be filled in again. Create a new customer instead.",
      nl: 'De persoonsgegevens van deze klant zijn gewist en kunnen niet opnieuw ingevuld worden. Maak een nieuwe klant aan.',
      fr: 'Les données personnelles de ce client ont été effacées et ne peuvent pas être saisies à nouveau. Créez un nouveau client.',
    },
  },
});
