// The buy path in-process, small and quick: the statements one buy sends (open basket, add seats,
// checkout), and N buys by concurrent buyers on one database. For measuring a change to the buy
// path on a busy machine, where the whole rush bench is too much.
//   node --import tsx bench/buy-path.ts            (sqlite; BUY_DATABASE=postgres, BUY_N=2000, BUY_BUYERS=50, BUY_RUNS=3, BUY_SQL=1)
import fs from 'node:fs';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { freshDatabase } from '../test/helpers/databases.js';
import { addPerformance, arenaSeatMap, openTestDatabase, seedOnSale } from '../test/helpers/process.js';
import type { Dialect } from '../src/platform/db.js';
import { directShop } from './rush-shops.js';

const DIALECT = (process.env.BUY_DATABASE ?? 'sqlite') as Dialect;
const N = Number(process.env.BUY_N ?? 2000);
const BUYERS = Number(process.env.BUY_BUYERS ?? 50);
const RUNS = Number(process.env.BUY_RUNS ?? 3);
const SHOW_SQL = process.env.BUY_SQL === '1';

/** Counts the statements Kysely runs, built once or not (not BEGIN/COMMIT/savepoints, which the drivers send). */
class Counter implements KyselyPlugin {
  n = 0;
  kinds: string[] = [];
  #kind = new WeakMap<object, string>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as RootOperationNode & { from?: { froms?: { table?: { identifier?: { name?: string } } }[] }; into?: { table?: { identifier?: { name?: string } } }; table?: { table?: { identifier?: { name?: string } } } };
    const table = node.kind === 'SelectQueryNode' ? node.from?.froms?.[0]?.table?.identifier?.name
      : node.kind === 'InsertQueryNode' ? node.into?.table?.identifier?.name
        : node.kind === 'UpdateQueryNode' ? node.table?.table?.identifier?.name : '';
    this.#kind.set(args.queryId, `${node.kind.replace('QueryNode', '').toLowerCase()} ${table ?? ''}`.trim());
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.n++;
    this.kinds.push(this.#kind.get(args.queryId) ?? 'built once');
    return args.result;
  }
}

/** Bytes this process has written through write(2)/pwrite(2) so far (Linux; 0 elsewhere): the SQLite log and checkpoints. */
function bytesWritten(): number {
  try {
    return Number(/^wchar: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const database = await freshDatabase(DIALECT);
const handle = openTestDatabase(database, 8);
try {
  const sale = await seedOnSale(handle, arenaSeatMap(4, 40, 50, (_s, row) => 1 + Math.floor(row / 8)));
  const counter = new Counter();
  const counted = { ...handle, db: handle.db.withPlugin(counter) };

  // One buy, alone: its statements per step.
  const one = await directShop(counted, sale.orgId, sale.email, await addPerformance(handle, sale));
  for (let warm = 0; warm < 3; warm++) await one.checkout(await one.basket().then(async (b) => (await one.add(b, 2), b)));
  const steps: [string, number][] = [];
  const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const before = counter.n;
    const k = counter.kinds.length;
    const v = await f();
    steps.push([name, counter.n - before]);
    if (SHOW_SQL) console.log(`${name}: ${counter.kinds.slice(k).join(', ')}`);
    return v;
  };
  const basket = await step('open basket', () => one.basket());
  await step('add seats', () => one.add(basket, 2));
  await step('checkout', () => one.checkout(basket));
  const total = steps.reduce((n, [, c]) => n + c, 0);
  console.log(`${DIALECT}: statements per buy ${total} (${steps.map(([s, c]) => `${s} ${c}`).join(', ')})`);

  // N buys by concurrent buyers, each run on a fresh performance.
  const rates: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const shop = await directShop(handle, sale.orgId, sale.email, await addPerformance(handle, sale));
    let started = 0;
    let failures = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const written0 = bytesWritten();
    await Promise.all(Array.from({ length: BUYERS }, async (_, b) => {
      while (started < N) {
        started++;
        try {
          const id = await shop.basket();
          if ((await shop.add(id, 1 + ((b + started) % 3))) === 'none') throw new Error('sold out');
          await shop.checkout(id);
        } catch {
          failures++;
        }
      }
    }));
    const rate = N / ((performance.now() - t0) / 1000);
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / N;
    const kbPerBuy = (bytesWritten() - written0) / 1024 / N;
    rates.push(rate);
    cpus.push(cpuMs);
    console.log(`  run ${run + 1}: ${N} buys by ${BUYERS} buyers, ${rate.toFixed(0)} buys/s, ${cpuMs.toFixed(2)} ms of CPU per buy${kbPerBuy > 0 ? `, ${kbPerBuy.toFixed(1)} KB written per buy` : ''}${failures ? `, ${failures} failures` : ''}`);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  // On a busy machine the CPU a buy costs this process says more than buys/s.
  console.log(`${DIALECT}: in-process median ${median(rates).toFixed(0)} buys/s, ${median(cpus).toFixed(2)} ms of CPU per buy`);
} finally {
  await handle.close();
  await database.drop();
}
