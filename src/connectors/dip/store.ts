// SQL of the DIP connector: settings, links, the push audit. Takes a db or a transaction.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import type { CheckState, DipLink, DipLinkTable, DipPushTable, DipSettingsRow, RunOutcome } from './tables.js';

type Q = Db | Tx;

export const getSettings = (db: Q, orgId: string): Promise<DipSettingsRow | undefined> =>
  db.selectFrom('dip_settings').selectAll().where('organisation_id', '=', orgId).executeTakeFirst();

export async function saveSettings(db: Q, row: DipSettingsRow): Promise<void> {
  const { organisation_id: _org, ...rest } = row;
  await db.insertInto('dip_settings').values(row)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({
      base_url: rest.base_url, client_id: rest.client_id, client_secret: rest.client_secret, enabled: rest.enabled, cron: rest.cron,
      blocked_seats_path: rest.blocked_seats_path, push_days_after: rest.push_days_after, last_scheduled_at: rest.last_scheduled_at,
      timeout_seconds: rest.timeout_seconds, pace_ms: rest.pace_ms, check_every_hours: rest.check_every_hours, updated_at: rest.updated_at,
    }))
    .execute();
}

export const enabledSettings = (db: Q): Promise<DipSettingsRow[]> =>
  db.selectFrom('dip_settings').selectAll().where('enabled', '=', 1).orderBy('organisation_id').execute();

/** Takes the organisation's run lock for `holder` (or renews it); false while another run holds it. */
export async function takeRunLock(db: Q, orgId: string, holder: string, now: string, until: string): Promise<boolean> {
  const r = await db.updateTable('dip_settings').set({ run_lock_by: holder, run_lock_until: until })
    .where('organisation_id', '=', orgId)
    .where((eb) => eb.or([eb('run_lock_until', 'is', null), eb('run_lock_until', '<', now), eb('run_lock_by', '=', holder)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseRunLock(db: Q, orgId: string, holder: string): Promise<void> {
  await db.updateTable('dip_settings').set({ run_lock_by: null, run_lock_until: null })
    .where('organisation_id', '=', orgId).where('run_lock_by', '=', holder).execute();
}

export const getLink = (db: Q, orgId: string, performanceId: string): Promise<DipLink | undefined> =>
  db.selectFrom('dip_links').selectAll().where('organisation_id', '=', orgId).where('performance_id', '=', performanceId).executeTakeFirst();

export const findLinkByNumber = (db: Q, orgId: string, productionNumber: string, performanceNumber: number): Promise<DipLink | undefined> =>
  db.selectFrom('dip_links').selectAll().where('organisation_id', '=', orgId)
    .where('production_number', '=', productionNumber).where('performance_number', '=', performanceNumber).executeTakeFirst();

/** Links of performances that still exist. */
export const linksOf = (db: Q, orgId: string): Promise<DipLink[]> =>
  db.selectFrom('dip_links').innerJoin('performances', 'performances.id', 'dip_links.performance_id')
    .selectAll('dip_links').where('dip_links.organisation_id', '=', orgId).execute();

export const performanceExists = async (db: Q, orgId: string, id: string): Promise<boolean> =>
  !!(await db.selectFrom('performances').select('id').where('organisation_id', '=', orgId).where('id', '=', id).executeTakeFirst());

export interface LinkToPush extends DipLink {
  starts_at: string;
}

/** Links of performances that started at or after `since` (earlier ones are no longer pushed). */
export const linksToPush = (db: Q, orgId: string, since: string): Promise<LinkToPush[]> =>
  db.selectFrom('dip_links').innerJoin('performances', 'performances.id', 'dip_links.performance_id')
    .selectAll('dip_links').select('performances.starts_at')
    .where('dip_links.organisation_id', '=', orgId).where('performances.starts_at', '>=', since)
    .orderBy('performances.starts_at').orderBy('dip_links.performance_id')
    .execute();

/** Claims for run `holder` every change row of the organisation committed by now (rows an earlier, unfinished run claimed too). */
export async function claimChanges(db: Q, orgId: string, holder: string): Promise<void> {
  await db.updateTable('dip_changes').set({ claimed_by: holder }).where('organisation_id', '=', orgId).execute();
}

/**
 * The links of `linksToPush` a run without force must look at: changed since their last accepted
 * push (a change row claimed by `holder`), never accepted, refused last time, or held otherwise by DIP.
 */
export const changedLinksToPush = (db: Q, orgId: string, since: string, holder: string): Promise<LinkToPush[]> =>
  // The candidates first (this run's change rows, then the pending links through their partial index,
  // whose predicate is written out so the planner can match it), each link then looked up by its key:
  // an OR of the two inside one WHERE made SQLite walk every link of the organisation.
  db.selectFrom('dip_links').innerJoin('performances', 'performances.id', 'dip_links.performance_id')
    .selectAll('dip_links').select('performances.starts_at')
    .where('dip_links.performance_id', 'in', db.selectFrom('dip_changes').select('dip_changes.performance_id')
      .where('dip_changes.organisation_id', '=', orgId).where('dip_changes.claimed_by', '=', holder)
      .union(db.selectFrom('dip_links').select('dip_links.performance_id').where('dip_links.organisation_id', '=', orgId)
        .where(sql<boolean>`(state <> 'ok' or check_state = 'differs')`)))
    .where('dip_links.organisation_id', '=', orgId).where('performances.starts_at', '>=', since)
    .orderBy('performances.starts_at').orderBy('dip_links.performance_id')
    .execute();

/** How many links `linksToPush` would answer, without reading them. */
export async function countLinksToPush(db: Q, orgId: string, since: string): Promise<number> {
  const r = await db.selectFrom('dip_links').innerJoin('performances', 'performances.id', 'dip_links.performance_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dip_links.organisation_id', '=', orgId).where('performances.starts_at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes the change rows run `holder` claimed, except those of `keep` (looked at again next run). */
export async function clearChanges(db: Q, orgId: string, holder: string, keep: string[]): Promise<void> {
  let q = db.deleteFrom('dip_changes').where('organisation_id', '=', orgId).where('claimed_by', '=', holder);
  if (keep.length) q = q.where('performance_id', 'not in', keep);
  await q.execute();
}

export async function markFailing(db: Q, orgId: string, performanceIds: string[], error: string, at: string): Promise<void> {
  if (!performanceIds.length) return;
  await db.updateTable('dip_links').set({ state: 'failing', last_error: error.slice(0, 2000), last_error_at: at })
    .where('organisation_id', '=', orgId).where('performance_id', 'in', performanceIds).execute();
}

export interface Accepted {
  performanceId: string;
  hash: string;
  figures: string;
  capacity: number;
}

export async function markAccepted(db: Q, orgId: string, accepted: Accepted[], at: string): Promise<void> {
  for (const a of accepted) {
    await db.updateTable('dip_links')
      .set({ state: 'ok', last_hash: a.hash, last_figures: a.figures, last_capacity: a.capacity, last_accepted_at: at, last_error: null, last_error_at: null })
      .where('organisation_id', '=', orgId).where('performance_id', '=', a.performanceId).execute();
  }
}

export type NewPush = Omit<DipPushTable, 'id' | 'organisation_id'> & { performanceIds: string[] };

export async function insertPushes(db: Q, orgId: string, pushes: NewPush[]): Promise<void> {
  if (!pushes.length) return;
  const rows = pushes.map(({ performanceIds, ...p }) => ({ row: { ...p, id: newId(), organisation_id: orgId }, performanceIds }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('dip_pushes').values(rows.slice(i, i + 200).map((r) => r.row)).execute();
  }
  const links = rows.flatMap((r) => r.performanceIds.map((performance_id) => ({ push_id: r.row.id, performance_id, organisation_id: orgId })));
  for (let i = 0; i < links.length; i += 500) {
    await db.insertInto('dip_push_performances').values(links.slice(i, i + 500)).execute();
  }
}

/** A new link of `performanceId` to a DIP number, nothing pushed yet. */
export const newLinkRow = (orgId: string, performanceId: string, productionNumber: string, performanceNumber: number, at: string): DipLinkTable => ({
  performance_id: performanceId, organisation_id: orgId, production_number: productionNumber, performance_number: performanceNumber,
  state: 'new', last_hash: null, last_figures: null, last_capacity: null, last_accepted_at: null, last_error: null, last_error_at: null,
  dip_status: null, dip_status_at: null, check_state: null, check_at: null, check_detail: null, created_at: at,
});

export async function setRunOutcome(db: Q, orgId: string, at: string, outcome: RunOutcome, message: string | null): Promise<void> {
  await db.updateTable('dip_settings').set({ last_run_at: at, last_run_outcome: outcome, last_run_message: message?.slice(0, 2000) ?? null })
    .where('organisation_id', '=', orgId).execute();
}

export async function setLastCheck(db: Q, orgId: string, at: string): Promise<void> {
  await db.updateTable('dip_settings').set({ last_check_at: at }).where('organisation_id', '=', orgId).execute();
}

/** DIP's own status of linked performances, where it changed. */
export async function setDipStatuses(db: Q, orgId: string, changes: { performanceId: string; status: string }[], at: string): Promise<void> {
  for (const c of changes) {
    await db.updateTable('dip_links').set({ dip_status: c.status, dip_status_at: at })
      .where('organisation_id', '=', orgId).where('performance_id', '=', c.performanceId).execute();
  }
}

export interface CheckResult {
  performanceId: string;
  state: CheckState;
  detail: string;
}

/** One UPDATE per 300 links (a read-back compares every linked performance at once). */
export async function saveChecks(db: Q, orgId: string, checks: CheckResult[], at: string): Promise<void> {
  for (let i = 0; i < checks.length; i += 300) {
    const rows = sql.join(checks.slice(i, i + 300).map((c) => sql`(${c.performanceId}, ${c.state}, ${c.detail})`));
    await sql`with v(performance_id, state, detail) as (values ${rows})
      update dip_links set check_state = v.state, check_detail = v.detail, check_at = ${at}
      from v where dip_links.performance_id = v.performance_id and dip_links.organisation_id = ${orgId}`.execute(db);
  }
}
