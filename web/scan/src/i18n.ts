// Every word the scanner shows, in nl/fr/en. Dutch unless the phone or the steward says otherwise.
import { createContext, useContext } from 'react';

export const LANGS = ['nl', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const DICTIONARY = {
  nl: {
    appName: 'Foyer scanner',
    staffLogin: 'Personeel', deviceLogin: 'Apparaatcode', email: 'E-mailadres', password: 'Wachtwoord',
    code: 'Apparaatcode', yourName: 'Uw naam', signIn: 'Aanmelden', signOut: 'Afmelden', signInFailed: 'Aanmelden mislukt',
    notForDoor: 'Dit account mag niet scannen.',
    today: 'Voorstellingen', noPerformances: 'Geen voorstellingen op deze dag.', day: 'Dag', door: 'Ingang', chooseDoor: 'Kies een ingang',
    start: 'Start scannen', manage: 'Beheer', change: 'Wijzig', back: 'Terug', expectedShort: '{a} van {e} binnen',
    scanHint: 'Scan een kaart of typ de code + Enter', typeCode: 'Code typen', camera: 'Camera', cameraOff: 'Camera uit',
    cameraFailed: 'De camera kan niet starten.', directionIn: 'Binnenkomst', directionOut: 'Vertrek',
    online: 'Online', offline: 'Offline', pending: '{n} scans wachten op verzending', sending: 'Bezig met verzenden…',
    listKept: 'Lijst van {n} kaarten bewaard', conflicts: 'Conflicten', noConflicts: 'Geen conflicten.',
    decidedOffline: 'Offline beslist',
    'reason.admitted': 'Welkom', 'reason.again': 'Welkom terug', 'reason.already-scanned': 'Al gescand',
    'reason.other-performance': 'Andere voorstelling', 'reason.cancelled': 'Geannuleerd', 'reason.not-paid': 'Niet betaald',
    'reason.unknown': 'Onbekende kaart', 'reason.not-on-list': 'Niet op de lijst', 'reason.exited': 'Tot straks',
    'reason.not-inside': 'Niet binnen', 'reason.reentry-off': 'Geen herintreding',
    alreadyDetail: 'om {time} bij {door}', notPaidDetail: 'Een reservering: graag naar de kassa',
    notOnListDetail: 'Deze kaart staat niet op de lijst van vandaag', cancelledDetail: 'Deze kaart is niet geldig',
    unknownDetail: 'Deze code is geen kaart van ons', notInsideDetail: 'Deze kaart is niet binnengelaten',
    row: 'rij', seat: 'stoel', free: 'vrije plaats',
    counts: 'Tellingen', expected: 'Verwacht', admitted: 'Binnen', inside: 'Nu binnen', exits: 'Vertrokken', unpaid: 'Onbetaald',
    lastScan: 'Laatste scan', total: 'Totaal', acknowledge: 'Afgehandeld', openConflicts: 'Open conflicten',
    doors: 'Ingangen', newDoor: 'Nieuwe ingang', add: 'Toevoegen', devices: 'Apparaten', newDevice: 'Nieuw apparaat',
    deviceName: 'Naam', register: 'Registreren', codeOnce: 'Code (wordt maar één keer getoond):', revoke: 'Intrekken',
    revoked: 'ingetrokken', newCode: 'Nieuwe code', order: 'Bestelling', refresh: 'Vernieuwen',
  },
  fr: {
    appName: 'Foyer scanner',
    staffLogin: 'Personnel', deviceLogin: 'Code d’appareil', email: 'Adresse e-mail', password: 'Mot de passe',
    code: 'Code d’appareil', yourName: 'Votre nom', signIn: 'Se connecter', signOut: 'Se déconnecter', signInFailed: 'Échec de la connexion',
    notForDoor: 'Ce compte ne peut pas scanner.',
    today: 'Représentations', noPerformances: 'Aucune représentation ce jour-là.', day: 'Jour', door: 'Entrée', chooseDoor: 'Choisissez une entrée',
    start: 'Commencer à scanner', manage: 'Gestion', change: 'Changer', back: 'Retour', expectedShort: '{a} sur {e} entrés',
    scanHint: 'Scannez un billet ou tapez le code + Entrée', typeCode: 'Taper le code', camera: 'Caméra', cameraOff: 'Caméra éteinte',
    cameraFailed: 'La caméra ne démarre pas.', directionIn: 'Arrivée', directionOut: 'Sortie',
    online: 'En ligne', offline: 'Hors ligne', pending: '{n} scans en attente d’envoi', sending: 'Envoi en cours…',
    listKept: 'Liste de {n} billets gardée', conflicts: 'Conflits', noConflicts: 'Aucun conflit.',
    decidedOffline: 'Décidé hors ligne',
    'reason.admitted': 'Bienvenue', 'reason.again': 'Bon retour', 'reason.already-scanned': 'Déjà scanné',
    'reason.other-performance': 'Autre représentation', 'reason.cancelled': 'Annulé', 'reason.not-paid': 'Non payé',
    'reason.unknown': 'Billet inconnu', 'reason.not-on-list': 'Pas sur la liste', 'reason.exited': 'À tout à l’heure',
    'reason.not-inside': 'Pas à l’intérieur', 'reason.reentry-off': 'Pas de réadmission',
    alreadyDetail: 'à {time} à {door}', notPaidDetail: 'Une réservation : veuillez passer à la caisse',
    notOnListDetail: 'Ce billet n’est pas sur la liste du jour', cancelledDetail: 'Ce billet n’est pas valable',
    unknownDetail: 'Ce code n’est pas un de nos billets', notInsideDetail: 'Ce billet n’a pas été admis',
    row: 'rang', seat: 'siège', free: 'placement libre',
    counts: 'Comptages', expected: 'Attendus', admitted: 'Entrés', inside: 'À l’intérieur', exits: 'Sortis', unpaid: 'Non payés',
    lastScan: 'Dernier scan', total: 'Total', acknowledge: 'Traité', openConflicts: 'Conflits ouverts',
    doors: 'Entrées', newDoor: 'Nouvelle entrée', add: 'Ajouter', devices: 'Appareils', newDevice: 'Nouvel appareil',
    deviceName: 'Nom', register: 'Enregistrer', codeOnce: 'Code (affiché une seule fois) :', revoke: 'Révoquer',
    revoked: 'révoqué', newCode: 'Nouveau code', order: 'Commande', refresh: 'Actualiser',
  },
  en: {
    appName: 'Foyer scanner',
    staffLogin: 'Staff', deviceLogin: 'Device code', email: 'E-mail address', password: 'Password',
    code: 'Device code', yourName: 'Your name', signIn: 'Sign in', signOut: 'Sign out', signInFailed: 'Sign-in failed',
    notForDoor: 'This account may not scan.',
    today: 'Performances', noPerformances: 'No performances on this day.', day: 'Day', door: 'Door', chooseDoor: 'Choose a door',
    start: 'Start scanning', manage: 'Manage', change: 'Change', back: 'Back', expectedShort: '{a} of {e} in',
    scanHint: 'Scan a ticket or type the code + Enter', typeCode: 'Type a code', camera: 'Camera', cameraOff: 'Camera off',
    cameraFailed: 'The camera does not start.', directionIn: 'Arriving', directionOut: 'Leaving',
    online: 'Online', offline: 'Offline', pending: '{n} scans waiting to upload', sending: 'Uploading…',
    listKept: 'List of {n} tickets kept', conflicts: 'Conflicts', noConflicts: 'No conflicts.',
    decidedOffline: 'Decided offline',
    'reason.admitted': 'Welcome', 'reason.again': 'Welcome back', 'reason.already-scanned': 'Already scanned',
    'reason.other-performance': 'Other performance', 'reason.cancelled': 'Cancelled', 'reason.not-paid': 'Not paid',
    'reason.unknown': 'Unknown ticket', 'reason.not-on-list': 'Not on the list', 'reason.exited': 'See you soon',
    'reason.not-inside': 'Not inside', 'reason.reentry-off': 'No re-entry',
    alreadyDetail: 'at {time} at {door}', notPaidDetail: 'A reservation: please go to the box office',
    notOnListDetail: 'This ticket is not on today’s list', cancelledDetail: 'This ticket is not valid',
    unknownDetail: 'This code is not one of our tickets', notInsideDetail: 'This ticket was not admitted',
    row: 'row', seat: 'seat', free: 'general admission',
    counts: 'Counts', expected: 'Expected', admitted: 'Admitted', inside: 'Inside now', exits: 'Left', unpaid: 'Unpaid',
    lastScan: 'Last scan', total: 'Total', acknowledge: 'Dealt with', openConflicts: 'Open conflicts',
    doors: 'Doors', newDoor: 'New door', add: 'Add', devices: 'Devices', newDevice: 'New device',
    deviceName: 'Name', register: 'Register', codeOnce: 'Code (shown only once):', revoke: 'Revoke',
    revoked: 'revoked', newCode: 'New code', order: 'Order', refresh: 'Refresh',
  },
} satisfies Record<Lang, Record<string, string>>;

export type Key = keyof (typeof DICTIONARY)['en'];

const LANG_KEY = 'foyer.scan.lang';

export function initialLang(): Lang {
  const kept = localStorage.getItem(LANG_KEY);
  if (kept && (LANGS as readonly string[]).includes(kept)) return kept as Lang;
  const phone = (navigator.language || 'nl').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(phone) ? (phone as Lang) : 'nl';
}

export const keepLang = (lang: Lang) => localStorage.setItem(LANG_KEY, lang);

export function translate(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return DICTIONARY[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export const I18n = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'nl', setLang: () => {} });

export function useT() {
  const { lang } = useContext(I18n);
  return (key: Key, params?: Record<string, string | number>) => translate(lang, key, params);
}

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', fr: 'fr-BE', en: 'en-GB' };

/** "20:05" from the API's local time with offset (the venue's wall clock, whatever the phone's zone). */
export const hhmm = (local: string): string => local.slice(11, 16);

/** "zaterdag 16 januari 20:15" from the API's local time with offset. */
export function spokenDate(local: string, lang: Lang): string {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  const date = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(Date.UTC(y, m - 1, d)));
  return `${date} ${hhmm(local)}`;
}

export function placeText(p: { zone: boolean; section: string; row: string; seat: string }, lang: Lang): string {
  const w = DICTIONARY[lang];
  return p.zone ? `${p.section}, ${w.free}` : `${p.section}, ${w.row} ${p.row}, ${w.seat} ${p.seat}`;
}
