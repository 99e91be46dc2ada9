// Frozen: never edit a migration that has shipped; add a new one.
// Personal data (src/privacy): when a customer was erased, and the log of exports and erasures (who,
// whom, when; no personal data in it).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('erased_at', 'text').execute();
  await db.schema
    .createTable('personal_data_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('personal_data_log_customer').on('personal_data_log').columns(['organisation_id', 'customer_id', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
