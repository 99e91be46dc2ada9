// The push audit: every call that carried figures, what it sent, what DIP answered.
import type { Ctx } from '../../platform/context.js';

export interface PushQuery {
  performanceId?: string;
  limit: number;
}

const parsed = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export async function listPushes(ctx: Ctx, q: PushQuery) {
  let query = ctx.db.selectFrom('dip_pushes').selectAll('dip_pushes').where('dip_pushes.organisation_id', '=', ctx.orgId);
  if (q.performanceId) {
    const id = q.performanceId;
    query = query.where((eb) => eb.exists(eb.selectFrom('dip_push_performances').select('push_id')
      .whereRef('dip_push_performances.push_id', '=', 'dip_pushes.id').where('dip_push_performances.performance_id', '=', id)));
  }
  const rows = await query.orderBy('dip_pushes.sent_at', 'desc').orderBy('dip_pushes.id').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id, jobId: r.job_id, kind: r.kind, method: r.method, path: r.path, sentAt: r.sent_at, durationMs: r.duration_ms,
    status: r.outcome, httpStatus: r.http_status, performances: r.performances,
    sent: parsed(r.request_body), answer: parsed(r.response_body),
  }));
}
