import type { Selectable } from 'kysely';
import type { Lang } from '../platform/i18n.js';

export const MAIL_TEMPLATES = ['order-confirmation', 'reservation-reminder', 'refund-confirmation'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/**
 * queued: waiting for the worker; sending: handed to the mail server, answer not yet recorded (after a
 * crash here the e-mail may or may not have gone: it is sent again with the same Message-ID);
 * sent: the mail server accepted it; failed: given up (rejected, or out of tries);
 * not_sent: no mail server is set up (SMTP_URL), it stays here for staff to read.
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'not_sent'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface MailOutboxTable {
  id: string;
  organisation_id: string;
  order_id: string | null;
  template: MailTemplate;
  recipient: string;
  language: Lang;
  subject: string;
  body_text: string;
  body_html: string;
  /** JSON: what to attach when sending, e.g. {"ticketIds": [...]} for the e-tickets PDF. */
  attachments: string;
  /** For a refund confirmation: the amount refunded, in cents. */
  amount: number | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  /** "<id@host>", the same on every try of this row. */
  message_id: string;
  /** The mail server's answer when it accepted the message. */
  smtp_response: string | null;
  dedupe_key: string | null;
  /** A resend of an e-mail already sent is a new row pointing at the first. */
  resend_of: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}
export type OutboxRow = Selectable<MailOutboxTable>;

export interface MailTables {
  mail_outbox: MailOutboxTable;
}
