// The outbox screen's words, in Dutch, English and French (kept here so the screen stays one folder).
import type { Lang } from '../i18n/dictionary.js';

const nl = {
  tab: 'E-mail', heading: 'Verstuurde e-mail', all: 'Alle', when: 'Aangemaakt', to: 'Aan', subject: 'Onderwerp', order: 'Bestelling',
  kind: 'Soort', status: 'Status', attempts: 'Pogingen', none: 'Nog geen e-mail', open: 'Openen', resend: 'Opnieuw versturen',
  resent: 'Opnieuw in de wachtrij gezet', sentAt: 'Verzonden', lastError: 'Laatste fout', noSmtp: 'Er is geen mailserver ingesteld (SMTP_URL): e-mails worden niet verstuurd. Lees ze hier en stuur ze zo nodig zelf door.',
  more: 'Meer', back: 'Terug naar de lijst', attachment: 'Bijlage: e-tickets (PDF)',
  'status.queued': 'In de wachtrij', 'status.sending': 'Wordt verstuurd', 'status.sent': 'Verstuurd', 'status.failed': 'Mislukt',
  'status.not_sent': 'Niet verstuurd (geen mailserver)',
  'template.order-confirmation': 'Orderbevestiging', 'template.reservation-reminder': 'Herinnering reservering',
  'template.refund-confirmation': 'Bevestiging terugbetaling',
};
export type MailKey = keyof typeof nl;

const en: Record<MailKey, string> = {
  tab: 'E-mail', heading: 'E-mail sent', all: 'All', when: 'Created', to: 'To', subject: 'Subject', order: 'Order',
  kind: 'Kind', status: 'Status', attempts: 'Attempts', none: 'No e-mail yet', open: 'Open', resend: 'Send again',
  resent: 'Queued again', sentAt: 'Sent', lastError: 'Last error', noSmtp: 'No mail server is set up (SMTP_URL): e-mails are not sent. Read them here and forward them yourself when needed.',
  more: 'More', back: 'Back to the list', attachment: 'Attachment: e-tickets (PDF)',
  'status.queued': 'Queued', 'status.sending': 'Sending', 'status.sent': 'Sent', 'status.failed': 'Failed',
  'status.not_sent': 'Not sent (no mail server)',
  'template.order-confirmation': 'Order confirmation', 'template.reservation-reminder': 'Reservation reminder',
  'template.refund-confirmation': 'Refund confirmation',
};

const fr: Record<MailKey, string> = {
  tab: 'E-mail', heading: 'E-mails envoyés', all: 'Tous', when: 'Créé', to: 'À', subject: 'Objet', order: 'Commande',
  kind: 'Type', status: 'Statut', attempts: 'Essais', none: 'Pas encore d’e-mail', open: 'Ouvrir', resend: 'Renvoyer',
  resent: 'Remis dans la file d’attente', sentAt: 'Envoyé', lastError: 'Dernière erreur', noSmtp: 'Aucun serveur mail n’est configuré (SMTP_URL) : les e-mails ne sont pas envoyés. Lisez-les ici et transférez-les vous-même si nécessaire.',
  more: 'Plus', back: 'Retour à la liste', attachment: 'Pièce jointe : e-tickets (PDF)',
  'status.queued': 'En attente', 'status.sending': 'Envoi en cours', 'status.sent': 'Envoyé', 'status.failed': 'Échec',
  'status.not_sent': 'Non envoyé (pas de serveur mail)',
  'template.order-confirmation': 'Confirmation de commande', 'template.reservation-reminder': 'Rappel de réservation',
  'template.refund-confirmation': 'Confirmation de remboursement',
};

export const MAIL_TEXTS: Record<Lang, Record<MailKey, string>> = { nl, en, fr };
