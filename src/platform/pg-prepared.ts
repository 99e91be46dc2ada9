// PostgreSQL parses and plans a query every time it arrives as an unnamed statement; a named one is
// parsed and planned once per connection (a few percent of a buy's time on the selling path's joins
// of six or seven tables). This pool hands Kysely clients whose queries carry a name derived from
// their SQL text. Statements with values spliced into their text (IN lists of
// varying length) would make a name per length: each connection names at most MAX_NAMED of them.
import crypto from 'node:crypto';
import type pg from 'pg';

const MAX_NAMED = 400;
const MAX_SQL_LENGTH = 20_000;
const named = new WeakMap<pg.PoolClient, Set<string>>();

// The name of each statement text seen, so that a hot statement is hashed once per process rather than on
// every run (a buy runs a dozen): at most MAX_NAMES texts of up to MAX_KEPT_LENGTH characters (longer ones
// are hashed each time); '' for texts never named.
const names = new Map<string, string>();
const MAX_NAMES = 1000;
const MAX_KEPT_LENGTH = 4000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name !== undefined) return name;
  name = text.length > MAX_SQL_LENGTH || /^\s*(begin|commit|rollback|savepoint|release)/i.test(text)
    ? '' : `f_${crypto.createHash('sha1').update(text).digest('base64url')}`;
  if (text.length <= MAX_KEPT_LENGTH) {
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

function nameFor(client: pg.PoolClient, text: string): string | undefined {
  const name = nameOf(text);
  if (!name) return undefined;
  let set = named.get(client);
  if (!set) named.set(client, (set = new Set()));
  if (set.has(name)) return name;
  if (set.size >= MAX_NAMED) return undefined;
  set.add(name);
  return name;
}

type QueryFn = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** `pool`, whose clients name every statement they run with parameters (see above). */
export function preparedStatementsPool(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const wrapped = async (): Promise<pg.PoolClient> => {
    const client = await connect();
    return new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        const query: QueryFn = (text, values) => {
          const name = values ? nameFor(target, text) : undefined;
          return name ? target.query({ name, text, values }) : target.query(text, values);
        };
        return (...args: unknown[]) => (typeof args[0] === 'string' ? query(args[0], args[1] as unknown[] | undefined) : (target.query as (...a: unknown[]) => unknown)(...args));
      },
    });
  };
  return new Proxy(pool, { get: (target, prop, receiver) => (prop === 'connect' ? wrapped : Reflect.get(target, prop, receiver)) });
}
