// Frozen: never edit a migration that has shipped; add a new one.
// Check-in at the doors: doors, scanning devices and their sessions, re-entry settings, where each
// ticket is (the admission's conditional write), every scan, and the conflicts of offline scans.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('checkin_doors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('checkin_doors_org').on('checkin_doors').columns(['organisation_id', 'name']).execute();

  await db.schema.createTable('checkin_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('door_id', 'text', (c) => c.notNull().references('checkin_doors.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .execute();
  await db.schema.createIndex('checkin_devices_org').on('checkin_devices').column('organisation_id').execute();

  await db.schema.createTable('checkin_device_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('checkin_devices.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('steward_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_device_sessions_device').on('checkin_device_sessions').column('device_id').execute();

  await db.schema.createTable('checkin_code_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_code_attempts_ip').on('checkin_code_attempts').columns(['ip', 'at']).execute();

  await db.schema.createTable('checkin_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('reentry', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('checkin_performance_settings')
    .addColumn('performance_id', 'text', (c) => c.primaryKey().references('performances.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('reentry', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('checkin_tickets')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('inside', 'integer', (c) => c.notNull())
    .addColumn('first_admitted_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('last_door_id', 'text', (c) => c.notNull())
    .addColumn('last_scan_id', 'text', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_tickets_performance').on('checkin_tickets').columns(['performance_id', 'inside']).execute();

  await db.schema.createTable('checkin_scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('door_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('offline', 'integer', (c) => c.notNull())
    .addColumn('client_scan_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_scans_performance_door').on('checkin_scans').columns(['performance_id', 'door_id']).execute();
  await db.schema.createIndex('checkin_scans_ticket').on('checkin_scans').columns(['ticket_id', 'scanned_at']).execute();
  // An upload sent twice (a lost answer, a retry after reconnecting) applies each scan once.
  await db.schema.createIndex('checkin_scans_client_id').on('checkin_scans').columns(['organisation_id', 'client_scan_id'])
    .unique().where(sql.ref('client_scan_id'), 'is not', null).execute();

  await db.schema.createTable('checkin_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scan_id', 'text', (c) => c.notNull().unique())
    .addColumn('other_scan_id', 'text')
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .execute();
  await db.schema.createIndex('checkin_conflicts_performance').on('checkin_conflicts').columns(['performance_id', 'detected_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['checkin_conflicts', 'checkin_scans', 'checkin_tickets', 'checkin_performance_settings', 'checkin_settings',
    'checkin_code_attempts', 'checkin_device_sessions', 'checkin_devices', 'checkin_doors']) {
    await db.schema.dropTable(t).execute();
  }
}
