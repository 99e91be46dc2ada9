// UiTPAS check-ins at the door: when a performance has them on, admitting a ticket sold with a UiTPAS
// number queues a check-in (a point for the passholder) in the admission's own transaction. The job
// asks GET /checkin-status first and only then POST /checkins, so a retry after a lost answer finds
// the check-in already made and never makes a second one.
import type { Deps } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { enqueue, PermanentJobError, type ClaimedJob } from '../../platform/jobs.js';
import { UitpasAuthFailed, UitpasUnavailable } from './client.js';
import { connection } from './settings.js';
import type { CheckinStatus } from './tables.js';
import type { WireCheckin, WireCheckinStatus, WireEndUserMessage, WireProblem } from './wire.js';

export const CHECKIN_JOB = 'uitpas.checkin';

/** What the door's ticket lookup knows of a ticket's UiTPAS side (columns of ticketAtDoor). */
export interface DoorUitpas {
  id: string;
  organisation_id?: string;
  performance_id: string;
  uitpas_number: string | null;
  uitpas_checkins: number | null;
  uitdatabank_event_id: string | null;
}

/** Stored in uitpas_checkins.message: UiTPAS's own words for the passholder, or why Foyer gave up. */
export type CheckinMessage = { endUserMessage: WireEndUserMessage } | { problem: string } | { gaveUp: string };

/**
 * The work to do in the admission's transaction, or undefined when the ticket is no UiTPAS check-in
 * (check-ins off for the performance, a ticket without a UiTPAS sale, no UiTdatabank event).
 */
export function uitpasCheckinOnAdmission(orgId: string, t: DoorUitpas, now: Date): ((tx: Tx) => Promise<void>) | undefined {
  if (t.uitpas_checkins !== 1 || !t.uitpas_number || !t.uitdatabank_event_id) return undefined;
  const uitpasNumber = t.uitpas_number;
  const eventId = t.uitdatabank_event_id;
  return async (tx) => {
    const id = newId();
    const at = now.toISOString();
    // One check-in per ticket: a re-entry or a second upload of the same admission queues nothing.
    const r = await tx.insertInto('uitpas_checkins').values({
      id, organisation_id: orgId, ticket_id: t.id, performance_id: t.performance_id, event_id: eventId, uitpas_number: uitpasNumber,
      status: 'queued', points: null, checkin_id: null, message: null, created_at: at, updated_at: at,
    }).onConflict((oc) => oc.column('ticket_id').doNothing()).executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return;
    await enqueue(tx, { kind: CHECKIN_JOB, payload: { checkinId: id }, organisationId: orgId, dedupeKey: `${CHECKIN_JOB}:${id}` }, now);
  };
}

async function settle(db: Db, id: string, status: CheckinStatus, now: Date, extra: { points?: number | null; checkinId?: string | null; message?: CheckinMessage }) {
  await db.updateTable('uitpas_checkins').set({
    status, points: extra.points ?? null, checkin_id: extra.checkinId ?? null,
    message: extra.message ? JSON.stringify(extra.message) : null, updated_at: now.toISOString(),
  }).where('id', '=', id).where('status', '=', 'queued').execute();
}

const refusalOf = (p: WireProblem): CheckinMessage =>
  p.endUserMessage ? { endUserMessage: p.endUserMessage } : { problem: [p.type, p.detail ?? p.title].filter(Boolean).join(': ') };

/**
 * One try of a queued check-in. UiTPAS unreachable, a 5xx, 429 or no answer: throws, so the queue
 * tries again with its back-off (and on the last try the check-in is marked failed). A refusal
 * (already checked in, outside the event's check-in window, another region, a blocked card) is final.
 */
export async function runCheckin(deps: Deps, job: ClaimedJob<{ checkinId: string }>): Promise<void> {
  const row = await deps.db.selectFrom('uitpas_checkins').selectAll().where('id', '=', job.payload.checkinId).executeTakeFirst();
  if (!row || row.status !== 'queued') return;
  try {
    const conn = await connection(deps.db, row.organisation_id, deps.clock.now());
    const query = { uitpasNumber: row.uitpas_number, eventId: row.event_id };
    const status = await conn.client.call<WireCheckinStatus>('GET', '/checkin-status', { query });
    if (!status.ok) return settle(deps.db, row.id, 'refused', deps.clock.now(), { message: refusalOf(status.problem) });
    if (!status.body.allowed) {
      const message: CheckinMessage = status.body.endUserMessage ? { endUserMessage: status.body.endUserMessage } : { problem: 'not allowed' };
      return settle(deps.db, row.id, 'refused', deps.clock.now(), { message });
    }
    const made = await conn.client.call<WireCheckin>('POST', '/checkins', { body: query });
    if (!made.ok) return settle(deps.db, row.id, 'refused', deps.clock.now(), { message: refusalOf(made.problem) });
    return settle(deps.db, row.id, 'checked-in', deps.clock.now(), { points: made.body.points ?? null, checkinId: made.body.id ?? null });
  } catch (err) {
    const transient = err instanceof UitpasUnavailable || err instanceof UitpasAuthFailed;
    if (!transient || job.attempt >= job.maxAttempts) {
      await settle(deps.db, row.id, 'failed', deps.clock.now(), { message: { gaveUp: (err as Error).message } });
    }
    // Not UiTPAS being away (no settings, a bug): trying again cannot help.
    if (!transient) throw new PermanentJobError((err as Error).message);
    throw err;
  }
}
