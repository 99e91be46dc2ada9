// Frozen: never edit a migration that has shipped; add a new one.
// DIP figures changed: every write that can alter what DIP is sent for a linked performance (a ticket
// sold, cancelled, refunded or printed, an order paid or cancelled, a place blocked or released, the
// places of a performance, a price, the standard ticket type, the start) adds a row to dip_changes,
// by a trigger in the same transaction as the write. Triggers, not call sites: no writer (another
// process, a script, a seam added later) can change the figures without leaving its row. Rows are
// only inserted (no counter row that buyers of one performance would queue for), and only for linked
// performances of an organisation with DIP on. A sync run claims the rows it sees, computes figures
// for those performances only, and deletes its claimed rows when it has finished (src/connectors/dip/sync.ts).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Tables with a performance_id whose rows feed the DIP figures, and the columns that matter on update. */
const ROW_TABLES: { table: string; columns: string[]; changed: (dialect: 'pg' | 'sqlite') => string }[] = [
  {
    table: 'tickets', columns: ['status', 'price', 'dip_category', 'print_state', 'performance_id', 'order_id'],
    changed: (d) => ['status', 'price', 'dip_category', 'print_state', 'performance_id', 'order_id'].map((c) => differs(d, c)).join(' or '),
  },
  {
    table: 'inventory', columns: ['status', 'block_id', 'rank', 'performance_id'],
    // Holding and selling a place leave the figures as they are: only blocked or not, its block, its rank.
    changed: (d) => [`(old.status = 'blocked') <> (new.status = 'blocked')`, differs(d, 'block_id'), differs(d, 'rank'), differs(d, 'performance_id')].join(' or '),
  },
  { table: 'blocks', columns: ['kind', 'performance_id'], changed: (d) => [differs(d, 'kind'), differs(d, 'performance_id')].join(' or ') },
  {
    table: 'prices', columns: ['amount', 'rank', 'ticket_type_id', 'performance_id'],
    changed: (d) => ['amount', 'rank', 'ticket_type_id', 'performance_id'].map((c) => differs(d, c)).join(' or '),
  },
];

const differs = (d: 'pg' | 'sqlite', column: string) => d === 'pg' ? `old.${column} is distinct from new.${column}` : `old.${column} is not new.${column}`;

const markSql = (performanceIds: string) =>
  `insert into dip_changes (performance_id, organisation_id) select l.performance_id, l.organisation_id from dip_links l
   join dip_settings s on s.organisation_id = l.organisation_id and s.enabled = 1 where l.performance_id in (${performanceIds})`;

const ORDER_PERFORMANCES = 'select t.performance_id from tickets t where t.order_id = new.id';
const ALL_LINKS = `insert into dip_changes (performance_id, organisation_id) select performance_id, organisation_id from dip_links where organisation_id = new.organisation_id`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dip_changes')
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    /** The sync run that saw this row (null: not seen yet); it deletes the row when it has finished. */
    .addColumn('claimed_by', 'text')
    .execute();
  await db.schema.createIndex('dip_changes_org').on('dip_changes').columns(['organisation_id', 'claimed_by']).execute();
  // Links a run must look at whatever the changes say: never accepted, refused last time, or DIP found holding otherwise.
  await db.schema.createIndex('dip_links_pending').on('dip_links').columns(['organisation_id'])
    .where(sql<boolean>`state <> 'ok' or check_state = 'differs'`).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgres(db);
  else await sqlite(db);
}

async function postgres(db: Kysely<any>): Promise<void> {
  await sql.raw(`create function dip_mark_row() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then ${markSql('old.performance_id')};
      elsif tg_op = 'UPDATE' then ${markSql('old.performance_id, new.performance_id')};
      else ${markSql('new.performance_id')};
      end if;
      return null;
    end $$`).execute(db);
  for (const t of ROW_TABLES) {
    await sql.raw(`create trigger dip_changes_${t.table}_insert after insert on ${t.table} for each row execute function dip_mark_row()`).execute(db);
    await sql.raw(`create trigger dip_changes_${t.table}_delete after delete on ${t.table} for each row execute function dip_mark_row()`).execute(db);
    await sql.raw(`create trigger dip_changes_${t.table}_update after update of ${t.columns.join(', ')} on ${t.table}
      for each row when (${t.changed('pg')}) execute function dip_mark_row()`).execute(db);
  }
  await sql.raw(`create function dip_mark_order() returns trigger language plpgsql as $$
    begin ${markSql(ORDER_PERFORMANCES)}; return null; end $$`).execute(db);
  await sql.raw(`create trigger dip_changes_orders after update of status on orders
    for each row when (old.status is distinct from new.status) execute function dip_mark_order()`).execute(db);
  await sql.raw(`create function dip_mark_performance() returns trigger language plpgsql as $$
    begin ${markSql('new.id')}; return null; end $$`).execute(db);
  await sql.raw(`create trigger dip_changes_performances after update of standard_ticket_type_id, starts_at on performances
    for each row when (${differs('pg', 'standard_ticket_type_id')} or ${differs('pg', 'starts_at')}) execute function dip_mark_performance()`).execute(db);
  await sql.raw(`create function dip_mark_all() returns trigger language plpgsql as $$
    begin ${ALL_LINKS}; return null; end $$`).execute(db);
  // DIP switched back on: nothing was noted while it was off, so every link is looked at once.
  await sql.raw(`create trigger dip_changes_enabled after update of enabled on dip_settings
    for each row when (new.enabled = 1 and old.enabled is distinct from 1) execute function dip_mark_all()`).execute(db);
}

async function sqlite(db: Kysely<any>): Promise<void> {
  for (const t of ROW_TABLES) {
    await sql.raw(`create trigger dip_changes_${t.table}_insert after insert on ${t.table} begin ${markSql('new.performance_id')}; end`).execute(db);
    await sql.raw(`create trigger dip_changes_${t.table}_delete after delete on ${t.table} begin ${markSql('old.performance_id')}; end`).execute(db);
    await sql.raw(`create trigger dip_changes_${t.table}_update after update of ${t.columns.join(', ')} on ${t.table}
      when ${t.changed('sqlite')} begin ${markSql('old.performance_id, new.performance_id')}; end`).execute(db);
  }
  await sql.raw(`create trigger dip_changes_orders after update of status on orders
    when old.status is not new.status begin ${markSql(ORDER_PERFORMANCES)}; end`).execute(db);
  await sql.raw(`create trigger dip_changes_performances after update of standard_ticket_type_id, starts_at on performances
    when ${differs('sqlite', 'standard_ticket_type_id')} or ${differs('sqlite', 'starts_at')} begin ${markSql('new.id')}; end`).execute(db);
  await sql.raw(`create trigger dip_changes_enabled after update of enabled on dip_settings
    when new.enabled = 1 and old.enabled is not 1 begin ${ALL_LINKS}; end`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
