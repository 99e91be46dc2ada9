// Per-organisation UiTPAS settings, the client built from them, and the permission check.
import { audit } from '../../audit/service.js';
import { diff } from '../../audit/rules.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { Problem } from '../../platform/problems.js';
import type { Channel } from '../../productions/tables.js';
import { UitpasAuthFailed, UitpasClient, UitpasUnavailable } from './client.js';
import { openSecret, sealSecret } from './credentials.js';
import type { UitpasSettingsRow } from './tables.js';
import type { WirePermissions } from './wire.js';
import './problems.js';

export const REQUIRED_PERMISSIONS = ['TARIFFS_READ', 'TICKETSALES_REGISTER', 'TICKETSALES_SEARCH', 'PASSES_READ'] as const;

export interface UitpasSettingsInput {
  clientId: string;
  /** Absent: keep the stored secret. */
  clientSecret?: string;
  accountUrl: string;
  apiUrl: string;
  organizerId: string;
  channels: { boxoffice: boolean; online: boolean };
}

export const settingsView = (s: UitpasSettingsRow | undefined) => ({
  configured: !!s,
  clientId: s?.client_id ?? null,
  hasClientSecret: !!s,
  accountUrl: s?.account_url ?? null,
  apiUrl: s?.api_url ?? null,
  organizerId: s?.organizer_id ?? null,
  channels: { boxoffice: s?.boxoffice === 1, online: s?.online === 1 },
  updatedAt: s?.updated_at ?? null,
});

const row = (db: Db, orgId: string) =>
  db.selectFrom('uitpas_settings').selectAll().where('organisation_id', '=', orgId).executeTakeFirst();

/** What the audit trail compares (never the secret). */
const auditView = (s: UitpasSettingsRow) => {
  const { configured: _c, hasClientSecret: _h, updatedAt: _u, channels, ...rest } = settingsView(s);
  return { ...rest, boxoffice: channels.boxoffice, online: channels.online };
};

export async function getSettings(ctx: Ctx) {
  return settingsView(await row(ctx.db, ctx.orgId));
}

export async function saveSettings(ctx: Ctx, input: UitpasSettingsInput) {
  const now = ctx.clock.now();
  const existing = await row(ctx.db, ctx.orgId);
  if (!existing && !input.clientSecret) throw new Problem('validation-failed', {}, [{ field: 'clientSecret', message: 'required' }]);
  const values = {
    client_id: input.clientId,
    client_secret: input.clientSecret ? await sealSecret(ctx.db, input.clientSecret, now) : existing!.client_secret,
    account_url: input.accountUrl.replace(/\/+$/, ''),
    api_url: input.apiUrl.replace(/\/+$/, ''),
    organizer_id: input.organizerId,
    boxoffice: input.channels.boxoffice ? 1 : 0,
    online: input.channels.online ? 1 : 0,
    updated_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('uitpas_settings').values({ organisation_id: ctx.orgId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values)).execute();
    const changes = diff(existing ? auditView(existing) : null, auditView({ ...values, organisation_id: ctx.orgId }));
    if (input.clientSecret) changes.clientSecret = ['•••', '•••'];
    await audit(tx, ctx, { subject: 'settings', subjectId: 'uitpas', action: existing ? 'changed' : 'created', label: 'UiTPAS', changes });
  });
  return getSettings(ctx);
}

export interface Connection {
  settings: UitpasSettingsRow;
  client: UitpasClient;
  acceptsChannel(channel: Channel): boolean;
}

/** The organisation's UiTPAS connection; a Problem when it has none. */
export async function connection(db: Db, orgId: string, now: Date): Promise<Connection> {
  const settings = await row(db, orgId);
  if (!settings) throw new Problem('uitpas-not-configured');
  const client = new UitpasClient({
    accountUrl: settings.account_url, apiUrl: settings.api_url, clientId: settings.client_id,
    clientSecret: await openSecret(db, settings.client_secret, now),
  });
  return { settings, client, acceptsChannel: (c) => (c === 'online' ? settings.online : settings.boxoffice) === 1 };
}

/** UiTPAS failures that are not a refusal, as the Problem a user sees. */
export function unreachable(err: unknown): never {
  if (err instanceof UitpasAuthFailed) throw new Problem('uitpas-credentials');
  if (err instanceof UitpasUnavailable) throw new Problem('uitpas-unavailable', { reason: err.message });
  throw err;
}

/** GET /permissions: does the client have what Foyer needs for the configured organizer? */
export async function checkPermissions(ctx: Ctx) {
  const conn = await connection(ctx.db, ctx.orgId, ctx.clock.now());
  let answer;
  try {
    answer = await conn.client.call<WirePermissions[]>('GET', '/permissions');
  } catch (err) {
    if (err instanceof UitpasAuthFailed) {
      return { ok: false, credentialsAccepted: false, organizerId: conn.settings.organizer_id, organizerName: null, permissions: [], missing: [...REQUIRED_PERMISSIONS] };
    }
    // A connection test has words of its own: nothing is being sold here.
    if (err instanceof UitpasUnavailable) throw new Problem('uitpas-check-unreachable', { url: conn.settings.api_url, reason: err.message });
    throw err;
  }
  if (!answer.ok) throw new Problem('uitpas-check-refused', { message: answer.problem.detail ?? answer.problem.title ?? answer.problem.type });
  const mine = answer.body.find((p) => p.organizer.id === conn.settings.organizer_id);
  const permissions = mine?.permissions ?? [];
  const missing = REQUIRED_PERMISSIONS.filter((p) => !permissions.includes(p));
  return {
    ok: missing.length === 0, credentialsAccepted: true, organizerId: conn.settings.organizer_id,
    organizerName: mine?.organizer.name ?? null, permissions, missing,
  };
}
