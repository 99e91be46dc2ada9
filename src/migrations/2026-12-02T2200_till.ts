// Frozen: never edit a migration that has shipped; add a new one.
// The box office till: gift vouchers (sold in a basket, spent as a payment), their uses, and the
// cashier's shifts with the float and the counted cash.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('vouchers_order').on('vouchers').column('order_id').execute();

  await db.schema.createTable('voucher_uses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text', (c) => c.notNull().references('vouchers.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('voucher_uses_voucher').on('voucher_uses').column('voucher_id').execute();
  await db.schema.createIndex('voucher_uses_order').on('voucher_uses').column('order_id').execute();

  await db.schema.createTable('basket_vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('basket_id', 'text', (c) => c.notNull().references('baskets.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('basket_vouchers_basket').on('basket_vouchers').column('basket_id').execute();

  await db.schema.createTable('shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('float', 'bigint', (c) => c.notNull())
    .addColumn('counted_cash', 'bigint')
    .addColumn('counted_pin', 'bigint')
    .addColumn('note', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('shifts_user').on('shifts').columns(['organisation_id', 'user_id', 'status']).execute();
  await db.schema.createIndex('shifts_venue_day').on('shifts').columns(['venue_id', 'opened_at']).execute();
  // At most one open shift per user: the second open answers 409.
  await db.schema.createIndex('shifts_one_open').on('shifts').columns(['user_id', 'status']).unique()
    .where('status', '=', 'open').execute();
  await db.schema.createIndex('payments_created').on('payments').columns(['organisation_id', 'created_by', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
