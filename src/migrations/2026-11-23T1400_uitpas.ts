// Frozen: never edit a migration that has shipped; add a new one.
// UiTPAS: per-organisation credentials, passes on basket lines, and ticket sales registered at UiTPAS.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('uitpas_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('account_url', 'text', (c) => c.notNull())
    .addColumn('api_url', 'text', (c) => c.notNull())
    .addColumn('organizer_id', 'text', (c) => c.notNull())
    .addColumn('boxoffice', 'integer', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('basket_line_uitpas')
    .addColumn('basket_line_id', 'text', (c) => c.primaryKey().references('basket_lines.id').onDelete('cascade'))
    .addColumn('basket_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('uitpas_number', 'text', (c) => c.notNull())
    .addColumn('pass_type', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('tariff_id', 'text', (c) => c.notNull())
    .addColumn('tariff_name', 'text', (c) => c.notNull())
    .addColumn('tariff_type', 'text', (c) => c.notNull())
    .addColumn('ticket_type_id', 'text', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('regular_ticket_type_id', 'text', (c) => c.notNull())
    .addColumn('regular_price', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('basket_line_uitpas_basket').on('basket_line_uitpas').columns(['basket_id', 'uitpas_number']).execute();
  // One individual pass at most once per performance per basket, whatever races the code above loses.
  await db.schema.createIndex('basket_line_uitpas_individual_once').on('basket_line_uitpas')
    .columns(['basket_id', 'performance_id', 'uitpas_number']).unique().where(sql.ref('pass_type'), '=', 'INDIVIDUAL').execute();

  await db.schema
    .createTable('uitpas_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('basket_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uitpas_registrations_status').on('uitpas_registrations').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('uitpas_registrations_basket').on('uitpas_registrations').column('basket_id').execute();

  await db.schema
    .createTable('uitpas_sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('uitpas_registrations.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('uitpas_number', 'text', (c) => c.notNull())
    .addColumn('tariff_id', 'text', (c) => c.notNull())
    .addColumn('regular_price', 'integer', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('sale_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('uitpas_sales_registration').on('uitpas_sales').column('registration_id').execute();
  await db.schema.createIndex('uitpas_sales_ticket').on('uitpas_sales').column('ticket_id').execute();
  await db.schema.createIndex('uitpas_sales_performance').on('uitpas_sales').columns(['performance_id', 'status']).execute();
  await db.schema.createIndex('uitpas_sales_sale').on('uitpas_sales').column('sale_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
