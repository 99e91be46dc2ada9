// Frozen: never edit a migration that has shipped; add a new one.
// Retention (src/retention): each table that grows with use gets an index on the moment its rows
// age from, so a cleanup batch finds its oldest rows without reading the table; and a dead job
// remembers when staff first saw it, since its keeping period starts then.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('seen_at', 'text').execute();
  await db.schema.createIndex('jobs_finished').on('jobs').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
  await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('dip_pushes_sent').on('dip_pushes').column('sent_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
