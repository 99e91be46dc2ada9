// Frozen: never edit a migration that has shipped; add a new one.
// The audit trail (src/audit): one row per change a manager may ask about later.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_org_at').on('audit_events').columns(['organisation_id', 'at', 'id']).execute();
  await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['organisation_id', 'subject_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
