// Statements of the buy path built once. Building and compiling a Kysely query costs more than
// running it on SQLite (a seven-table select: tens of microseconds, on every buy). `builtOnce`
// builds the query the first time for each dialect and shape with a marker for every argument,
// remembers its SQL and which parameter is which argument, and from then on runs that SQL with the
// new arguments. Only for statements whose SQL does not depend on the arguments' values (no IN
// lists); a builder that does anything with an argument but pass it on is refused when built.
import { CompiledQuery, type Compilable, type Insertable } from 'kysely';
import type { Db, Dialect } from './db.js';
import type { Database } from './schema.js';

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

/** Row counts whose insert is kept; a larger insert is built each time (same SQL, not kept). */
const MAX_ROWS_KEPT = 32;

/**
 * An insert of rows into `table`, each with exactly `columns`, built once per dialect and number
 * of rows (up to MAX_ROWS_KEPT): the SQL of a multi-row insert depends on how many rows it has,
 * never on their values. A value left undefined is refused (Kysely would have left the column out).
 */
export function insertedOnce<T extends keyof Database, C extends keyof Insertable<Database[T]> & string>(table: T, columns: readonly C[]) {
  const shapes = new Map<string, string>();
  const build = (db: Db, count: number): string => {
    const marked = Array.from({ length: count }, (_, i) => Object.fromEntries(columns.map((c) => [c, `${MARK}${i}:${c}`])));
    // A table name and columns of the schema; the values only markers, checked below.
    const compiled = db.insertInto(table).values(marked as never).compile();
    const expected = marked.flatMap((r) => columns.map((c) => r[c]));
    if (compiled.parameters.length !== expected.length || compiled.parameters.some((p, i) => p !== expected[i])) {
      throw new Error(`insertedOnce: the insert into ${table} does not take its values in row and column order`);
    }
    return compiled.sql;
  };
  type Row = Insertable<Database[T]>;
  // Rows with every column of the insert and no other: a column missing from `columns` is a type error, not dropped.
  return async <R extends { [K in C]-?: Exclude<Row[K], undefined> }>(
    db: Db, dialect: Dialect, rows: readonly (R & { [K in Exclude<keyof R, C>]: never })[],
  ): Promise<void> => {
    if (!rows.length) return;
    const key = `${dialect}\u0000${rows.length}`;
    let sqlText = shapes.get(key);
    if (sqlText === undefined) {
      sqlText = build(db, rows.length);
      if (rows.length <= MAX_ROWS_KEPT) shapes.set(key, sqlText);
    }
    const params: unknown[] = new Array(rows.length * columns.length);
    let n = 0;
    for (const row of rows) {
      for (const c of columns) {
        const v = row[c];
        if (v === undefined) throw new Error(`insertedOnce: ${table}.${c} is undefined`);
        params[n++] = v;
      }
    }
    await db.executeQuery(CompiledQuery.raw(sqlText, params));
  };
}
