// In-memory state of the sandbox: a profile per API key, its payments and refunds, idempotent
// answers, and the status rules. Everything is lost on restart.
import type { Clock } from '../../src/platform/clock.js';
import {
  DEFAULT_METHODS, FINAL_STATUSES, METHODS, cents, money, token,
  type Amount, type MethodInfo, type Payment, type PaymentStatus, type Refund, type RefundStatus,
} from './model.js';

export interface Profile {
  id: string;
  apiKey: string;
  methods: string[];
}

export interface StoredAnswer { status: number; body: unknown; at: number }

export interface StoreOptions {
  /** Minutes until an open payment expires (Mollie: about 15 for iDEAL). */
  expiryMinutes?: number;
  /** How long a refund stays pending before it is refunded. */
  refundSettleMs?: number;
  /** Methods a new profile has enabled. */
  defaultMethods?: string[];
}

const IDEMPOTENCY_MS = 3600_000;

export type StatusListener = (p: Payment, previous: PaymentStatus) => void;

export class MollieStore {
  readonly profiles = new Map<string, Profile>();
  readonly payments = new Map<string, Payment>();
  readonly refunds = new Map<string, Refund>();
  private readonly answers = new Map<string, StoredAnswer>();
  private readonly listeners: StatusListener[] = [];
  readonly expiryMinutes: number;
  readonly refundSettleMs: number;
  private readonly defaultMethods: string[];
  /** The outcome the next refund gets (fault injection); refunded by default. */
  nextRefundOutcomes: ('refunded' | 'failed')[] = [];

  constructor(private readonly clock: Clock, opts: StoreOptions = {}) {
    this.expiryMinutes = opts.expiryMinutes ?? 15;
    this.refundSettleMs = opts.refundSettleMs ?? 2000;
    this.defaultMethods = opts.defaultMethods ?? DEFAULT_METHODS;
  }

  onStatus(l: StatusListener): void { this.listeners.push(l); }

  profileFor(apiKey: string): Profile {
    let p = this.profiles.get(apiKey);
    if (!p) this.profiles.set(apiKey, (p = { id: token('pfl_'), apiKey, methods: [...this.defaultMethods] }));
    return p;
  }

  enabledMethods(profile: Profile): MethodInfo[] {
    return METHODS.filter((m) => profile.methods.includes(m.id));
  }

  /** An answer given before to this key's request with this Idempotency-Key (an hour long). */
  replay(apiKey: string, key: string): StoredAnswer | undefined {
    const hit = this.answers.get(`${apiKey}\u0000${key}`);
    return hit && Date.now() - hit.at < IDEMPOTENCY_MS ? hit : undefined;
  }

  remember(apiKey: string, key: string, status: number, body: unknown): void {
    this.answers.set(`${apiKey}\u0000${key}`, { status, body, at: Date.now() });
  }

  create(p: Omit<Payment, 'id' | 'createdAt' | 'status' | 'expiresAt' | 'cancelable'>): Payment {
    const now = this.clock.now();
    const payment: Payment = {
      ...p, id: token('tr_'), createdAt: now, status: 'open', cancelable: true,
      expiresAt: new Date(now.getTime() + this.expiryMinutes * 60_000),
    };
    this.payments.set(payment.id, payment);
    return payment;
  }

  /** The payment as the profile may see it, with lapsed payments expired and due refunds settled. */
  payment(profileId: string, id: string): Payment | undefined {
    const p = this.payments.get(id);
    if (!p || p.profileId !== profileId) return undefined;
    this.settle(p);
    return p;
  }

  /** Newest first, as Mollie lists them; `from` is the id to start at. */
  list(profileId: string, from: string | undefined, limit: number): { items: Payment[]; next?: string; previous?: string } {
    const all = [...this.payments.values()].filter((p) => p.profileId === profileId).reverse();
    all.forEach((p) => this.settle(p));
    const start = from ? all.findIndex((p) => p.id === from) : 0;
    if (start < 0) return { items: [] };
    const items = all.slice(start, start + limit);
    return { items, next: all[start + limit]?.id, previous: start > 0 ? all[Math.max(0, start - limit)]?.id : undefined };
  }

  /** Moves a payment to a status, stamping the time, and tells the listeners (webhooks). */
  setStatus(p: Payment, status: PaymentStatus, method?: string): void {
    const previous = p.status;
    if (previous === status) return;
    const now = this.clock.now();
    p.status = status;
    if (method) p.method = method;
    if (status === 'paid') {
      p.paidAt = now;
      p.method ??= p.allowedMethods?.[0] ?? 'ideal';
    }
    if (status === 'canceled') p.canceledAt = now;
    if (status === 'expired') p.expiredAt = now;
    if (status === 'failed') p.failedAt = now;
    for (const l of this.listeners) l(p, previous);
  }

  isFinal = (p: Payment): boolean => FINAL_STATUSES.includes(p.status);

  /** Open payments past their expiry become expired (on every read and every tick). */
  settle(p: Payment): void {
    if ((p.status === 'open' || p.status === 'pending') && p.expiresAt <= this.clock.now()) this.setStatus(p, 'expired');
    for (const r of this.refunds.values()) if (r.paymentId === p.id) this.settleRefund(r);
  }

  tick(): void {
    for (const p of this.payments.values()) this.settle(p);
  }

  refundsOf(paymentId: string): Refund[] {
    return [...this.refunds.values()].filter((r) => r.paymentId === paymentId).map((r) => this.settleRefund(r));
  }

  settleRefund(r: Refund): Refund {
    if ((r.status === 'queued' || r.status === 'pending' || r.status === 'processing') && r.settlesAt <= this.clock.now()) r.status = r.outcome;
    return r;
  }

  /** What is refunded or on its way (not failed or canceled refunds), in cents. */
  refunded(paymentId: string): number {
    return this.refundsOf(paymentId).filter((r) => r.status !== 'failed' && r.status !== 'canceled').reduce((n, r) => n + cents(r.amount.value), 0);
  }

  remaining(p: Payment): Amount {
    return money(cents(p.amount.value) - this.refunded(p.id), p.amount.currency);
  }

  addRefund(p: Payment, amount: Amount, description: string, metadata: unknown): Refund {
    const now = this.clock.now();
    const refund: Refund = {
      id: token('re_'), paymentId: p.id, profileId: p.profileId, amount, description, metadata, status: 'pending',
      createdAt: now, settlesAt: new Date(now.getTime() + this.refundSettleMs), outcome: this.nextRefundOutcomes.shift() ?? 'refunded',
    };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  setRefundStatus(r: Refund, status: RefundStatus): void {
    r.status = status;
  }

  reset(): void {
    this.payments.clear();
    this.refunds.clear();
    this.answers.clear();
    this.nextRefundOutcomes = [];
    for (const p of this.profiles.values()) p.methods = [...this.defaultMethods];
  }
}
