// Frozen: never edit a migration that has shipped; add a new one.
// A running Idempotency-Key holds a lease: once it runs out (its process died), a retry may run
// the request again. Keys written before this have none and count as run out.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('lease_until', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
