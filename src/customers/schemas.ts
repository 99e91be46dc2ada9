import { Type } from 'typebox';
import { BirthDate, Nullable, Text } from '../platform/schemas.js';

export const CustomerBody = Type.Object({
  name: Text(200),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9 +()./-]*$' }))),
  postalCode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  city: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  birthDate: Type.Optional(Nullable(BirthDate)),
}, { additionalProperties: false });

export const CustomerView = Type.Object({
  id: Type.String(), name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()),
  postalCode: Nullable(Type.String()), city: Nullable(Type.String()), birthDate: Nullable(Type.String()),
});
