// Frozen: never edit a migration that has shipped; add a new one.
// E-mail and the buyer's "my order" link:
//   mail_outbox   one row per e-mail: what it says (rendered when queued), to whom, and how sending went;
//                 attachments are rendered from the order when it is sent
//   order_links   the unguessable token of an order's my-order page
// (customers.language, which e-mails follow, comes with the web shop's migration)
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('order_id', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    // what the attachments are made of at send time: {"ticketIds": [...]} or {}
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('smtp_response', 'text')
    // automatic e-mails that must go once (the confirmation of a paid order, a reservation's reminder)
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('resend_of', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_org_created').on('mail_outbox').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('mail_outbox_order').on('mail_outbox').columns(['order_id', 'template', 'created_at']).execute();

  await db.schema
    .createTable('order_links')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
