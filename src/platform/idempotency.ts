// Idempotency-Key: the same key from the same caller answers the stored result of the first
// request; a duplicate that arrives while the first is still running gets 409 with Retry-After.
// A running key holds a lease: should its process die (kill -9) the key would otherwise stay
// running; once the lease is over one retry takes the key over and runs the request again, which
// is safe because the work itself decides (a basket already checked out answers basket-closed).
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from './context.js';
import { Problem, renderProblem } from './problems.js';
import { pickLang } from './i18n.js';

const KEY_RE = /^[A-Za-z0-9_.:-]{1,200}$/;
/** How long a running request owns its key (a checkout takes well under a second). */
export const LEASE_MS = 30_000;

interface KeyOf { orgId: string; actorId: string; key: string }

const keyRow = (db: Deps['db'], k: KeyOf) => db.updateTable('idempotency_keys')
  .where('organisation_id', '=', k.orgId).where('actor_id', '=', k.actorId).where('key', '=', k.key);

/**
 * `settled`, for a request whose lease ran out: the answer when the work turns out done already
 * (the basket this checkout closed answers its order), else undefined and the request runs again.
 */
export async function idempotent(
  deps: Deps, req: FastifyRequest, reply: FastifyReply, status: number, run: () => Promise<unknown>,
  settled?: () => Promise<unknown>,
): Promise<FastifyReply> {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return reply.code(status).send(await run());
  if (typeof key !== 'string' || !KEY_RE.test(key)) {
    throw new Problem('validation-failed', {}, [{ field: 'Idempotency-Key', message: 'pattern' }]);
  }
  const actor = req.actor!;
  const k: KeyOf = { orgId: actor.orgId, actorId: actor.id, key };
  const request = `${req.method} ${req.url.split('?')[0]} ${crypto.createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex')}`;
  const at = deps.clock.now();
  const now = at.toISOString();
  const leaseUntil = new Date(at.getTime() + LEASE_MS).toISOString();
  const inserted = await deps.db.insertInto('idempotency_keys').values({
    organisation_id: actor.orgId, actor_id: actor.id, key, request, status: 'running', response_status: null, response_body: null, created_at: now,
    lease_until: leaseUntil,
  }).onConflict((oc) => oc.columns(['organisation_id', 'actor_id', 'key']).doNothing()).executeTakeFirst();

  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const prior = await deps.db.selectFrom('idempotency_keys').selectAll()
      .where('organisation_id', '=', actor.orgId).where('actor_id', '=', actor.id).where('key', '=', key).executeTakeFirstOrThrow();
    if (prior.request !== request) throw new Problem('idempotency-key-reused');
    if (prior.status === 'running') {
      if (prior.lease_until !== null && prior.lease_until > now) throw inProgress(prior.lease_until, at);
      // The lease is over: one conditional update decides which retry takes the key over.
      const taken = await keyRow(deps.db, k).set({ lease_until: leaseUntil }).where('status', '=', 'running')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)])).executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 0) throw inProgress(leaseUntil, at);
      const done = settled ? await settled() : undefined;
      if (done !== undefined) return answer(deps, k, reply, status, done);
    } else {
      const type = prior.response_status! >= 400 ? 'application/problem+json' : 'application/json';
      return reply.code(prior.response_status!).type(type).header('idempotent-replay', 'true').send(JSON.parse(prior.response_body!));
    }
  }
  try {
    return await answer(deps, k, reply, status, await run());
  } catch (e) {
    if (e instanceof Problem) {
      // An expected refusal is the answer to this key too; a retry gets the same refusal.
      const doc = renderProblem(e, pickLang(req.headers['accept-language']), req.url);
      await keyRow(deps.db, k).set({ status: 'done', response_status: doc.status, response_body: JSON.stringify(doc), lease_until: null }).execute();
    } else {
      // A crash or bug: forget the key so the client can retry.
      await deps.db.deleteFrom('idempotency_keys').where('organisation_id', '=', actor.orgId).where('actor_id', '=', actor.id)
        .where('key', '=', key).execute();
    }
    throw e;
  }
}

async function answer(deps: Deps, k: KeyOf, reply: FastifyReply, status: number, body: unknown): Promise<FastifyReply> {
  await keyRow(deps.db, k).set({ status: 'done', response_status: status, response_body: JSON.stringify(body), lease_until: null }).execute();
  return reply.code(status).send(body);
}

/** 409 with Retry-After: the seconds until the running request's lease is over. */
function inProgress(leaseUntil: string, at: Date): Problem {
  return new Problem('idempotency-in-progress', { seconds: Math.max(1, Math.ceil((Date.parse(leaseUntil) - at.getTime()) / 1000)) });
}
