// Frozen: never edit a migration that has shipped; add a new one.
// Gift vouchers a website applied to an order made through /v1 (Utick's promo codes): spent when the
// order is paid, by the vouchers' own conditional write; until then only named here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('utick_order_vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text', (c) => c.notNull().references('vouchers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('utick_order_vouchers_once', ['order_id', 'voucher_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
