// Frozen: never edit a migration that has shipped; add a new one.
// When a catalogue key last signed a /v1 request (to the minute: src/catalogue/signature.ts), shown to
// managers beside the key so they see which keys are still in use before revoking one.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('catalogue_keys').addColumn('last_used_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
