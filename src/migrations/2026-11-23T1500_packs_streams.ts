// Frozen: never edit a migration that has shipped; add a new one.
// Packs (bundles, passes, subscriptions), streams (video on demand), their basket lines and sales,
// and the application keys of the Utick-compatible catalogue API.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type_id', 'integer', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('shop_url', 'text')
    .addColumn('main_pack_id', 'text')
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('ticket_type_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('per_performance_max', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('packs_org').on('packs').columns(['organisation_id', 'label']).execute();

  await db.schema.createTable('pack_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('pack_id', 'text', (c) => c.notNull().references('packs.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('itemnb_min', 'integer', (c) => c.notNull())
    .addColumn('itemnb_max', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pack_sets_pack').on('pack_sets').column('pack_id').execute();

  await db.schema.createTable('pack_set_stocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('set_id', 'text', (c) => c.notNull().references('pack_sets.id'))
    .addColumn('performance_id', 'text')
    .addColumn('stream_id', 'text')
    .addColumn('ranks', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pack_set_stocks_set').on('pack_set_stocks').column('set_id').execute();
  await db.schema.createIndex('pack_set_stocks_pack').on('pack_set_stocks').column('pack_id').execute();

  await db.schema.createTable('pack_holdings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('pack_id', 'text', (c) => c.notNull().references('packs.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('customer_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('credits_total', 'integer', (c) => c.notNull())
    .addColumn('credits_left', 'integer', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('pack_holdings_order').on('pack_holdings').column('order_id').execute();
  await db.schema.createIndex('pack_holdings_customer').on('pack_holdings').columns(['customer_id', 'status']).execute();

  await db.schema.createTable('pack_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('holding_id', 'text', (c) => c.notNull().references('pack_holdings.id'))
    .addColumn('set_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('pack_redemptions_holding').on('pack_redemptions').columns(['holding_id', 'status']).execute();

  await db.schema.createTable('basket_packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('basket_id', 'text', (c) => c.notNull().references('baskets.id'))
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('basket_packs_basket').on('basket_packs').column('basket_id').execute();

  // A place in the basket taken with a pack: a pick of a pack being bought, or a credit of a held pack.
  await db.schema.createTable('basket_pack_seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('basket_id', 'text', (c) => c.notNull().references('baskets.id'))
    .addColumn('basket_pack_id', 'text')
    .addColumn('holding_id', 'text')
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('basket_pack_seats_basket').on('basket_pack_seats').column('basket_id').execute();

  await db.schema.createTable('streams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('access_ends_at', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('shop_url', 'text')
    .addColumn('access_duration_hours', 'integer')
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('venue_id', 'text')
    .addColumn('production_id', 'text')
    .addColumn('freeaccess_seats', 'integer', (c) => c.notNull())
    .addColumn('freeaccess_packs', 'integer', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('streams_org').on('streams').columns(['organisation_id', 'label']).execute();

  await db.schema.createTable('basket_streams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('basket_id', 'text', (c) => c.notNull().references('baskets.id'))
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('basket_streams_basket').on('basket_streams').column('basket_id').execute();

  await db.schema.createTable('stream_purchases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull().references('streams.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('customer_id', 'text')
    .addColumn('access_code', 'text', (c) => c.notNull().unique())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('stream_purchases_stream').on('stream_purchases').columns(['stream_id', 'customer_id']).execute();
  await db.schema.createIndex('stream_purchases_order').on('stream_purchases').column('order_id').execute();

  // When access was first granted, per stream and per viewer ("contact:<id>" or "code:<code>").
  await db.schema.createTable('stream_access_clocks')
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('first_access_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stream_access_clocks_pk', ['stream_id', 'subject'])
    .execute();

  await db.schema.createTable('catalogue_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull().unique())
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
