// Writing and reading the audit trail. Record in the same transaction as the change, so a change
// that rolls back leaves no trace and a change that lands always has one.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { randomToken } from '../platform/ids.js';
import { auditRefs, type AuditRef } from './names.js';
import { diff, withoutSecrets, type AuditSubject, type Changes } from './rules.js';

// Ids that sort in the order this process wrote them, so changes made within one millisecond (or
// under a test's fixed clock) list newest first too; the random tail keeps processes apart.
let last = 0;
let seq = 0;
function orderedId(): string {
  const ms = Math.max(Date.now(), last);
  seq = ms === last ? seq + 1 : 0;
  last = ms;
  return `${ms.toString(16).padStart(12, '0')}${seq.toString(16).padStart(6, '0')}-${randomToken(9)}`;
}

export interface AuditEntry {
  subject: AuditSubject;
  subjectId: string;
  action: string;
  label: string;
  /** Either the changes themselves, or before/after rows to diff. */
  changes?: Changes;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown>;
}

async function actorName(db: Db, ctx: Ctx): Promise<string> {
  const a = ctx.actor;
  if (a.label) return a.label;
  if (a.kind === 'user') {
    const u = await db.selectFrom('users').select('name').where('id', '=', a.id).executeTakeFirst();
    return u?.name ?? a.id;
  }
  if (a.kind === 'client') {
    const c = await db.selectFrom('api_clients').select('name').where('id', '=', a.id).executeTakeFirst();
    return c?.name ?? a.id;
  }
  return a.id;
}

/** Records one change. `db` is the transaction the change is made in. Nothing is written when nothing changed. */
export async function audit(db: Db, ctx: Ctx, e: AuditEntry): Promise<void> {
  const changes = withoutSecrets(e.changes ?? (e.after ? diff(e.before, e.after) : {}));
  if (e.action === 'changed' && Object.keys(changes).length === 0) return;
  await db.insertInto('audit_events').values({
    id: orderedId(), organisation_id: ctx.orgId, at: ctx.clock.now().toISOString(),
    actor_kind: ctx.actor.kind, actor_id: ctx.actor.id, actor_name: await actorName(db, ctx),
    subject: e.subject, subject_id: e.subjectId, action: e.action, label: e.label.slice(0, 200),
    changes: JSON.stringify(changes),
  }).execute();
}

export interface AuditQuery { subject?: string; subjectId?: string; actorId?: string; from?: string; to?: string; limit: number; before?: string }

export interface AuditEventView {
  id: string; at: string; actor: { kind: string; id: string; name: string };
  subject: string; subjectId: string; action: string; label: string; changes: Changes;
}

/**
 * Newest first; `before` is the `at|id` cursor of the last row of the previous page. `refs` names the
 * things the page's entries mention by id (names.ts), so the screen shows names, not ids.
 */
export async function listAudit(ctx: Ctx, q: AuditQuery): Promise<{ items: AuditEventView[]; next: string | null; refs: Record<string, AuditRef> }> {
  let query = ctx.db.selectFrom('audit_events').selectAll().where('organisation_id', '=', ctx.orgId);
  if (q.subject) query = query.where('subject', '=', q.subject);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<=', `${q.to}T23:59:59.999Z`);
  if (q.before) {
    const [at, id] = q.before.split('|');
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id ?? '')])]));
  }
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const items = page.map((r) => ({
    id: r.id, at: r.at, actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
    subject: r.subject, subjectId: r.subject_id, action: r.action, label: r.label, changes: JSON.parse(r.changes) as Changes,
  }));
  return {
    items,
    next: rows.length > q.limit && last ? `${last.at}|${last.id}` : null,
    refs: await auditRefs(ctx.db, ctx.orgId, items.map((i) => ({ subject: i.subject, subject_id: i.subjectId, changes: i.changes }))),
  };
}
