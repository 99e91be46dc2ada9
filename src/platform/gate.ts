// The door of an on-sale rush. The selling routes of this process run at most `limit` at a time;
// the rest wait in lanes, and a freed slot goes to a checkout first, then to adding seats, and only
// then to a new online basket. A buyer who has seats is never stuck behind the crowd that is still
// arriving: under overload the wait moves to the door (opening a basket), where nothing is at stake
// yet, instead of to every step. When too many wait at the door, new arrivals get 503 busy with
// Retry-After. Per process: the database stays the arbiter of who gets which seat.
import { Problem } from './problems.js';
import type { FastifyRequest } from 'fastify';
import type { Deps } from './context.js';

// How many selling requests run at once, measured in the 500-buyer rush over HTTP on a quiet 2-core
// machine (docs/performance.md). SQLite: a request inside the door waits for the log's sync after
// its commit, and those inside share one COMMIT; with 4 inside a COMMIT carried ~2 transactions,
// with 16 ~5: 262 -> 379 buys/s, hold p99 30 -> 94 ms (32: 407 buys/s, but hold p99 168 ms).
// Since ids are time-ordered (cheaper commits), 24 did 600-654 buys/s with hold p99 52-113 ms over
// four runs, against 16's 560-578 and 67-131 ms; 32 no more buys (642) and a door p99 of 2.2 s.
// PostgreSQL: a request waits for round trips to the database; 8 gave 244 buys/s with hold p99 81 ms,
// 16 as many buys with hold p99 ~190 ms, 4 left the CPU idle (170 buys/s).
export const DEFAULT_SELL_CONCURRENCY = 24;
export const DEFAULT_SELL_CONCURRENCY_PG = 8;
export const DEFAULT_SELL_QUEUE = 5000;

export type Lane = 'checkout' | 'hold' | 'enter';
const ORDER: Lane[] = ['checkout', 'hold', 'enter'];

export interface GateStats {
  running: number;
  waiting: Record<Lane, number>;
}

export class SellingGate {
  private running = 0;
  private readonly waiting: Record<Lane, (() => void)[]> = { checkout: [], hold: [], enter: [] };

  constructor(readonly limit: number, readonly maxWaiting: number) {}

  /** Runs `work` when a slot is free; `gone` tells whether the caller stopped waiting meanwhile. */
  async run<T>(lane: Lane, work: () => Promise<T>, gone: () => boolean = () => false): Promise<T> {
    if (this.running < this.limit) {
      this.running++;
    } else {
      if (lane === 'enter' && this.waiting.enter.length >= this.maxWaiting) throw new Problem('busy');
      // the slot is handed over by release(): `running` stays as it is
      await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    }
    try {
      // A buyer who gave up at the door (closed the connection) gets no basket and holds no seats.
      if (gone()) throw new Problem('busy');
      return await work();
    } finally {
      this.release();
    }
  }

  stats(): GateStats {
    return { running: this.running, waiting: { checkout: this.waiting.checkout.length, hold: this.waiting.hold.length, enter: this.waiting.enter.length } };
  }

  // The next one is chosen after the event loop has read what arrived meanwhile: on SQLite the work
  // never waits for I/O, so without this turn a busy process would hand slot after slot to those
  // already waiting while a checkout sat unread in its socket.
  private release(): void {
    setImmediate(() => {
      for (const lane of ORDER) {
        const next = this.waiting[lane].shift();
        if (next) return next();
      }
      this.running--;
    });
  }
}

/** Runs a selling route's work through the process's gate (or directly when there is none). */
export const gated = <T>(deps: Deps, req: FastifyRequest, lane: Lane, work: () => Promise<T>): Promise<T> =>
  (deps.gate ? deps.gate.run(lane, work, () => req.raw.socket?.destroyed ?? false) : work());
