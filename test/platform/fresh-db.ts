// A migrated fresh database of one dialect, and more handles (separate pools) on the same database,
// as separate processes would have.
import { migrateToLatest } from '../../src/migrations/index.js';
import type { Clock } from '../../src/platform/clock.js';
import type { Deps } from '../../src/platform/context.js';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/platform/db.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';

export interface MigratedDatabase {
  database: TestDatabase;
  handle: DatabaseHandle;
  /** Another handle on the same database: a second pool on PostgreSQL; on SQLite (one process) the same handle. */
  another(): DatabaseHandle;
  deps(clock: Clock, handle?: DatabaseHandle): Deps;
  close(): Promise<void>;
}

export async function migratedDatabase(dialect: Dialect): Promise<MigratedDatabase> {
  const database = await freshDatabase(dialect);
  const open = () => openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: database.sqliteFile, pgPoolSize: 4 });
  const handle = open();
  await migrateToLatest(handle.db);
  const extra: DatabaseHandle[] = [];
  return {
    database,
    handle,
    another() {
      if (dialect === 'sqlite') return handle;
      const h = open();
      extra.push(h);
      return h;
    },
    deps: (clock, h = handle) => ({ db: h.db, dialect: h.dialect, clock }),
    async close() {
      for (const h of extra) await h.close();
      await handle.close();
      await database.drop();
    },
  };
}
