// /_sandbox/*: no auth. Faults, token expiry, reset, the request log, and what is seeded.
import type { FastifyInstance } from 'fastify';
import type { TokenStore } from './auth.js';
import { FAULT_KINDS, type FaultInput, type Faults } from './faults.js';
import type { SandboxStore } from './store.js';
import { SOCIAL_TARIFF_STATES, type SocialTariffState } from './model.js';
import { socialTariffState } from './rules.js';

const FaultBody = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...FAULT_KINDS] },
    count: { type: ['integer', 'null'], minimum: 1 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    delayMs: { type: 'integer', minimum: 0, maximum: 120_000 },
    hangMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'DELETE', 'get', 'post', 'put', 'delete'] },
    path: { type: 'string', pattern: '^/' },
  },
} as const;

export function adminRoutes(app: FastifyInstance, store: SandboxStore, tokens: TokenStore, faults: Faults): void {
  app.post<{ Body: FaultInput }>('/_sandbox/faults', { schema: { body: FaultBody } }, async (req, reply) =>
    reply.code(201).send(faults.add(req.body)));
  app.get('/_sandbox/faults', async () => ({ faults: faults.list() }));
  app.delete('/_sandbox/faults', async (_req, reply) => { faults.clear(); return reply.code(204).send(); });

  // A test pass's social tariff in another state (grace period, suspended, …) until the next reset.
  app.post<{ Params: { uitpasNumber: string }; Body: { socialTariff: SocialTariffState } }>('/_sandbox/passes/:uitpasNumber', {
    schema: { body: { type: 'object', required: ['socialTariff'], additionalProperties: false, properties: { socialTariff: { type: 'string', enum: [...SOCIAL_TARIFF_STATES] } } } },
  }, async (req, reply) => {
    const passes = store.world.passes.filter((p) => p.uitpasNumber === req.params.uitpasNumber);
    if (!passes.length) return reply.code(404).send({ error: `No test pass ${req.params.uitpasNumber}` });
    for (const p of passes) p.socialTariffState = req.body.socialTariff;
    return { uitpasNumber: req.params.uitpasNumber, socialTariff: req.body.socialTariff };
  });

  app.post('/_sandbox/tokens/expire', async () => ({ expired: tokens.expireAll() }));

  app.post('/_sandbox/reset', async (_req, reply) => {
    store.clearSales();
    faults.clear();
    faults.clearLog();
    return reply.code(204).send();
  });

  app.get('/_sandbox/requests', async () => ({ requests: faults.log }));
  app.get('/_sandbox/checkins', async () => ({ checkins: store.allCheckins() }));
  app.delete('/_sandbox/requests', async (_req, reply) => { faults.clearLog(); return reply.code(204).send(); });

  app.get('/_sandbox/seed', async () => ({
    organizers: store.world.organizers,
    events: store.world.events,
    passes: store.world.passes.map((p) => ({
      uitpasNumber: p.uitpasNumber, chipNumber: p.chipNumber, insz: p.insz, passType: p.passType, cardStatus: p.cardStatus,
      socialTariff: socialTariffState(p), comment: p.comment,
      region: store.cardSystem(p.cardSystemId)?.name, postalCode: p.holder?.postalCode ?? null,
      coupons: p.coupons.map((c) => c.id), groupLimit: p.groupLimit,
    })),
    clients: store.world.clients.map((c) => ({ clientId: c.clientId, organizers: c.organizers })),
  }));
}
