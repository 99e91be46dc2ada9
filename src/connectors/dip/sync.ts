// One sync run for one organisation: find the linked performances whose figures changed since DIP
// last accepted them (or all, when forced), push them in batches, and record every call. A 400
// marks the bad performance as failing and the rest of its batch is sent again without it; DIP
// being down (5xx, network) ends the run with an error so the job queue retries it with back-off,
// and the batches accepted before that are not sent again (their hashes were stored).
import type { FastifyBaseLogger } from 'fastify';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { DipClient, DipRefused, DipUnavailable, type DipAnswer } from './client.js';
import { dipFiguresOf, figuresHash, type DipFigures } from './figures.js';
import {
  getSettings, insertPushes, linksToPush, markAccepted, markFailing, releaseRunLock, takeRunLock,
  type LinkToPush, type NewPush,
} from './store.js';
import { openDipSecret } from './settings.js';
import type { DipPushTable, DipSettingsRow } from './tables.js';
import { badItemIndex, batchBody, batchPath, capacityCall, errorMessage, updatedStamp, type BatchKind } from './wire.js';

export interface SyncOptions {
  /** Push every performance in the window, changed or not (not those already pushed since `forcedAt`). */
  force?: boolean;
  forcedAt?: string;
  jobId?: string | null;
  log?: FastifyBaseLogger;
  /** Performances per PUT body. */
  batchSize?: number;
  /** Capacity calls (one per performance) in flight at once. */
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
  requests: number;
  bytes: number;
  durationMs: number;
  /** Of durationMs, the time spent reading links and computing figures (finding what changed). */
  figuresMs: number;
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

const emptyReport = (skipped: string | null): SyncReport =>
  ({ skipped, considered: 0, pushed: 0, accepted: 0, rejected: 0, requests: 0, bytes: 0, durationMs: 0, figuresMs: 0 });

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
    const run = new SyncRun(deps, settings, secret, opts, lease);
    const report = await run.execute();
    report.durationMs = Math.round(performance.now() - started);
    opts.log?.info({ dip: report }, 'DIP sync run finished');
    return report;
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
  ) {
    this.client = new DipClient({ baseUrl: settings.base_url, clientId: settings.client_id, clientSecret }, deps.clock);
    this.now = deps.clock.now();
    this.updated = updatedStamp(this.now);
  }

  private get orgId(): string {
    return this.settings.organisation_id;
  }

  async execute(): Promise<SyncReport> {
    const started = performance.now();
    const since = iso(new Date(this.now.getTime() - this.settings.push_days_after * DAY_MS));
    const links = await linksToPush(this.deps.db, this.orgId, since);
    this.report.considered = links.length;
    const figures = await dipFiguresOf(this.deps.db, links.map((l) => l.performance_id), { orgId: this.orgId, since });
    const entries = links.map((link) => this.entry(link, figures.get(link.performance_id)!))
      .filter((e) => e.figuresChanged || e.capacityChanged);
    this.report.pushed = entries.length;
    this.report.figuresMs = Math.round(performance.now() - started);
    const size = this.opts.batchSize ?? 100;
    for (let i = 0; i < entries.length; i += size) {
      await this.pushBatch(entries.slice(i, i + size));
      if (!(await this.renewLease())) throw new DipRunBusy('lost the DIP run lock');
    }
    return this.report;
  }

  private entry(link: LinkToPush, figures: DipFigures): Entry {
    const hash = figuresHash(figures);
    const forced = !!this.opts.force && (!link.last_accepted_at || !this.opts.forcedAt || link.last_accepted_at <= this.opts.forcedAt);
    return {
      link, figures, hash,
      figuresChanged: forced || hash !== link.last_hash,
      capacityChanged: forced || figures.capacity !== link.last_capacity,
    };
  }

  private async pushBatch(batch: Entry[]): Promise<void> {
    this.pushes = [];
    this.failed = new Map();
    try {
      let live = batch.filter((e) => e.figuresChanged);
      for (const kind of ['tickets', 'reservations', 'blockedseats'] as const) live = await this.putBatch(kind, live);
      await this.putCapacities(batch.filter((e) => e.capacityChanged && !this.failed.has(e.link.performance_id)));
    } finally {
      await this.record(batch);
    }
  }

  /** Audit, failing links and accepted hashes of one batch, together. */
  private async record(batch: Entry[]): Promise<void> {
    const at = iso(this.deps.clock.now());
    const complete = !this.pushes.some((p) => p.outcome === 'failed' || p.outcome === 'unauthorized');
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
      if (answer.status !== 400) throw failure(answer.status, `DIP ${kind}: HTTP ${answer.status}: ${message}`);
      const index = badItemIndex(message);
      const owner = index !== null ? owners[index] : undefined;
      if (owner !== undefined) {
        this.failed.set(live[owner].link.performance_id, message);
        live = live.filter((_, i) => i !== owner);
      } else if (live.length === 1) {
        this.failed.set(live[0].link.performance_id, message);
        return [];
      } else {
        // DIP did not say which item: find out one performance at a time.
        const out: Entry[] = [];
        for (const e of live) out.push(...(await this.putBatch(kind, [e])));
        return out;
      }
    }
    return [];
  }

  private async putCapacities(entries: Entry[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < entries.length) {
        const e = entries[next++];
        const call = capacityCall(refOf(e), e.figures.capacity);
        const answer = await this.send('capacity', call.path, call.body, [e]);
        if (answer.status < 300) continue;
        const message = errorMessage(answer.status, answer.text);
        if (answer.status !== 400) throw failure(answer.status, `DIP capacity: HTTP ${answer.status}: ${message}`);
        this.failed.set(e.link.performance_id, message);
      }
    };
    const n = Math.max(1, Math.min(this.opts.capacityConcurrency ?? 4, entries.length));
    await Promise.all(Array.from({ length: n }, worker));
  }

  /** One call to DIP, recorded in the audit whatever its outcome. */
  private async send(kind: DipPushTable['kind'], path: string, body: unknown, entries: Entry[]): Promise<DipAnswer> {
    const text = JSON.stringify(body);
    this.report.requests++;
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

/** 5xx, 429 and a 401 that a new token did not cure: try later. Other answers: DIP will say the same again. */
function failure(status: number, message: string): Error {
  return status >= 500 || status === 429 || status === 401 ? new DipUnavailable(message) : new DipRefused(message, status);
}
