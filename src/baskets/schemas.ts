import { Type } from 'typebox';
import { Nullable } from '../platform/schemas.js';
import { FeeLineView } from '../fees/schemas.js';

export const BasketLineView = Type.Object({
  id: Type.String(), performanceId: Type.String(), title: Type.String(), startsAt: Type.String(),
  seatId: Nullable(Type.String()), placeId: Type.String(), zoneId: Nullable(Type.String()),
  section: Type.String(), row: Type.String(), seat: Type.String(), rank: Type.Integer(),
  ticketTypeId: Type.String(), ticketTypeName: Type.String(), price: Type.Integer(), held: Type.Boolean(),
  uitpas: Type.Optional(Nullable(Type.Object({
    uitpasNumber: Type.String(), passType: Type.String(), tariffId: Type.String(), tariffName: Type.String(),
  }))),
});

export const BasketView = Type.Object({
  id: Type.String(), channel: Type.String(), status: Type.String(), expiresAt: Type.String(), orderId: Nullable(Type.String()),
  customer: Nullable(Type.Object({ id: Type.String(), name: Type.String(), email: Nullable(Type.String()) })),
  lines: Type.Array(BasketLineView), fees: Type.Array(FeeLineView),
  /** Gift vouchers sold in the basket (their amount is in the total). */
  vouchers: Type.Optional(Type.Array(Type.Object({ id: Type.String(), amount: Type.Integer() }))),
  total: Type.Integer(),
});
