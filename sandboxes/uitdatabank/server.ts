// The UiTdatabank sandbox: GET /events of publiq's Search API v3 (identified by x-client-id or
// clientId, answers application/ld+json), strict about its parameters; /_sandbox/* to add events,
// read the request log and reset.
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { systemClock, type Clock } from '../../src/platform/clock.js';
import { eventJsonLd, eventUri } from './jsonld.js';
import type { SandboxClient, SandboxEvent } from './model.js';
import { ParameterProblem, parseEventQuery } from './parameters.js';
import { UitdatabankStore } from './store.js';

export interface UitdatabankSandboxOptions {
  clock?: Clock;
  /** More client ids besides foyer-demo-search and foyer-demo-no-search. */
  clients?: SandboxClient[];
  logger?: FastifyBaseLogger;
}

export interface LoggedSearch { method: string; url: string; status?: number; clientId?: string }

declare module 'fastify' {
  interface FastifyInstance {
    uitdatabank: { store: UitdatabankStore; log: LoggedSearch[] };
  }
}

const LD = 'application/ld+json';
const PROBS = 'https://api.publiq.be/probs';

function problem(reply: FastifyReply, status: number, type: string, title: string, detail?: string) {
  return reply.code(status).type(LD).send({ type, title, status, ...(detail ? { detail } : {}) });
}

export function buildUitdatabankSandbox(options: UitdatabankSandboxOptions = {}): FastifyInstance {
  const clock = options.clock ?? systemClock;
  const store = new UitdatabankStore(() => clock.now(), options.clients);
  const log: LoggedSearch[] = [];
  const app = Fastify({ ...(options.logger ? { loggerInstance: options.logger } : { logger: false }), forceCloseConnections: true });
  app.decorate('uitdatabank', { store, log });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/_sandbox')) log.push({ method: req.method, url: req.url });
    if (log.length > 1000) log.shift();
  });
  app.addHook('onResponse', async (req, reply) => {
    const entry = [...log].reverse().find((l) => l.url === req.url && l.status === undefined);
    if (entry) entry.status = reply.statusCode;
  });

  app.get('/events', async (req, reply) => {
    const raw = req.query as Record<string, string | string[] | undefined>;
    const header = req.headers['x-client-id'];
    const clientId = (typeof header === 'string' ? header : undefined) ?? (typeof raw.clientId === 'string' ? raw.clientId : undefined);
    if (!clientId && !req.headers['x-api-key'] && !raw.apiKey) {
      return problem(reply, 401, `${PROBS}/auth/unauthorized`, 'Unauthorized', 'No x-api-key header or apiKey parameter found');
    }
    const client = store.clients.find((c) => c.clientId === clientId);
    if (!client) return problem(reply, 401, `${PROBS}/auth/unauthorized`, 'Unauthorized', `The provided client id ${clientId ?? ''} is invalid`);
    if (!client.searchApi) {
      return problem(reply, 403, `${PROBS}/auth/forbidden`, 'Forbidden', `The provided client id ${clientId} is not allowed to access this API.`);
    }
    const entry = [...log].reverse().find((l) => l.url === req.url);
    if (entry) entry.clientId = clientId;
    let q;
    try {
      q = parseEventQuery(raw);
    } catch (e) {
      if (e instanceof ParameterProblem) return problem(reply, e.status, e.type, e.title, e.message);
      throw e;
    }
    const found = store.search(q);
    const member = found.events.map((e) => (q.embed
      ? eventJsonLd(e, store.place(e.locationId)!, store.organizer(e.organizerId))
      : { '@id': eventUri(e.id), '@type': 'Event' }));
    return reply.type(LD).send({
      '@context': 'http://www.w3.org/ns/hydra/context.jsonld', '@type': 'PagedCollection', itemsPerPage: q.limit, totalItems: found.total, member,
    });
  });

  app.get('/_sandbox/requests', async () => ({ requests: log }));
  app.get('/_sandbox/events', async () => ({ events: store.events }));
  app.post<{ Body: Partial<SandboxEvent> & { id: string; name: SandboxEvent['name'] } }>('/_sandbox/events', async (req, reply) => {
    const b = req.body;
    const event: SandboxEvent = {
      calendarType: b.startDate ? 'single' : 'permanent', locationId: store.places[0].id, organizerId: store.organizers[0].id,
      labels: [], hiddenLabels: [], workflowStatus: 'APPROVED', created: clock.now().toISOString(), ...b,
    };
    store.events = store.events.filter((e) => e.id !== event.id).concat(event);
    return reply.code(201).send(event);
  });
  app.post('/_sandbox/reset', async () => { store.reset(); log.length = 0; return { ok: true }; });
  return app;
}
