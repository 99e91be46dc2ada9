// Payments, refunds and methods as Mollie's v2 API writes them (HAL: _links with href and type).
import { METHODS, money, wireTime, type MethodInfo, type Payment, type Refund } from './model.js';
import type { MollieStore } from './store.js';

const link = (href: string, type = 'application/hal+json') => ({ href, type });
const docs = (page: string) => link(`https://docs.mollie.com/reference/${page}`, 'text/html');

export function paymentView(store: MollieStore, p: Payment, base: string) {
  const final = store.isFinal(p);
  const refunds = store.refundsOf(p.id);
  const paid = p.status === 'paid';
  return {
    resource: 'payment',
    id: p.id,
    mode: 'test',
    createdAt: wireTime(p.createdAt),
    amount: p.amount,
    description: p.description,
    method: p.method,
    metadata: p.metadata,
    status: p.status,
    ...(final ? {} : { isCancelable: p.cancelable, expiresAt: wireTime(p.expiresAt) }),
    ...(p.paidAt ? { paidAt: wireTime(p.paidAt) } : {}),
    ...(p.canceledAt ? { canceledAt: wireTime(p.canceledAt) } : {}),
    ...(p.expiredAt ? { expiredAt: wireTime(p.expiredAt) } : {}),
    ...(p.failedAt ? { failedAt: wireTime(p.failedAt) } : {}),
    ...(paid ? { amountRefunded: money(store.refunded(p.id), p.amount.currency), amountRemaining: store.remaining(p), settlementAmount: p.amount } : {}),
    locale: p.locale,
    profileId: p.profileId,
    sequenceType: 'oneoff',
    redirectUrl: p.redirectUrl,
    ...(p.cancelUrl ? { cancelUrl: p.cancelUrl } : {}),
    webhookUrl: p.webhookUrl,
    details: paid ? paymentDetails(p.method) : null,
    _links: {
      self: link(`${base}/v2/payments/${p.id}`),
      ...(p.status === 'open' ? { checkout: link(`${base}/checkout/${p.id}`, 'text/html') } : {}),
      dashboard: link(`${base}/dashboard/payments/${p.id}`, 'text/html'),
      ...(refunds.length ? { refunds: link(`${base}/v2/payments/${p.id}/refunds`) } : {}),
      documentation: docs('payments-api/get-payment'),
    },
  };
}

/** What Mollie's test mode shows of the consumer once paid. */
function paymentDetails(method: string | null) {
  if (method === 'ideal') return { consumerName: 'T. TEST', consumerAccount: 'NL53INGB0654422370', consumerBic: 'INGBNL2A' };
  if (method === 'bancontact') return { cardNumber: '1234', cardFingerprint: 'sandbox', consumerName: 'T. TEST' };
  if (method === 'creditcard') return { cardHolder: 'T. TEST', cardNumber: '6787', cardLabel: 'Mastercard', cardCountryCode: 'NL', cardSecurity: 'normal' };
  return {};
}

export function refundView(r: Refund, base: string) {
  return {
    resource: 'refund',
    id: r.id,
    amount: r.amount,
    status: r.status,
    createdAt: wireTime(r.createdAt),
    description: r.description,
    metadata: r.metadata,
    paymentId: r.paymentId,
    settlementAmount: { currency: r.amount.currency, value: `-${r.amount.value}` },
    _links: {
      self: link(`${base}/v2/payments/${r.paymentId}/refunds/${r.id}`),
      payment: link(`${base}/v2/payments/${r.paymentId}`),
      documentation: docs('refunds-api/get-payment-refund'),
    },
  };
}

export function methodView(m: MethodInfo, lang: keyof MethodInfo['description'], base: string) {
  return {
    resource: 'method',
    id: m.id,
    description: m.description[lang],
    minimumAmount: { value: m.minimum, currency: 'EUR' },
    maximumAmount: { value: m.maximum, currency: 'EUR' },
    image: {
      size1x: `${base}/images/${m.id}.png`,
      size2x: `${base}/images/${m.id}%402x.png`,
      svg: `${base}/images/${m.id}.svg`,
    },
    status: 'activated',
    _links: { self: link(`${base}/v2/methods/${m.id}`), documentation: docs('methods-api/get-method') },
  };
}

export const knownMethod = (id: string): MethodInfo | undefined => METHODS.find((m) => m.id === id);

export function listView(kind: string, items: unknown[], self: string, next?: string, previous?: string) {
  return {
    count: items.length,
    _embedded: { [kind]: items },
    _links: {
      self: link(self),
      previous: previous ? link(previous) : null,
      next: next ? link(next) : null,
      documentation: docs(`${kind}-api/list-${kind}`),
    },
  };
}
