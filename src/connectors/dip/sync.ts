// One sync run for one organisation: find the linked performances whose figures changed since DIP
// last accepted them, that DIP refused last time, or that DIP was found to hold otherwise (or all,
// when forced); leave out the ones DIP says are cancelled; push them in batches, and record every
// call. A 400 that names a performance marks it failing and the rest of its batch is sent again
// without it; a 400 that names none (a permission, "no data") stops the run and blames no link;
// DIP being down (5xx, network) ends the run with an error so the job queue retries it with
// back-off, and the batches accepted before that are not sent again (their hashes were stored).
import type { FastifyBaseLogger } from 'fastify';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { DipClient, DipRefused, DipRunStopped, DipUnavailable, failureOf, type DipAnswer } from './client.js';
import { dipFiguresOf, figuresHash, type DipFigures } from './figures.js';
import { compare, performanceStatuses, readProduction, refusedDetail } from './read-back.js';
import {
  changedLinksToPush, claimChanges, clearChanges, countLinksToPush, getSettings, insertPushes, linksToPush, markAccepted, markFailing, releaseRunLock, saveChecks, setDipStatuses, setLastCheck,
  setRunOutcome, takeRunLock, type CheckResult, type LinkToPush, type NewPush,
} from './store.js';
import { openDipSecret } from './settings.js';
import type { DipPushTable, DipSettingsRow } from './tables.js';
import {
  batchBody, batchPath, capacityCall, errorMessage, isCancelledStatus, rejectedEntry, updatedStamp, type BatchKind,
} from './wire.js';

export interface SyncOptions {
  /** Push every performance in the window, changed or not (not those already pushed since `forcedAt`). */
  force?: boolean;
  forcedAt?: string;
  /** Read back what DIP holds now, however recent the last read-back. */
  check?: boolean;
  jobId?: string | null;
  log?: FastifyBaseLogger;
  /** Performances per PUT body. */
  batchSize?: number;
  /** Capacity calls (one per performance) in flight at once; they still start at the settings' pace. */
  capacityConcurrency?: number;
}

export interface SyncReport {
  skipped: string | null;
  /** Linked performances within the push window. */
  considered: number;
  /** Of those, the ones this run pushed. */
  pushed: number;
  accepted: number;
  rejected: number;
  /** Linked performances DIP says are cancelled: not pushed. */
  cancelled: number;
  /** Read back: performances compared, found differing (and pushed again), and refused reads. */
  checked: number;
  differed: number;
  refused: number;
  requests: number;
  bytes: number;
  durationMs: number;
  /** Of durationMs, the time spent reading links and computing figures (finding what changed). */
  figuresMs: number;
  /**
   * Performances whose figures this run computed: every one considered when forced or reading back;
   * otherwise only those with a change since their last accepted push (dip_changes), never accepted,
   * refused last time, or held otherwise by DIP.
   */
  computed: number;
}

/** Another run of the same organisation is busy: try again later. */
export class DipRunBusy extends Error {
  override name = 'DipRunBusy';
}

interface Entry {
  link: LinkToPush;
  figures: DipFigures;
  hash: string;
  figuresChanged: boolean;
  capacityChanged: boolean;
}

const RUN_LEASE_MS = 10 * 60_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const emptyReport = (skipped: string | null): SyncReport => ({
  skipped, considered: 0, pushed: 0, accepted: 0, rejected: 0, cancelled: 0, checked: 0, differed: 0, refused: 0,
  requests: 0, bytes: 0, durationMs: 0, figuresMs: 0, computed: 0,
});

export async function runDipSync(deps: Deps, orgId: string, opts: SyncOptions = {}): Promise<SyncReport> {
  const started = performance.now();
  const settings = await getSettings(deps.db, orgId);
  if (!settings || settings.enabled !== 1) return emptyReport('DIP is off for this organisation');
  if (!settings.client_id || !settings.client_secret) return emptyReport('DIP credentials are not set');
  const holder = opts.jobId ?? `run:${newId()}`;
  const lease = () => {
    const now = deps.clock.now();
    return takeRunLock(deps.db, orgId, holder, iso(now), iso(new Date(now.getTime() + RUN_LEASE_MS)));
  };
  if (!(await lease())) throw new DipRunBusy('another DIP run of this organisation is in progress');
  try {
    const secret = await openDipSecret(deps.db, settings.client_secret, deps.clock.now());
    const run = new SyncRun(deps, settings, secret, opts, lease, holder);
    const report = await run.execute();
    report.requests = run.calls;
    report.durationMs = Math.round(performance.now() - started);
    await setRunOutcome(deps.db, orgId, iso(deps.clock.now()), 'done', null);
    opts.log?.info({ dip: report }, 'DIP sync run finished');
    return report;
  } catch (err) {
    if (err instanceof DipRunStopped) await setRunOutcome(deps.db, orgId, iso(deps.clock.now()), 'stopped', err.dipMessage);
    else if (err instanceof DipRefused) await setRunOutcome(deps.db, orgId, iso(deps.clock.now()), 'stopped', err.message);
    else if (err instanceof DipUnavailable) await setRunOutcome(deps.db, orgId, iso(deps.clock.now()), 'failed', err.message);
    throw err;
  } finally {
    await releaseRunLock(deps.db, orgId, holder);
  }
}

class SyncRun {
  private readonly client: DipClient;
  private readonly report = emptyReport(null);
  private readonly now: Date;
  private readonly updated: string;
  /** Audit rows of the batch in progress (written with its outcome, in one transaction). */
  private pushes: NewPush[] = [];
  private failed = new Map<string, string>();

  constructor(
    private readonly deps: Deps,
    private readonly settings: DipSettingsRow,
    clientSecret: string,
    private readonly opts: SyncOptions,
    private readonly renewLease: () => Promise<boolean>,
    /** This run's name on the run lock and on the change rows it claims. */
    private readonly holder: string,
  ) {
    this.client = new DipClient({ baseUrl: settings.base_url, clientId: settings.client_id, clientSecret }, deps.clock, {
      timeoutMs: settings.timeout_seconds * 1000, paceMs: settings.pace_ms,
    });
    this.now = deps.clock.now();
    this.updated = updatedStamp(this.now);
  }

  get calls(): number {
    return this.client.calls;
  }

  private get orgId(): string {
    return this.settings.organisation_id;
  }

  async execute(): Promise<SyncReport> {
    const started = performance.now();
    const db = this.deps.db;
    const since = iso(new Date(this.now.getTime() - this.settings.push_days_after * DAY_MS));
    const checkDue = !!this.opts.check || !this.settings.last_check_at
      || Date.parse(this.settings.last_check_at) <= this.now.getTime() - this.settings.check_every_hours * HOUR_MS;
    // The change rows committed by now; the figures read after this include every write they stand for.
    // Rows committed later stay unclaimed for the next run.
    await claimChanges(db, this.orgId, this.holder);
    // A forced run and a read-back look at every link; any other run only at what changed.
    const everything = !!this.opts.force || checkDue;
    const links = everything ? await linksToPush(db, this.orgId, since) : await changedLinksToPush(db, this.orgId, since, this.holder);
    this.report.considered = everything ? links.length : await countLinksToPush(db, this.orgId, since);
    const ids = links.map((l) => l.performance_id);
    const figures = everything ? await dipFiguresOf(db, ids, { orgId: this.orgId, since }) : await dipFiguresOf(db, ids);
    const all = links.map((link) => this.entry(link, figures.get(link.performance_id)!));
    this.report.computed = all.length;
    this.report.figuresMs = Math.round(performance.now() - started);
    const differs = (e: Entry) => e.link.check_state === 'differs';
    if (!all.some((e) => e.figuresChanged || e.capacityChanged || differs(e)) && !checkDue) {
      await clearChanges(db, this.orgId, this.holder, []);
      return this.report;
    }

    // DIP's own status first: a performance its producer cancelled is not pushed any more.
    await this.noteStatuses(all, await performanceStatuses(this.client));
    const live = all.filter((e) => !isCancelledStatus(e.link.dip_status ?? ''));
    this.report.cancelled = all.length - live.length;

    if (checkDue) await this.readBack(live);
    // A performance DIP holds otherwise (found now or by an earlier read-back) is pushed until a read-back finds it in sync.
    const entries = live.filter((e) => e.figuresChanged || e.capacityChanged || differs(e))
      .map((e) => (differs(e) ? { ...e, figuresChanged: true } : e));
    this.report.pushed = entries.length;
    const size = this.opts.batchSize ?? 100;
    for (let i = 0; i < entries.length; i += size) {
      await this.pushBatch(entries.slice(i, i + size));
      if (!(await this.renewLease())) throw new DipRunBusy('lost the DIP run lock');
    }
    // What was pushed again for a difference is read once more, so staff see whether DIP took it.
    const repushed = entries.filter((e) => differs(e) && !this.failedEver.has(e.link.performance_id));
    if (repushed.length) await this.readBack(repushed.map((e) => ({ ...e, link: { ...e.link, last_figures: JSON.stringify(e.figures) } })), true);
    if (checkDue) await setLastCheck(this.deps.db, this.orgId, iso(this.deps.clock.now()));
    // Every claimed performance was computed, and pushed, found unchanged or marked failing (retried by
    // its state). Those DIP says are cancelled keep their rows: should DIP take the cancellation back, they are pushed.
    await clearChanges(db, this.orgId, this.holder, all.filter((e) => !live.includes(e)).map((e) => e.link.performance_id));
    return this.report;
  }

  private entry(link: LinkToPush, figures: DipFigures): Entry {
    const hash = figuresHash(figures);
    const forced = !!this.opts.force && (!link.last_accepted_at || !this.opts.forcedAt || link.last_accepted_at <= this.opts.forcedAt);
    // A link DIP refused last time is sent again every run until DIP accepts it.
    const retry = link.state === 'failing';
    return {
      link, figures, hash,
      figuresChanged: forced || retry || hash !== link.last_hash,
      capacityChanged: forced || retry || figures.capacity !== link.last_capacity,
    };
  }

  /** Keeps DIP's status on the links (where it changed) and on the entries of this run. */
  private async noteStatuses(all: Entry[], statuses: Map<number, string>): Promise<void> {
    const changes: { performanceId: string; status: string }[] = [];
    for (const e of all) {
      const status = statuses.get(e.link.performance_number);
      if (status === undefined || status === e.link.dip_status) continue;
      changes.push({ performanceId: e.link.performance_id, status });
      e.link.dip_status = status;
    }
    await setDipStatuses(this.deps.db, this.orgId, changes, iso(this.deps.clock.now()));
  }

  /**
   * Reads back, per production, what DIP holds for the performances of `entries` that DIP accepted
   * figures for, and stores the comparison (on the links too). A refused
   * read (DIP keeps its read side for producers) is noted per performance and does not stop pushing;
   * DIP unreachable leaves the last comparison as it was.
   */
  private async readBack(entries: Entry[], verifying = false): Promise<void> {
    const count = verifying ? { checked: 0, differed: 0, refused: 0 } : this.report;
    const byProduction = new Map<string, Entry[]>();
    for (const e of entries) {
      if (!e.link.last_figures) continue;
      byProduction.set(e.link.production_number, [...(byProduction.get(e.link.production_number) ?? []), e]);
    }
    const results: CheckResult[] = [];
    for (const [production, list] of byProduction) {
      const read = await readProduction(this.client, production);
      if (!read.ok && 'unavailable' in read) {
        this.opts.log?.warn({ production, reason: read.unavailable }, 'DIP read-back: no answer');
        continue;
      }
      for (const e of list) {
        const pushed = JSON.parse(e.link.last_figures!) as DipFigures;
        if (!read.ok) {
          count.refused++;
          e.link.check_state = 'refused';
          results.push({ performanceId: e.link.performance_id, state: 'refused', detail: JSON.stringify(refusedDetail(pushed, read.refused)) });
          continue;
        }
        const { state, detail } = compare(pushed, read.held, e.link.performance_number);
        count.checked++;
        if (state === 'differs') count.differed++;
        e.link.check_state = state;
        results.push({ performanceId: e.link.performance_id, state, detail: JSON.stringify(detail) });
      }
    }
    const at = iso(this.deps.clock.now());
    await this.deps.db.transaction().execute((tx) => saveChecks(tx, this.orgId, results, at));
  }

  /** Links DIP refused at some point in this run. */
  private readonly failedEver = new Set<string>();

  private async pushBatch(batch: Entry[]): Promise<void> {
    this.pushes = [];
    this.failed = new Map();
    try {
      let live = batch.filter((e) => e.figuresChanged);
      for (const kind of ['tickets', 'reservations', 'blockedseats'] as const) live = await this.putBatch(kind, live);
      await this.putCapacities(batch.filter((e) => e.capacityChanged && !this.failed.has(e.link.performance_id)));
    } catch (err) {
      // The batch did not finish: nothing in it counts as accepted, and a stopped run blames no link.
      if (err instanceof DipRunStopped) this.failed = new Map();
      await this.record(batch, false);
      throw err;
    }
    await this.record(batch, true);
  }

  /** Audit, failing links and accepted hashes of one batch, together. */
  private async record(batch: Entry[], complete: boolean): Promise<void> {
    const at = iso(this.deps.clock.now());
    const accepted = complete ? batch.filter((e) => !this.failed.has(e.link.performance_id)) : [];
    await this.deps.db.transaction().execute(async (tx) => {
      await insertPushes(tx, this.orgId, this.pushes);
      const byMessage = new Map<string, string[]>();
      for (const [id, msg] of this.failed) byMessage.set(msg, [...(byMessage.get(msg) ?? []), id]);
      for (const [msg, ids] of byMessage) await markFailing(tx, this.orgId, ids, msg, at);
      await markAccepted(tx, this.orgId, accepted.map((e) => ({
        performanceId: e.link.performance_id, hash: e.hash, figures: JSON.stringify(e.figures), capacity: e.figures.capacity,
      })), at);
    });
    for (const id of this.failed.keys()) this.failedEver.add(id);
    this.report.accepted += accepted.length;
    this.report.rejected += this.failed.size;
  }

  /** PUTs one kind for `entries`, leaving out each performance DIP rejects; answers the accepted ones. */
  private async putBatch(kind: BatchKind, entries: Entry[]): Promise<Entry[]> {
    let live = entries;
    while (live.length) {
      const { body, owners } = batchBody(kind, live.map((e) => ({ ref: refOf(e), figures: e.figures })), this.updated);
      const answer = await this.send(kind, batchPath(kind, this.settings.blocked_seats_path), body, live);
      if (answer.status < 300) return live;
      const message = errorMessage(answer.status, answer.text);
      const owner = answer.status === 400 ? rejectedEntry(message, live.map((e) => e.link.performance_number), owners) : null;
      if (owner === null) throw failureOf(answer.status, kind, message);
      this.failed.set(live[owner].link.performance_id, message);
      live = live.filter((_, i) => i !== owner);
    }
    return [];
  }

  private async putCapacities(entries: Entry[]): Promise<void> {
    let next = 0;
    let stop = false;
    const worker = async () => {
      while (next < entries.length && !stop) {
        const e = entries[next++];
        const call = capacityCall(refOf(e), e.figures.capacity);
        const answer = await this.send('capacity', call.path, call.body, [e]);
        if (answer.status < 300) continue;
        const message = errorMessage(answer.status, answer.text);
        if (answer.status === 400 && rejectedEntry(message, [e.link.performance_number]) === 0) {
          this.failed.set(e.link.performance_id, message);
          continue;
        }
        stop = true;
        throw failureOf(answer.status, 'capacity', message);
      }
    };
    const n = Math.max(1, Math.min(this.opts.capacityConcurrency ?? 4, entries.length));
    const outcomes = await Promise.allSettled(Array.from({ length: n }, worker));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /** One call to DIP, recorded in the audit whatever its outcome. */
  private async send(kind: DipPushTable['kind'], path: string, body: unknown, entries: Entry[]): Promise<DipAnswer> {
    const text = JSON.stringify(body);
    this.report.bytes += Buffer.byteLength(text);
    const sentAt = iso(this.deps.clock.now());
    const started = performance.now();
    const base = { job_id: this.opts.jobId ?? null, kind, method: 'PUT', path, request_body: text, sent_at: sentAt, performances: entries.length, performanceIds: entries.map((e) => e.link.performance_id) };
    try {
      const answer = await this.client.call('PUT', path, body);
      const outcome = answer.status < 300 ? 'accepted' : answer.status === 401 ? 'unauthorized' : answer.status === 400 ? 'rejected' : 'failed';
      this.pushes.push({ ...base, http_status: answer.status, response_body: answer.text.slice(0, 4000) || null, outcome, duration_ms: answer.durationMs });
      return answer;
    } catch (err) {
      this.pushes.push({ ...base, http_status: null, response_body: (err as Error).message.slice(0, 4000), outcome: 'failed', duration_ms: Math.round(performance.now() - started) });
      throw err;
    }
  }
}

const refOf = (e: Entry) => ({ productionNumber: e.link.production_number, performanceNumber: e.link.performance_number });
