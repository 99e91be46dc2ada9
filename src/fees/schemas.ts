import { Type } from 'typebox';
import { StringEnum } from '../platform/schemas.js';

/** A service fee line: per ticket (quantity tickets) or per order; amounts in cents, VAT included. */
export const FeeLineView = Type.Object({
  kind: StringEnum(['ticket', 'order']), quantity: Type.Integer(), amount: Type.Integer(),
  vatRate: Type.Integer({ description: 'basis points: 2100 = 21 %' }), vat: Type.Integer(),
});

/** VAT at one rate: net + vat = gross, cents. */
export const VatRowView = Type.Object({
  rate: Type.Integer({ description: 'basis points: 900 = 9 %' }), net: Type.Integer(), vat: Type.Integer(), gross: Type.Integer(),
});
