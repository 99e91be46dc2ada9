// Words of the audit trail section, in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';
import { useJobWords, type JobWord } from '../jobs/words.js';

const JOB_STATUSES = new Set(['pending', 'running', 'done', 'dead']);

const nl = {
  section: 'Audittrail', title: 'Wie wijzigde wat en wanneer', subject: 'Onderwerp', person: 'Persoon', from: 'Van', to: 'Tot en met',
  anySubject: 'Alle onderwerpen', anyPerson: 'Iedereen', filter: 'Tonen', clear: 'Wissen', when: 'Wanneer', what: 'Wat', change: 'Wijziging',
  none: 'Geen wijzigingen gevonden.', newer: 'Nieuwere', older: 'Oudere', empty: 'leeg', page: 'Pagina {n}',
  historyOf: 'Alle wijzigingen van', allThings: 'Alles tonen', historyHint: 'Alle wijzigingen hiervan tonen',
  'subject-venue': 'Locatie', 'subject-hall': 'Zaal', 'subject-production': 'Productie', 'subject-performance': 'Voorstelling',
  'subject-ticket-type': 'Tickettype', 'subject-price-list': 'Prijslijst', 'subject-quota': 'Quotum', 'subject-pack': 'Pakket',
  'subject-stream': 'Stream', 'subject-user': 'Medewerker', 'subject-api-client': 'API-client of sleutel', 'subject-settings': 'Instellingen',
  'action-created': 'aangemaakt', 'action-changed': 'gewijzigd', 'action-deleted': 'verwijderd', 'action-revoked': 'ingetrokken',
  'action-password-reset': 'wachtwoord hersteld', 'action-password-set': 'nieuw wachtwoord gekozen', 'action-cancelled': 'geannuleerd',
  'subject-job': 'Achtergrondtaak', 'action-retried': 'opnieuw geprobeerd', 'settings-organisation': 'Organisatie', 'settings-till': 'Kassa', 'settings-fees': 'Servicekosten',
  system: 'Foyer (systeem)', yes: 'ja', no: 'nee', gone: '(verwijderd)', vatRate: 'Btw-tarief', copiedFrom: 'Overgenomen van',
  seatCount: 'Aantal stoelen', seatsAdded: 'Stoelen bijgekomen', seatsRemoved: 'Stoelen weggehaald', seatsChanged: 'Stoelen gewijzigd',
  zones: 'Vrije zones', requireOpenShift: 'Betalen aan de kassa vraagt een open dienst', uitpasCheckins: 'UiTPAS-check-ins aan de deur',
  catalogueKey: 'Catalogussleutel', timeoutSeconds: 'Wachttijd (seconden)', paceMs: 'Tijd tussen meldingen (ms)', checkEveryHours: 'Controle elke (uren)',
  blockedSeatsPath: 'Pad voor geblokkeerde plaatsen',
  status: 'Status', name: 'Naam', slug: 'Korte naam (in adressen)', onlineHoldMinutes: 'Online mandje vastgehouden (minuten)',
  boxofficeHoldMinutes: 'Mandje aan de kassa vastgehouden (minuten)', reservationHours: 'Reservering geldig (uren)', extraInfo: 'Extra info voor kopers',
  'boxoffice.perTicket': 'Kassa: servicekosten per ticket', 'boxoffice.perOrder': 'Kassa: servicekosten per bestelling', 'boxoffice.vatRate': 'Kassa: btw op servicekosten',
  'online.perTicket': 'Online: servicekosten per ticket', 'online.perOrder': 'Online: servicekosten per bestelling', 'online.vatRate': 'Online: btw op servicekosten',
  'settings-shop': 'Webshop', 'settings-checkin': 'Check-in', shopEnabled: 'Webshop aan', displayName: 'Naam in de webshop', logoUrl: 'Logo (adres)',
  colour: 'Kleur', embedOrigins: 'Websites die de webshop mogen insluiten', termsUrl: 'Verkoopvoorwaarden (adres)', maxPlaces: 'Maximum aantal plaatsen per bestelling',
  buyerCancelHours: 'Kopers annuleren zelf tot (uren voor de voorstelling)', reentry: 'Opnieuw binnen (uitgang scannen)',
};
export type AuditWord = keyof typeof nl;

const en: Record<AuditWord, string> = {
  section: 'Audit trail', title: 'Who changed what, and when', subject: 'Subject', person: 'Person', from: 'From', to: 'Up to and including',
  anySubject: 'All subjects', anyPerson: 'Everyone', filter: 'Show', clear: 'Clear', when: 'When', what: 'What', change: 'Change',
  none: 'No changes found.', newer: 'Newer', older: 'Older', empty: 'empty', page: 'Page {n}',
  historyOf: 'Every change of', allThings: 'Show everything', historyHint: 'Show every change of this',
  'subject-venue': 'Venue', 'subject-hall': 'Hall', 'subject-production': 'Production', 'subject-performance': 'Performance',
  'subject-ticket-type': 'Ticket type', 'subject-price-list': 'Price list', 'subject-quota': 'Quota', 'subject-pack': 'Pack',
  'subject-stream': 'Stream', 'subject-user': 'Staff member', 'subject-api-client': 'API client or key', 'subject-settings': 'Settings',
  'action-created': 'created', 'action-changed': 'changed', 'action-deleted': 'deleted', 'action-revoked': 'revoked',
  'action-password-reset': 'password reset', 'action-password-set': 'new password chosen', 'action-cancelled': 'cancelled',
  'subject-job': 'Background job', 'action-retried': 'tried again', 'settings-organisation': 'Organisation', 'settings-till': 'Till', 'settings-fees': 'Service fees',
  system: 'Foyer (system)', yes: 'yes', no: 'no', gone: '(deleted)', vatRate: 'VAT rate', copiedFrom: 'Copied from',
  seatCount: 'Number of seats', seatsAdded: 'Seats added', seatsRemoved: 'Seats removed', seatsChanged: 'Seats changed',
  zones: 'Open zones', requireOpenShift: 'Box office payments need an open shift', uitpasCheckins: 'UiTPAS check-ins at the door',
  catalogueKey: 'Catalogue key', timeoutSeconds: 'Time-out (seconds)', paceMs: 'Time between reports (ms)', checkEveryHours: 'Check every (hours)',
  blockedSeatsPath: 'Path for blocked seats',
  status: 'Status', name: 'Name', slug: 'Short name (in addresses)', onlineHoldMinutes: 'Online basket held (minutes)',
  boxofficeHoldMinutes: 'Box office basket held (minutes)', reservationHours: 'Reservation valid (hours)', extraInfo: 'Extra info for buyers',
  'boxoffice.perTicket': 'Box office: fee per ticket', 'boxoffice.perOrder': 'Box office: fee per order', 'boxoffice.vatRate': 'Box office: VAT on fees',
  'online.perTicket': 'Online: fee per ticket', 'online.perOrder': 'Online: fee per order', 'online.vatRate': 'Online: VAT on fees',
  'settings-shop': 'Web shop', 'settings-checkin': 'Check-in', shopEnabled: 'Web shop on', displayName: 'Name in the web shop', logoUrl: 'Logo (address)',
  colour: 'Colour', embedOrigins: 'Websites that may embed the web shop', termsUrl: 'Terms of sale (address)', maxPlaces: 'Most places per order',
  buyerCancelHours: 'Buyers cancel themselves up to (hours before the performance)', reentry: 'Re-entry (exits scanned)',
};

const fr: Record<AuditWord, string> = {
  section: 'Journal d’audit', title: 'Qui a modifié quoi, et quand', subject: 'Objet', person: 'Personne', from: 'Du', to: 'Au (inclus)',
  anySubject: 'Tous les objets', anyPerson: 'Tout le monde', filter: 'Afficher', clear: 'Effacer', when: 'Quand', what: 'Quoi', change: 'Modification',
  none: 'Aucune modification trouvée.', newer: 'Plus récentes', older: 'Plus anciennes', empty: 'vide', page: 'Page {n}',
  historyOf: 'Toutes les modifications de', allThings: 'Tout afficher', historyHint: 'Afficher toutes les modifications de ceci',
  'subject-venue': 'Lieu', 'subject-hall': 'Salle', 'subject-production': 'Production', 'subject-performance': 'Représentation',
  'subject-ticket-type': 'Type de billet', 'subject-price-list': 'Liste de prix', 'subject-quota': 'Quota', 'subject-pack': 'Formule',
  'subject-stream': 'Parcours', 'subject-user': 'Membre du personnel', 'subject-api-client': 'Client API ou clé', 'subject-settings': 'Paramètres',
  'action-created': 'créé', 'action-changed': 'modifié', 'action-deleted': 'supprimé', 'action-revoked': 'révoqué',
  'action-password-reset': 'mot de passe réinitialisé', 'action-password-set': 'nouveau mot de passe choisi', 'action-cancelled': 'annulé',
  'subject-job': 'Tâche en arrière-plan', 'action-retried': 'relancée', 'settings-organisation': 'Organisation', 'settings-till': 'Caisse', 'settings-fees': 'Frais de service',
  system: 'Foyer (système)', yes: 'oui', no: 'non', gone: '(supprimé)', vatRate: 'Taux de TVA', copiedFrom: 'Copié de',
  seatCount: 'Nombre de sièges', seatsAdded: 'Sièges ajoutés', seatsRemoved: 'Sièges retirés', seatsChanged: 'Sièges modifiés',
  zones: 'Zones libres', requireOpenShift: 'Les paiements au guichet demandent un service ouvert', uitpasCheckins: 'Check-ins UiTPAS à l’entrée',
  catalogueKey: 'Clé de catalogue', timeoutSeconds: 'Délai (secondes)', paceMs: 'Temps entre les envois (ms)', checkEveryHours: 'Contrôle toutes les (heures)',
  blockedSeatsPath: 'Chemin des places bloquées',
  status: 'Statut', name: 'Nom', slug: 'Nom court (dans les adresses)', onlineHoldMinutes: 'Panier en ligne gardé (minutes)',
  boxofficeHoldMinutes: 'Panier au guichet gardé (minutes)', reservationHours: 'Réservation valable (heures)', extraInfo: 'Informations supplémentaires pour les acheteurs',
  'boxoffice.perTicket': 'Guichet : frais par billet', 'boxoffice.perOrder': 'Guichet : frais par commande', 'boxoffice.vatRate': 'Guichet : TVA sur les frais',
  'online.perTicket': 'En ligne : frais par billet', 'online.perOrder': 'En ligne : frais par commande', 'online.vatRate': 'En ligne : TVA sur les frais',
  'settings-shop': 'Billetterie en ligne', 'settings-checkin': 'Contrôle d’accès', shopEnabled: 'Billetterie en ligne active', displayName: 'Nom dans la billetterie en ligne', logoUrl: 'Logo (adresse)',
  colour: 'Couleur', embedOrigins: 'Sites qui peuvent intégrer la billetterie en ligne', termsUrl: 'Conditions de vente (adresse)', maxPlaces: 'Nombre maximum de places par commande',
  buyerCancelHours: 'Les acheteurs annulent eux-mêmes jusqu’à (heures avant la représentation)', reentry: 'Ré-entrée (sorties scannées)',
};

const WORDS: Record<Lang, Record<AuditWord, string>> = { nl, en, fr };
export const SECTION_LABEL: Record<Lang, string> = { nl: nl.section, en: en.section, fr: fr.section };
/** The subjects GET /api/audit filters on (src/audit/rules.ts). */
export const SUBJECTS = ['venue', 'hall', 'production', 'performance', 'ticket-type', 'price-list', 'quota', 'pack', 'stream', 'user', 'api-client', 'settings', 'job'] as const;

export function useAuditWords() {
  const { lang } = useI18n();
  const jobs = useJobWords();
  const all = WORDS[lang] as Record<string, string>;
  return {
    lang,
    w: (k: AuditWord, n?: number) => WORDS[lang][k].replace('{n}', String(n ?? '')),
    subject: (s: string) => all[`subject-${s}`] ?? s,
    action: (a: string) => all[`action-${a}`] ?? a,
    /** An entry's thing in words: a job by its kind as the job queue names it, Foyer's own settings by name (DIP, Mollie... are names). */
    thing: (e: { subject: string; subjectId: string; label: string }) =>
      e.subject === 'job' ? jobs.kind(e.label) : e.subject === 'settings' ? all[`settings-${e.subjectId}`] ?? e.label : e.label,
    /** A recorded value in words where the trail keeps a code: a job's status. */
    value: (subject: string, field: string, v: unknown): string | null =>
      subject === 'job' && field === 'status' && typeof v === 'string' && JOB_STATUSES.has(v) ? jobs.w(v as JobWord) : null,
  };
}
