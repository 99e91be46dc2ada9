// Frozen: never edit a migration that has shipped; add a new one.
// Orders made through the Utick-compatible /v1 API: the basket they are made in (the order that
// checkout makes from it gets the same id), and what Utick's Order carries that Foyer's has not
// (the name and language the website gave, notes, its metadata).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('utick_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('utick_orders_org').on('utick_orders').columns(['organisation_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
