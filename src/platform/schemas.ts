// Small TypeBox building blocks shared by every capability's routes.
import { Type, type TSchema } from 'typebox';
import { FIRST_DAY, LAST_DAY, isDay, isInstant, isLocalDateTime } from './time.js';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max });
/** A name or title: at least one character a reader can see (not only spaces or zero-width characters). */
export const VisibleName = (max = 200) => Type.String({ minLength: 1, maxLength: max, format: 'foyer-name' });
/** Spaces, control and format characters (zero-width space and joiners, BOM, bidi marks) and other ignorables. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\u2800]/gu;
export const isVisibleName = (s: string): boolean => s.replace(INVISIBLE, '').length > 0;
export const OptionalText = (max = 2000) => Type.String({ maxLength: max });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const StringEnum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
export const Items = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });

/**
 * String formats of Foyer's own, checked by Ajv in every route (app.ts registers FORMATS): a value
 * that is not a real date or time in FIRST_DAY..LAST_DAY is a field error, never silently moved.
 */
export const FORMATS = {
  'foyer-name': (s: string) => isVisibleName(s),
  'foyer-day': (s: string) => isDay(s),
  'foyer-birth-date': (s: string) => isDay(s, FIRST_BIRTH_DAY),
  'foyer-local-date-time': (s: string) => isLocalDateTime(s),
  'foyer-instant': (s: string) => isInstant(s),
} as const;
const FIRST_BIRTH_DAY = '1900-01-01';

/** Local calendar day YYYY-MM-DD. */
export const Day = Type.String({ format: 'foyer-day', description: `Local calendar day YYYY-MM-DD, ${FIRST_DAY} to ${LAST_DAY}` });
export const BirthDate = Type.String({ format: 'foyer-birth-date', description: `YYYY-MM-DD, ${FIRST_BIRTH_DAY} to ${LAST_DAY}` });
/** Local date-time without offset, in the venue's zone: 2026-12-01T20:15 */
export const LocalDateTime = Type.String({
  format: 'foyer-local-date-time',
  description: `Local time in the venue's zone, YYYY-MM-DDThh:mm[:ss], ${FIRST_DAY}T00:00 to ${LAST_DAY}T23:59:59; not in the hour skipped when summer time starts`,
});
/** An instant with its offset: 2027-06-30T23:59:59+02:00 or …Z. */
export const Instant = Type.String({ format: 'foyer-instant', description: `YYYY-MM-DDThh:mm[:ss[.fff]] with Z or an offset, ${FIRST_DAY} to ${LAST_DAY}` });

/** The most one amount (a price, a payment) may be: 1,000,000 euro. Sums of amounts stay far below 2^53 cents. */
export const MAX_CENTS = 100_000_000;
export const Cents = Type.Integer({ minimum: 0, maximum: MAX_CENTS, description: `Euro cents, 0 to ${MAX_CENTS}` });
