// Frozen: never edit a migration that has shipped; add a new one.
// The back office's season set-up (src/productions, src/pricing): a production's subtitle, duration,
// age advice, UiTdatabank event, UiTPAS default and text languages; a price list per production that
// performances copy; quotas per ticket type per performance.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('productions').addColumn('subtitle', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('productions').addColumn('duration_minutes', 'integer').execute();
  await db.schema.alterTable('productions').addColumn('age_advice', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('productions').addColumn('uitdatabank_event_id', 'text').execute();
  await db.schema.alterTable('productions').addColumn('uitpas_enabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Languages the texts are written in, comma separated ("nl,fr").
  await db.schema.alterTable('productions').addColumn('languages', 'text', (c) => c.notNull().defaultTo('nl')).execute();

  await db.schema
    .createTable('production_prices')
    .addColumn('production_id', 'text', (c) => c.notNull().references('productions.id'))
    .addColumn('ticket_type_id', 'text', (c) => c.notNull().references('ticket_types.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('production_prices_pk', ['production_id', 'ticket_type_id', 'rank'])
    .execute();

  await db.schema
    .createTable('ticket_type_quotas')
    .addColumn('performance_id', 'text', (c) => c.notNull().references('performances.id'))
    .addColumn('ticket_type_id', 'text', (c) => c.notNull().references('ticket_types.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('max_count', 'integer', (c) => c.notNull())
    // Touched by every sale of the type so that sales of it queue on this row (PostgreSQL).
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_type_quotas_pk', ['performance_id', 'ticket_type_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
