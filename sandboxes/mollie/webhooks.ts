// Webhook calls: a POST of `id=tr_...` (form-encoded) to the payment's webhookUrl whenever its status
// changes, retried while the receiver does not answer 2xx. Faults make the next calls late, doubled
// or never sent, as Mollie's can be.
import type { Payment } from './model.js';

export const WEBHOOK_MODES = ['late', 'twice', 'never'] as const;
export type WebhookMode = (typeof WEBHOOK_MODES)[number];

export interface WebhookFault {
  id: number;
  mode: WebhookMode;
  /** For late: how long after the status change the first call goes out. */
  delayMs: number;
  /** Status changes left to affect. */
  remaining: number;
  /** Only this payment (any when absent). */
  paymentId?: string;
}

export interface Delivery {
  seq: number;
  paymentId: string;
  status: string;
  url: string;
  attempt: number;
  at: string;
  /** The receiver's HTTP status, or the network error. */
  outcome: number | string;
}

export interface WebhookOptions {
  /** Delays before the 2nd, 3rd, ... attempt; Mollie retries about ten times over a day. */
  retryDelaysMs?: number[];
  /** How long one call waits for the receiver. */
  timeoutMs?: number;
}

const DEFAULT_RETRIES = [1000, 2000, 5000, 10_000, 30_000, 60_000, 300_000, 900_000, 3600_000, 7200_000];
const LOG_SIZE = 1000;

export class Webhooks {
  private faults: WebhookFault[] = [];
  private nextId = 1;
  private seq = 1;
  readonly log: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly retries: number[];
  private readonly timeoutMs: number;
  private closed = false;

  constructor(opts: WebhookOptions = {}) {
    this.retries = opts.retryDelaysMs ?? DEFAULT_RETRIES;
    this.timeoutMs = opts.timeoutMs ?? 5000;
  }

  addFault(input: { mode: WebhookMode; delayMs?: number; count?: number; paymentId?: string }): WebhookFault {
    const f: WebhookFault = {
      id: this.nextId++, mode: input.mode, delayMs: input.delayMs ?? 5000, remaining: input.count ?? 1,
      ...(input.paymentId ? { paymentId: input.paymentId } : {}),
    };
    this.faults.push(f);
    return f;
  }

  listFaults(): WebhookFault[] { return this.faults; }
  clearFaults(): void { this.faults = []; }
  clearLog(): void { this.log.length = 0; }

  /** The payment's status changed: call its webhook (as the faults say). */
  changed(p: Payment): void {
    if (!p.webhookUrl || this.closed) return;
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.paymentId || f.paymentId === p.id));
    if (fault) fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    if (fault?.mode === 'never') {
      this.record(p, 0, 'not sent (fault: never)');
      return;
    }
    const url = p.webhookUrl;
    const first = fault?.mode === 'late' ? fault.delayMs : 0;
    this.later(first, () => this.attempt(p, url, 1));
    if (fault?.mode === 'twice') this.later(first + 50, () => this.attempt(p, url, 1));
  }

  /** Sends the webhook of a payment now, once, whatever its faults (the control API). */
  deliverNow(p: Payment): void {
    if (p.webhookUrl) this.later(0, () => this.attempt(p, p.webhookUrl!, 1, false));
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private async attempt(p: Payment, url: string, attempt: number, retry = true): Promise<void> {
    if (this.closed) return;
    let outcome: number | string;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mollie sandbox webhook' },
        body: new URLSearchParams({ id: p.id }).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      outcome = res.status;
    } catch (e) {
      outcome = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    }
    this.record(p, attempt, outcome, url);
    const ok = typeof outcome === 'number' && outcome >= 200 && outcome < 300;
    const delay = this.retries[attempt - 1];
    if (!ok && retry && delay !== undefined) this.later(delay, () => this.attempt(p, url, attempt + 1));
  }

  private record(p: Payment, attempt: number, outcome: number | string, url = p.webhookUrl ?? ''): void {
    this.log.push({ seq: this.seq++, paymentId: p.id, status: p.status, url, attempt, at: new Date().toISOString(), outcome });
    if (this.log.length > LOG_SIZE) this.log.shift();
  }

  /** Forgets the calls still waiting to go out (reset). */
  cancelPending(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.closed = true;
    this.cancelPending();
  }
}
