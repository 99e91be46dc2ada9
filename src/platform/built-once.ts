// Statements of the buy path built once. Building and compiling a Kysely query costs more than
// running it on SQLite (a seven-table select: tens of microseconds, on every buy). `builtOnce`
// builds the query the first time for each dialect and shape with a marker for every argument,
// remembers its SQL and which parameter is which argument, and from then on runs that SQL with the
// new arguments. Only for statements whose SQL does not depend on the arguments' values (no IN
// lists); a builder that does anything with an argument but pass it on is refused when built.
import { CompiledQuery, type Compilable } from 'kysely';
import type { Db, Dialect } from './db.js';

type Arg = string | number | null | undefined;

interface Shape {
  sql: string;
  /** Per parameter: the argument it is, or the constant the builder put there. */
  slots: ({ arg: string } | { value: unknown })[];
}

const MARK = '\u0000built-once:';

/**
 * `build` gives the query for arguments `a` (those left out are undefined) on `dialect`; the answer
 * runs it on a database or transaction of that dialect. `shape` names the variant when the SQL
 * depends on which arguments are given.
 */
export function builtOnce<A extends { [k: string]: Arg }, R>(build: (db: Db, a: A, dialect: Dialect) => Compilable<R>) {
  const shapes = new Map<string, Shape>();
  return async (db: Db, dialect: Dialect, a: A, shape = ''): Promise<{ rows: R[]; numAffectedRows?: bigint }> => {
    const key = `${dialect}\u0000${shape}`;
    let s = shapes.get(key);
    if (!s) {
      const given = Object.keys(a).filter((k) => a[k] !== undefined);
      const marked = Object.fromEntries(given.map((k) => [k, `${MARK}${k}`])) as unknown as A;
      const compiled = build(db, marked, dialect).compile();
      const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? { arg: p.slice(MARK.length) } : { value: p }));
      const missing = given.filter((k) => !slots.some((x) => 'arg' in x && x.arg === k));
      if (missing.length) throw new Error(`builtOnce: ${missing.join(', ')} not passed on as parameters`);
      s = { sql: compiled.sql, slots };
      shapes.set(key, s);
    }
    const params = s.slots.map((x) => ('arg' in x ? a[x.arg] : x.value));
    const r = await db.executeQuery<R>(CompiledQuery.raw(s.sql, params));
    return { rows: r.rows, numAffectedRows: r.numAffectedRows };
  };
}
