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
  /** Calls still to be hit; null: until reset. */
  remaining: number | null;
  /** Only calls whose path starts with this. */
  path?: string;
}

const MAX_DELAY_MS = 120_000;

const isCount = (v: unknown, min: number, max: number): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/** `{status, count?, path?, retryAfter?}` | `{timeout: true, count?, path?}` | `{delayMs, count?, path?}` */
export function parseFault(body: unknown, id: number): Checked<Fault> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: 'body: expected a JSON object' };
  const b = body as Record<string, unknown>;
  const allowed = ['status', 'timeout', 'delayMs', 'count', 'path', 'retryAfter'];
  const unknown = Object.keys(b).find((k) => !allowed.includes(k));
  if (unknown) return { ok: false, message: `unknown field "${unknown}" (allowed: ${allowed.join(', ')})` };
  const kinds = (['status', 'timeout', 'delayMs'] as const).filter((k) => b[k] !== undefined);
  if (kinds.length !== 1) return { ok: false, message: 'give exactly one of status, timeout, delayMs' };
  if (b.count !== undefined && !isCount(b.count, 1, 1_000_000)) return { ok: false, message: 'count must be a positive integer' };
  if (b.path !== undefined && (typeof b.path !== 'string' || !b.path.startsWith('/'))) return { ok: false, message: 'path must start with "/"' };
  const base = { id, path: b.path as string | undefined };
  const count = b.count as number | undefined;
  if (kinds[0] === 'status') {
    if (!isCount(b.status, 400, 599)) return { ok: false, message: 'status must be an integer from 400 to 599' };
    if (b.retryAfter !== undefined && !isCount(b.retryAfter, 0, 86_400)) return { ok: false, message: 'retryAfter must be whole seconds' };
    return { ok: true, value: { ...base, kind: 'status', status: b.status, retryAfter: b.retryAfter as number | undefined, remaining: count ?? 1 } };
  }
  if (b.retryAfter !== undefined) return { ok: false, message: 'retryAfter goes with status' };
  if (kinds[0] === 'timeout') {
    if (b.timeout !== true) return { ok: false, message: 'timeout must be true' };
    return { ok: true, value: { ...base, kind: 'timeout', remaining: count ?? 1 } };
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
  take(path: string): { delayMs: number; failure: Fault | null } {
    const delay = this.consume(path, (f) => f.kind === 'delay');
    const failure = this.consume(path, (f) => f.kind !== 'delay');
    return { delayMs: delay?.delayMs ?? 0, failure };
  }

  private consume(path: string, kind: (f: Fault) => boolean): Fault | null {
    const f = this.faults.find((x) => kind(x) && (!x.path || path.startsWith(x.path)));
    if (!f) return null;
    if (f.remaining !== null) {
      f.remaining--;
      if (f.remaining === 0) this.faults = this.faults.filter((x) => x !== f);
    }
    return { ...f };
  }
}
