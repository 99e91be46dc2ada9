// Small TypeBox building blocks shared by every capability's routes.
import { Type, type TSchema } from 'typebox';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max });
export const OptionalText = (max = 2000) => Type.String({ maxLength: max });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const StringEnum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
export const Items = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
/** Local date-time without offset, in the venue's zone: 2026-12-01T20:15 */
export const LocalDateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$' });
export const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000 });
