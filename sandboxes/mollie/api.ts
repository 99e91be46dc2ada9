// The v2 API calls Foyer uses: payments (create, get, list, cancel), methods, refunds (create,
// list, get). API-key auth, Idempotency-Key on creates, Mollie's field names and error bodies.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HAL, MollieError, errorBody, invalid, notFound, sendError } from './errors.js';
import {
  API_KEY, CURRENCIES, LOCALES, MONEY_VALUE, cents, type Amount, type MethodInfo,
} from './model.js';
import type { MollieStore, Profile } from './store.js';
import { knownMethod, listView, methodView, paymentView, refundView } from './views.js';

declare module 'fastify' {
  interface FastifyRequest { mollieProfile?: Profile }
}

const CREATE_FIELDS = ['amount', 'description', 'redirectUrl', 'cancelUrl', 'webhookUrl', 'method', 'locale', 'metadata', 'sequenceType'];
const REFUND_FIELDS = ['amount', 'description', 'metadata'];

type Body = Record<string, unknown>;

export function baseUrl(req: FastifyRequest, publicUrl?: string): string {
  return publicUrl ?? `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
}

function authenticate(store: MollieStore) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const key = m?.[1];
    if (!key || !API_KEY.test(key)) return sendError(reply, 401, 'Missing authentication, or failed to authenticate');
    if (key.startsWith('live_')) {
      return sendError(reply, 401, 'Missing authentication, or failed to authenticate: this sandbox only accepts test API keys');
    }
    req.mollieProfile = store.profileFor(key);
  };
}

function asObject(body: unknown): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new MollieError(400, 'The request body must be a JSON object');
  return body as Body;
}

function unknownFields(b: Body, allowed: string[]): void {
  const extra = Object.keys(b).find((k) => !allowed.includes(k));
  if (extra) throw invalid(extra, `The parameter '${extra}' is not supported by this endpoint`);
}

function amountOf(raw: unknown, field = 'amount'): Amount {
  if (raw === undefined || raw === null) throw invalid(field, 'The amount is required');
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid(field, 'The amount must be an object with currency and value');
  const { currency, value, ...rest } = raw as Body;
  const extra = Object.keys(rest)[0];
  if (extra) throw invalid(`${field}.${extra}`, `The parameter '${extra}' is not part of an amount`);
  if (typeof currency !== 'string' || !(CURRENCIES as readonly string[]).includes(currency)) {
    throw invalid(`${field}.currency`, 'The currency is invalid or not supported');
  }
  if (typeof value !== 'string' || !MONEY_VALUE.test(value)) {
    throw invalid(`${field}.value`, 'The amount value must be a string with exactly two decimals, such as "10.00"');
  }
  return { currency, value };
}

function url(b: Body, field: string, required: boolean): string | null {
  const v = b[field];
  if (v === undefined || v === null) {
    if (required) throw invalid(field, `The ${field} is required`);
    return null;
  }
  if (typeof v !== 'string' || v.length > 2048) throw invalid(field, `The ${field} is invalid`);
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw invalid(field, `The ${field} is not a valid URL`);
  }
  return v;
}

function locale(raw: unknown, field = 'locale'): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' || !(LOCALES as readonly string[]).includes(raw)) throw invalid(field, 'The locale is not supported');
  return raw;
}

const langOf = (loc: string | null): keyof MethodInfo['description'] => {
  const l = loc?.slice(0, 2);
  return l === 'nl' || l === 'fr' || l === 'de' ? l : 'en';
};

function fits(m: MethodInfo, c: number): boolean {
  return c >= cents(m.minimum) && c <= cents(m.maximum);
}

/** Answers a POST at most once per Idempotency-Key: a retry gets the first answer again. */
async function idempotent(store: MollieStore, req: FastifyRequest, reply: FastifyReply, work: () => { status: number; body: unknown }) {
  const key = req.headers['idempotency-key'];
  const apiKey = req.mollieProfile!.apiKey;
  if (typeof key === 'string' && key) {
    const hit = store.replay(apiKey, key);
    if (hit) return reply.code(hit.status).type(HAL).send(hit.body);
  }
  let answer: { status: number; body: unknown };
  try {
    answer = work();
  } catch (e) {
    if (!(e instanceof MollieError) || typeof key !== 'string' || !key) throw e;
    answer = { status: e.status, body: errorBody(e.status, e.detail, e.field) };
  }
  if (typeof key === 'string' && key) store.remember(apiKey, key, answer.status, answer.body);
  return reply.code(answer.status).type(HAL).send(answer.body);
}

export function apiRoutes(app: FastifyInstance, store: MollieStore, publicUrl?: string): void {
  app.register(async (api) => {
    api.addHook('onRequest', authenticate(store));
    const base = (req: FastifyRequest) => baseUrl(req, publicUrl);
    const profileOf = (req: FastifyRequest) => req.mollieProfile!;
    const findPayment = (req: FastifyRequest, id: string) => {
      const p = store.payment(profileOf(req).id, id);
      if (!p) throw notFound(`No payment exists with token ${id}.`);
      return p;
    };

    api.post('/v2/payments', async (req, reply) => idempotent(store, req, reply, () => {
      const b = asObject(req.body);
      unknownFields(b, CREATE_FIELDS);
      const amount = amountOf(b.amount);
      if (typeof b.description !== 'string' || !b.description.trim()) throw invalid('description', 'The description is required');
      if (b.description.length > 255) throw invalid('description', 'The description is longer than 255 characters');
      const redirectUrl = url(b, 'redirectUrl', true)!;
      const cancelUrl = url(b, 'cancelUrl', false);
      const webhookUrl = url(b, 'webhookUrl', false);
      const loc = locale(b.locale);
      if (b.sequenceType !== undefined && b.sequenceType !== 'oneoff') throw invalid('sequenceType', 'Only one-off payments are supported by this sandbox');
      if (b.metadata !== undefined && JSON.stringify(b.metadata).length > 1024) throw invalid('metadata', 'The metadata is larger than 1024 bytes');
      const enabled = store.enabledMethods(profileOf(req));
      const c = cents(amount.value);
      let allowed: string[] | null = null;
      if (b.method !== undefined && b.method !== null) {
        const asked = Array.isArray(b.method) ? b.method : [b.method];
        for (const m of asked) {
          if (typeof m !== 'string' || !knownMethod(m)) throw invalid('method', `The payment method '${String(m)}' is invalid`);
          if (!enabled.some((e) => e.id === m)) throw invalid('method', `The payment method '${m}' is not enabled in your website profile`);
          if (!fits(knownMethod(m)!, c)) throw invalid('amount', `The amount is outside the limits of the payment method '${m}'`);
        }
        allowed = asked as string[];
      } else if (!enabled.some((m) => fits(m, c))) {
        throw invalid('amount', 'The amount is lower than the minimum or higher than the maximum of every enabled payment method');
      }
      const p = store.create({
        profileId: profileOf(req).id, amount, description: b.description, method: allowed?.length === 1 ? allowed[0] : null,
        allowedMethods: allowed, metadata: b.metadata ?? null, redirectUrl, cancelUrl, webhookUrl, locale: loc,
      });
      return { status: 201, body: paymentView(store, p, base(req)) };
    }));

    api.get<{ Params: { id: string } }>('/v2/payments/:id', async (req, reply) =>
      reply.type(HAL).send(paymentView(store, findPayment(req, req.params.id), base(req))));

    api.get<{ Querystring: Record<string, string> }>('/v2/payments', async (req, reply) => {
      const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 250) throw invalid('limit', 'The limit must be a number between 1 and 250');
      const page = store.list(profileOf(req).id, req.query.from, limit);
      const self = `${base(req)}/v2/payments?limit=${limit}`;
      return reply.type(HAL).send(listView('payments', page.items.map((p) => paymentView(store, p, base(req))), self,
        page.next && `${self}&from=${page.next}`, page.previous && `${self}&from=${page.previous}`));
    });

    api.delete<{ Params: { id: string } }>('/v2/payments/:id', async (req, reply) => {
      const p = findPayment(req, req.params.id);
      if (p.status !== 'open' || !p.cancelable) throw invalid('id', `The payment ${p.id} cannot be canceled (status ${p.status})`);
      store.setStatus(p, 'canceled');
      return reply.type(HAL).send(paymentView(store, p, base(req)));
    });

    api.get<{ Querystring: Record<string, string> }>('/v2/methods', async (req, reply) => {
      const q = req.query;
      const loc = locale(q.locale);
      let c: number | undefined;
      if (q['amount[value]'] !== undefined || q['amount[currency]'] !== undefined) {
        c = cents(amountOf({ value: q['amount[value]'], currency: q['amount[currency]'] }).value);
      }
      if (q.sequenceType !== undefined && q.sequenceType !== 'oneoff') throw invalid('sequenceType', 'Only one-off payments are supported by this sandbox');
      const methods = store.enabledMethods(profileOf(req)).filter((m) => c === undefined || fits(m, c));
      return reply.type(HAL).send(listView('methods', methods.map((m) => methodView(m, langOf(loc), base(req))), `${base(req)}/v2/methods`));
    });

    api.post<{ Params: { id: string } }>('/v2/payments/:id/refunds', async (req, reply) => idempotent(store, req, reply, () => {
      const p = findPayment(req, req.params.id);
      const b = asObject(req.body ?? {});
      unknownFields(b, REFUND_FIELDS);
      if (p.status !== 'paid') throw invalid('amount', `The payment ${p.id} is ${p.status} and cannot be refunded`);
      const amount = b.amount === undefined ? store.remaining(p) : amountOf(b.amount);
      if (amount.currency !== p.amount.currency) throw invalid('amount.currency', 'The refund must be in the currency of the payment');
      if (cents(amount.value) <= 0) throw invalid('amount.value', 'The amount must be more than zero');
      if (cents(amount.value) > cents(store.remaining(p).value)) {
        throw invalid('amount', `The amount requested for the refund is higher than the amount that remains (${store.remaining(p).value})`);
      }
      if (b.description !== undefined && (typeof b.description !== 'string' || b.description.length > 255)) throw invalid('description', 'The description is invalid');
      const r = store.addRefund(p, amount, (b.description as string | undefined) ?? p.description, b.metadata ?? null);
      return { status: 201, body: refundView(r, base(req)) };
    }));

    api.get<{ Params: { id: string } }>('/v2/payments/:id/refunds', async (req, reply) => {
      const p = findPayment(req, req.params.id);
      return reply.type(HAL).send(listView('refunds', store.refundsOf(p.id).map((r) => refundView(r, base(req))), `${base(req)}/v2/payments/${p.id}/refunds`));
    });

    api.get<{ Params: { id: string; refundId: string } }>('/v2/payments/:id/refunds/:refundId', async (req, reply) => {
      const p = findPayment(req, req.params.id);
      const r = store.refunds.get(req.params.refundId);
      if (!r || r.paymentId !== p.id) throw notFound(`No refund exists with token ${req.params.refundId}.`);
      return reply.type(HAL).send(refundView(store.settleRefund(r), base(req)));
    });
  });
}
