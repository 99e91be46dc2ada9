// /_sandbox/*: no auth, not logged. Faults, webhook faults, outcomes set directly, expiry, the
// methods a profile has enabled, refund outcomes, the request and webhook logs, reset.
import type { FastifyInstance } from 'fastify';
import { FAULT_KINDS, type FaultInput, type Faults } from './faults.js';
import { METHODS, PAYMENT_STATUSES, REFUND_STATUSES, type PaymentStatus, type RefundStatus } from './model.js';
import type { MollieStore } from './store.js';
import { WEBHOOK_MODES, type WebhookMode, type Webhooks } from './webhooks.js';

const FaultBody = {
  type: 'object', required: ['kind'], additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...FAULT_KINDS] },
    count: { type: ['integer', 'null'], minimum: 1 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    delayMs: { type: 'integer', minimum: 0, maximum: 120_000 },
    hangMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    retryAfter: { type: 'integer', minimum: 0, maximum: 60 },
    method: { type: 'string', enum: ['GET', 'POST', 'DELETE', 'get', 'post', 'delete'] },
    path: { type: 'string', pattern: '^/' },
  },
} as const;

const WebhookFaultBody = {
  type: 'object', required: ['mode'], additionalProperties: false,
  properties: {
    mode: { type: 'string', enum: [...WEBHOOK_MODES] },
    delayMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
    count: { type: 'integer', minimum: 1 },
    paymentId: { type: 'string' },
  },
} as const;

export function adminRoutes(app: FastifyInstance, store: MollieStore, faults: Faults, webhooks: Webhooks): void {
  const payment = (id: string) => {
    const p = store.payments.get(id);
    if (p) store.settle(p);
    return p;
  };

  app.post<{ Body: FaultInput }>('/_sandbox/faults', { schema: { body: FaultBody } }, async (req, reply) => reply.code(201).send(faults.add(req.body)));
  app.get('/_sandbox/faults', async () => ({ faults: faults.list(), webhookFaults: webhooks.listFaults() }));
  app.delete('/_sandbox/faults', async (_req, reply) => {
    faults.clear();
    webhooks.clearFaults();
    return reply.code(204).send();
  });

  app.post<{ Body: { mode: WebhookMode; delayMs?: number; count?: number; paymentId?: string } }>('/_sandbox/webhooks/faults',
    { schema: { body: WebhookFaultBody } }, async (req, reply) => reply.code(201).send(webhooks.addFault(req.body)));
  app.get('/_sandbox/webhooks', async () => ({ deliveries: webhooks.log }));

  app.get('/_sandbox/payments', async () => ({
    payments: [...store.payments.values()].map((p) => {
      store.settle(p);
      return { id: p.id, profileId: p.profileId, status: p.status, amount: p.amount, method: p.method, description: p.description, webhookUrl: p.webhookUrl, metadata: p.metadata };
    }),
  }));

  app.post<{ Params: { id: string }; Body: { status: PaymentStatus; method?: string } }>('/_sandbox/payments/:id/status', {
    schema: {
      body: {
        type: 'object', required: ['status'], additionalProperties: false,
        properties: { status: { type: 'string', enum: [...PAYMENT_STATUSES] }, method: { type: 'string', enum: METHODS.map((m) => m.id) } },
      },
    },
  }, async (req, reply) => {
    const p = payment(req.params.id);
    if (!p) return reply.code(404).send({ error: 'no such payment' });
    store.setStatus(p, req.body.status, req.body.method);
    return { id: p.id, status: p.status };
  });

  app.post<{ Params: { id: string } }>('/_sandbox/payments/:id/expire', async (req, reply) => {
    const p = payment(req.params.id);
    if (!p) return reply.code(404).send({ error: 'no such payment' });
    if (p.status === 'open' || p.status === 'pending') store.setStatus(p, 'expired');
    return { id: p.id, status: p.status };
  });

  app.post<{ Params: { id: string }; Body: { cancelable: boolean } }>('/_sandbox/payments/:id/cancelable', {
    schema: { body: { type: 'object', required: ['cancelable'], additionalProperties: false, properties: { cancelable: { type: 'boolean' } } } },
  }, async (req, reply) => {
    const p = payment(req.params.id);
    if (!p) return reply.code(404).send({ error: 'no such payment' });
    p.cancelable = req.body.cancelable;
    return { id: p.id, cancelable: p.cancelable };
  });

  app.post<{ Params: { id: string } }>('/_sandbox/payments/:id/webhook', async (req, reply) => {
    const p = payment(req.params.id);
    if (!p) return reply.code(404).send({ error: 'no such payment' });
    webhooks.deliverNow(p);
    return reply.code(202).send({ id: p.id });
  });

  app.put<{ Body: { apiKey?: string; methods: string[] } }>('/_sandbox/profiles/methods', {
    schema: {
      body: {
        type: 'object', required: ['methods'], additionalProperties: false,
        properties: { apiKey: { type: 'string' }, methods: { type: 'array', items: { type: 'string', enum: METHODS.map((m) => m.id) }, uniqueItems: true } },
      },
    },
  }, async (req) => {
    const profiles = req.body.apiKey ? [store.profileFor(req.body.apiKey)] : [...store.profiles.values()];
    for (const p of profiles) p.methods = [...req.body.methods];
    return { profiles: profiles.map((p) => ({ id: p.id, methods: p.methods })) };
  });
  app.get('/_sandbox/profiles', async () => ({ profiles: [...store.profiles.values()].map((p) => ({ id: p.id, methods: p.methods })) }));

  app.post<{ Body: { outcome: 'refunded' | 'failed'; count?: number } }>('/_sandbox/refunds/next', {
    schema: {
      body: {
        type: 'object', required: ['outcome'], additionalProperties: false,
        properties: { outcome: { type: 'string', enum: ['refunded', 'failed'] }, count: { type: 'integer', minimum: 1 } },
      },
    },
  }, async (req, reply) => {
    for (let i = 0; i < (req.body.count ?? 1); i++) store.nextRefundOutcomes.push(req.body.outcome);
    return reply.code(201).send({ next: store.nextRefundOutcomes });
  });

  app.post<{ Params: { id: string }; Body: { status: RefundStatus } }>('/_sandbox/refunds/:id/status', {
    schema: { body: { type: 'object', required: ['status'], additionalProperties: false, properties: { status: { type: 'string', enum: [...REFUND_STATUSES] } } } },
  }, async (req, reply) => {
    const r = store.refunds.get(req.params.id);
    if (!r) return reply.code(404).send({ error: 'no such refund' });
    store.setRefundStatus(r, req.body.status);
    return { id: r.id, status: r.status };
  });

  app.post('/_sandbox/tick', async () => {
    store.tick();
    return { ok: true };
  });

  app.get('/_sandbox/requests', async () => ({ requests: faults.log }));
  app.delete('/_sandbox/requests', async (_req, reply) => {
    faults.clearLog();
    return reply.code(204).send();
  });

  app.post('/_sandbox/reset', async (_req, reply) => {
    store.reset();
    faults.clear();
    faults.clearLog();
    webhooks.clearFaults();
    webhooks.cancelPending();
    webhooks.clearLog();
    return reply.code(204).send();
  });
}
