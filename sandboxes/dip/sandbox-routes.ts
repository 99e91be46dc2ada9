// /_sandbox/*: controls for tests and rehearsals. Not part of DIP; no token needed.
import type { FastifyInstance } from 'fastify';
import { dipError } from './hooks.js';
import { performanceView } from './read-side.js';
import type { SandboxState } from './server.js';

export function sandboxRoutes(app: FastifyInstance, s: SandboxState): void {
  app.post('/_sandbox/faults', async (req, reply) => {
    const r = s.faults.add(req.body);
    if (!r.ok) return dipError(reply, 400, 'invalid_request', r.message);
    return reply.code(201).send(r.value);
  });
  app.get('/_sandbox/faults', async () => s.faults.list());
  app.delete('/_sandbox/faults', async (_req, reply) => {
    s.faults.clear();
    return reply.code(204).send();
  });

  app.post('/_sandbox/expire-tokens', async (_req, reply) => {
    s.tokens.expireAll();
    return reply.code(204).send();
  });

  app.post('/_sandbox/reset', async (_req, reply) => {
    s.store.resetFigures();
    s.faults.clear();
    s.log.clear();
    return reply.code(204).send();
  });

  app.get<{ Querystring: Record<string, unknown> }>('/_sandbox/requests', async (req) => {
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return s.log.list({ path: text(req.query.path), method: text(req.query.method) });
  });

  // A producer cancels a performance (or agrees it again): DIP's list then says so.
  app.post<{ Params: { number: string }; Body: unknown }>('/_sandbox/performances/:number/status', async (req, reply) => {
    const status = (req.body as { status?: unknown } | undefined)?.status;
    if (status !== 'agreed' && status !== 'cancellation') return dipError(reply, 400, 'invalid_request', 'status must be agreed or cancellation');
    if (!/^\d{1,15}$/.test(req.params.number) || !s.store.setStatus(Number(req.params.number), status)) {
      return dipError(reply, 404, 'not_found', `no performance ${req.params.number}`);
    }
    return reply.code(204).send();
  });

  app.get<{ Params: { number: string } }>('/_sandbox/performances/:number', async (req, reply) => {
    const view = /^\d{1,15}$/.test(req.params.number) ? performanceView(s.store, Number(req.params.number)) : null;
    if (!view) return dipError(reply, 404, 'not_found', `no performance ${req.params.number}`);
    return view;
  });
}
