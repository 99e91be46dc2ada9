// Cross-cutting behaviour of the DIP API routes: the request log, injected faults, and DIP's
// error body `{error, error_description}` for every failure, Fastify's own included.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../src/platform/clock.js';
import type { TokenIssuer } from './auth.js';
import type { FaultBoard } from './faults.js';
import type { LoggedRequest, RequestLog } from './request-log.js';
import type { DipErrorBody } from './types.js';

const logged = new WeakMap<FastifyRequest, LoggedRequest>();

export function dipError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  const entry = logged.get(reply.request);
  if (entry) entry.error = description;
  const body: DipErrorBody = { error, error_description: description };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export const pathOf = (req: FastifyRequest): string => req.url.split('?')[0];
export const isSandboxPath = (path: string): boolean => path === '/_sandbox' || path.startsWith('/_sandbox/');

type HoldOutcome = 'elapsed' | 'client-gone' | 'closing';

/** Keep the request open for `ms`, or until the client disconnects or the sandbox closes. */
function hold(reply: FastifyReply, ms: number, closing: AbortSignal): Promise<HoldOutcome> {
  return new Promise((resolve) => {
    if (reply.raw.destroyed) return resolve('client-gone');
    if (closing.aborted) return resolve('closing');
    const done = (outcome: HoldOutcome) => {
      clearTimeout(timer);
      reply.raw.off('close', onClose);
      closing.removeEventListener('abort', onClosing);
      resolve(outcome);
    };
    const onClose = () => done('client-gone');
    const onClosing = () => done('closing');
    const timer = setTimeout(() => done('elapsed'), ms);
    reply.raw.once('close', onClose);
    closing.addEventListener('abort', onClosing);
  });
}

export interface HookDeps {
  clock: Clock;
  log: RequestLog;
  faults: FaultBoard;
  tokens: TokenIssuer;
  timeoutHoldMs: number;
}

export function installHooks(app: FastifyInstance, deps: HookDeps): void {
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());

  app.addHook('onRequest', async (req, reply) => {
    const path = pathOf(req);
    if (isSandboxPath(path)) return;
    const entry = deps.log.start(deps.clock.now().toISOString(), req.method, path, Number(req.headers['content-length'] ?? 0) || 0);
    logged.set(req, entry);
    reply.raw.once('close', () => {
      entry.aborted = !reply.raw.writableFinished;
      entry.status = entry.aborted ? null : reply.raw.statusCode;
    });

    const clientId = async () => {
      const check = await deps.tokens.check(req.headers.authorization);
      return check.ok ? check.clientId : null;
    };
    const { delayMs, failure } = await deps.faults.take({ path, method: req.method, clientId });
    if (delayMs > 0) {
      entry.fault = 'delay';
      const outcome = await hold(reply, delayMs, closing.signal);
      if (outcome === 'client-gone') return abandon(reply);
    }
    if (failure?.kind === 'status' && failure.status) {
      entry.fault = 'status';
      if (failure.retryAfter !== undefined) reply.header('retry-after', String(failure.retryAfter));
      return dipError(reply, failure.status, failure.error ?? 'sandbox_fault', failure.description ?? `injected fault ${failure.id}: status ${failure.status}`);
    }
    if (failure?.kind === 'timeout') {
      entry.fault = 'timeout';
      const outcome = await hold(reply, deps.timeoutHoldMs, closing.signal);
      if (outcome === 'client-gone') return abandon(reply);
      return dipError(reply, outcome === 'closing' ? 503 : 504, 'sandbox_timeout', `injected fault ${failure.id}: no answer for ${deps.timeoutHoldMs} ms`);
    }
  });

  app.setErrorHandler<FastifyError>((err, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) reply.log.error(err);
    const error = status === 415 ? 'unsupported_media_type' : status === 413 ? 'request_too_large' : status < 500 ? 'invalid_request' : 'server_error';
    return dipError(reply, status, error, status < 500 ? err.message : 'internal error in the DIP sandbox');
  });

  app.setNotFoundHandler((req, reply) => dipError(reply, 404, 'not_found', `no route ${req.method} ${pathOf(req)}`));
}

/** The client gave up: drop the socket without an answer. */
function abandon(reply: FastifyReply): FastifyReply {
  reply.hijack();
  reply.raw.destroy();
  return reply;
}
