// Mollie as Foyer's payment provider (payments/provider.ts), over the official client.
import type { MollieClient } from '@mollie/api-client';
import type { CreatePayment, PaymentProvider, ProviderMethod, ProviderPayment, ProviderRefund } from '../../payments/provider.js';
import {
  LOCALES, fromMethod, fromPayment, fromRefund, isNotFound, providerError, toAmount,
  type WireMethod, type WirePayment, type WireRefund,
} from './wire.js';

type Locale = Parameters<MollieClient['methods']['list']>[0] extends infer P ? P extends { locale?: infer L } ? L : never : never;

export class MollieProvider implements PaymentProvider {
  readonly name = 'mollie';

  constructor(private readonly client: MollieClient, private readonly webhookUrl: string | null) {}

  async createPayment(p: CreatePayment): Promise<ProviderPayment> {
    try {
      const made = await this.client.payments.create({
        amount: toAmount(p.amount), description: p.description, redirectUrl: p.redirectUrl,
        ...(this.webhookUrl ? { webhookUrl: this.webhookUrl } : {}),
        locale: LOCALES[p.locale] as Locale, ...(p.method ? { method: p.method as never } : {}),
        metadata: p.metadata, idempotencyKey: p.idempotencyKey,
      });
      return fromPayment(made as unknown as WirePayment);
    } catch (err) {
      throw providerError(err, true);
    }
  }

  async getPayment(id: string): Promise<ProviderPayment | null> {
    try {
      return fromPayment(await this.client.payments.get(id) as unknown as WirePayment);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw providerError(err, false);
    }
  }

  async cancelPayment(id: string): Promise<ProviderPayment | 'not-cancelable'> {
    try {
      return fromPayment(await this.client.payments.cancel(id) as unknown as WirePayment);
    } catch (err) {
      const e = providerError(err, true);
      if (e.name === 'ProviderRefused') return 'not-cancelable';
      throw e;
    }
  }

  async listMethods(q: { amount: number; locale: 'nl' | 'fr' | 'en' }): Promise<ProviderMethod[]> {
    try {
      const methods = await this.client.methods.list({ amount: toAmount(q.amount), locale: LOCALES[q.locale] as Locale });
      return (methods as unknown as WireMethod[]).map(fromMethod);
    } catch (err) {
      throw providerError(err, false);
    }
  }

  async refund(r: { paymentId: string; amount: number; description: string; foyerRefundId: string; idempotencyKey: string }): Promise<ProviderRefund> {
    try {
      const made = await this.client.paymentRefunds.create({
        paymentId: r.paymentId, amount: toAmount(r.amount), description: r.description,
        metadata: { foyerRefundId: r.foyerRefundId }, idempotencyKey: r.idempotencyKey,
      });
      return fromRefund(made as unknown as WireRefund);
    } catch (err) {
      throw providerError(err, true);
    }
  }

  async getRefund(paymentId: string, refundId: string): Promise<ProviderRefund | null> {
    try {
      return fromRefund(await this.client.paymentRefunds.get(refundId, { paymentId }) as unknown as WireRefund);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw providerError(err, false);
    }
  }

  async listRefunds(paymentId: string): Promise<ProviderRefund[]> {
    try {
      const page = await this.client.paymentRefunds.page({ paymentId, limit: 250 });
      return (page as unknown as WireRefund[]).map(fromRefund);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw providerError(err, false);
    }
  }
}
