// Frozen: never edit a migration that has shipped; add a new one.
// Online payments: per-organisation Mollie settings, the payment of an online order from intent to
// outcome, refunds at the provider, and the provider's status of a payment row.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mollie_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('api_key', 'text', (c) => c.notNull())
    .addColumn('api_key_mode', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('webhook_base_url', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('online_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().unique().references('orders.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_payment_id', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider_status', 'text')
    .addColumn('method', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('redirect_url', 'text', (c) => c.notNull())
    .addColumn('checkout_url', 'text')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('next_check_at', 'text')
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addColumn('attention', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .execute();
  await db.schema.createIndex('online_payments_provider_id').on('online_payments').columns(['organisation_id', 'provider_payment_id']).execute();
  await db.schema.createIndex('online_payments_due').on('online_payments').column('next_check_at').execute();
  await db.schema.createIndex('online_payments_attention').on('online_payments').columns(['organisation_id', 'attention'])
    .where(sql.ref('attention'), 'is not', null).execute();

  await db.schema
    .createTable('online_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('online_payment_id', 'text', (c) => c.notNull().references('online_payments.id'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('payment_row_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider_refund_id', 'text')
    .addColumn('next_check_at', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('online_refunds_payment').on('online_refunds').column('online_payment_id').execute();
  await db.schema.createIndex('online_refunds_order').on('online_refunds').column('order_id').execute();
  await db.schema.createIndex('online_refunds_due').on('online_refunds').column('next_check_at').execute();

  await db.schema.alterTable('payments').addColumn('provider_status', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
