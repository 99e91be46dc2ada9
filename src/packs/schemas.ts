import { Type } from 'typebox';
import { Cents, Instant, Nullable, Text } from '../platform/schemas.js';

export { Instant };
import { MAX_RANK, MIN_RANK } from '../venues/rules.js';
import { PACK_TYPES } from './tables.js';

export const toInstant = (s: string | null | undefined): string | null | undefined => (s ? new Date(s).toISOString() : s);

const Url = Type.String({ maxLength: 2000 });

const Stock = Type.Object({
  performanceId: Type.Optional(Text(100)),
  streamId: Type.Optional(Text(100)),
  ranks: Type.Optional(Type.Array(Type.Integer({ minimum: MIN_RANK, maximum: MAX_RANK }), { maxItems: 20 })),
}, { additionalProperties: false });

const Set = Type.Object({
  label: Text(200),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  itemnbMin: Type.Integer({ minimum: 0, maximum: 1000 }),
  itemnbMax: Type.Integer({ minimum: 1, maximum: 1000 }),
  stocks: Type.Array(Stock, { maxItems: 500 }),
}, { additionalProperties: false });

const fields = {
  label: Text(200),
  description: Type.String({ maxLength: 4000 }),
  typeId: Type.Union(PACK_TYPES.map((t) => Type.Literal(t))),
  imageUrl: Nullable(Url),
  shopUrl: Nullable(Url),
  mainPackId: Nullable(Text(100)),
  price: Cents,
  ticketTypeId: Text(100),
  validFrom: Nullable(Instant),
  validUntil: Nullable(Instant),
  perPerformanceMax: Type.Integer({ minimum: 1, maximum: 100 }),
  published: Type.Boolean(),
  sets: Type.Array(Set, { minItems: 1, maxItems: 50 }),
};

export const PackBody = Type.Object({
  ...fields,
  description: Type.Optional(fields.description),
  imageUrl: Type.Optional(fields.imageUrl),
  shopUrl: Type.Optional(fields.shopUrl),
  mainPackId: Type.Optional(fields.mainPackId),
  validFrom: Type.Optional(fields.validFrom),
  validUntil: Type.Optional(fields.validUntil),
  perPerformanceMax: Type.Optional(fields.perPerformanceMax),
  published: Type.Optional(fields.published),
}, { additionalProperties: false });

export const PackPatch = Type.Partial(Type.Object(fields), { additionalProperties: false });

const places = <T extends Record<string, ReturnType<typeof Text>>>(extra: T) => Type.Union([
  Type.Object({ ...extra, performanceId: Text(100), seatIds: Type.Array(Text(100), { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
  Type.Object({ ...extra, performanceId: Text(100), quantity: Type.Integer({ minimum: 1, maximum: 20 }) }, { additionalProperties: false }),
]);

/** Places for one performance: chosen seats, or a number of the best available. */
export const PlaceBody = places({});
export const BasketRedemptionBody = places({ holdingId: Text(100) });
