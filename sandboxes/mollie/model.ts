// What the sandbox keeps about payments and refunds, and the wire rules they share: Mollie's
// amounts ({currency, value: "10.00"}), ids, timestamps and the payment methods it offers.
import crypto from 'node:crypto';

export interface Amount { currency: string; value: string }

export const PAYMENT_STATUSES = ['open', 'pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** The outcomes a tester can pick on the hosted checkout page, as Mollie's test mode offers them. */
export const CHECKOUT_OUTCOMES = ['paid', 'failed', 'canceled', 'expired', 'open'] as const;
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number];
export const FINAL_STATUSES: readonly PaymentStatus[] = ['paid', 'canceled', 'expired', 'failed'];

export const REFUND_STATUSES = ['queued', 'pending', 'processing', 'refunded', 'failed', 'canceled'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface Payment {
  id: string;
  /** The API key's profile; other keys do not see this payment. */
  profileId: string;
  createdAt: Date;
  amount: Amount;
  description: string;
  method: string | null;
  /** The methods the payment was restricted to on create (null: any enabled method). */
  allowedMethods: string[] | null;
  metadata: unknown;
  status: PaymentStatus;
  expiresAt: Date;
  paidAt?: Date;
  canceledAt?: Date;
  expiredAt?: Date;
  failedAt?: Date;
  redirectUrl: string;
  cancelUrl: string | null;
  webhookUrl: string | null;
  locale: string | null;
  /** When false, DELETE answers 422 (a payment the consumer is already completing). */
  cancelable: boolean;
}

export interface Refund {
  id: string;
  paymentId: string;
  profileId: string;
  amount: Amount;
  description: string;
  metadata: unknown;
  status: RefundStatus;
  createdAt: Date;
  /** When a pending refund becomes refunded (or failed, see `outcome`). */
  settlesAt: Date;
  outcome: 'refunded' | 'failed';
}

export interface MethodInfo {
  id: string;
  description: Record<'en' | 'nl' | 'fr' | 'de', string>;
  minimum: string;
  maximum: string;
}

/** The methods the sandbox knows; a profile has a subset enabled (default: iDEAL, Bancontact, cards). */
export const METHODS: MethodInfo[] = [
  { id: 'ideal', description: { en: 'iDEAL', nl: 'iDEAL', fr: 'iDEAL', de: 'iDEAL' }, minimum: '0.01', maximum: '50000.00' },
  { id: 'bancontact', description: { en: 'Bancontact', nl: 'Bancontact', fr: 'Bancontact', de: 'Bancontact' }, minimum: '0.02', maximum: '50000.00' },
  { id: 'creditcard', description: { en: 'Card', nl: 'Creditcard', fr: 'Carte bancaire', de: 'Kreditkarte' }, minimum: '0.01', maximum: '10000.00' },
  { id: 'applepay', description: { en: 'Apple Pay', nl: 'Apple Pay', fr: 'Apple Pay', de: 'Apple Pay' }, minimum: '0.01', maximum: '10000.00' },
  { id: 'paypal', description: { en: 'PayPal', nl: 'PayPal', fr: 'PayPal', de: 'PayPal' }, minimum: '0.01', maximum: '8000.00' },
  { id: 'banktransfer', description: { en: 'Bank transfer', nl: 'Overboeking', fr: 'Virement bancaire', de: 'Überweisung' }, minimum: '0.01', maximum: '1000000.00' },
];
export const DEFAULT_METHODS = ['ideal', 'bancontact', 'creditcard'];

export const LOCALES = [
  'en_US', 'en_GB', 'nl_NL', 'nl_BE', 'fr_FR', 'fr_BE', 'de_DE', 'de_AT', 'de_CH', 'es_ES', 'ca_ES', 'pt_PT', 'it_IT',
  'nb_NO', 'sv_SE', 'fi_FI', 'da_DK', 'is_IS', 'hu_HU', 'pl_PL', 'lv_LV', 'lt_LT',
] as const;

/** Mollie's money: a string with exactly two decimals. */
export const MONEY_VALUE = /^\d{1,10}\.\d{2}$/;
export const CURRENCIES = ['EUR'] as const;

export const cents = (value: string): number => Math.round(Number(value) * 100);
export const money = (c: number, currency = 'EUR'): Amount => ({ currency, value: (c / 100).toFixed(2) });

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export function token(prefix: string, length = 10): string {
  const bytes = crypto.randomBytes(length);
  let out = prefix;
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}

/** Mollie writes times in UTC with an explicit offset: 2026-12-02T10:00:00+00:00. */
export const wireTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** test_ + 30 letters or digits; live_ keys look the same but are refused here. */
export const API_KEY = /^(test|live)_[A-Za-z0-9]{30}$/;
