// Request and response shapes of the on-sale pace report.
import { Type, type Static } from 'typebox';
import { Instant, Nullable } from '../platform/schemas.js';

export const PaceQuery = Type.Object({
  from: Type.Optional(Instant),
  minutes: Type.Integer({ minimum: 1, maximum: 1440, default: 60, description: 'Minutes from the start, one point each' }),
}, { additionalProperties: false });

export const PacePoint = Type.Object({
  at: Type.String({ description: 'The minute, local with offset' }),
  tickets: Type.Integer(),
  byChannel: Type.Object({ boxoffice: Type.Integer(), online: Type.Integer() }),
  cumulativeTickets: Type.Integer(),
});
export const OnSalePace = Type.Object({
  performanceId: Type.String(),
  start: Nullable(Type.String()),
  source: Nullable(Type.Union([Type.Literal('from'), Type.Literal('online-window'), Type.Literal('first-sale')])),
  points: Type.Array(PacePoint),
});
export type OnSalePace = Static<typeof OnSalePace>;
export type PacePoint = Static<typeof PacePoint>;
