// Frozen: never edit a migration that has shipped; add a new one.
// Per organisation: where Foyer searches UiTdatabank (publiq's Search API v3) and with which client id,
// to find the UiTdatabank event of a performance instead of pasting its id.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('uitdatabank_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('search_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
