// Durability of SQLite commits without blocking the event loop.
// With synchronous=FULL every COMMIT waits for an fsync of the write-ahead log on Node's one thread:
// nothing else runs meanwhile (a third of the server's time in an on-sale rush). Instead the
// connection runs synchronous=NORMAL, where a COMMIT only writes its frames to the WAL (SQLite still
// syncs around checkpoints and when the WAL starts over), and this makes the WAL durable with
// fdatasync on libuv's thread pool. Nobody hears of a commit before a sync that started after it has
// finished, so what a client was told survives a power cut as with FULL. While one sync runs, the
// commits that arrive wait for the next one: they share it, whatever their number.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { WalCheckpointer } from './wal-checkpointer.js';

export type SyncFile = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

export interface WalSyncOptions {
  /** How the file is made durable (default fdatasync); tests hold it back or make it fail. */
  sync?: SyncFile;
  /**
   * A failed fsync may have dropped the written pages from the kernel's cache, so a retry proves
   * nothing (PostgreSQL panics for the same reason). Default: say so on stderr and stop the
   * process; what is on disk is recovered when it starts again.
   */
  onFailure?: (err: Error) => void;
}

interface Waiting { resolve: () => void; reject: (e: unknown) => void }

export class WalSync {
  readonly #walFile: string;
  readonly #sync: SyncFile;
  readonly #onFailure: (err: Error) => void;
  #fd: number | undefined;
  #running = false;
  #closed = false;
  /** Resolves when the sync running now has finished (closing the file under it would fail it with EBADF). */
  #idle: Promise<void> = Promise.resolve();
  #becameIdle: () => void = () => {};
  #waiting: Waiting[] = [];
  readonly #checkpointer: WalCheckpointer;

  constructor(db: Database.Database, databaseFile: string, opts: WalSyncOptions = {}) {
    this.#walFile = `${databaseFile}-wal`;
    this.#checkpointer = new WalCheckpointer(db, databaseFile);
    this.#sync = opts.sync ?? fs.fdatasync;
    this.#onFailure = opts.onFailure ?? stopProcess;
  }

  #free: (() => void) | undefined;

  /** A sync is running: a commit now waits for the one after it. */
  get syncing(): boolean {
    return this.#running;
  }

  /** `free` runs each time a sync has finished, before the next one starts: a last chance to join it. */
  whenFree(free: () => void): void {
    this.#free = free;
  }

  /** Resolves once what is committed now is on disk. */
  durable(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the database is closed'));
    this.#checkpointer.committed();
    const done = new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
    if (!this.#running) this.#start();
    return done;
  }

  /** Waits for the syncs of what was committed before, then lets go of the log. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#running) await this.#idle;
    await this.#checkpointer.close();
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
  }

  #start(): void {
    const batch = this.#waiting;
    this.#waiting = [];
    this.#running = true;
    this.#idle = new Promise((resolve) => { this.#becameIdle = resolve; });
    let fd: number;
    try {
      // The WAL exists from the first commit on and lives as long as a connection is open.
      fd = this.#fd ??= fs.openSync(this.#walFile, 'r');
    } catch (e) {
      this.#finish(batch, e as Error);
      return;
    }
    this.#sync(fd, (err) => this.#finish(batch, err));
  }

  #finish(batch: Waiting[], err: Error | null): void {
    this.#running = false;
    this.#becameIdle();
    if (err) {
      const failed = [...batch, ...this.#waiting];
      this.#waiting = [];
      for (const w of failed) w.reject(err);
      this.#onFailure(err);
      return;
    }
    for (const w of batch) w.resolve();
    this.#free?.();
    if (!this.#running && this.#waiting.length) this.#start();
  }
}

function stopProcess(err: Error): void {
  process.stderr.write(`foyer: the database's write-ahead log could not be made durable (${err.message}); stopping so that nothing unsaved is confirmed\n`);
  process.exit(70);
}
