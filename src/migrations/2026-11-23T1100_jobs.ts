// Frozen: never edit a migration that has shipped; add a new one.
// Dedupe made race-safe: at most one PENDING job per dedupe key, enforced by the database, so two
// processes (or two transactions) enqueueing the same key cannot both insert.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_dedupe').execute();
  await db.schema
    .createIndex('jobs_dedupe_pending')
    .on('jobs')
    .column('dedupe_key')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
