// What staff see of an e-mail in the outbox.
import { Type } from 'typebox';
import type { Db } from '../platform/db.js';
import { Nullable, StringEnum } from '../platform/schemas.js';
import type { listOutbox } from './store.js';
import { MAIL_STATUSES, MAIL_TEMPLATES, type OutboxRow } from './tables.js';

export const OutboxItem = Type.Object({
  id: Type.String(), orderId: Nullable(Type.String()), orderNumber: Nullable(Type.String()), template: StringEnum(MAIL_TEMPLATES),
  recipient: Type.String(), language: Type.String(), subject: Type.String(), status: StringEnum(MAIL_STATUSES), attempts: Type.Integer(),
  lastError: Nullable(Type.String()), messageId: Type.String(), resendOf: Nullable(Type.String()),
  createdAt: Type.String(), sentAt: Nullable(Type.String()),
});
export const OutboxDetail = Type.Object({
  ...OutboxItem.properties,
  text: Type.String(), html: Type.String(), smtpResponse: Nullable(Type.String()),
  attachments: Type.Array(Type.Object({ kind: Type.String(), ticketIds: Type.Array(Type.String()) })),
  amount: Nullable(Type.Integer()),
});

type ListRow = Awaited<ReturnType<typeof listOutbox>>[number];
export const itemView = (r: ListRow) => ({
  id: r.id, orderId: r.order_id, orderNumber: r.order_number, template: r.template, recipient: r.recipient, language: r.language,
  subject: r.subject, status: r.status, attempts: r.attempts, lastError: r.last_error, messageId: r.message_id, resendOf: r.resend_of,
  createdAt: r.created_at, sentAt: r.sent_at,
});

export async function outboxDetail(db: Db, row: OutboxRow) {
  const order = row.order_id ? await db.selectFrom('orders').select('number').where('id', '=', row.order_id).executeTakeFirst() : undefined;
  const { ticketIds } = JSON.parse(row.attachments) as { ticketIds?: string[] };
  return {
    ...itemView({ ...row, order_number: order?.number ?? null }),
    text: row.body_text, html: row.body_html, smtpResponse: row.smtp_response, amount: row.amount,
    attachments: ticketIds?.length ? [{ kind: 'e-tickets', ticketIds }] : [],
  };
}

