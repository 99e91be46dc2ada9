import { registerProblems } from '../platform/messages.js';

registerProblems({
  'invalid-reset-code': {
    status: 400,
    title: { en: 'Reset code not accepted', nl: 'Herstelcode niet aanvaard', fr: 'Code de réinitialisation refusé' },
    detail: {
      en: 'The e-mail address or reset code is wrong, or the code was used or has expired. Ask a manager for a new code.',
      nl: 'Het e-mailadres of de herstelcode is onjuist, of de code is al gebruikt of verlopen. Vraag een beheerder om een nieuwe code.',
      fr: 'L’adresse e-mail ou le code est incorrect, ou le code a déjà servi ou a expiré. Demandez un nouveau code à un responsable.',
    },
  },
});
