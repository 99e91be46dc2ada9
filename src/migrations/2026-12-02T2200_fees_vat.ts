// Frozen: never edit a migration that has shipped; add a new one.
// Service fees per organisation and channel, kept apart from the ticket price: a ticket carries its
// own fee and the VAT of both (its rate from the performance), an order its once-per-order fee.
// Tickets sold before get their performance's rate and the VAT of their price.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fee_settings')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('per_ticket', 'bigint', (c) => c.notNull())
    .addColumn('per_order', 'bigint', (c) => c.notNull())
    .addColumn('vat_rate', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fee_settings_pk', ['organisation_id', 'channel'])
    .execute();

  await db.schema.alterTable('tickets').addColumn('vat_rate', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const column of ['vat', 'fee', 'fee_vat']) {
    await db.schema.alterTable('tickets').addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  }
  await db.schema.alterTable('orders').addColumn('fee', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('orders').addColumn('fee_vat', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('orders').addColumn('fee_vat_rate', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  // round(price * rate / (10000 + rate)) in integers, as src/fees/rules.ts vatOf (prices are not negative)
  await sql`update tickets set vat_rate = (select p.vat_rate from performances p where p.id = tickets.performance_id)`.execute(db);
  await sql`update tickets set vat = (price * vat_rate * 2 + (10000 + vat_rate)) / (2 * (10000 + vat_rate)) where price > 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
