// API fault injection and the request log (driven over /_sandbox, no auth): answer a 5xx, hang,
// carry a call out and then hang (the answer is lost), or slow every call down.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HAL, errorBody } from './errors.js';

export const FAULT_KINDS = ['status', 'timeout', 'done-then-timeout', 'delay'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: number;
  kind: FaultKind;
  /** Calls left; null: every call until the faults are cleared. */
  remaining: number | null;
  status: number;
  delayMs: number;
  hangMs: number;
  /** Sent as Retry-After (seconds) with a status fault; Mollie's client waits that long before its own retry. */
  retryAfter?: number;
  method?: string;
  /** Only calls whose path starts with this, e.g. /v2/payments. */
  path?: string;
}

export type FaultInput = Partial<Omit<Fault, 'id' | 'remaining'>> & { kind: FaultKind; count?: number | null };

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  url: string;
  idempotencyKey?: string;
  status?: number;
  fault?: FaultKind;
  body?: unknown;
}

declare module 'fastify' {
  interface FastifyRequest { mollieLog?: LoggedRequest; mollieHangAfter?: number }
}

const LOG_SIZE = 2000;

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;
  private seq = 1;
  readonly log: LoggedRequest[] = [];
  private readonly waiting = new Set<() => void>();

  add(input: FaultInput): Fault {
    const fault: Fault = {
      id: this.nextId++, kind: input.kind,
      remaining: input.count === undefined ? (input.kind === 'delay' ? null : 1) : input.count,
      status: input.status ?? 503, delayMs: input.delayMs ?? 1000, hangMs: input.hangMs ?? 30_000,
      ...(input.retryAfter !== undefined ? { retryAfter: input.retryAfter } : {}),
      ...(input.method ? { method: input.method.toUpperCase() } : {}), ...(input.path ? { path: input.path } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] { return this.faults; }
  clear(): void { this.faults = []; }
  clearLog(): void { this.log.length = 0; }

  private take(method: string, path: string): { delay?: Fault; fault?: Fault } {
    const matches = (f: Fault) => (f.remaining === null || f.remaining > 0) && (!f.method || f.method === method) && (!f.path || path.startsWith(f.path));
    const use = (f: Fault | undefined) => { if (f && f.remaining !== null) f.remaining -= 1; return f; };
    const delay = use(this.faults.find((f) => f.kind === 'delay' && matches(f)));
    const fault = use(this.faults.find((f) => f.kind !== 'delay' && matches(f)));
    this.faults = this.faults.filter((f) => f.remaining === null || f.remaining > 0);
    return { delay, fault };
  }

  /** Resolves after `ms`, when the client goes away, or when the sandbox closes; true if the client is gone. */
  private wait(ms: number, reply: FastifyReply): Promise<boolean> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        reply.raw.off('close', done);
        this.waiting.delete(done);
        resolve(reply.raw.destroyed || !reply.raw.writable);
      };
      const timer = setTimeout(done, ms);
      reply.raw.once('close', done);
      this.waiting.add(done);
    });
  }

  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (req, reply) => {
      const path = req.url.split('?')[0];
      if (!path.startsWith('/v2/')) return;
      const key = req.headers['idempotency-key'];
      const entry: LoggedRequest = {
        seq: this.seq++, at: new Date().toISOString(), method: req.method, url: req.url, ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
      };
      this.log.push(entry);
      if (this.log.length > LOG_SIZE) this.log.shift();
      req.mollieLog = entry;
      const { delay, fault } = this.take(req.method, path);
      if (delay && await this.wait(delay.delayMs, reply)) return gone(reply);
      if (!fault) return;
      entry.fault = fault.kind;
      if (fault.kind === 'status') {
        if (fault.retryAfter !== undefined) reply.header('retry-after', String(fault.retryAfter));
        return reply.code(fault.status).type(HAL).send(errorBody(fault.status, 'Injected by the Mollie sandbox.'));
      }
      if (fault.kind === 'timeout') {
        if (await this.wait(fault.hangMs, reply)) return gone(reply);
        return reply.code(504).type(HAL).send(errorBody(504, 'Injected by the Mollie sandbox: no answer in time.'));
      }
      req.mollieHangAfter = fault.hangMs;
    });
    app.addHook('onSend', async (req: FastifyRequest, reply, payload) => {
      if (req.mollieHangAfter === undefined) return payload;
      const hangMs = req.mollieHangAfter;
      req.mollieHangAfter = undefined;
      if (await this.wait(hangMs, reply)) {
        reply.raw.destroy();
        return payload;
      }
      reply.code(504).type(HAL);
      return JSON.stringify(errorBody(504, 'Injected by the Mollie sandbox: the call was carried out, its answer lost.'));
    });
    app.addHook('onResponse', async (req, reply) => {
      const entry = req.mollieLog;
      if (!entry) return;
      entry.status = reply.statusCode;
      if (req.method !== 'GET' && req.body !== undefined && req.body !== '') entry.body = req.body;
    });
    app.addHook('onClose', async () => {
      for (const done of [...this.waiting]) done();
    });
  }
}

function gone(reply: FastifyReply): FastifyReply {
  reply.hijack();
  reply.raw.destroy();
  return reply;
}
