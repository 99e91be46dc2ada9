// Frozen: never edit a migration that has shipped; add a new one.
// Who made a block (the staff user or API client), shown with its reason in the box office.
// Blocks made before stay without.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('blocks').addColumn('created_by', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
