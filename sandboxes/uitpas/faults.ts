// Fault injection and the request log, driven over /_sandbox/* (no auth) so tests and venues can
// rehearse outages: answer a status, hang, register and then hang, slow down every call.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../src/platform/clock.js';
import { PROBS } from './problems.js';

export const FAULT_KINDS = ['status', 'timeout', 'register-then-timeout', 'delay'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: number;
  kind: FaultKind;
  /** Calls left; null: every call until the faults are cleared. */
  remaining: number | null;
  status: number;
  delayMs: number;
  hangMs: number;
  /** Only calls with this method (any when absent). */
  method?: string;
  /** Only calls whose path starts with this (any when absent). */
  path?: string;
}

export type FaultInput = Partial<Omit<Fault, 'id' | 'remaining'>> & { kind: FaultKind; count?: number | null };

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  url: string;
  status?: number;
  clientId?: string;
  fault?: FaultKind;
  body?: unknown;
}

declare module 'fastify' {
  interface FastifyRequest { sandboxLog?: LoggedRequest; hangAfter?: number }
}

const LOG_SIZE = 1000;

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;
  private seq = 1;
  readonly log: LoggedRequest[] = [];
  private readonly waiting = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  add(input: FaultInput): Fault {
    const fault: Fault = {
      id: this.nextId++, kind: input.kind,
      remaining: input.count === undefined ? (input.kind === 'delay' ? null : 1) : input.count,
      status: input.status ?? 503, delayMs: input.delayMs ?? 1000, hangMs: input.hangMs ?? 30_000,
      ...(input.method ? { method: input.method.toUpperCase() } : {}), ...(input.path ? { path: input.path } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] { return this.faults; }
  clear(): void { this.faults = []; }
  clearLog(): void { this.log.length = 0; }

  /** Takes one use of the first fault of each group (delay, other) that matches this call. */
  private take(method: string, path: string): { delay?: Fault; fault?: Fault } {
    const matches = (f: Fault) => (f.remaining === null || f.remaining > 0) && (!f.method || f.method === method) && (!f.path || path.startsWith(f.path));
    const use = (f: Fault | undefined) => { if (f && f.remaining !== null) f.remaining -= 1; return f; };
    const delay = use(this.faults.find((f) => f.kind === 'delay' && matches(f)));
    const fault = use(this.faults.find((f) => f.kind !== 'delay' && matches(f)));
    this.faults = this.faults.filter((f) => f.remaining === null || f.remaining > 0);
    return { delay, fault };
  }

  /** Resolves after `ms`, when the client goes away, or when the sandbox closes; true if the client is gone. */
  wait(ms: number, reply: FastifyReply): Promise<boolean> {
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

  releaseAll(): void {
    for (const done of [...this.waiting]) done();
  }

  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (req, reply) => {
      const path = req.url.split('?')[0];
      if (path.startsWith('/_sandbox')) return;
      const entry: LoggedRequest = { seq: this.seq++, at: this.clock.now().toISOString(), method: req.method, url: req.url };
      this.log.push(entry);
      if (this.log.length > LOG_SIZE) this.log.shift();
      req.sandboxLog = entry;
      const { delay, fault } = this.take(req.method, path);
      if (delay && await this.wait(delay.delayMs, reply)) return gone(reply);
      if (!fault) return;
      entry.fault = fault.kind;
      if (fault.kind === 'status') return sendStatus(reply, fault.status);
      if (fault.kind === 'timeout') {
        if (await this.wait(fault.hangMs, reply)) return gone(reply);
        return sendStatus(reply, 504);
      }
      req.hangAfter = fault.hangMs;
    });
    app.addHook('onSend', async (req: FastifyRequest, reply, payload) => {
      if (req.hangAfter === undefined) return payload;
      const hangMs = req.hangAfter;
      req.hangAfter = undefined;
      await this.wait(hangMs, reply);
      reply.code(504).type('application/problem+json');
      return JSON.stringify(faultBody(504));
    });
    app.addHook('onResponse', async (req, reply) => {
      const entry = req.sandboxLog;
      if (!entry) return;
      entry.status = reply.statusCode;
      if (req.uitpasClient) entry.clientId = req.uitpasClient.clientId;
      if (req.method !== 'GET' && req.body !== undefined && req.body !== '') entry.body = redacted(req.body);
    });
    app.addHook('onClose', async () => this.releaseAll());
  }
}

/** Token requests are logged without their secret. */
function redacted(body: unknown): unknown {
  if (typeof body !== 'string' || !body.includes('client_secret=')) return body;
  const form = new URLSearchParams(body);
  form.set('client_secret', '***');
  return form.toString();
}

function faultBody(status: number) {
  if (status === 429) return { type: `${PROBS}/uitpas/rate-limited`, title: 'Too many requests', status, detail: 'Injected by the UiTPAS sandbox.' };
  return { type: 'about:blank', title: status === 504 ? 'Gateway Timeout' : 'Injected failure', status, detail: 'Injected by the UiTPAS sandbox.' };
}

function sendStatus(reply: FastifyReply, status: number): FastifyReply {
  if (status === 429) reply.header('retry-after', '1');
  return reply.code(status).type('application/problem+json').send(faultBody(status));
}

function gone(reply: FastifyReply): FastifyReply {
  reply.hijack();
  reply.raw.destroy();
  return reply;
}
