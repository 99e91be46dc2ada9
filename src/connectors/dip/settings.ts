// DIP settings of an organisation: where DIP is, the credentials (the secret is write-only), when
// to push and for how long after a performance.
import { Cron } from 'croner';
import { audit } from '../../audit/service.js';
import { diff } from '../../audit/rules.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { seal, unseal } from '../../platform/sealed.js';
import { invalid, type FieldError } from '../../platform/problems.js';
import { getSettings, saveSettings } from './store.js';
import type { DipSettingsRow } from './tables.js';
import { DEFAULT_PACE_MS, DEFAULT_TIMEOUT_SECONDS } from './client.js';
import { DEFAULT_BLOCKED_SEATS_PATH } from './wire.js';

export const DIP_PRODUCTION_URL = 'https://external-api.dip.nl';
export const DEFAULT_CRON = '0 * * * *';
export const DEFAULT_PUSH_DAYS_AFTER = 14;
export const DIP_TIME_ZONE = 'Europe/Amsterdam';

export interface DipSettingsView {
  baseUrl: string;
  clientId: string;
  /** Whether a secret is stored; the secret itself is never returned. */
  clientSecretSet: boolean;
  enabled: boolean;
  cron: string;
  blockedSeatsPath: string;
  pushDaysAfter: number;
  timeoutSeconds: number;
  paceMs: number;
  checkEveryHours: number;
}

export interface DipSettingsInput {
  baseUrl: string;
  clientId: string;
  /** Omitted: keep the stored secret. */
  clientSecret?: string;
  enabled: boolean;
  cron?: string;
  blockedSeatsPath?: string;
  pushDaysAfter?: number;
  timeoutSeconds?: number;
  paceMs?: number;
  checkEveryHours?: number;
}

export const DEFAULT_CHECK_EVERY_HOURS = 24;

export function defaultSettings(orgId: string, now: Date): DipSettingsRow {
  return {
    organisation_id: orgId, base_url: DIP_PRODUCTION_URL, client_id: '', client_secret: '', enabled: 0, cron: DEFAULT_CRON,
    blocked_seats_path: DEFAULT_BLOCKED_SEATS_PATH, push_days_after: DEFAULT_PUSH_DAYS_AFTER, last_scheduled_at: null,
    run_lock_by: null, run_lock_until: null, timeout_seconds: DEFAULT_TIMEOUT_SECONDS, pace_ms: DEFAULT_PACE_MS,
    check_every_hours: DEFAULT_CHECK_EVERY_HOURS, last_check_at: null, last_run_at: null, last_run_outcome: null, last_run_message: null,
    updated_at: now.toISOString(),
  };
}

export const settingsView = (r: DipSettingsRow): DipSettingsView => ({
  baseUrl: r.base_url, clientId: r.client_id, clientSecretSet: r.client_secret !== '', enabled: r.enabled === 1, cron: r.cron,
  blockedSeatsPath: r.blocked_seats_path, pushDaysAfter: r.push_days_after, timeoutSeconds: r.timeout_seconds, paceMs: r.pace_ms,
  checkEveryHours: r.check_every_hours,
});

const MAX_GAP_MS = 25 * 3_600_000; // a day, plus the hour a daylight-saving change can add
const DAILY = 'must run at least once a day (DIP wants figures at least every 24 hours)';

/** Null when `expr` is a cron expression that runs at least once every day; else what is wrong. */
export function cronProblem(expr: string, from: Date): string | null {
  let cron: Cron;
  try {
    cron = new Cron(expr, { timezone: DIP_TIME_ZONE, paused: true });
  } catch (err) {
    return `is not a cron expression: ${(err as Error).message}`;
  }
  // Any gap of more than 25 h between two runs contains one of these daily points: look a year ahead.
  for (let day = 0; day <= 366; day++) {
    const t = new Date(from.getTime() + day * 86_400_000);
    const next = cron.nextRun(t);
    if (!next) return 'never runs';
    const before = cron.previousRuns(1, next)[0] ?? from;
    if (next.getTime() - Math.max(before.getTime(), from.getTime()) > MAX_GAP_MS) return DAILY;
  }
  return null;
}

const PURPOSE = 'dip-credentials';

/** The DIP client secret is stored sealed (platform/sealed.ts); '' means none. */
export const sealDipSecret = (db: Db, plain: string, now: Date): Promise<string> => seal(db, PURPOSE, plain, now);
export const openDipSecret = (db: Db, sealed: string, now: Date): Promise<string> => unseal(db, PURPOSE, sealed, now);

export async function readSettings(ctx: Ctx): Promise<DipSettingsView> {
  return settingsView((await getSettings(ctx.db, ctx.orgId)) ?? defaultSettings(ctx.orgId, ctx.clock.now()));
}

export async function writeSettings(ctx: Ctx, input: DipSettingsInput): Promise<DipSettingsView> {
  const now = ctx.clock.now();
  const stored = await getSettings(ctx.db, ctx.orgId);
  const current = stored ?? defaultSettings(ctx.orgId, now);
  const next: DipSettingsRow = {
    ...current,
    base_url: input.baseUrl.replace(/\/+$/, ''),
    client_id: input.clientId,
    client_secret: input.clientSecret ? await sealDipSecret(ctx.db, input.clientSecret, now) : current.client_secret,
    enabled: input.enabled ? 1 : 0,
    cron: input.cron ?? current.cron,
    blocked_seats_path: input.blockedSeatsPath ?? current.blocked_seats_path,
    push_days_after: input.pushDaysAfter ?? current.push_days_after,
    timeout_seconds: input.timeoutSeconds ?? current.timeout_seconds,
    pace_ms: input.paceMs ?? current.pace_ms,
    check_every_hours: input.checkEveryHours ?? current.check_every_hours,
    updated_at: now.toISOString(),
  };
  const fields: FieldError[] = [];
  const cron = cronProblem(next.cron, now);
  if (cron) fields.push({ field: 'cron', message: { en: cron, nl: cron, fr: cron } });
  if (next.enabled && !next.client_id) fields.push({ field: 'clientId', message: 'required' });
  if (next.enabled && !next.client_secret) fields.push({ field: 'clientSecret', message: 'required' });
  if (fields.length) throw invalid(fields);
  // A changed schedule counts from now: the first run is its next occurrence.
  if (next.cron !== current.cron || (next.enabled && !current.enabled)) next.last_scheduled_at = now.toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await saveSettings(tx, next);
    const { clientSecretSet: _was, ...before } = settingsView(current);
    const { clientSecretSet: _now, ...after } = settingsView(next);
    const changes = diff(stored ? before : null, after);
    if (input.clientSecret) changes.clientSecret = ['•••', '•••'];
    await audit(tx, ctx, { subject: 'settings', subjectId: 'dip', action: stored ? 'changed' : 'created', label: 'DIP', changes });
  });
  return settingsView(next);
}

/** GET /api/dip/status: how the last run ended, for staff. */
export async function dipStatus(ctx: Ctx) {
  const s = await getSettings(ctx.db, ctx.orgId);
  return {
    enabled: s?.enabled === 1,
    lastRun: s?.last_run_at && s.last_run_outcome ? { at: s.last_run_at, outcome: s.last_run_outcome, message: s.last_run_message } : null,
    lastCheckAt: s?.last_check_at ?? null,
  };
}
