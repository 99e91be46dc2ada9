// The online payment as a step of the sale (orders/steps.ts). Before the transaction: the
// organisation's provider is looked up (an order that owes something needs one switched on). Inside it: the payment's intent is written with the
// order (awaiting_payment), its places held for it until the deadline. After commit, outside any
// transaction: the provider is asked for the payment, with the intent's id as Idempotency-Key.
// Later: a refund of the order, when it was paid online, goes back through the provider.
import { newId } from '../platform/ids.js';
import { Problem } from '../platform/problems.js';
import { registerSaleStep } from '../orders/steps.js';
import { providerFor } from './provider.js';
import { requestRefund } from './refunds.js';
import { PAYMENT_WINDOW_MS } from './rules.js';
import { createAtProvider } from './settle.js';
import './problems.js';

// No provider switched on is only a problem for an order that owes something (free tickets need none).
interface Prepared { intentId: string; provider: string | null }

registerSaleStep<Prepared>({
  name: 'payment.online',
  rank: 91,
  async prepare(ctx, sale) {
    if (!sale.intent.online) return undefined;
    const conn = await providerFor(ctx.db, ctx.orgId, ctx.clock.now());
    return { intentId: newId(), provider: conn?.provider.name ?? null };
  },
  async write(tx, ctx, sale, prepared) {
    const online = sale.intent.online;
    if (!prepared || !online || sale.order.status !== 'awaiting_payment') return;
    if (!prepared.provider) throw new Problem('online-payments-off');
    const now = sale.now.toISOString();
    await tx.insertInto('online_payments').values({
      id: prepared.intentId, organisation_id: ctx.orgId, order_id: sale.orderId, provider: prepared.provider, provider_payment_id: null,
      amount: sale.order.total, status: 'creating', provider_status: null, method: online.method ?? null, locale: online.locale,
      redirect_url: online.redirectUrl, checkout_url: null, deadline: new Date(sale.now.getTime() + PAYMENT_WINDOW_MS).toISOString(),
      // Should this process stop before it asked the provider, the poller asks soon.
      next_check_at: new Date(sale.now.getTime() + 60_000).toISOString(), checks: 0, attention: null, error: null,
      created_at: now, updated_at: now, settled_at: null,
    }).execute();
  },
  async after(ctx, sale, prepared) {
    if (prepared && sale.order.status === 'awaiting_payment') await createAtProvider(ctx, prepared.intentId);
  },
  refunded: requestRefund,
});
