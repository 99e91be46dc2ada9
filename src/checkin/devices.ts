// Doors, the devices a manager registers for them, and the sessions door staff open with a device code.
import type { Ctx, Deps } from '../platform/context.js';
import { forgetCallers, registerTokenKind, type Found } from '../platform/auth.js';
import { newId, randomToken, sha256 } from '../platform/ids.js';
import { Problem, notFound } from '../platform/problems.js';
import { ShortCache } from '../platform/short-cache.js';
import { newDeviceCode, normaliseDeviceCode } from './rules.js';
import type { CheckinDevice, CheckinDoor } from './tables.js';
import './problems.js';

export const DEVICE_SESSION_HOURS = 24;
const TOKEN_PREFIX = 'device.';
const CODE_WINDOW_MINUTES = 15;
const MAX_CODE_FAILURES_PER_IP = 10;

export const doorView = (d: CheckinDoor) => ({ id: d.id, name: d.name, archived: !!d.archived_at, createdAt: d.created_at });

export async function listDoors(ctx: Ctx, includeArchived = false) {
  let q = ctx.db.selectFrom('checkin_doors').selectAll().where('organisation_id', '=', ctx.orgId);
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return (await q.orderBy('name').orderBy('id').execute()).map(doorView);
}

export async function findDoor(ctx: Ctx, id: string): Promise<CheckinDoor> {
  const d = await ctx.db.selectFrom('checkin_doors').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!d) throw notFound('door');
  return d;
}

export async function createDoor(ctx: Ctx, name: string) {
  const door: CheckinDoor = { id: newId(), organisation_id: ctx.orgId, name, created_at: ctx.clock.now().toISOString(), archived_at: null };
  await ctx.db.insertInto('checkin_doors').values(door).execute();
  return doorView(door);
}

export async function updateDoor(ctx: Ctx, id: string, patch: { name?: string; archived?: boolean }) {
  const door = await findDoor(ctx, id);
  const archivedAt = patch.archived === undefined ? door.archived_at : patch.archived ? (door.archived_at ?? ctx.clock.now().toISOString()) : null;
  await ctx.db.updateTable('checkin_doors').set({ name: patch.name ?? door.name, archived_at: archivedAt }).where('id', '=', id).execute();
  doors.forget();
  return doorView(await findDoor(ctx, id));
}

// Scans name their door on every request; a door's name changes rarely and may show a few seconds late.
const doors = new ShortCache<CheckinDoor | undefined>(5000, 10_000);

/** The door a scan is made at: the organisation's own, and not archived. */
export async function doorForScan(ctx: Ctx, id: string): Promise<CheckinDoor> {
  const d = await doors.get(ctx.db, `${ctx.orgId}:${id}`, () => ctx.db.selectFrom('checkin_doors').selectAll()
    .where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst());
  if (!d) throw notFound('door');
  if (d.archived_at) throw new Problem('door-archived');
  return d;
}

const deviceView = (d: CheckinDevice & { door_name: string }) => ({
  id: d.id, name: d.name, doorId: d.door_id, doorName: d.door_name, createdAt: d.created_at, revokedAt: d.revoked_at, lastSeenAt: d.last_seen_at,
});

const devicesQuery = (ctx: Ctx) => ctx.db.selectFrom('checkin_devices').innerJoin('checkin_doors', 'checkin_doors.id', 'checkin_devices.door_id')
  .selectAll('checkin_devices').select('checkin_doors.name as door_name').where('checkin_devices.organisation_id', '=', ctx.orgId);

export async function listDevices(ctx: Ctx) {
  return (await devicesQuery(ctx).orderBy('checkin_devices.name').orderBy('checkin_devices.id').execute()).map(deviceView);
}

async function getDevice(ctx: Ctx, id: string) {
  const d = await devicesQuery(ctx).where('checkin_devices.id', '=', id).executeTakeFirst();
  if (!d) throw notFound('device');
  return d;
}

/** Registers a device for a door; the answer carries its code, shown this once. */
export async function registerDevice(ctx: Ctx, input: { name: string; doorId: string }) {
  await findDoor(ctx, input.doorId);
  const code = newDeviceCode();
  const id = newId();
  await ctx.db.insertInto('checkin_devices').values({
    id, organisation_id: ctx.orgId, door_id: input.doorId, name: input.name, code_hash: sha256(normaliseDeviceCode(code)),
    created_at: ctx.clock.now().toISOString(), revoked_at: null, last_seen_at: null,
  }).execute();
  return { ...deviceView(await getDevice(ctx, id)), code };
}

export async function updateDevice(ctx: Ctx, id: string, patch: { name?: string; doorId?: string }) {
  const d = await getDevice(ctx, id);
  if (patch.doorId) await findDoor(ctx, patch.doorId);
  await ctx.db.updateTable('checkin_devices').set({ name: patch.name ?? d.name, door_id: patch.doorId ?? d.door_id }).where('id', '=', id).execute();
  devices.forget(ctx.db, id);
  return deviceView(await getDevice(ctx, id));
}

async function endSessions(ctx: Ctx, deviceId: string) {
  await ctx.db.deleteFrom('checkin_device_sessions').where('device_id', '=', deviceId).execute();
  devices.forget(ctx.db, deviceId);
  forgetCallers();
}

/** A new code for the device: the old one stops working and everyone signed in on it is signed out. */
export async function renewDeviceCode(ctx: Ctx, id: string) {
  const d = await getDevice(ctx, id);
  const code = newDeviceCode();
  await ctx.db.updateTable('checkin_devices').set({ code_hash: sha256(normaliseDeviceCode(code)), revoked_at: null }).where('id', '=', d.id).execute();
  await endSessions(ctx, d.id);
  return { ...deviceView(await getDevice(ctx, id)), code };
}

export async function revokeDevice(ctx: Ctx, id: string) {
  const d = await getDevice(ctx, id);
  if (!d.revoked_at) await ctx.db.updateTable('checkin_devices').set({ revoked_at: ctx.clock.now().toISOString() }).where('id', '=', d.id).execute();
  await endSessions(ctx, d.id);
}

async function tooManyCodeFailures(deps: Deps, ip: string): Promise<boolean> {
  const since = new Date(deps.clock.now().getTime() - CODE_WINDOW_MINUTES * 60_000).toISOString();
  const r = await deps.db.selectFrom('checkin_code_attempts').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip).where('succeeded', '=', 0).where('at', '>', since).executeTakeFirstOrThrow();
  return Number(r.n) >= MAX_CODE_FAILURES_PER_IP;
}

/** Door staff sign in on a device with its code; the answer's token acts as the device (role door). */
export async function signInDevice(deps: Deps, typedCode: string, stewardName: string, ip: string) {
  const now = deps.clock.now();
  if (await tooManyCodeFailures(deps, ip)) throw new Problem('too-many-attempts', { minutes: CODE_WINDOW_MINUTES });
  const device = await deps.db.selectFrom('checkin_devices').innerJoin('checkin_doors', 'checkin_doors.id', 'checkin_devices.door_id')
    .innerJoin('organisations', 'organisations.id', 'checkin_devices.organisation_id')
    .selectAll('checkin_devices').select(['checkin_doors.name as door_name', 'organisations.name as organisation_name'])
    .where('checkin_devices.code_hash', '=', sha256(normaliseDeviceCode(typedCode))).executeTakeFirst();
  const ok = !!device && !device.revoked_at;
  await deps.db.insertInto('checkin_code_attempts').values({ id: newId(), ip, succeeded: ok ? 1 : 0, at: now.toISOString() }).execute();
  if (!ok || !device) throw new Problem('device-code-invalid');
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = new Date(now.getTime() + DEVICE_SESSION_HOURS * 3600_000).toISOString();
  await deps.db.insertInto('checkin_device_sessions').values({
    token_hash: sha256(token), device_id: device.id, organisation_id: device.organisation_id, steward_name: stewardName.trim(),
    created_at: now.toISOString(), expires_at: expiresAt,
  }).execute();
  await deps.db.updateTable('checkin_devices').set({ last_seen_at: now.toISOString() }).where('id', '=', device.id).execute();
  return {
    token, expiresAt,
    device: { id: device.id, name: device.name, doorId: device.door_id, doorName: device.door_name },
    organisation: { id: device.organisation_id, name: device.organisation_name },
  };
}

export async function signOutDevice(deps: Deps, token: string): Promise<void> {
  await deps.db.deleteFrom('checkin_device_sessions').where('token_hash', '=', sha256(token)).execute();
  forgetCallers();
}

async function deviceSession(deps: Deps, token: string): Promise<Found | undefined> {
  const row = await deps.db.selectFrom('checkin_device_sessions')
    .innerJoin('checkin_devices', 'checkin_devices.id', 'checkin_device_sessions.device_id')
    .select(['checkin_devices.id', 'checkin_devices.name', 'checkin_devices.revoked_at', 'checkin_device_sessions.organisation_id',
      'checkin_device_sessions.steward_name', 'checkin_device_sessions.expires_at'])
    .where('checkin_device_sessions.token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= deps.clock.now().toISOString()) return undefined;
  return {
    actor: { kind: 'device', id: row.id, orgId: row.organisation_id, role: 'door', label: row.steward_name || row.name },
    expiresAt: row.expires_at,
  };
}
registerTokenKind(TOKEN_PREFIX, deviceSession);

// A device's door, read on every scan it makes; a move to another door shows within seconds.
const devices = new ShortCache<CheckinDevice | undefined>(5000, 10_000);

export async function deviceOf(ctx: Ctx): Promise<CheckinDevice | undefined> {
  if (ctx.actor.kind !== 'device') return undefined;
  const id = ctx.actor.id;
  return devices.get(ctx.db, id, () => ctx.db.selectFrom('checkin_devices').selectAll().where('id', '=', id).executeTakeFirst());
}

// The staff member's name goes into every admission row; names change rarely.
const userNames = new ShortCache<string>(60_000, 10_000);

/** Who scans: the user's name, a device's steward (or the device's name), an application's name. */
export async function staffName(ctx: Ctx): Promise<string> {
  if (ctx.actor.kind === 'device') return ctx.actor.label ?? '';
  const { id, kind } = ctx.actor;
  return userNames.get(ctx.db, `${kind}:${id}`, async () => {
    const row = kind === 'user'
      ? await ctx.db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst()
      : await ctx.db.selectFrom('api_clients').select('name').where('id', '=', id).executeTakeFirst();
    return row?.name ?? '';
  });
}

/** Who is signed in on the scanner: a device with its door, or a staff user or application. */
export async function whoAmI(ctx: Ctx) {
  const org = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', ctx.orgId).executeTakeFirstOrThrow();
  const device = await deviceOf(ctx);
  const door = device ? await ctx.db.selectFrom('checkin_doors').select(['id', 'name']).where('id', '=', device.door_id).executeTakeFirst() : undefined;
  return {
    kind: ctx.actor.kind, role: ctx.actor.role, name: await staffName(ctx), organisation: org,
    device: device ? { id: device.id, name: device.name, doorId: device.door_id, doorName: door?.name ?? '' } : null,
  };
}
