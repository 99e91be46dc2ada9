// Every problem Foyer answers, with its title and detail in the three languages.
// The type URI of a problem is `/problems/<code>`; GET on it describes the problem.
import type { Text } from './i18n.js';

export interface ProblemMessage {
  status: number;
  title: Text;
  detail: Text;
}

export const PROBLEMS = {
  'validation-failed': {
    status: 400,
    title: { en: 'Invalid input', nl: 'Ongeldige invoer', fr: 'Données non valides' },
    detail: {
      en: 'Some fields are not valid; see errors.',
      nl: 'Sommige velden zijn niet geldig; zie errors.',
      fr: 'Certains champs ne sont pas valides ; voir errors.',
    },
  },
  'malformed-request': {
    status: 400,
    title: { en: 'Malformed request', nl: 'Onleesbaar verzoek', fr: 'Requête illisible' },
    detail: {
      en: 'The request could not be read; see errors.',
      nl: 'Het verzoek kon niet gelezen worden; zie errors.',
      fr: "La requête n'a pas pu être lue ; voir errors.",
    },
  },
  unauthenticated: {
    status: 401,
    title: { en: 'Not logged in', nl: 'Niet ingelogd', fr: 'Non connecté' },
    detail: {
      en: 'A valid bearer token is needed.',
      nl: 'Een geldig bearer-token is nodig.',
      fr: 'Un jeton bearer valide est nécessaire.',
    },
  },
  'invalid-credentials': {
    status: 401,
    title: { en: 'Login failed', nl: 'Inloggen mislukt', fr: 'Échec de la connexion' },
    detail: {
      en: 'The e-mail address or password is wrong.',
      nl: 'Het e-mailadres of wachtwoord is onjuist.',
      fr: "L'adresse e-mail ou le mot de passe est incorrect.",
    },
  },
  'invalid-client': {
    status: 401,
    title: { en: 'Unknown client', nl: 'Onbekende client', fr: 'Client inconnu' },
    detail: {
      en: 'The client id or secret is wrong, or the client was revoked.',
      nl: 'De client-id of het secret is onjuist, of de client is ingetrokken.',
      fr: "L'identifiant ou le secret du client est incorrect, ou le client a été révoqué.",
    },
  },
  forbidden: {
    status: 403,
    title: { en: 'Not allowed', nl: 'Niet toegestaan', fr: 'Non autorisé' },
    detail: {
      en: 'Your role ({role}) may not do this.',
      nl: 'Uw rol ({role}) mag dit niet.',
      fr: 'Votre rôle ({role}) ne permet pas cette action.',
    },
  },
  'not-found': {
    status: 404,
    title: { en: 'Not found', nl: 'Niet gevonden', fr: 'Introuvable' },
    detail: {
      en: 'There is no {what} with this id.',
      nl: 'Er is geen {what} met deze id.',
      fr: "Il n'existe pas de {what} avec cet identifiant.",
    },
  },
  'route-not-found': {
    status: 404,
    title: { en: 'Not found', nl: 'Niet gevonden', fr: 'Introuvable' },
    detail: {
      en: 'No such address: {method} {url}',
      nl: 'Dit adres bestaat niet: {method} {url}',
      fr: "Cette adresse n'existe pas : {method} {url}",
    },
  },
  conflict: {
    status: 409,
    title: { en: 'Conflict', nl: 'Conflict', fr: 'Conflit' },
    detail: { en: '{reason}', nl: '{reason}', fr: '{reason}' },
  },
  'too-many-attempts': {
    status: 429,
    title: { en: 'Too many attempts', nl: 'Te veel pogingen', fr: 'Trop de tentatives' },
    detail: {
      en: 'Too many failed logins; try again in {minutes} minutes.',
      nl: 'Te veel mislukte inlogpogingen; probeer het over {minutes} minuten opnieuw.',
      fr: 'Trop de connexions échouées ; réessayez dans {minutes} minutes.',
    },
  },
  'payload-too-large': {
    status: 413,
    title: { en: 'Request too large', nl: 'Verzoek te groot', fr: 'Requête trop volumineuse' },
    detail: {
      en: 'The request body is larger than Foyer accepts.',
      nl: 'De inhoud van het verzoek is groter dan Foyer aanneemt.',
      fr: 'Le corps de la requête dépasse ce que Foyer accepte.',
    },
  },
  'unsupported-media-type': {
    status: 415,
    title: { en: 'Unsupported content type', nl: 'Niet-ondersteund inhoudstype', fr: 'Type de contenu non pris en charge' },
    detail: {
      en: 'Send application/json (or a form); "{type}" is not accepted here.',
      nl: 'Stuur application/json (of een formulier); "{type}" wordt hier niet aangenomen.',
      fr: 'Envoyez application/json (ou un formulaire) ; « {type} » n\'est pas accepté ici.',
    },
  },
  'headers-too-large': {
    status: 431,
    title: { en: 'Request Header Fields Too Large', nl: 'Headers van het verzoek te groot', fr: "En-têtes de la requête trop volumineux" },
    detail: {
      en: 'The request headers (cookies, tokens) are larger than Foyer accepts.',
      nl: 'De headers van het verzoek (cookies, tokens) zijn groter dan Foyer aanneemt.',
      fr: "Les en-têtes de la requête (cookies, jetons) dépassent ce que Foyer accepte.",
    },
  },
  'request-timeout': {
    status: 408,
    title: { en: 'Request Timeout', nl: 'Verzoek duurde te lang', fr: 'Délai de la requête dépassé' },
    detail: {
      en: 'The request did not arrive in time; send it again.',
      nl: 'Het verzoek kwam niet op tijd binnen; stuur het opnieuw.',
      fr: "La requête n'est pas arrivée à temps ; renvoyez-la.",
    },
  },
  'internal-error': {
    status: 500,
    title: { en: 'Internal error', nl: 'Interne fout', fr: 'Erreur interne' },
    detail: {
      en: 'Something went wrong on our side; it has been logged.',
      nl: 'Er ging iets mis aan onze kant; dit is gelogd.',
      fr: "Une erreur s'est produite de notre côté ; elle a été enregistrée.",
    },
  },
  busy: {
    status: 503,
    title: { en: 'Busy, try again', nl: 'Druk, probeer opnieuw', fr: 'Occupé, réessayez' },
    detail: {
      en: 'The system is busy; try again in a moment.',
      nl: 'Het systeem is druk; probeer het zo opnieuw.',
      fr: 'Le système est occupé ; réessayez dans un instant.',
    },
  },
} satisfies Record<string, ProblemMessage>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Capabilities add their own problems here at start-up (see registerProblems). */
const extra = new Map<string, ProblemMessage>();

export function registerProblems(problems: Record<string, ProblemMessage>): void {
  for (const [code, msg] of Object.entries(problems)) extra.set(code, msg);
}

export function problemMessage(code: string): ProblemMessage | undefined {
  return (PROBLEMS as Record<string, ProblemMessage>)[code] ?? extra.get(code);
}

export function allProblemCodes(): string[] {
  return [...Object.keys(PROBLEMS), ...extra.keys()];
}

/** Field error messages, by JSON-schema keyword or Foyer rule. */
export const FIELD_MESSAGES: Record<string, Text> = {
  required: { en: 'is required', nl: 'is verplicht', fr: 'est obligatoire' },
  type: { en: 'must be of type {type}', nl: 'moet van het type {type} zijn', fr: 'doit être de type {type}' },
  minLength: {
    en: 'must be at least {limit} characters',
    nl: 'moet minstens {limit} tekens lang zijn',
    fr: 'doit contenir au moins {limit} caractères',
  },
  maxLength: {
    en: 'must be at most {limit} characters',
    nl: 'mag hoogstens {limit} tekens lang zijn',
    fr: 'doit contenir au plus {limit} caractères',
  },
  minimum: { en: 'must be at least {limit}', nl: 'moet minstens {limit} zijn', fr: 'doit être au moins {limit}' },
  maximum: { en: 'must be at most {limit}', nl: 'mag hoogstens {limit} zijn', fr: 'doit être au plus {limit}' },
  minItems: {
    en: 'must have at least {limit} items',
    nl: 'moet minstens {limit} elementen hebben',
    fr: 'doit contenir au moins {limit} éléments',
  },
  maxItems: {
    en: 'must have at most {limit} items',
    nl: 'mag hoogstens {limit} elementen hebben',
    fr: 'doit contenir au plus {limit} éléments',
  },
  enum: { en: 'must be one of: {allowed}', nl: 'moet een van deze zijn: {allowed}', fr: "doit être l'une de ces valeurs : {allowed}" },
  const: { en: 'must be {allowed}', nl: 'moet {allowed} zijn', fr: 'doit être {allowed}' },
  format: { en: 'must be a valid {format}', nl: 'moet een geldige {format} zijn', fr: 'doit être un {format} valide' },
  'format:foyer-name': {
    en: 'must contain letters or other visible characters, not only spaces or invisible characters',
    nl: 'moet letters of andere zichtbare tekens bevatten, niet alleen spaties of onzichtbare tekens',
    fr: 'doit contenir des lettres ou d\'autres caractères visibles, pas seulement des espaces ou des caractères invisibles',
  },
  'format:foyer-day': {
    en: 'must be an existing date YYYY-MM-DD from 2000-01-01 to 2100-12-31',
    nl: 'moet een bestaande datum JJJJ-MM-DD zijn van 2000-01-01 tot 2100-12-31',
    fr: 'doit être une date existante AAAA-MM-JJ du 2000-01-01 au 2100-12-31',
  },
  'format:foyer-birth-date': {
    en: 'must be an existing date YYYY-MM-DD from 1900-01-01 to 2100-12-31',
    nl: 'moet een bestaande datum JJJJ-MM-DD zijn van 1900-01-01 tot 2100-12-31',
    fr: 'doit être une date existante AAAA-MM-JJ du 1900-01-01 au 2100-12-31',
  },
  'format:foyer-local-date-time': {
    en: 'must be an existing local time YYYY-MM-DDThh:mm from 2000-01-01T00:00 to 2100-12-31T23:59 (not in the hour skipped when summer time starts)',
    nl: 'moet een bestaande lokale tijd JJJJ-MM-DDTuu:mm zijn van 2000-01-01T00:00 tot 2100-12-31T23:59 (niet in het uur dat wegvalt als de zomertijd begint)',
    fr: "doit être une heure locale existante AAAA-MM-JJThh:mm du 2000-01-01T00:00 au 2100-12-31T23:59 (pas dans l'heure sautée au passage à l'heure d'été)",
  },
  'format:foyer-instant': {
    en: 'must be an existing time with its offset (2027-06-30T23:59:59+02:00 or …Z) from 2000 to 2100',
    nl: 'moet een bestaand tijdstip met zijn offset zijn (2027-06-30T23:59:59+02:00 of …Z) van 2000 tot 2100',
    fr: 'doit être un instant existant avec son décalage (2027-06-30T23:59:59+02:00 ou …Z) de 2000 à 2100',
  },
  pattern: { en: 'has the wrong format', nl: 'heeft een ongeldig formaat', fr: "n'a pas le bon format" },
  additionalProperties: { en: 'is not a known field', nl: 'is geen bekend veld', fr: "n'est pas un champ connu" },
  uniqueItems: { en: 'must not repeat items', nl: 'mag geen dubbele elementen bevatten', fr: 'ne doit pas contenir de doublons' },
  invalid: { en: 'is not valid', nl: 'is niet geldig', fr: "n'est pas valide" },
  invalidJson: { en: 'is not valid JSON', nl: 'is geen geldige JSON', fr: "n'est pas du JSON valide" },
  emptyJson: {
    en: 'is empty, but the content type says JSON',
    nl: 'is leeg, maar het inhoudstype zegt JSON',
    fr: 'est vide, mais le type de contenu annonce du JSON',
  },
  unreadable: { en: 'could not be read', nl: 'kon niet gelezen worden', fr: "n'a pas pu être lu" },
  notHttp: { en: 'is not a valid HTTP request', nl: 'is geen geldig HTTP-verzoek', fr: "n'est pas une requête HTTP valide" },
  badUrl: { en: 'is not a valid address', nl: 'is geen geldig adres', fr: "n'est pas une adresse valide" },
  nulCharacter: { en: 'must not contain NUL characters', nl: 'mag geen NUL-tekens bevatten', fr: 'ne doit pas contenir de caractères NUL' },
};

/** Names of records, for {what} in problem details ("Er is geen zaal met deze id."). */
export const NOUNS: Record<string, Text> = {
  venue: { en: 'venue', nl: 'locatie', fr: 'lieu' },
  hall: { en: 'hall', nl: 'zaal', fr: 'salle' },
  production: { en: 'production', nl: 'productie', fr: 'production' },
  performance: { en: 'performance', nl: 'voorstelling', fr: 'représentation' },
  'ticket type': { en: 'ticket type', nl: 'tickettype', fr: 'type de billet' },
  user: { en: 'user', nl: 'gebruiker', fr: 'utilisateur' },
  'API client': { en: 'API client', nl: 'API-client', fr: 'client API' },
  organisation: { en: 'organisation', nl: 'organisatie', fr: 'organisation' },
  'problem type': { en: 'problem type', nl: 'probleemtype', fr: 'type de problème' },
  order: { en: 'order', nl: 'bestelling', fr: 'commande' },
  basket: { en: 'basket', nl: 'winkelmand', fr: 'panier' },
  customer: { en: 'customer', nl: 'klant', fr: 'client' },
  job: { en: 'job', nl: 'taak', fr: 'tâche' },
  block: { en: 'block', nl: 'blokkering', fr: 'blocage' },
  door: { en: 'door', nl: 'ingang', fr: 'entrée' },
  device: { en: 'device', nl: 'apparaat', fr: 'appareil' },
  conflict: { en: 'conflict', nl: 'conflict', fr: 'conflit' },
  'e-mail': { en: 'e-mail', nl: 'e-mail', fr: 'e-mail' },
  ticket: { en: 'ticket', nl: 'ticket', fr: 'billet' },
};
