// The two ways the rush buys: HTTP against a Foyer process, and the same services in-process.
import { systemClock } from '../src/platform/clock.js';
import type { Ctx } from '../src/platform/context.js';
import type { DatabaseHandle } from '../src/platform/db.js';
import { Problem } from '../src/platform/problems.js';
import { addLines, createBasket } from '../src/baskets/service.js';
import { checkout } from '../src/orders/service.js';
import { quietLog } from '../test/helpers/process.js';
import type { HttpJson } from './rush-http.js';
import type { Shop } from './rush-buyers.js';
// The extras a server has registered (packs, streams): the in-process buy does what the server's does.
import '../src/sale-steps.js';

const SOLD_OUT = new Set(['/problems/not-enough-seats']);

export function httpShop(client: HttpJson, performanceId: string): Shop {
  const must = <T>(r: { status: number; body: T }, want: number, what: string): T => {
    if (r.status !== want) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    return r.body;
  };
  return {
    async basket() {
      return must(await client.call('POST', '/api/baskets', { channel: 'online' }), 201, 'basket').id as string;
    },
    async add(basketId, quantity) {
      const r = await client.call('POST', `/api/baskets/${basketId}/lines`, { performanceId, quantity });
      if (r.status === 409 && SOLD_OUT.has(r.body.type)) return 'none';
      must(r, 200, 'add lines');
      return 'ok';
    },
    async checkout(basketId) {
      return must(await client.call('POST', `/api/baskets/${basketId}/checkout`, { payment: { method: 'card' } }), 201, 'checkout').tickets.length as number;
    },
  };
}

export async function directShop(db: DatabaseHandle, orgId: string, email: string, performanceId: string): Promise<Shop> {
  const user = await db.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const ctx: Ctx = {
    db: db.db, dialect: db.dialect, orgId, actor: { kind: 'user', id: user.id, orgId, role: 'admin' },
    clock: systemClock, log: quietLog, lang: 'en',
  };
  return {
    basket: async () => (await createBasket(ctx, 'online')).id,
    async add(basketId, quantity) {
      try {
        await addLines(ctx, basketId, { performanceId, quantity });
        return 'ok';
      } catch (e) {
        if (e instanceof Problem && e.code === 'not-enough-seats') return 'none';
        throw e;
      }
    },
    checkout: async (basketId) => (await checkout(ctx, basketId, { method: 'card' })).tickets.length,
  };
}
