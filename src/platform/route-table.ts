// Every route the app registers, as Fastify saw it (hidden ones included): tests generated from the
// route table (test/foundation/cross-organisation.test.ts) read it.
import type { FastifyInstance, FastifySchema } from 'fastify';

export interface RouteEntry {
  method: string;
  /** Fastify's form: /api/venues/:id */
  url: string;
  schema?: FastifySchema;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

/** Call before any route is added; HEAD routes Fastify derives from GET are left out. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: r.url, schema: r.schema });
    }
  });
}
