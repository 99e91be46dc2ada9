// POST /checkins and GET /checkin-status: a passholder saves a point at an event (CHECKINS_WRITE).
// One check-in per pass per event per day, only while the event's check-in window is open, never
// for a group pass.
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../src/platform/clock.js';
import { clientOf, requireEventPermission } from './auth.js';
import type { Pass, UitpasEvent } from './model.js';
import { passForSale } from './passes.js';
import { probs } from './problems.js';
import { periodKey } from './rules.js';
import type { SandboxStore } from './store.js';
import { messages, type EndUserMessage } from './texts.js';

const CheckinBody = {
  type: 'object',
  required: ['eventId', 'uitpasNumber'],
  properties: { eventId: { type: 'string', minLength: 1 }, uitpasNumber: { type: 'string', minLength: 1 } },
} as const;
const StatusQuery = {
  type: 'object',
  required: ['uitpasNumber', 'eventId'],
  properties: { uitpasNumber: { type: 'string', minLength: 1 }, eventId: { type: 'string', minLength: 1 } },
} as const;

export function checkinRoutes(app: FastifyInstance, store: SandboxStore, clock: Clock): void {
  /** Why this pass may not check in at this event now; null: it may. */
  function refusal(pass: Pass, event: UitpasEvent): EndUserMessage | null {
    const now = clock.now();
    if (pass.passType === 'GROUP') return messages.checkinGroup();
    const w = event.checkinWindow;
    if (w && now.getTime() < Date.parse(w.from)) return messages.checkinTooEarly();
    if (w && now.getTime() >= Date.parse(w.to)) return messages.checkinTooLate();
    const today = periodKey(now, 'DAY');
    const done = store.allCheckins().some((c) => c.eventId === event.id && c.uitpasNumber === pass.uitpasNumber && periodKey(c.createdAt, 'DAY') === today);
    return done ? messages.checkinDone() : null;
  }
  const regionCheck = (pass: Pass, event: UitpasEvent) => {
    if (!event.cardSystemIds.includes(pass.cardSystemId)) {
      throw probs.problem('uitpas/passholder-no-active-cardsystems', 400, 'Passholder has no active card system for this event', {
        endUserMessage: messages.otherRegion(store.cardSystem(pass.cardSystemId)?.name ?? `kaartsysteem ${pass.cardSystemId}`),
      });
    }
  };

  app.post<{ Body: { eventId: string; uitpasNumber: string } }>('/checkins', { schema: { body: CheckinBody } }, async (req, reply) => {
    const client = clientOf(req);
    const event = store.event(req.body.eventId);
    if (!event) throw probs.eventNotFound(req.body.eventId);
    requireEventPermission(client, event, 'CHECKINS_WRITE');
    const pass = passForSale(store, req.body.uitpasNumber);
    regionCheck(pass, event);
    const why = refusal(pass, event);
    if (why) throw probs.problem('uitpas/checkin-not-allowed', 400, 'Check-in not allowed', { endUserMessage: why });
    const checkin = { id: store.newId(), createdAt: clock.now(), eventId: event.id, uitpasNumber: pass.uitpasNumber, points: 1, clientId: client.clientId };
    store.addCheckin(checkin);
    pass.points += checkin.points;
    return reply.code(201).send({
      id: checkin.id, creationDate: checkin.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), eventId: event.id,
      eventTitle: event.name, uitpasNumber: pass.uitpasNumber, points: checkin.points,
    });
  });

  app.get<{ Querystring: { uitpasNumber: string; eventId: string } }>('/checkin-status', { schema: { querystring: StatusQuery } }, async (req) => {
    const event = store.event(req.query.eventId);
    if (!event) throw probs.eventNotFound(req.query.eventId, 404);
    requireEventPermission(clientOf(req), event, 'CHECKINS_WRITE');
    const pass = store.pass(req.query.uitpasNumber);
    if (!pass || !pass.holder) throw probs.problem('uitpas/passholder-not-found', 404, 'Passholder not found', { endUserMessage: messages.unknownPass() });
    const why = !event.cardSystemIds.includes(pass.cardSystemId)
      ? messages.otherRegion(store.cardSystem(pass.cardSystemId)?.name ?? '')
      : refusal(pass, event);
    return why ? { allowed: false, endUserMessage: why } : { allowed: true };
  });
}
