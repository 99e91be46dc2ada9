// Words of the people and access section (staff users, password resets, sign-ins, API clients), in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  section: 'Mensen & toegang', users: 'Medewerkers', newUser: 'Nieuwe medewerker', name: 'Naam', email: 'E-mail', role: 'Rol',
  password: 'Wachtwoord', passwordHint: 'Minstens 10 tekens; de medewerker kan het later wijzigen', status: 'Status',
  active: 'Actief', disabled: 'Uitgeschakeld', lastSignIn: 'Laatst ingelogd', never: 'nooit', edit: 'Bewerken',
  createUser: 'Medewerker aanmaken', saveUser: 'Opslaan', userSaved: 'Medewerker opgeslagen', deactivate: 'Uitschakelen',
  reactivate: 'Weer inschakelen', confirmDeactivate: '{name} uitschakelen? Inloggen lukt dan niet meer en open sessies stoppen meteen.',
  resetPassword: 'Wachtwoord herstellen',
  confirmReset: 'Wachtwoord van {name} herstellen? Het huidige wachtwoord en open sessies stoppen meteen; u krijgt een eenmalige code voor {name}.',
  resetCode: 'Eenmalige herstelcode voor {name}', resetCodeHint: 'Geef deze code door (niet per gewone mail). Op het inlogscherm kiest {name} met “Ik heb een herstelcode” een nieuw wachtwoord. De code geldt tot {until}, één keer, en wordt niet meer getoond.',
  resetOpen: 'herstelcode open tot {until}', signIns: 'Aanmeldingen', signInsOf: 'Aanmeldingen van {name}', when: 'Wanneer',
  address: 'Adres', result: 'Resultaat', succeeded: 'gelukt', failed: 'mislukt', noSignIns: 'Geen aanmeldingen in de laatste 30 dagen.',
  close: 'Sluiten', 'role-admin': 'Beheerder', 'role-boxoffice': 'Kassa', 'role-door': 'Deur (scannen)', 'role-reporting': 'Rapportage (alleen lezen)',
  apiClients: 'API-clients', apiClientsHint: 'Applicaties die met client-id en secret (OAuth 2 client credentials) de API gebruiken.',
  newClient: 'Nieuwe API-client', createClient: 'API-client aanmaken', clientId: 'Client-id', created: 'Aangemaakt',
  revoke: 'Intrekken', revoked: 'Ingetrokken', confirmRevoke: '{name} intrekken? De applicatie kan dan meteen niets meer; dit kan niet ongedaan.',
  secretOnce: 'Het secret van {name}: kopieer het nu, het wordt nooit meer getoond.', secret: 'Secret',
  keysMoved: 'Catalogussleutels voor websites en apps (de /v1-catalogus) staan onder Beheer → Catalogus.', copied: 'Ik heb het gekopieerd',
  haveCode: 'Ik heb een herstelcode', code: 'Herstelcode', newPassword: 'Nieuw wachtwoord', setPassword: 'Wachtwoord instellen en inloggen',
  backToLogin: 'Terug naar inloggen', you: 'u', readOnly: 'Alleen beheerders beheren medewerkers en toegang.',
};
export type PeopleWord = keyof typeof nl;

const en: Record<PeopleWord, string> = {
  section: 'People & access', users: 'Staff', newUser: 'New staff member', name: 'Name', email: 'E-mail', role: 'Role',
  password: 'Password', passwordHint: 'At least 10 characters; they can change it later', status: 'Status',
  active: 'Active', disabled: 'Switched off', lastSignIn: 'Last signed in', never: 'never', edit: 'Edit',
  createUser: 'Create staff member', saveUser: 'Save', userSaved: 'Staff member saved', deactivate: 'Switch off',
  reactivate: 'Switch on again', confirmDeactivate: 'Switch off {name}? They can no longer sign in, and open sessions end at once.',
  resetPassword: 'Reset password',
  confirmReset: 'Reset the password of {name}? The current password and open sessions stop at once; you get a one-time code for {name}.',
  resetCode: 'One-time reset code for {name}', resetCodeHint: 'Hand this code over (not by plain e-mail). On the login screen, {name} chooses a new password under “I have a reset code”. The code works once, until {until}, and is not shown again.',
  resetOpen: 'reset code open until {until}', signIns: 'Sign-ins', signInsOf: 'Sign-ins of {name}', when: 'When',
  address: 'Address', result: 'Result', succeeded: 'succeeded', failed: 'failed', noSignIns: 'No sign-ins in the last 30 days.',
  close: 'Close', 'role-admin': 'Administrator', 'role-boxoffice': 'Box office', 'role-door': 'Door (scanning)', 'role-reporting': 'Reporting (read only)',
  apiClients: 'API clients', apiClientsHint: 'Applications that use the API with a client id and secret (OAuth 2 client credentials).',
  newClient: 'New API client', createClient: 'Create API client', clientId: 'Client id', created: 'Created',
  revoke: 'Revoke', revoked: 'Revoked', confirmRevoke: 'Revoke {name}? The application can do nothing more at once; this cannot be undone.',
  secretOnce: 'The secret of {name}: copy it now, it is never shown again.', secret: 'Secret',
  keysMoved: 'Catalogue keys for sites and apps (the /v1 catalogue) are under Manage → Catalogue.', copied: 'I have copied it',
  haveCode: 'I have a reset code', code: 'Reset code', newPassword: 'New password', setPassword: 'Set password and log in',
  backToLogin: 'Back to log in', you: 'you', readOnly: 'Only administrators manage staff and access.',
};

const fr: Record<PeopleWord, string> = {
  section: 'Personnes & accès', users: 'Personnel', newUser: 'Nouveau membre du personnel', name: 'Nom', email: 'E-mail', role: 'Rôle',
  password: 'Mot de passe', passwordHint: 'Au moins 10 caractères ; modifiable plus tard', status: 'Statut',
  active: 'Actif', disabled: 'Désactivé', lastSignIn: 'Dernière connexion', never: 'jamais', edit: 'Modifier',
  createUser: 'Créer le membre du personnel', saveUser: 'Enregistrer', userSaved: 'Membre du personnel enregistré', deactivate: 'Désactiver',
  reactivate: 'Réactiver', confirmDeactivate: 'Désactiver {name} ? La connexion ne sera plus possible et les sessions ouvertes prennent fin aussitôt.',
  resetPassword: 'Réinitialiser le mot de passe',
  confirmReset: 'Réinitialiser le mot de passe de {name} ? Le mot de passe actuel et les sessions ouvertes cessent aussitôt ; vous recevez un code à usage unique pour {name}.',
  resetCode: 'Code de réinitialisation à usage unique pour {name}', resetCodeHint: 'Transmettez ce code (pas par simple e-mail). À l’écran de connexion, {name} choisit un nouveau mot de passe sous « J’ai un code de réinitialisation ». Le code sert une fois, jusqu’au {until}, et n’est plus affiché.',
  resetOpen: 'code de réinitialisation ouvert jusqu’au {until}', signIns: 'Connexions', signInsOf: 'Connexions de {name}', when: 'Quand',
  address: 'Adresse', result: 'Résultat', succeeded: 'réussie', failed: 'échouée', noSignIns: 'Aucune connexion ces 30 derniers jours.',
  close: 'Fermer', 'role-admin': 'Administrateur', 'role-boxoffice': 'Billetterie', 'role-door': 'Contrôle (scan)', 'role-reporting': 'Rapports (lecture seule)',
  apiClients: 'Clients API', apiClientsHint: 'Applications qui utilisent l’API avec un identifiant et un secret (OAuth 2 client credentials).',
  newClient: 'Nouveau client API', createClient: 'Créer le client API', clientId: 'Identifiant client', created: 'Créé',
  revoke: 'Révoquer', revoked: 'Révoqué', confirmRevoke: 'Révoquer {name} ? L’application ne peut plus rien faire aussitôt ; c’est définitif.',
  secretOnce: 'Le secret de {name} : copiez-le maintenant, il ne sera plus jamais affiché.', secret: 'Secret',
  keysMoved: 'Les clés du catalogue pour sites et applications (le catalogue /v1) sont sous Gestion → Catalogue.', copied: 'Je l’ai copié',
  haveCode: 'J’ai un code de réinitialisation', code: 'Code de réinitialisation', newPassword: 'Nouveau mot de passe', setPassword: 'Définir le mot de passe et se connecter',
  backToLogin: 'Retour à la connexion', you: 'vous', readOnly: 'Seuls les administrateurs gèrent le personnel et les accès.',
};

const WORDS: Record<Lang, Record<PeopleWord, string>> = { nl, en, fr };
export const SECTION_LABEL: Record<Lang, string> = { nl: nl.section, en: en.section, fr: fr.section };
export const ROLES = ['admin', 'boxoffice', 'door', 'reporting'] as const;
export type StaffRole = (typeof ROLES)[number];

const fillIn = (s: string, params: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function usePeopleWords() {
  const { lang } = useI18n();
  return { lang, w: (k: PeopleWord, params?: Record<string, string | number>) => fillIn(WORDS[lang][k], params) };
}
