// Mollie's wire format in Foyer's terms, in one place: amounts ("10.00" <-> 1000 cents), locales,
// statuses, the resources the official client builds, and its errors as the provider seam's errors.
import { MollieApiError } from '@mollie/api-client';
import {
  ProviderRefused, ProviderUnavailable, PROVIDER_PAYMENT_STATUSES,
  type ProviderMethod, type ProviderPayment, type ProviderPaymentStatus, type ProviderRefund, type ProviderRefundStatus,
} from '../../payments/provider.js';
import { MollieUnreachable } from './client.js';

export interface WireAmount { currency: string; value: string }

export const toAmount = (cents: number): WireAmount => ({ currency: 'EUR', value: (cents / 100).toFixed(2) });

export function toCents(a: WireAmount | undefined | null): number {
  if (!a) return 0;
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(a.value);
  if (!m) throw new Error(`Mollie amount ${a.value} has not two decimals`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

/** Foyer's languages as Mollie's locales (its pages are then in the buyer's language). */
export const LOCALES = { nl: 'nl_NL', fr: 'fr_BE', en: 'en_US' } as const;

/** The fields of Mollie's payment resource Foyer reads. */
export interface WirePayment {
  id: string;
  status: string;
  amount: WireAmount;
  method?: string | null;
  expiresAt?: string | null;
  isCancelable?: boolean;
  metadata?: unknown;
  _links?: { checkout?: { href: string } | null };
}

export interface WireRefund {
  id: string;
  paymentId: string;
  status: string;
  amount: WireAmount;
  metadata?: unknown;
}

export interface WireMethod {
  id: string;
  description: string;
  minimumAmount?: WireAmount | null;
  maximumAmount?: WireAmount | null;
  image?: { svg?: string; size2x?: string } | null;
}

function paymentStatus(s: string): ProviderPaymentStatus {
  if ((PROVIDER_PAYMENT_STATUSES as readonly string[]).includes(s)) return s as ProviderPaymentStatus;
  throw new Error(`Mollie payment status ${s} is not one Foyer knows`);
}

export const fromPayment = (p: WirePayment): ProviderPayment => ({
  id: p.id,
  status: paymentStatus(p.status),
  amount: toCents(p.amount),
  method: p.method ?? null,
  checkoutUrl: p._links?.checkout?.href ?? null,
  expiresAt: p.expiresAt ? new Date(p.expiresAt).toISOString() : null,
  cancelable: p.isCancelable === true,
  foyerPaymentId: metaString(p.metadata, 'foyerPaymentId'),
});

function metaString(meta: unknown, key: string): string | null {
  const v = meta && typeof meta === 'object' ? (meta as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : null;
}

const REFUND_STATUSES: ProviderRefundStatus[] = ['queued', 'pending', 'processing', 'refunded', 'failed', 'canceled'];

export function fromRefund(r: WireRefund): ProviderRefund {
  if (!REFUND_STATUSES.includes(r.status as ProviderRefundStatus)) throw new Error(`Mollie refund status ${r.status} is not one Foyer knows`);
  return {
    id: r.id, paymentId: r.paymentId, status: r.status as ProviderRefundStatus, amount: toCents(r.amount),
    foyerRefundId: metaString(r.metadata, 'foyerRefundId'),
  };
}

export const fromMethod = (m: WireMethod): ProviderMethod => ({
  id: m.id,
  description: m.description,
  minimum: toCents(m.minimumAmount),
  maximum: m.maximumAmount ? toCents(m.maximumAmount) : Number.MAX_SAFE_INTEGER,
  image: m.image?.svg ?? m.image?.size2x ?? null,
});

/** Whether the error is Mollie saying it knows no such resource. */
export const isNotFound = (err: unknown): boolean => err instanceof MollieApiError && err.statusCode === 404;

/**
 * The client's errors as the seam's. `changes`: the call would change something at Mollie, so without an
 * answer (or with a gateway error) its outcome is unknown; a 503 or a refused connection did nothing.
 */
export function providerError(err: unknown, changes: boolean): Error {
  if (err instanceof MollieUnreachable) return new ProviderUnavailable(err.message, changes && !err.refused);
  if (err instanceof MollieApiError) {
    const status = err.statusCode ?? 0;
    if (status >= 500 || status === 429 || status === 0) {
      return new ProviderUnavailable(`Mollie answered ${status || 'no status'}: ${err.message}`, changes && status !== 503 && status !== 429);
    }
    return new ProviderRefused(err.message, status, err.field ?? null);
  }
  return err instanceof Error ? err : new Error(String(err));
}
