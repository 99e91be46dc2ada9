// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull().references('performances.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .execute();
  await db.schema.createIndex('blocks_performance').on('blocks').column('performance_id').execute();

  await db.schema
    .createTable('inventory')
    .addColumn('performance_id', 'text', (c) => c.notNull().references('performances.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'text')
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('row_label', 'text', (c) => c.notNull())
    .addColumn('seat_label', 'text', (c) => c.notNull())
    .addColumn('pos', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hold_id', 'text')
    .addColumn('hold_expires_at', 'text')
    .addColumn('order_id', 'text')
    .addColumn('block_id', 'text')
    .addPrimaryKeyConstraint('inventory_pk', ['performance_id', 'item_id'])
    .execute();
  await db.schema.createIndex('inventory_status').on('inventory').columns(['performance_id', 'status', 'rank', 'sort']).execute();
  await db.schema.createIndex('inventory_hold').on('inventory').column('hold_id').execute();
  await db.schema.createIndex('inventory_order').on('inventory').column('order_id').execute();
  await db.schema.createIndex('inventory_expiry').on('inventory').columns(['status', 'hold_expires_at']).execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_org').on('customers').columns(['organisation_id', 'name']).execute();
  await db.schema.createIndex('customers_email').on('customers').columns(['organisation_id', 'email']).execute();

  await db.schema
    .createTable('baskets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('order_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('baskets_open').on('baskets').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('basket_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('basket_id', 'text', (c) => c.notNull().references('baskets.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('ticket_type_id', 'text', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('basket_lines_basket').on('basket_lines').column('basket_id').execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('basket_id', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('reservation_expires_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('orders_org_created').on('orders').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('orders_customer').on('orders').column('customer_id').execute();
  await db.schema.createIndex('orders_reservations').on('orders').columns(['status', 'reservation_expires_at']).execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('ticket_type_id', 'text', (c) => c.notNull())
    .addColumn('dip_category', 'text', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('barcode', 'text', (c) => c.notNull().unique())
    .addColumn('print_state', 'text', (c) => c.notNull())
    .addColumn('print_count', 'integer', (c) => c.notNull())
    .addColumn('printed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('tickets_order').on('tickets').column('order_id').execute();
  await db.schema.createIndex('tickets_performance').on('tickets').columns(['performance_id', 'status']).execute();
  // The last line of defence: one valid ticket per place, whatever the code above does.
  await db.schema.createIndex('tickets_one_valid_per_place').on('tickets').columns(['performance_id', 'item_id'])
    .unique().where(sql.ref('status'), '=', 'valid').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_order').on('payments').column('order_id').execute();
  await db.schema.createIndex('payments_org_created').on('payments').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['organisation_id', 'actor_id', 'key'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
