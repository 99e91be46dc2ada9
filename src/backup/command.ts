// `npm run foyer -- backup <file>` and `restore <file>`: SQLite files here, PostgreSQL by its own tools.
import path from 'node:path';
import type { Config } from '../config.js';
import { BackupError, backupSqlite, restoreSqlite, type FoyerFileFacts } from './sqlite-files.js';

export type BackupCommand = 'backup' | 'restore';

export const POSTGRES_BACKUP = `Foyer is on PostgreSQL (DATABASE_URL): back it up with PostgreSQL's own tools, which copy a
consistent snapshot while Foyer keeps selling:

  pg_dump -Fc -f foyer-$(date +%F).dump "$DATABASE_URL"

For recovery to any moment (not only to the last dump), archive PostgreSQL's WAL as well; see
README.md (Backups) and docs/data.md.`;

export const POSTGRES_RESTORE = `Foyer is on PostgreSQL (DATABASE_URL): restore a pg_dump file with pg_restore. Stop every Foyer
process first, then either restore into a new database and point DATABASE_URL at it:

  createdb foyer_restored
  pg_restore --no-owner -d postgres://…/foyer_restored foyer.dump

or replace the contents of the current one:

  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" foyer.dump

See README.md (Backups) and docs/data.md.`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const contents = (f: FoyerFileFacts) =>
  `migration level ${f.level}; ${f.organisations} organisation(s), ${f.orders} order(s), ${f.tickets} ticket(s)`;

/** Runs the command; answers the exit code. Messages go to stdout, refusals to stderr. */
export async function runBackupCommand(command: BackupCommand, args: string[], config: Config, now = new Date()): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  if (args.length !== 1 || files.length !== 1) {
    console.error(`Usage: npm run foyer -- ${command} <file>`);
    return 1;
  }
  if (config.databaseUrl) {
    console.error(command === 'backup' ? POSTGRES_BACKUP : POSTGRES_RESTORE);
    return 1;
  }
  const file = files[0];
  const database = path.resolve(config.sqliteFile);
  try {
    if (command === 'backup') {
      const r = await backupSqlite(database, file);
      console.log(`Backup written to ${file} (${mb(r.bytes)}, in ${Math.round(r.ms)} ms): ${contents(r)}.`);
      return 0;
    }
    const r = await restoreSqlite(file, database, now);
    const lines = [`Restored ${file} to ${database}: ${contents(r)}.`];
    if (r.previous) lines.push(`The database that was there is kept as ${r.previous}.`);
    if (r.pending.length) lines.push(`The backup is from an older Foyer: ${r.pending.length} migration(s) run when Foyer next starts (${r.pending.join(', ')}).`);
    lines.push('Start Foyer to use it.');
    console.log(lines.join('\n'));
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(`Foyer cannot ${command === 'backup' ? 'back up' : 'restore'}: ${err.message}.`);
    return 1;
  }
}
