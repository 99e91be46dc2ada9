// Frozen: never edit a migration that has shipped; add a new one.
// Whether a shop's buyers may cancel a paid online order themselves (from their order page), and up
// to how many hours before its first performance; null: they may not (the default).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('shop_settings').addColumn('buyer_cancel_hours', 'integer').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
