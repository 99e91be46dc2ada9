import { Type } from 'typebox';
import { LANGS } from '../platform/i18n.js';
import { BirthDate, Nullable, StringEnum, VisibleName } from '../platform/schemas.js';

export const CustomerBody = Type.Object({
  name: VisibleName(200),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9 +()./-]*$' }))),
  postalCode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  city: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  birthDate: Type.Optional(Nullable(BirthDate)),
  language: Type.Optional(Nullable(StringEnum(LANGS))),
}, { additionalProperties: false });

export const CustomerView = Type.Object({
  id: Type.String(), name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()),
  postalCode: Nullable(Type.String()), city: Nullable(Type.String()), birthDate: Nullable(Type.String()),
  language: Nullable(Type.String({ description: 'nl, fr or en: the language of e-mails to this customer' })),
  erasedAt: Nullable(Type.String({ description: 'When the personal data was erased; the record stays for the orders' })),
});
