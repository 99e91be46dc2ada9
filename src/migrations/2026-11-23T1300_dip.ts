// Frozen: never edit a migration that has shipped; add a new one.
// DIP connector: settings per organisation, links of performances to DIP numbers, and the audit
// trail of every push (one row per HTTP call, with the performances it carried).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dip_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('blocked_seats_path', 'text', (c) => c.notNull())
    .addColumn('push_days_after', 'integer', (c) => c.notNull())
    .addColumn('last_scheduled_at', 'text')
    .addColumn('run_lock_by', 'text')
    .addColumn('run_lock_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dip_links')
    // No foreign key: deleting a (draft) performance must not fail on its link; links of deleted
    // performances are ignored and cleared when their number is linked again.
    .addColumn('performance_id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('production_number', 'text', (c) => c.notNull())
    .addColumn('performance_number', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_hash', 'text')
    .addColumn('last_figures', 'text')
    .addColumn('last_capacity', 'integer')
    .addColumn('last_accepted_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dip_links_number').on('dip_links')
    .columns(['organisation_id', 'production_number', 'performance_number']).unique().execute();

  await db.schema
    .createTable('dip_pushes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_body', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('performances', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dip_pushes_org').on('dip_pushes').columns(['organisation_id', 'sent_at']).execute();

  await db.schema
    .createTable('dip_push_performances')
    .addColumn('push_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dip_push_performances_pk', ['push_id', 'performance_id'])
    .execute();
  await db.schema.createIndex('dip_push_performances_perf').on('dip_push_performances').columns(['performance_id', 'push_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
