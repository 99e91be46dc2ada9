// The cleanup statements. Each call deletes at most `limit` of the oldest-period rows of one kind
// in one short transaction and answers how many it deleted, so a caller loops until a batch comes
// back short, and no statement ever holds its locks for long.
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import type { Cutoffs } from './periods.js';

export type Cleanup = (db: Db, cut: Cutoffs, limit: number) => Promise<number>;

const deleted = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);

/** Tables whose rows belong to one basket (column basket_id: its lines, the shop's token for it): they go with their basket. */
export const BASKET_LINE_TABLES = ['basket_line_uitpas', 'basket_pack_seats', 'basket_packs', 'basket_streams', 'basket_vouchers', 'basket_lines', 'shop_baskets'] as const satisfies readonly (keyof Database)[];

/** Tables with a basket_id that stay when the basket goes: the order it became, UiTPAS's record of a sale. */
export const BASKET_REFERENCES_KEPT = ['orders', 'uitpas_registrations'] as const;

export const cleanups = {
  async idempotency_keys(db, cut, limit) {
    const r = await db.deleteFrom('idempotency_keys')
      .where(({ eb, refTuple, selectFrom }) => eb(refTuple('organisation_id', 'actor_id', 'key'), 'in',
        selectFrom('idempotency_keys').select(['organisation_id', 'actor_id', 'key']).where('created_at', '<', cut.idempotency).limit(limit)
          .$asTuple('organisation_id', 'actor_id', 'key')))
      .executeTakeFirst();
    return deleted(r);
  },

  async login_attempts(db, cut, limit) {
    const r = await db.deleteFrom('login_attempts')
      .where('id', 'in', (eb) => eb.selectFrom('login_attempts').select('id').where('at', '<', cut.loginAttempts).limit(limit))
      .executeTakeFirst();
    return deleted(r);
  },

  async sessions(db, cut, limit) {
    const r = await db.deleteFrom('sessions')
      .where('token_hash', 'in', (eb) => eb.selectFrom('sessions').select('token_hash').where('expires_at', '<', cut.sessions).limit(limit))
      .executeTakeFirst();
    return deleted(r);
  },

  // Door devices: a handful of rows a day, so a scan of the table is cheap; no index needed.
  async checkin_device_sessions(db, cut, limit) {
    const r = await db.deleteFrom('checkin_device_sessions')
      .where('token_hash', 'in', (eb) => eb.selectFrom('checkin_device_sessions').select('token_hash').where('expires_at', '<', cut.sessions).limit(limit))
      .executeTakeFirst();
    return deleted(r);
  },

  async checkin_code_attempts(db, cut, limit) {
    const r = await db.deleteFrom('checkin_code_attempts')
      .where('id', 'in', (eb) => eb.selectFrom('checkin_code_attempts').select('id').where('at', '<', cut.loginAttempts).limit(limit))
      .executeTakeFirst();
    return deleted(r);
  },

  async done_jobs(db, cut, limit) {
    const r = await db.deleteFrom('jobs')
      .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id').where('status', '=', 'done').where('updated_at', '<', cut.doneJobs).limit(limit))
      .executeTakeFirst();
    return deleted(r);
  },

  async dead_jobs(db, cut, limit) {
    const r = await db.deleteFrom('jobs')
      .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id').where('status', '=', 'dead')
        .where((w) => w.or([
          w('seen_at', '<', cut.seenDeadJobs),
          w.and([w('seen_at', 'is', null), w('updated_at', '<', cut.unseenDeadJobs)]),
        ])).limit(limit))
      .executeTakeFirst();
    return deleted(r);
  },

  async dip_pushes(db, cut, limit) {
    return db.transaction().execute(async (tx) => {
      const ids = (await tx.selectFrom('dip_pushes').select('id').where('sent_at', '<', cut.dipAudit).limit(limit).execute()).map((p) => p.id);
      if (!ids.length) return 0;
      await tx.deleteFrom('dip_push_performances').where('push_id', 'in', ids).execute();
      return deleted(await tx.deleteFrom('dip_pushes').where('id', 'in', ids).executeTakeFirst());
    });
  },

  async baskets(db, cut, limit) {
    return db.transaction().execute(async (tx) => {
      const ids = (await tx.selectFrom('baskets as b').select('b.id')
        .where('b.status', 'in', ['expired', 'abandoned']).where('b.expires_at', '<', cut.baskets)
        // A place it still holds (the selling sweep has not run) or a UiTPAS sale still being settled keeps it.
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('inventory').select('item_id')
          .whereRef('inventory.hold_id', '=', 'b.id').where('inventory.status', '=', 'held'))))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('uitpas_registrations').select('id')
          .whereRef('uitpas_registrations.basket_id', '=', 'b.id').where('uitpas_registrations.status', 'in', ['pending', 'registered', 'unknown']))))
        .limit(limit).execute()).map((b) => b.id);
      if (!ids.length) return 0;
      for (const table of BASKET_LINE_TABLES) await tx.deleteFrom(table).where('basket_id', 'in', ids).execute();
      return deleted(await tx.deleteFrom('baskets').where('id', 'in', ids).executeTakeFirst());
    });
  },
} satisfies Record<string, Cleanup>;

export type CleanupName = keyof typeof cleanups;
