// Frozen: never edit a migration that has shipped; add a new one.
// UiTPAS as the real platform behaves: the regular price's label (the price class UiTPAS's financial
// reports show) per pass line and sale; per performance whether a UiTPAS holder's admission checks
// them in at UiTPAS; and those check-ins, one per ticket.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('basket_line_uitpas').addColumn('regular_price_label', 'text').execute();
  await db.schema.alterTable('uitpas_sales').addColumn('regular_price_label', 'text').execute();

  await db.schema
    .createTable('uitpas_performance_settings')
    .addColumn('performance_id', 'text', (c) => c.primaryKey().references('performances.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('checkins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('uitpas_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('uitpas_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('points', 'integer')
    .addColumn('checkin_id', 'text')
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uitpas_checkins_performance').on('uitpas_checkins').columns(['performance_id', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
