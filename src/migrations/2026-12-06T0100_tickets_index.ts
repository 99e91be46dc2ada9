// Frozen: never edit a migration that has shipped; add a new one.
// tickets_performance (performance_id, status) is the first two columns of tickets_report_performance
// (2026-11-23T1600_reports), which serves every query it served, with or without statistics: one
// index less to write for every ticket a checkout inserts.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_performance').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
