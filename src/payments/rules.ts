// The online payment's rules, without I/O: what the provider's word means for the order, the deadline
// its places wait until, and when Foyer asks the provider itself.
import type { ProviderPaymentStatus, ProviderRefundStatus } from './provider.js';
import type { OnlinePaymentStatus, OnlineRefundStatus } from './tables.js';

/** How long an online order's places wait for its payment at first; the provider's own expiry may extend it. */
export const PAYMENT_WINDOW_MS = 20 * 60_000;
/** After the provider's expiry, a little longer: its last webhook may be under way. */
export const EXPIRY_MARGIN_MS = 2 * 60_000;
/** Past the deadline Foyer keeps asking a provider that does not answer; after this it lets the places go anyway. */
export const GIVE_UP_AFTER_MS = 60 * 60_000;
/** The first look of its own, when no webhook came: a short while after the payment was made. */
export const FIRST_CHECK_MS = 2 * 60_000;
/** An intent whose create got no answer is retried after this (the buyer may have retried sooner). */
export const CREATE_RETRY_MS = 60_000;

/** Foyer's status for the provider's. */
export function statusOf(p: ProviderPaymentStatus): OnlinePaymentStatus {
  if (p === 'paid') return 'paid';
  if (p === 'canceled' || p === 'expired' || p === 'failed') return p;
  return 'open';
}

export const isSettled = (s: OnlinePaymentStatus): boolean => s !== 'creating' && s !== 'open';

export type Decision =
  /** Nothing to do but note what the provider said. */
  | 'record'
  /** Paid, and the order is still waiting: it becomes paid. */
  | 'confirm'
  /** Paid, but the order let its places go already: the money goes back, staff see it. */
  | 'refund'
  /** Will not be paid: the order's places go back to sale at once. */
  | 'release';

/** What the provider's status means, given Foyer's status of the payment and the order's. */
export function decide(current: OnlinePaymentStatus, provider: ProviderPaymentStatus, orderStatus: string): Decision {
  const next = statusOf(provider);
  if (next === 'paid') {
    if (current === 'paid') return 'record';
    return orderStatus === 'awaiting_payment' ? 'confirm' : 'refund';
  }
  if (next === 'open' || isSettled(current)) return 'record';
  return orderStatus === 'awaiting_payment' ? 'release' : 'record';
}

/** The deadline once the provider has said when the payment expires: never earlier than before. */
export function deadlineWith(current: string, expiresAt: string | null): string {
  if (!expiresAt) return current;
  const byExpiry = new Date(new Date(expiresAt).getTime() + EXPIRY_MARGIN_MS).toISOString();
  return byExpiry > current ? byExpiry : current;
}

/** When to ask the provider next about an unsettled payment: less often as it ages, and at the deadline. */
export function nextCheck(now: Date, checks: number, deadline: string): string {
  const interval = Math.min(FIRST_CHECK_MS * 2 ** Math.max(0, checks), 5 * 60_000);
  const at = new Date(now.getTime() + interval).toISOString();
  return now.toISOString() < deadline && at > deadline ? deadline : at;
}

export const pastDeadline = (now: Date, deadline: string): boolean => now.toISOString() >= deadline;
export const givenUp = (now: Date, deadline: string): boolean => now.getTime() >= new Date(deadline).getTime() + GIVE_UP_AFTER_MS;

export const refundSettled = (s: OnlineRefundStatus): boolean => s === 'refunded' || s === 'failed' || s === 'canceled';
export const refundStatusOf = (s: ProviderRefundStatus): OnlineRefundStatus => s;
/** How often a refund under way at the provider is looked at. */
export const REFUND_CHECK_MS = 60_000;
