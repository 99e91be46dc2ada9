// Frozen: never edit a migration that has shipped; add a new one.
// A venue's colour and logo, for its tickets and the shop (src/venues).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('venues').addColumn('colour', 'text').execute();
  // A PNG or JPEG as a data: URL, small enough to sit in the row.
  await db.schema.alterTable('venues').addColumn('logo', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
