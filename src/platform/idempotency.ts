// Idempotency-Key: the same key from the same caller answers the stored result of the first
// request; a duplicate that arrives while the first is still running gets 409.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from './context.js';
import { Problem, renderProblem } from './problems.js';
import { pickLang } from './i18n.js';

const KEY_RE = /^[A-Za-z0-9_.:-]{1,200}$/;

export async function idempotent(
  deps: Deps, req: FastifyRequest, reply: FastifyReply, status: number, run: () => Promise<unknown>,
): Promise<FastifyReply> {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return reply.code(status).send(await run());
  if (typeof key !== 'string' || !KEY_RE.test(key)) {
    throw new Problem('validation-failed', {}, [{ field: 'Idempotency-Key', message: 'pattern' }]);
  }
  const actor = req.actor!;
  const request = `${req.method} ${req.url.split('?')[0]} ${crypto.createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex')}`;
  const now = deps.clock.now().toISOString();
  const inserted = await deps.db.insertInto('idempotency_keys').values({
    organisation_id: actor.orgId, actor_id: actor.id, key, request, status: 'running', response_status: null, response_body: null, created_at: now,
  }).onConflict((oc) => oc.columns(['organisation_id', 'actor_id', 'key']).doNothing()).executeTakeFirst();
  const where = (db: Deps['db']) => db.updateTable('idempotency_keys')
    .where('organisation_id', '=', actor.orgId).where('actor_id', '=', actor.id).where('key', '=', key);

  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const prior = await deps.db.selectFrom('idempotency_keys').selectAll()
      .where('organisation_id', '=', actor.orgId).where('actor_id', '=', actor.id).where('key', '=', key).executeTakeFirstOrThrow();
    if (prior.request !== request) throw new Problem('idempotency-key-reused');
    if (prior.status === 'running') throw new Problem('idempotency-in-progress');
    const type = prior.response_status! >= 400 ? 'application/problem+json' : 'application/json';
    return reply.code(prior.response_status!).type(type).header('idempotent-replay', 'true').send(JSON.parse(prior.response_body!));
  }
  try {
    const body = await run();
    await where(deps.db).set({ status: 'done', response_status: status, response_body: JSON.stringify(body) }).execute();
    return reply.code(status).send(body);
  } catch (e) {
    if (e instanceof Problem) {
      // An expected refusal is the answer to this key too; a retry gets the same refusal.
      const doc = renderProblem(e, pickLang(req.headers['accept-language']), req.url);
      await where(deps.db).set({ status: 'done', response_status: doc.status, response_body: JSON.stringify(doc) }).execute();
    } else {
      // A crash or bug: forget the key so the client can retry.
      await deps.db.deleteFrom('idempotency_keys').where('organisation_id', '=', actor.orgId).where('actor_id', '=', actor.id)
        .where('key', '=', key).execute();
    }
    throw e;
  }
}
