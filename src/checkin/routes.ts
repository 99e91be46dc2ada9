import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { bearerToken, ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Problem } from '../platform/problems.js';
import { IdParams, Items, Nullable, Text, VisibleName } from '../platform/schemas.js';
import { logout } from '../staff/service.js';
import {
  createDoor, listDevices, listDoors, registerDevice, renewDeviceCode, revokeDevice, signInDevice, signOutDevice, updateDevice, updateDoor, whoAmI,
} from './devices.js';
import { acknowledgeConflict, listConflicts } from './conflicts.js';
import {
  countsOf, offlineList, organisationCheckinSettings, performanceCheckinSettings, performancesOn, putOrganisationCheckinSettings,
  putPerformanceCheckinSettings,
} from './evening.js';
import { scan, upload } from './service.js';
import {
  Conflict, Counts, Device, DeviceSession, DeviceSignIn, DeviceWithCode, Door, OfflineList, ScanAnswer, ScanRequest, Tonight, UploadAnswer,
  UploadRequest, WhoAmI,
} from './schemas.js';

const tags = ['check-in'];
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Settings = Type.Object({ reentry: Type.Boolean() }, { additionalProperties: false });

export const checkinRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const door = requireRole(deps, 'door');
  const watch = requireRole(deps, 'door', 'reporting');
  const manager = requireRole(deps, 'admin');

  app.post('/api/checkin/device-sessions', {
    schema: {
      tags, summary: 'Sign in on a registered device with its device code; the token acts as the device (role door)', security: [],
      body: DeviceSignIn, response: { 201: DeviceSession },
    },
  }, async (req, reply) => reply.code(201).send(await signInDevice(deps, req.body.code, req.body.stewardName ?? '', req.ip)));

  app.get('/api/checkin/session', {
    schema: { tags, summary: 'Who is signed in on this scanner (a device with its door, or a staff user)', response: { 200: WhoAmI } },
    preHandler: requireRole(deps, 'door', 'boxoffice', 'reporting'),
  }, async (req) => whoAmI(ctxOf(deps, req)));

  app.delete('/api/checkin/session', {
    schema: { tags, summary: 'Sign out (a device session, or a staff session)', response: { 204: Type.Null() } },
  }, async (req, reply) => {
    const token = bearerToken(req);
    if (!token) throw new Problem('unauthenticated');
    await (token.startsWith('device.') ? signOutDevice(deps, token) : logout(deps, token));
    return reply.code(204).send(null);
  });

  app.get('/api/checkin/performances', {
    schema: {
      tags, summary: "A day's performances (today by default) with tickets expected and admitted",
      querystring: Type.Object({ day: Type.Optional(Day) }, { additionalProperties: false }), response: { 200: Tonight },
    },
    preHandler: watch,
  }, async (req) => performancesOn(ctxOf(deps, req), req.query.day));

  app.post('/api/checkin/scans', {
    schema: {
      tags, summary: 'Scan a ticket at a door: admitted (with its place and type) or refused with a reason to say aloud',
      description: 'Always 200 for a scan: `ok` is green or red, `reason` one of admitted, already-scanned (previous: when, which door), '
        + 'other-performance (performance: which one), cancelled, not-paid, unknown; for exits exited, not-inside, reentry-off. '
        + 'A ticket admits once, however many doors scan it at the same moment. The Server-Timing header gives the server\'s time.',
      body: ScanRequest, response: { 200: ScanAnswer },
    },
    preHandler: door,
  }, async (req, reply) => {
    const t0 = performance.now();
    const answer = await scan(ctxOf(deps, req), req.body);
    reply.header('server-timing', `scan;dur=${(performance.now() - t0).toFixed(1)}`);
    return answer;
  });

  app.post('/api/checkin/uploads', {
    schema: {
      tags, summary: 'Upload scans made offline; applied in the order they were made, conflicts reported',
      description: 'Each result says applied, conflict (the ticket was admitted elsewhere too, or is cancelled or unpaid) or ignored. '
        + 'Sending the same scans again answers the same results.',
      body: UploadRequest, response: { 200: UploadAnswer },
    },
    preHandler: door,
  }, async (req) => upload(ctxOf(deps, req), req.body));

  app.get('/api/checkin/performances/:id/tickets', {
    schema: {
      tags, summary: 'The ticket list a door keeps for scanning offline: a hash of each barcode, its state and its place',
      params: IdParams, response: { 200: OfflineList },
    },
    preHandler: door,
  }, async (req) => offlineList(ctxOf(deps, req), req.params.id));

  app.get('/api/checkin/performances/:id/counts', {
    schema: { tags, summary: 'Live counts: admitted of expected, inside, per door, conflicts', params: IdParams, response: { 200: Counts } },
    preHandler: watch,
  }, async (req) => countsOf(ctxOf(deps, req), req.params.id));

  app.get('/api/checkin/conflicts', {
    schema: {
      tags, summary: 'Conflicts of offline scans (a ticket admitted twice, or while cancelled or unpaid), newest first',
      querystring: Type.Object({
        performanceId: Type.Optional(Text(100)), open: Type.Optional(Type.Boolean()),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }), offset: Type.Integer({ minimum: 0, default: 0 }),
      }, { additionalProperties: false }),
      response: { 200: Items(Conflict) },
    },
    preHandler: watch,
  }, async (req) => ({ items: await listConflicts(ctxOf(deps, req), req.query) }));

  app.post('/api/checkin/conflicts/:id/acknowledge', {
    schema: { tags, summary: 'Mark a conflict as dealt with', params: IdParams, response: { 200: Conflict } },
    preHandler: manager,
  }, async (req) => acknowledgeConflict(ctxOf(deps, req), req.params.id));

  app.get('/api/checkin/doors', {
    schema: {
      tags, summary: 'Doors', querystring: Type.Object({ archived: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Items(Door) },
    },
    preHandler: watch,
  }, async (req) => ({ items: await listDoors(ctxOf(deps, req), req.query.archived) }));

  app.post('/api/checkin/doors', {
    schema: { tags, summary: 'Add a door', body: Type.Object({ name: VisibleName(100) }, { additionalProperties: false }), response: { 201: Door } },
    preHandler: manager,
  }, async (req, reply) => reply.code(201).send(await createDoor(ctxOf(deps, req), req.body.name)));

  app.patch('/api/checkin/doors/:id', {
    schema: {
      tags, summary: 'Rename or archive a door', params: IdParams,
      body: Type.Object({ name: Type.Optional(VisibleName(100)), archived: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Door },
    },
    preHandler: manager,
  }, async (req) => updateDoor(ctxOf(deps, req), req.params.id, req.body));

  app.get('/api/checkin/devices', {
    schema: { tags, summary: 'Registered scanning devices (codes are never shown again)', response: { 200: Items(Device) } },
    preHandler: manager,
  }, async (req) => ({ items: await listDevices(ctxOf(deps, req)) }));

  app.post('/api/checkin/devices', {
    schema: {
      tags, summary: 'Register a device for a door; the answer holds its device code, shown this once',
      body: Type.Object({ name: VisibleName(100), doorId: Text(100) }, { additionalProperties: false }), response: { 201: DeviceWithCode },
    },
    preHandler: manager,
  }, async (req, reply) => reply.code(201).send(await registerDevice(ctxOf(deps, req), req.body)));

  app.patch('/api/checkin/devices/:id', {
    schema: {
      tags, summary: 'Rename a device or move it to another door', params: IdParams,
      body: Type.Object({ name: Type.Optional(VisibleName(100)), doorId: Type.Optional(Text(100)) }, { additionalProperties: false }),
      response: { 200: Device },
    },
    preHandler: manager,
  }, async (req) => updateDevice(ctxOf(deps, req), req.params.id, req.body));

  app.post('/api/checkin/devices/:id/code', {
    schema: { tags, summary: 'A new device code (the old one stops working, its sessions end)', params: IdParams, response: { 200: DeviceWithCode } },
    preHandler: manager,
  }, async (req) => renewDeviceCode(ctxOf(deps, req), req.params.id));

  app.delete('/api/checkin/devices/:id', {
    schema: { tags, summary: 'Revoke a device: its code stops working and it is signed out at once', params: IdParams, response: { 204: Type.Null() } },
    preHandler: manager,
  }, async (req, reply) => {
    await revokeDevice(ctxOf(deps, req), req.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/checkin/settings', {
    schema: { tags, summary: "The organisation's check-in settings (re-entry)", response: { 200: Settings } },
    preHandler: manager,
  }, async (req) => organisationCheckinSettings(ctxOf(deps, req)));

  app.put('/api/checkin/settings', {
    schema: { tags, summary: 'Turn re-entry (exits scanned, tickets admitted again) on or off for every performance (recorded in the audit trail)', body: Settings, response: { 200: Settings } },
    preHandler: manager,
  }, async (req) => putOrganisationCheckinSettings(ctxOf(deps, req), req.body));

  const PerformanceSettings = Type.Object({ reentry: Type.Boolean(), own: Nullable(Type.Boolean()) });
  app.get('/api/checkin/performances/:id/settings', {
    schema: { tags, summary: "A performance's re-entry: its own setting (own) or the organisation's", params: IdParams, response: { 200: PerformanceSettings } },
    preHandler: manager,
  }, async (req) => performanceCheckinSettings(ctxOf(deps, req), req.params.id));

  app.put('/api/checkin/performances/:id/settings', {
    schema: {
      tags, summary: "Re-entry for one performance (null: the organisation's setting)", params: IdParams,
      // not a union: with type coercion on, a boolean branch reads null as false (and a null branch false as null)
      body: Type.Object({ reentry: Type.Unsafe<boolean | null>({ type: 'boolean', nullable: true }) }, { additionalProperties: false }),
      response: { 200: PerformanceSettings },
    },
    preHandler: manager,
  }, async (req) => putPerformanceCheckinSettings(ctxOf(deps, req), req.params.id, req.body));
};
