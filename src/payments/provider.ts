// The seam to a payment provider: what Foyer asks of one (create, read and cancel a payment, list
// its methods, refund and read a refund), in Foyer's terms (cents, nl/fr/en). Providers register at
// start-up (connectors/mollie); payments/ imports none of them.
import type { Db } from '../platform/db.js';

export const PROVIDER_PAYMENT_STATUSES = ['open', 'pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'] as const;
export type ProviderPaymentStatus = (typeof PROVIDER_PAYMENT_STATUSES)[number];

export interface ProviderPayment {
  id: string;
  status: ProviderPaymentStatus;
  /** Cents. */
  amount: number;
  method: string | null;
  checkoutUrl: string | null;
  expiresAt: string | null;
  cancelable: boolean;
  /** The Foyer payment it was made for (sent along as metadata). */
  foyerPaymentId: string | null;
}

export type ProviderRefundStatus = 'queued' | 'pending' | 'processing' | 'refunded' | 'failed' | 'canceled';

export interface ProviderRefund {
  id: string;
  paymentId: string;
  status: ProviderRefundStatus;
  amount: number;
  /** The Foyer refund it was made for (sent along as metadata). */
  foyerRefundId: string | null;
}

export interface ProviderMethod {
  id: string;
  description: string;
  /** Cents. */
  minimum: number;
  maximum: number;
  image: string | null;
}

export interface CreatePayment {
  amount: number;
  description: string;
  redirectUrl: string;
  locale: 'nl' | 'fr' | 'en';
  method?: string;
  /** Kept with the payment at the provider, for people reading its dashboard. */
  metadata: Record<string, string>;
  /** The same key asks for the same payment, however often the call is repeated. */
  idempotencyKey: string;
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(p: CreatePayment): Promise<ProviderPayment>;
  /** null: the provider knows no such payment. */
  getPayment(id: string): Promise<ProviderPayment | null>;
  /** 'not-cancelable': the buyer may be completing it; wait for its outcome. */
  cancelPayment(id: string): Promise<ProviderPayment | 'not-cancelable'>;
  listMethods(q: { amount: number; locale: 'nl' | 'fr' | 'en' }): Promise<ProviderMethod[]>;
  refund(r: { paymentId: string; amount: number; description: string; foyerRefundId: string; idempotencyKey: string }): Promise<ProviderRefund>;
  getRefund(paymentId: string, refundId: string): Promise<ProviderRefund | null>;
  listRefunds(paymentId: string): Promise<ProviderRefund[]>;
}

/** No answer, a 5xx or a timeout. `outcomeUnknown`: a call that changes things may have been carried out. */
export class ProviderUnavailable extends Error {
  override name = 'ProviderUnavailable';
  constructor(message: string, readonly outcomeUnknown: boolean) {
    super(message);
  }
}

/** The provider answered no (4xx): a field it names, or the key it was given. */
export class ProviderRefused extends Error {
  override name = 'ProviderRefused';
  constructor(message: string, readonly status: number, readonly field: string | null) {
    super(message);
  }
}

/** An organisation's provider, when it has one switched on; `webhookUrl` is where its calls go. */
export interface ProviderConnection {
  provider: PaymentProvider;
  webhookUrl: string | null;
  /** Where its methods' images are (origins), for the shop page's img-src. */
  imageOrigins: string[];
}

export type ProviderFactory = (db: Db, orgId: string, now: Date) => Promise<ProviderConnection | null>;

const factories: ProviderFactory[] = [];

export const registerPaymentProvider = (f: ProviderFactory): void => void factories.push(f);

/** The first provider the organisation has switched on, or null. */
export async function providerFor(db: Db, orgId: string, now: Date): Promise<ProviderConnection | null> {
  for (const f of factories) {
    const c = await f(db, orgId, now);
    if (c) return c;
  }
  return null;
}
