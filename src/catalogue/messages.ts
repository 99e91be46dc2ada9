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
  'metadata-object': { en: 'metadata must be an object (or its JSON text) of at most 10000 characters', fr: 'metadata doit être un objet (ou son texte JSON) de 10000 caractères au plus', nl: 'metadata moet een object (of de JSON-tekst ervan) van hoogstens 10000 tekens zijn', de: 'metadata muss ein Objekt (oder dessen JSON-Text) mit höchstens 10000 Zeichen sein' },
  'must-be-url': { en: '{name} must be an http(s) URL', fr: '{name} doit être une URL http(s)', nl: '{name} moet een http(s)-URL zijn', de: '{name} muss eine http(s)-URL sein' },
  'order-needs-contact': { en: 'the order needs a contact (contactid) before it is confirmed', fr: 'la commande doit avoir un contact (contactid) avant sa confirmation', nl: 'de bestelling heeft een contact (contactid) nodig voor ze bevestigd wordt', de: 'die Bestellung braucht einen Kontakt (contactid), bevor sie bestätigt wird' },
  'order-paid': { en: 'a paid order is cancelled by the venue (or by the buyer on the order page, where the venue allows it)', fr: 'une commande payée est annulée par la salle (ou par l’acheteur sur la page de sa commande, si la salle le permet)', nl: 'een betaalde bestelling annuleert de zaal (of de koper op de bestelpagina, waar de zaal dat toestaat)', de: 'eine bezahlte Bestellung storniert der Veranstalter (oder der Käufer auf der Bestellseite, wo erlaubt)' },
  'order-status-change': { en: 'statusid can only be set to {allowed}; payment sets the order paid', fr: 'statusid ne peut valoir que {allowed} ; le paiement rend la commande payée', nl: 'statusid kan alleen {allowed} worden; de betaling maakt de bestelling betaald', de: 'statusid kann nur {allowed} werden; die Zahlung macht die Bestellung bezahlt' },
  'order-closed': { en: 'this order can no longer be changed', fr: 'cette commande ne peut plus être modifiée', nl: 'deze bestelling kan niet meer gewijzigd worden', de: 'diese Bestellung kann nicht mehr geändert werden' },
  'order-contact-fixed': { en: 'a confirmed order keeps its contact', fr: 'une commande confirmée garde son contact', nl: 'een bevestigde bestelling houdt haar contact', de: 'eine bestätigte Bestellung behält ihren Kontakt' },
  'requests-required': { en: 'requests must be a list of 1 to 20 stock requests', fr: 'requests doit être une liste de 1 à 20 demandes', nl: 'requests moet een lijst van 1 tot 20 aanvragen zijn', de: 'requests muss eine Liste von 1 bis 20 Anfragen sein' },
  'one-order': { en: 'every request must be for the same order', fr: 'toutes les demandes doivent viser la même commande', nl: 'alle aanvragen moeten voor dezelfde bestelling zijn', de: 'alle Anfragen müssen dieselbe Bestellung betreffen' },
  'quantity-range': { en: 'quantity must be between 1 and 20', fr: 'quantity doit être compris entre 1 et 20', nl: 'quantity moet tussen 1 en 20 liggen', de: 'quantity muss zwischen 1 und 20 liegen' },
  'price-fixed': { en: 'Foyer sells at the price list: {name} cannot be set', fr: 'Foyer vend au tarif : {name} ne peut pas être fixé', nl: 'Foyer verkoopt volgens de prijslijst: {name} kan niet gezet worden', de: 'Foyer verkauft zur Preisliste: {name} kann nicht gesetzt werden' },
  'product-sold': { en: 'a ticket of a confirmed order is not removed: cancel the order', fr: "le billet d'une commande confirmée ne se retire pas : annulez la commande", nl: 'een kaart van een bevestigde bestelling wordt niet verwijderd: annuleer de bestelling', de: 'ein Ticket einer bestätigten Bestellung wird nicht entfernt: stornieren Sie die Bestellung' },
  'order-not-paid': { en: 'the order is not paid: its tickets are not valid yet', fr: "la commande n'est pas payée : ses billets ne sont pas encore valables", nl: 'de bestelling is niet betaald: haar kaarten zijn nog niet geldig', de: 'die Bestellung ist nicht bezahlt: ihre Tickets gelten noch nicht' },
  'order-required': { en: 'orderid is required', fr: 'orderid est obligatoire', nl: 'orderid is verplicht', de: 'orderid ist erforderlich' },
  'mollie-payment-foreign': { en: 'Foyer makes the Mollie payment of an order itself (createPayment); {id} is not this order\'s payment', fr: 'Foyer crée lui-même le paiement Mollie d’une commande (createPayment) ; {id} n’est pas le paiement de cette commande', nl: 'Foyer maakt de Mollie-betaling van een bestelling zelf (createPayment); {id} is niet de betaling van deze bestelling', de: 'Foyer erstellt die Mollie-Zahlung einer Bestellung selbst (createPayment); {id} ist nicht die Zahlung dieser Bestellung' },
  'payment-fixed': { en: 'a payment is made by the payment provider: it is not changed or deleted through this API', fr: 'un paiement est fait par le prestataire de paiement : il ne se modifie ni ne se supprime par cette API', nl: 'een betaling maakt de betaalprovider: ze wordt niet gewijzigd of verwijderd via deze API', de: 'eine Zahlung macht der Zahlungsanbieter: sie wird über diese API nicht geändert oder gelöscht' },
  'device-required': { en: 'deviceid is required: a door device registered under Check-in', fr: "deviceid est obligatoire : un appareil d'entrée enregistré sous Contrôle", nl: 'deviceid is verplicht: een deurapparaat geregistreerd onder Toegangscontrole', de: 'deviceid ist erforderlich: ein unter Einlass registriertes Gerät' },
  'codes-required': { en: 'codes must be a list of 1 to 100 codes', fr: 'codes doit être une liste de 1 à 100 codes', nl: 'codes moet een lijst van 1 tot 100 codes zijn', de: 'codes muss eine Liste von 1 bis 100 Codes sein' },
  'vouchers-short': {
    en: 'the gift vouchers cover {covered} of {total}: Foyer takes no online payment beside a voucher yet; add a voucher, or remove them (removeProductFromOrder) and pay it all online',
    fr: "les chèques-cadeaux couvrent {covered} sur {total} : Foyer ne prend pas encore de paiement en ligne à côté d'un chèque ; ajoutez un chèque, ou retirez-les (removeProductFromOrder) et payez tout en ligne",
    nl: 'de cadeaubonnen dekken {covered} van {total}: Foyer neemt nog geen online betaling naast een cadeaubon; voeg een bon toe, of haal ze weg (removeProductFromOrder) en betaal alles online',
    de: 'die Geschenkgutscheine decken {covered} von {total}: Foyer nimmt noch keine Online-Zahlung neben einem Gutschein; fügen Sie einen Gutschein hinzu oder entfernen Sie sie (removeProductFromOrder) und zahlen Sie alles online',
  },
  'promocodeids-list': { en: 'promocodeids must be a list of at most 10 promo code ids', fr: 'promocodeids doit être une liste de 10 identifiants de code promo au plus', nl: 'promocodeids moet een lijst van hoogstens 10 promotiecode-ids zijn', de: 'promocodeids muss eine Liste von höchstens 10 Aktionscode-IDs sein' },
  'promo-label-required': {
    en: 'label is required: the gift voucher code the buyer typed (Foyer lists no codes)', fr: "label est obligatoire : le code du chèque-cadeau saisi par l'acheteur (Foyer ne liste pas les codes)",
    nl: 'label is verplicht: de code van de cadeaubon die de koper intypte (Foyer toont geen lijst van codes)', de: 'label ist erforderlich: der vom Käufer eingegebene Gutscheincode (Foyer listet keine Codes)',
  },
  'foyer-problem': { en: '{text}', fr: '{text}', nl: '{text}', de: '{text}' },
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
  stock: { en: 'stock', fr: 'stock', nl: 'voorraad', de: 'Kontingent' },
  product: { en: 'product', fr: 'produit', nl: 'product', de: 'Produkt' },
  payment: { en: 'payment', fr: 'paiement', nl: 'betaling', de: 'Zahlung' },
  paymentMethod: { en: 'payment method', fr: 'moyen de paiement', nl: 'betaalmethode', de: 'Zahlungsart' },
  seat: { en: 'seat', fr: 'siège', nl: 'stoel', de: 'Sitzplatz' },
  promoCode: { en: 'promo code', fr: 'code promo', nl: 'promotiecode', de: 'Aktionscode' },
} satisfies Record<string, Texts>;

export type Thing = keyof typeof THINGS;

/** Values put into a message; a value with a text per language is written in the message's language. */
export type MessageVars = Record<string, string | number | Texts>;

export function messageIn(lang: UtickLanguage, key: MessageKey, vars: MessageVars = {}): string {
  const values = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return fill(MESSAGES[key][lang], values);
}
