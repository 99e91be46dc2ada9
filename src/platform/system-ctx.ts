import type { FastifyBaseLogger } from 'fastify';
import type { Ctx, Deps } from './context.js';
import type { Lang } from './i18n.js';

/** A context for work no request started (CLI, seeding, jobs): acts as the organisation's admin. */
export function systemCtx(deps: Deps, orgId: string, log: FastifyBaseLogger, lang: Lang = 'nl'): Ctx {
  return {
    db: deps.db,
    dialect: deps.dialect,
    orgId,
    actor: { kind: 'user', id: 'system', orgId, role: 'admin' },
    clock: deps.clock,
    log,
    lang,
  };
}
