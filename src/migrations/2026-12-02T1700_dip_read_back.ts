// Frozen: never edit a migration that has shipped; add a new one.
// DIP as the real platform behaves: the call timeout and the pace between calls are settings; a
// run that DIP stops (a 400 that names no item, a refusal) leaves its outcome for staff; DIP's own
// status of a performance (`cancellation`) and the read-back of what DIP holds are kept per link.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const settings: [string, 'integer' | 'text', number | null][] = [
    ['timeout_seconds', 'integer', 60],
    ['pace_ms', 'integer', 500],
    ['check_every_hours', 'integer', 24],
    ['last_check_at', 'text', null],
    ['last_run_at', 'text', null],
    ['last_run_outcome', 'text', null],
    ['last_run_message', 'text', null],
  ];
  for (const [name, type, dflt] of settings) {
    await db.schema.alterTable('dip_settings').addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt))).execute();
  }
  for (const name of ['dip_status', 'dip_status_at', 'check_state', 'check_at', 'check_detail']) {
    await db.schema.alterTable('dip_links').addColumn(name, 'text').execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
