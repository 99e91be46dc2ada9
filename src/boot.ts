// Config -> database -> migrations: what the server, the CLI and the benches share.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Deps } from './platform/context.js';
import { openDatabase, type DatabaseHandle } from './platform/db.js';
import { migrateToLatest } from './migrations/index.js';
import { SellingGate } from './platform/gate.js';
import { setPublicUrl } from './platform/public-url.js';

export interface Booted {
  handle: DatabaseHandle;
  deps: Deps;
  /** Migrations this boot applied (none when the database was up to date). */
  applied: string[];
}

export async function boot(config: Config, log: FastifyBaseLogger, clock: Clock = systemClock): Promise<Booted> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, pgPoolSize: config.pgPoolSize });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const gate = new SellingGate(config.sellConcurrency, config.sellQueue);
  setPublicUrl(config.publicUrl);
  const mail = { smtpUrl: config.smtpUrl, from: config.mailFrom };
  return { handle, deps: { db: handle.db, dialect: handle.dialect, clock, gate, publicUrl: config.publicUrl, mail }, applied };
}
