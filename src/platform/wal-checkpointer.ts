// Checkpoints of a busy SQLite database on a thread of their own. SQLite copies the write-ahead
// log back into the database file every 1,000 pages, inside whichever COMMIT crosses that mark:
// two fsyncs and a few megabytes of writes, during which Node's one thread serves nobody (in an
// on-sale rush: every ~40 buys, 5-15 ms each). Once a database has been written to for a while, a
// worker thread with its own connection takes over: a PASSIVE checkpoint a few times a second, which
// never blocks the writer. The writer's own automatic checkpoint stays as a backstop, at a much
// higher mark, should the worker fall behind.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Commits after which the worker takes over (a database that is hardly written keeps SQLite's way). */
export const CHECKPOINTER_AFTER_COMMITS = 200;
const EVERY_MS = 100;
const BACKSTOP_PAGES = 20_000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next turn */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export class WalCheckpointer {
  #worker: Worker | undefined;
  #commits = 0;

  constructor(readonly db: Database.Database, readonly file: string) {}

  /** Called after each commit; starts the worker once the database is evidently busy. */
  committed(): void {
    if (this.#worker || ++this.#commits < CHECKPOINTER_AFTER_COMMITS) return;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER, { eval: true, workerData: { driver, file: this.file, everyMs: EVERY_MS } });
    this.#worker.unref();
    // Without the worker, SQLite's own checkpoints at its usual mark take over again.
    this.#worker.on('error', () => this.#backstop(1000));
    this.#backstop(BACKSTOP_PAGES);
  }

  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = undefined;
    if (!w) return;
    const gone = new Promise<void>((resolve) => w.once('exit', () => resolve()));
    w.postMessage('close');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 2000))]);
    await w.terminate();
  }

  #backstop(pages: number): void {
    try {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${pages}`);
    } catch { /* the connection is closing */ }
  }
}
