// Errors as publiq writes them: application/problem+json with full type URIs and an endUserMessage.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { messages, type EndUserMessage } from './texts.js';

export const PROBS = 'https://api.publiq.be/probs';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  endUserMessage?: EndUserMessage;
  schemaErrors?: { jsonPointer: string; error: string }[];
  [extension: string]: unknown;
}

/** Thrown by routes and rendered by the error handler. */
export class UitpasProblem extends Error {
  constructor(readonly body: ProblemBody) {
    super(body.title);
  }
}

const problem = (type: string, status: number, title: string, extra: Partial<ProblemBody> = {}): UitpasProblem =>
  new UitpasProblem({ type: `${PROBS}/${type}`, title, status, ...extra });

export const probs = {
  unauthorized: (detail: string) => problem('auth/unauthorized', 401, 'Unauthorized', { detail }),
  forbidden: (detail: string) => problem('auth/forbidden', 403, 'Forbidden', { detail }),
  bodyMissing: () => problem('body/missing', 400, 'Body missing'),
  bodyInvalidSyntax: (detail: string) => problem('body/invalid-syntax', 400, 'Invalid body syntax', { detail }),
  bodyInvalidData: (schemaErrors: { jsonPointer: string; error: string }[]) =>
    problem('body/invalid-data', 400, 'Invalid body data', { schemaErrors }),
  queryMissing: (name: string) => problem('url/query-parameter-missing', 400, 'Query parameter missing', { detail: `Query parameter ${name} is required.` }),
  queryInvalid: (detail: string) => problem('url/query-parameter-invalid', 400, 'Query parameter invalid', { detail }),
  queryLimitExceeded: (max: number) => problem('url/query-limit-exceeded', 400, 'Query limit exceeded', { detail: `limit must not exceed ${max}.` }),
  urlNotFound: (detail: string) => problem('url/not-found', 404, 'URL not found', { detail }),
  eventNotFound: (eventId: string, status = 400) =>
    problem('uitpas/event-not-found', status, `Event id ${eventId} not found`, { endUserMessage: messages.unknownEvent() }),
  passNotFound: () => problem('uitpas/pass-not-found', 404, 'Pass not found', { endUserMessage: messages.unknownPass() }),
  passholderNotFound: (uitpasNumber: string) =>
    problem('uitpas/passholder-not-found', 400, 'Passholder not found', { detail: `No passholder for UiTPAS number ${uitpasNumber}.`, endUserMessage: messages.unknownPass() }),
  unknownPassholderId: (id: string) => problem('uitpas/passholder-not-found', 404, 'Passholder not found', { detail: `No passholder with id ${id}.` }),
  invalidUitpasNumber: (uitpasNumber: string) =>
    problem('uitpas/invalid-uitpasnumber', 400, 'Invalid UiTPAS number', { detail: `"${uitpasNumber}" is not a 13-digit UiTPAS number.`, endUserMessage: messages.invalidNumber() }),
  ticketSaleNotFound: (id: string) => problem('uitpas/ticket-sale-not-found', 404, 'Ticket sale not found', { detail: `No ticket sale with id ${id}.` }),
  socialTariffExpired: () =>
    problem('uitpas/social-tariff-expired', 400, 'Social tariff expired', { endUserMessage: messages.socialTariffExpired() }),
  socialTariffSuspended: () =>
    problem('uitpas/social-tariff-suspended', 400, 'Social tariff suspended', { endUserMessage: messages.socialTariffSuspended() }),
  rateLimited: () => problem('uitpas/rate-limited', 429, 'Too many requests'),
  problem,
};

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

interface AjvError { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string }

/** Fastify's schema errors become url/query-parameter-* or body/invalid-data problems. */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | UitpasProblem, req, reply) => {
    if (error instanceof UitpasProblem) return sendProblem(reply, error.body);
    const fe = error as FastifyError & { validationContext?: string };
    if (fe.validation) {
      const errors = fe.validation as AjvError[];
      if (fe.validationContext === 'body') {
        return sendProblem(reply, probs.bodyInvalidData(errors.map((e) => ({
          jsonPointer: e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath || '/',
          error: e.message ?? 'is invalid',
        }))).body);
      }
      const missing = errors.find((e) => e.keyword === 'required');
      if (missing) return sendProblem(reply, probs.queryMissing(String(missing.params.missingProperty)).body);
      const first = errors[0];
      return sendProblem(reply, probs.queryInvalid(`${fe.validationContext ?? 'parameter'} ${first.instancePath.replace(/^\//, '')} ${first.message ?? 'is invalid'}`.trim()).body);
    }
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, { type: 'about:blank', title: fe.code ?? 'Bad request', status, detail: fe.message });
    }
    req.log.error({ err: error }, 'sandbox bug');
    return sendProblem(reply, { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: fe.message });
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, probs.urlNotFound(`${req.method} ${req.url.split('?')[0]} does not exist in the UiTPAS sandbox.`).body));
}
