// The check-in API's shapes (JSON schemas for /docs; the scanner app takes its types from here).
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum, Text } from '../platform/schemas.js';
import { REASONS } from './rules.js';
import { CONFLICT_KINDS, DIRECTIONS, SCAN_OUTCOMES } from './tables.js';

const Id = Text(100);
/** An instant with its offset, as the API answers times: 2026-12-04T20:05:12+01:00 (or UTC with Z). */
const Instant = Type.String({ format: 'date-time', maxLength: 40 });

export const Door = Type.Object({ id: Type.String(), name: Type.String(), archived: Type.Boolean(), createdAt: Type.String() });
export const Device = Type.Object({
  id: Type.String(), name: Type.String(), doorId: Type.String(), doorName: Type.String(),
  createdAt: Type.String(), revokedAt: Nullable(Type.String()), lastSeenAt: Nullable(Type.String()),
});
export const DeviceWithCode = Type.Intersect([Device, Type.Object({ code: Type.String({ description: 'Shown this once: door staff type it to sign in on the device' }) })]);

export const DeviceSignIn = Type.Object({
  code: Type.String({ minLength: 4, maxLength: 20, description: 'The device code, e.g. K7M2-QX9P (case, blanks and dashes do not matter)' }),
  stewardName: Type.Optional(Type.String({ maxLength: 100, description: 'Who holds the device tonight; recorded with every scan' })),
}, { additionalProperties: false });
export const DeviceSession = Type.Object({
  token: Type.String(), expiresAt: Type.String(),
  device: Type.Object({ id: Type.String(), name: Type.String(), doorId: Type.String(), doorName: Type.String() }),
  organisation: Type.Object({ id: Type.String(), name: Type.String() }),
});

export const WhoAmI = Type.Object({
  kind: StringEnum(['user', 'client', 'device'] as const), role: Type.String(), name: Type.String(),
  organisation: Type.Object({ id: Type.String(), name: Type.String() }),
  device: Nullable(Type.Object({ id: Type.String(), name: Type.String(), doorId: Type.String(), doorName: Type.String() })),
});

export const TonightPerformance = Type.Object({
  id: Type.String(), title: Type.String(), startsAt: Type.String(), doorsOpenAt: Type.String(), status: Type.String(),
  hall: Type.String(), venue: Type.String(), reentry: Type.Boolean(), expected: Type.Integer(), admitted: Type.Integer(),
});
export const Tonight = Type.Object({ day: Type.String(), items: Type.Array(TonightPerformance) });

export const ScanRequest = Type.Object({
  barcode: Type.String({ minLength: 1, maxLength: 200, description: 'What the scanner read: the ticket\'s barcode (QR code or Code 128)' }),
  performanceIds: Type.Array(Id, { minItems: 1, maxItems: 20, description: 'The performances this door admits to now' }),
  doorId: Type.Optional(Id),
  direction: Type.Optional(StringEnum(DIRECTIONS)),
  id: Type.Optional(Type.String({ minLength: 8, maxLength: 64, description: 'The scanner\'s own id for the scan: if the answer was lost and the scan is uploaded later, it counts once' })),
}, { additionalProperties: false, description: 'doorId: required unless a device scans (its own door by default). direction: in (default) or out (an exit, where re-entry is on).' });

const TicketAtDoor = Type.Object({
  id: Type.String(), performanceId: Type.String(), ticketType: Type.String(),
  place: Type.String({ description: 'The seat or zone in words, in the request\'s language' }),
  zone: Type.Boolean(), section: Type.String(), row: Type.String(), seat: Type.String(),
});

export const ScanAnswer = Type.Object({
  ok: Type.Boolean({ description: 'Green (let in, or let out) or red' }),
  reason: StringEnum(REASONS),
  message: Type.String({ description: 'What the steward says, in the request\'s language' }),
  again: Type.Boolean({ description: 'Admitted again after an exit (re-entry)' }),
  ticket: Nullable(TicketAtDoor),
  previous: Nullable(Type.Object({ at: Type.String(), door: Type.String() }, { description: 'already-scanned: when and at which door' })),
  performance: Nullable(Type.Object({ id: Type.String(), title: Type.String(), startsAt: Type.String() }, { description: 'other-performance: the ticket\'s own' })),
  scanId: Nullable(Type.String()),
  scannedAt: Type.String(),
});
export type ScanAnswer = Static<typeof ScanAnswer>;

export const UploadRequest = Type.Object({
  sentAt: Type.Optional(Instant),
  doorId: Type.Optional(Id),
  scans: Type.Array(Type.Object({
    id: Type.String({ minLength: 8, maxLength: 64, description: 'The device\'s own id for the scan: an upload sent again applies each scan once' }),
    barcode: Type.String({ minLength: 1, maxLength: 200 }),
    performanceId: Id,
    direction: Type.Optional(StringEnum(DIRECTIONS)),
    scannedAt: Instant,
  }, { additionalProperties: false }), { minItems: 1, maxItems: 5000 }),
}, { additionalProperties: false, description: 'Scans a door admitted (or let out) while offline. sentAt: the device\'s clock when sending, to correct the scans\' times.' });

export const Conflict = Type.Object({
  id: Type.String(), kind: StringEnum(CONFLICT_KINDS), message: Type.String(),
  performance: Type.Object({ id: Type.String(), title: Type.String(), startsAt: Type.String() }),
  ticket: Type.Object({ id: Type.String(), orderNumber: Type.String(), ticketType: Type.String(), place: Type.String() }),
  scan: Type.Object({
    id: Type.String(), doorId: Type.String(), door: Type.String(), device: Nullable(Type.String()), staff: Type.String(), at: Type.String(), offline: Type.Boolean(),
  }),
  other: Nullable(Type.Object({ id: Type.String(), door: Type.String(), at: Type.String(), offline: Type.Boolean() })),
  detectedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
});
export type Conflict = Static<typeof Conflict>;

export const UploadAnswer = Type.Object({
  results: Type.Array(Type.Object({
    id: Type.String(), outcome: StringEnum(SCAN_OUTCOMES), reason: Nullable(StringEnum(REASONS)), conflict: Nullable(Conflict),
  })),
  conflicts: Type.Array(Conflict),
});
export type UploadAnswer = Static<typeof UploadAnswer>;

export const Counts = Type.Object({
  performanceId: Type.String(), title: Type.String(), startsAt: Type.String(), reentry: Type.Boolean(),
  expected: Type.Integer({ description: 'Valid tickets that may enter (paid, or free)' }),
  unpaid: Type.Integer({ description: 'Tickets of unpaid reservations' }),
  admitted: Type.Integer({ description: 'Tickets admitted at least once' }),
  inside: Type.Integer(),
  doors: Type.Array(Type.Object({ doorId: Type.String(), name: Type.String(), admitted: Type.Integer(), exited: Type.Integer(), lastScanAt: Nullable(Type.String()) })),
  conflicts: Type.Object({ total: Type.Integer(), open: Type.Integer() }),
  at: Type.String(),
});
export type Counts = Static<typeof Counts>;

export const ListTicket = Type.Object({
  h: Type.String({ description: 'sha256 of "<performanceId>:<barcode>", the first 16 hex digits' }),
  status: StringEnum(['valid', 'inside', 'out', 'cancelled', 'unpaid'] as const),
  ticketType: Type.String(), zone: Type.Boolean(), section: Type.String(), row: Type.String(), seat: Type.String(),
  lastAt: Nullable(Type.String()), lastDoor: Nullable(Type.String()),
});
export const OfflineList = Type.Object({
  performanceId: Type.String(), title: Type.String(), startsAt: Type.String(), reentry: Type.Boolean(), hash: Type.String(),
  generatedAt: Type.String(), tickets: Type.Array(ListTicket),
});
export type OfflineList = Static<typeof OfflineList>;
export type ListTicket = Static<typeof ListTicket>;
export type TonightPerformance = Static<typeof TonightPerformance>;
export type WhoAmI = Static<typeof WhoAmI>;
export type DeviceSession = Static<typeof DeviceSession>;
export type Door = Static<typeof Door>;
export type Device = Static<typeof Device>;
export type DeviceWithCode = Static<typeof DeviceWithCode>;
