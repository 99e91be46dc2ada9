// Sends one outbox row over SMTP (nodemailer), as a job of the durable queue. The row is marked sent
// in the same statement that records the mail server's acceptance; every try of a row carries the
// row's own Message-ID, so a message sent twice after an ambiguous failure is recognisably one.
import type { Deps, MailSettings } from '../platform/context.js';
import type { ClaimedJob, JobContext } from '../platform/jobs.js';
import { PermanentJobError } from '../platform/jobs.js';
import { renderTicketsPdf } from '../tickets/layout.js';
import { issuableTickets } from '../tickets/rules.js';
import { documentTickets, markDelivered } from '../tickets/store.js';
import { isPermanentSmtpFailure } from './rules.js';
import { outboxRow } from './store.js';
import type { OutboxRow } from './tables.js';

export interface SendPayload {
  outboxId: string;
}

type Mailer = { sendMail(message: Record<string, unknown>): Promise<{ response?: string; accepted?: unknown[] }> };

async function transport(settings: MailSettings): Promise<Mailer> {
  const { default: nodemailer } = await import('nodemailer');
  // Short timeouts: a hung server must fail the try well within the job's lease.
  return nodemailer.createTransport({
    url: settings.smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]) as unknown as Mailer;
}

/** The e-tickets PDF of the row's tickets that are still valid (none left: no attachment). */
async function attachments(deps: Deps, row: OutboxRow) {
  const { ticketIds } = JSON.parse(row.attachments) as { ticketIds?: string[] };
  if (!ticketIds?.length || !row.order_id) return { files: [], ticketIds: [] };
  const all = await documentTickets(deps.db, row.organisation_id, row.order_id);
  const still = all.filter((t) => ticketIds.includes(t.id) && t.status === 'valid');
  if (!still.length) return { files: [], ticketIds: [] };
  const tickets = issuableTickets(still);
  const number = tickets[0].order_number;
  const pdf = await renderTicketsPdf(tickets.map((ticket) => ({ ticket, printCount: 0 })), { lang: row.language, title: number });
  return {
    files: [{ filename: `e-tickets-${number}.pdf`, content: pdf, contentType: 'application/pdf' }],
    ticketIds: tickets.map((t) => t.id),
  };
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

export async function sendMailJob(job: ClaimedJob<SendPayload>, { deps, log }: JobContext): Promise<void> {
  const id = job.payload.outboxId;
  const row = await outboxRow(deps.db, id);
  if (!row || (row.status !== 'queued' && row.status !== 'sending')) return; // sent, failed or kept: nothing to do
  const now = () => deps.clock.now().toISOString();
  if (!deps.mail?.smtpUrl || !deps.mail.from) {
    await deps.db.updateTable('mail_outbox').set({ status: 'not_sent', updated_at: now() })
      .where('id', '=', id).where('status', 'in', ['queued', 'sending']).execute();
    return;
  }
  // A row found 'sending' was handed to the mail server by a try that did not live to record the
  // answer: it may have arrived. It goes again with the same Message-ID (at least once, never lost).
  if (row.status === 'sending') log.warn({ outboxId: id, messageId: row.message_id }, 'e-mail may have been sent already; sending it again with the same Message-ID');
  const claimed = await deps.db.updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), updated_at: now() }))
    .where('id', '=', id).where('status', 'in', ['queued', 'sending']).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return;

  const org = await deps.db.selectFrom('organisations').select('name').where('id', '=', row.organisation_id).executeTakeFirstOrThrow();
  let info: { response?: string };
  let delivered: string[] = [];
  try {
    const att = await attachments(deps, row);
    delivered = att.ticketIds;
    info = await (await transport(deps.mail)).sendMail({
      from: { name: org.name, address: deps.mail.from },
      to: row.recipient,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html,
      messageId: row.message_id,
      date: new Date(row.created_at),
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': row.language, 'X-Foyer-Outbox-Id': row.id },
      attachments: att.files,
    });
  } catch (err) {
    const permanent = isPermanentSmtpFailure(err);
    const last = job.attempt >= job.maxAttempts;
    await deps.db.updateTable('mail_outbox').set({ status: permanent || last ? 'failed' : 'queued', last_error: errorText(err), updated_at: now() })
      .where('id', '=', id).where('status', '=', 'sending').execute();
    if (permanent) throw new PermanentJobError(errorText(err));
    throw err;
  }
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('mail_outbox')
      .set({ status: 'sent', sent_at: now(), updated_at: now(), smtp_response: (info.response ?? '').slice(0, 500), last_error: null })
      .where('id', '=', id).where('status', '=', 'sending').execute();
    // Tickets handed to the buyer count as issued (DIP) from now.
    await markDelivered(tx, delivered, deps.clock.now());
  });
}
