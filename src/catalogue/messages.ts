// The /v1 API's error messages in Utick's four languages; `language` picks one (French by default).
import { fill } from '../platform/i18n.js';
import type { UtickLanguage } from './envelope.js';

export type Texts = Record<UtickLanguage, string>;

export const MESSAGES = {
  'body-too-large': { en: 'the body is too large', fr: 'le corps de la requête est trop grand', nl: 'de body van het verzoek is te groot', de: 'der Anfragetext ist zu groß' },
  'body-not-json': { en: 'the body is not valid JSON', fr: "le corps de la requête n'est pas du JSON valide", nl: 'de body van het verzoek is geen geldige JSON', de: 'der Anfragetext ist kein gültiges JSON' },
  unreadable: { en: 'the request could not be read', fr: "la requête n'a pas pu être lue", nl: 'het verzoek kon niet worden gelezen', de: 'die Anfrage konnte nicht gelesen werden' },
  'no-such-call': { en: 'no such call: {path}', fr: 'appel inconnu : {path}', nl: 'onbekende aanroep: {path}', de: 'unbekannter Aufruf: {path}' },
  'method-not-allowed': {
    en: '{path} does not take {method}; it takes {allowed}', fr: "{path} n'accepte pas {method} ; méthodes acceptées : {allowed}",
    nl: '{path} accepteert geen {method}; wel: {allowed}', de: '{path} akzeptiert kein {method}; erlaubt: {allowed}',
  },
  'not-supported': {
    en: 'not supported by Foyer: {what}', fr: 'non pris en charge par Foyer : {what}', nl: 'niet ondersteund door Foyer: {what}', de: 'von Foyer nicht unterstützt: {what}',
  },
  internal: { en: 'internal error', fr: 'erreur interne', nl: 'interne fout', de: 'interner Fehler' },
  'must-be-integer': { en: '{name} must be an integer', fr: '{name} doit être un nombre entier', nl: '{name} moet een geheel getal zijn', de: '{name} muss eine ganze Zahl sein' },
  'limit-range': { en: 'limit must be between 1 and {max}', fr: 'limit doit être compris entre 1 et {max}', nl: 'limit moet tussen 1 en {max} liggen', de: 'limit muss zwischen 1 und {max} liegen' },
  'offset-negative': { en: 'offset must not be negative', fr: 'offset ne peut pas être négatif', nl: 'offset mag niet negatief zijn', de: 'offset darf nicht negativ sein' },
  'language-unknown': { en: 'language must be one of {list}', fr: 'language doit être une de ces valeurs : {list}', nl: 'language moet een van deze zijn: {list}', de: 'language muss einer dieser Werte sein: {list}' },
  'must-be-uuid': { en: '{name} must be a UUID', fr: '{name} doit être un UUID', nl: '{name} moet een UUID zijn', de: '{name} muss eine UUID sein' },
  'must-be-string': { en: '{name} must be a string of at most {max} characters', fr: '{name} doit être un texte de {max} caractères au plus', nl: '{name} moet een tekst van hoogstens {max} tekens zijn', de: '{name} muss ein Text mit höchstens {max} Zeichen sein' },
  'must-be-email': { en: '{name} must be an e-mail address', fr: '{name} doit être une adresse e-mail', nl: '{name} moet een e-mailadres zijn', de: '{name} muss eine E-Mail-Adresse sein' },
  'must-be-phone': { en: '{name} must be a phone number', fr: '{name} doit être un numéro de téléphone', nl: '{name} moet een telefoonnummer zijn', de: '{name} muss eine Telefonnummer sein' },
  'must-be-date': { en: '{name} must be a date in the past', fr: '{name} doit être une date passée', nl: '{name} moet een datum in het verleden zijn', de: '{name} muss ein Datum in der Vergangenheit sein' },
  'name-required': { en: 'firstname or lastname is required', fr: 'firstname ou lastname est obligatoire', nl: 'firstname of lastname is verplicht', de: 'firstname oder lastname ist erforderlich' },
  'credentials-required': { en: 'publickey, timestamp and signature are required', fr: 'publickey, timestamp et signature sont obligatoires', nl: 'publickey, timestamp en signature zijn verplicht', de: 'publickey, timestamp und signature sind erforderlich' },
  'timestamp-format': { en: 'timestamp must be ISO 8601 with an offset', fr: 'timestamp doit être au format ISO 8601 avec décalage horaire', nl: 'timestamp moet ISO 8601 met tijdverschil zijn', de: 'timestamp muss ISO 8601 mit Zeitversatz sein' },
  'timestamp-stale': { en: 'timestamp is stale', fr: 'timestamp est périmé', nl: 'timestamp is verlopen', de: 'timestamp ist veraltet' },
  'key-unknown': { en: 'unknown or revoked publickey', fr: 'publickey inconnue ou révoquée', nl: 'onbekende of ingetrokken publickey', de: 'unbekannter oder widerrufener publickey' },
  'bad-signature': { en: 'bad signature', fr: 'signature incorrecte', nl: 'onjuiste signature', de: 'falsche signature' },
  'device-unknown': { en: 'unknown or revoked deviceid', fr: 'deviceid inconnu ou révoqué', nl: 'onbekende of ingetrokken deviceid', de: 'unbekannte oder widerrufene deviceid' },
  'control-needs-viewer': { en: 'contactid or accesscode is required', fr: 'contactid ou accesscode est obligatoire', nl: 'contactid of accesscode is verplicht', de: 'contactid oder accesscode ist erforderlich' },
  'tickets-need-filter': { en: 'orderid or contactid is required', fr: 'orderid ou contactid est obligatoire', nl: 'orderid of contactid is verplicht', de: 'orderid oder contactid ist erforderlich' },
  'not-found': { en: '{what} not found', fr: '{what} introuvable', nl: '{what} niet gevonden', de: '{what} nicht gefunden' },
  'contact-erased': {
    en: "this contact's personal data was erased; new details belong to a new contact", fr: 'les données personnelles de ce contact ont été effacées ; créez un nouveau contact',
    nl: 'de persoonsgegevens van dit contact zijn gewist; nieuwe gegevens horen bij een nieuw contact', de: 'die persönlichen Daten dieses Kontakts wurden gelöscht; neue Angaben gehören zu einem neuen Kontakt',
  },
} satisfies Record<string, Texts>;

export type MessageKey = keyof typeof MESSAGES;

/** Names of things in `not-found`, so "événement introuvable" reads right. */
export const THINGS = {
  pack: { en: 'pack', fr: 'pack', nl: 'pakket', de: 'Paket' },
  stream: { en: 'stream', fr: 'stream', nl: 'stream', de: 'Stream' },
  event: { en: 'event', fr: 'événement', nl: 'voorstelling', de: 'Veranstaltung' },
  venue: { en: 'venue', fr: 'lieu', nl: 'locatie', de: 'Spielstätte' },
  attraction: { en: 'attraction', fr: 'attraction', nl: 'productie', de: 'Produktion' },
  category: { en: 'category', fr: 'catégorie', nl: 'categorie', de: 'Kategorie' },
  timeslot: { en: 'time slot', fr: 'créneau', nl: 'tijdslot', de: 'Zeitfenster' },
  contact: { en: 'contact', fr: 'contact', nl: 'contact', de: 'Kontakt' },
  order: { en: 'order', fr: 'commande', nl: 'bestelling', de: 'Bestellung' },
} satisfies Record<string, Texts>;

export type Thing = keyof typeof THINGS;

/** Values put into a message; a value with a text per language is written in the message's language. */
export type MessageVars = Record<string, string | number | Texts>;

export function messageIn(lang: UtickLanguage, key: MessageKey, vars: MessageVars = {}): string {
  const values = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return fill(MESSAGES[key][lang], values);
}
