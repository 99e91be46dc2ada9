// The DIP contract as the sandbox answers it: token, performance list, the four PUTs, the read side.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkCredentials } from './auth.js';
import { dipError } from './hooks.js';
import { productionFigures, type ReadKind } from './read-side.js';
import type { SandboxState } from './server.js';
import { checkBlockedSeats, checkCapacity, checkReservations, checkTickets, type Checked, type WireContext } from './wire-validation.js';

const contentTypeIs = (req: FastifyRequest, type: string): boolean =>
  (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === type;

export function apiRoutes(app: FastifyInstance, s: SandboxState): void {
  /** The theatre behind the bearer token, or a 401 already sent. */
  async function theaterOf(req: FastifyRequest, reply: FastifyReply): Promise<number | null> {
    const check = await s.tokens.check(req.headers.authorization);
    if (check.ok) return check.theaterId;
    reply.header('www-authenticate', 'Bearer error="invalid_token"');
    dipError(reply, 401, 'invalid_token', check.description);
    return null;
  }

  app.post('/token', async (req, reply) => {
    if (!contentTypeIs(req, 'application/x-www-form-urlencoded')) {
      return dipError(reply, 400, 'invalid_request', 'send the credentials as application/x-www-form-urlencoded');
    }
    const r = checkCredentials((req.body ?? {}) as Record<string, unknown>, s.store);
    if (!r.ok) return dipError(reply, r.status, r.error, r.description);
    return reply.header('cache-control', 'no-store').send(await s.tokens.issue(r.clientId, r.theaterId));
  });

  app.get('/theaters/performances', async (req, reply) => {
    const theaterId = await theaterOf(req, reply);
    if (theaterId === null) return reply;
    return s.store.performancesOfTheater(theaterId);
  });

  /** A PUT of a batch: token, JSON, validation of the whole batch, then store all of it. */
  function put<T>(check: (body: unknown, ctx: WireContext) => Checked<T>, apply: (value: T, receivedAt: string) => void) {
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const theaterId = await theaterOf(req, reply);
      if (theaterId === null) return reply;
      if (!contentTypeIs(req, 'application/json')) return dipError(reply, 400, 'invalid_request', 'send the body as application/json');
      const r = check(req.body, { theaterId, store: s.store, requireAllTicketTypes: s.requireAllTicketTypes });
      if (!r.ok) return dipError(reply, 400, 'invalid_request', r.message);
      apply(r.value, s.clock.now().toISOString());
      return reply.code(204).send();
    };
  }

  app.put('/tickets/cumulative', put(checkTickets, (items, at) => s.store.applyTickets(items, at)));
  app.put('/reservations/cumulative', put(checkReservations, (items, at) => s.store.applyReservations(items, at)));
  // DIP has one blocked-seats path; which one is a setting of the sandbox, so a wrong setting in Foyer shows as a 404.
  app.put(s.blockedSeatsPath, put(checkBlockedSeats, (items, at) => s.store.applyBlockedSeats(items, at)));

  app.put<{ Params: { production: string; number: string } }>('/productions/:production/performances/:number/capacity', (req, reply) =>
    put((body, ctx) => checkCapacity(req.params.production, req.params.number, body, ctx),
      (v, at) => s.store.applyCapacity(v.performanceNumber, v.body, at))(req, reply));

  const readSide = (kind: ReadKind) => async (req: FastifyRequest<{ Params: { productionNumber: string } }>, reply: FastifyReply) => {
    if ((await theaterOf(req, reply)) === null) return reply;
    const out = productionFigures(s.store, req.params.productionNumber, kind);
    if (!out.ok) return dipError(reply, out.status, out.error, out.description);
    return out.rows;
  };
  app.get('/productions/:productionNumber/sales', readSide('sales'));
  app.get('/productions/:productionNumber/reservations', readSide('reservations'));
  app.get('/productions/:productionNumber/blockedseats', readSide('blockedseats'));
}
