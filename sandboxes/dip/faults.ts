// Fault injection for rehearsing bad days: the next N DIP calls answer an error status, hang, or
// are slowed down. Configured through /_sandbox/faults; never part of DIP's contract.
import type { Checked } from './wire-validation.js';

export interface Fault {
  id: number;
  kind: 'status' | 'timeout' | 'delay';
  status?: number;
  delayMs?: number;
  /** Seconds for a Retry-After header on a status fault. */
  retryAfter?: number;
  /** error and error_description of a status fault's answer (default: sandbox_fault, "injected fault ..."). */
  error?: string;
  description?: string;
  /** Calls still to be hit; null: until cleared. */
  remaining: number | null;
  /** Only calls whose path starts with this. */
  path?: string;
  /** Only calls with this method. */
  method?: string;
  /** Only calls made with a token of this client (an account DIP refuses), never the token call itself. */
  clientId?: string;
}

/** What a call is, for matching faults. */
export interface CallInfo {
  path: string;
  method: string;
  /** The client behind the call's bearer token; null: none, or not valid. */
  clientId: () => Promise<string | null>;
}

const MAX_DELAY_MS = 120_000;

const isCount = (v: unknown, min: number, max: number): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/**
 * `{status, count?, retryAfter?, error?, description?}` | `{timeout: true, count?}` | `{delayMs, count?}`, each
 * with the filters `path?`, `method?`, `clientId?`; `count: null` lasts until the faults are cleared.
 */
export function parseFault(body: unknown, id: number): Checked<Fault> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: 'body: expected a JSON object' };
  const b = body as Record<string, unknown>;
  const allowed = ['status', 'timeout', 'delayMs', 'count', 'path', 'method', 'clientId', 'retryAfter', 'error', 'description'];
  const unknown = Object.keys(b).find((k) => !allowed.includes(k));
  if (unknown) return { ok: false, message: `unknown field "${unknown}" (allowed: ${allowed.join(', ')})` };
  const kinds = (['status', 'timeout', 'delayMs'] as const).filter((k) => b[k] !== undefined);
  if (kinds.length !== 1) return { ok: false, message: 'give exactly one of status, timeout, delayMs' };
  if (b.count !== undefined && b.count !== null && !isCount(b.count, 1, 1_000_000)) return { ok: false, message: 'count must be a positive integer, or null for every call' };
  if (b.path !== undefined && (typeof b.path !== 'string' || !b.path.startsWith('/'))) return { ok: false, message: 'path must start with "/"' };
  if (b.method !== undefined && !['GET', 'PUT', 'POST'].includes(String(b.method).toUpperCase())) return { ok: false, message: 'method must be GET, PUT or POST' };
  if (b.clientId !== undefined && !isText(b.clientId, 200)) return { ok: false, message: 'clientId must be a client_id' };
  const base = {
    id, path: b.path as string | undefined, method: b.method === undefined ? undefined : String(b.method).toUpperCase(),
    clientId: b.clientId as string | undefined,
  };
  const count = b.count === null ? null : (b.count as number | undefined);
  if (kinds[0] === 'status') {
    if (!isCount(b.status, 400, 599)) return { ok: false, message: 'status must be an integer from 400 to 599' };
    if (b.retryAfter !== undefined && !isCount(b.retryAfter, 0, 86_400)) return { ok: false, message: 'retryAfter must be whole seconds' };
    for (const k of ['error', 'description'] as const) if (b[k] !== undefined && !isText(b[k], 500)) return { ok: false, message: `${k} must be a text` };
    return {
      ok: true,
      value: {
        ...base, kind: 'status', status: b.status, retryAfter: b.retryAfter as number | undefined, error: b.error as string | undefined,
        description: b.description as string | undefined, remaining: count === undefined ? 1 : count,
      },
    };
  }
  for (const k of ['retryAfter', 'error', 'description']) if (b[k] !== undefined) return { ok: false, message: `${k} goes with status` };
  if (kinds[0] === 'timeout') {
    if (b.timeout !== true) return { ok: false, message: 'timeout must be true' };
    return { ok: true, value: { ...base, kind: 'timeout', remaining: count === undefined ? 1 : count } };
  }
  if (!isCount(b.delayMs, 0, MAX_DELAY_MS)) return { ok: false, message: `delayMs must be an integer from 0 to ${MAX_DELAY_MS}` };
  return { ok: true, value: { ...base, kind: 'delay', delayMs: b.delayMs, remaining: count ?? null } };
}

export class FaultBoard {
  private faults: Fault[] = [];
  private nextId = 1;

  add(body: unknown): Checked<Fault> {
    const r = parseFault(body, this.nextId);
    if (r.ok) {
      this.nextId++;
      this.faults.push(r.value);
    }
    return r;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** What this call meets: a delay (first matching delay fault) and a failure (first matching status/timeout fault). */
  async take(call: CallInfo): Promise<{ delayMs: number; failure: Fault | null }> {
    const clientId = this.faults.some((f) => f.clientId) ? await call.clientId() : null;
    const delay = this.consume(call, clientId, (f) => f.kind === 'delay');
    const failure = this.consume(call, clientId, (f) => f.kind !== 'delay');
    return { delayMs: delay?.delayMs ?? 0, failure };
  }

  private consume(call: CallInfo, clientId: string | null, kind: (f: Fault) => boolean): Fault | null {
    const f = this.faults.find((x) => kind(x) && (!x.path || call.path.startsWith(x.path)) && (!x.method || x.method === call.method)
      && (!x.clientId || (x.clientId === clientId && call.path !== '/token')));
    if (!f) return null;
    if (f.remaining !== null) {
      f.remaining--;
      if (f.remaining === 0) this.faults = this.faults.filter((x) => x !== f);
    }
    return { ...f };
  }
}
