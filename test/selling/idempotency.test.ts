// Idempotency-Key on checkout, payment and cancel: the same key from the same caller answers the
// stored result of the first request and does the work once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, userIn, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('Idempotency-Key on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let orgId: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  const key = (k: string) => ({ 'idempotency-key': k });
  beforeAll(async () => {
    s = await startServer(dialect);
    const me = await orgWithUser(s);
    token = me.token;
    orgId = me.orgId;
    c = await buildCatalogue(s, token);
  });
  afterAll(async () => { await s?.close(); });

  it('a retried checkout answers the same order, made once', async () => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] });
    const body = { payment: { method: 'pin' } };
    const first = await k.req('POST', `/api/baskets/${b.id}/checkout`, body, key('co-1'));
    expect(first.status).toBe(201);
    const second = await k.req('POST', `/api/baskets/${b.id}/checkout`, body, key('co-1'));
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replay')).toBe('true');
    expect(second.body).toEqual(first.body);
    const orders = await s.deps.db.selectFrom('orders').select('id').where('basket_id', '=', b.id).execute();
    expect(orders).toHaveLength(1);
    const pays = await s.deps.db.selectFrom('payments').select('id').where('order_id', '=', first.body.id).execute();
    expect(pays).toHaveLength(1);

    // Without a key, a second checkout is refused: the basket is closed.
    expect((await k.req('POST', `/api/baskets/${b.id}/checkout`, body)).status).toBe(409);
    // The same key for another request is an error, not a replay.
    const other = await k.req('POST', `/api/baskets/${b.id}/checkout`, { payment: { method: 'cash' } }, key('co-1'));
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
  });

  it('keys belong to their caller: another user with the same key gets their own answer', async () => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s3'] });
    await k.ensureCustomer(b.id);
    const mine = await k.req('POST', `/api/baskets/${b.id}/checkout`, {}, key('shared-key'));
    expect(mine.status).toBe(201);
    const colleague = await userIn(s, orgId, 'boxoffice');
    const theirs = await s.request('POST', `/api/baskets/${b.id}/checkout`, { token: colleague, body: {}, headers: key('shared-key') });
    expect(theirs.status).toBe(409);
    expect(theirs.body.type).toBe('/problems/basket-closed');
    expect(theirs.headers.get('idempotent-replay')).toBeNull();
  });

  it('a retried payment pays once', async () => {
    const order = await k.sell(c.performanceId, ['r2s1'], { unpaid: true });
    const a = await k.req('POST', `/api/orders/${order.id}/payments`, { method: 'cash' }, key('pay-1'));
    const b = await k.req('POST', `/api/orders/${order.id}/payments`, { method: 'cash' }, key('pay-1'));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    expect(a.body.payments).toHaveLength(1);
    const pays = await s.deps.db.selectFrom('payments').select('id').where('order_id', '=', order.id).execute();
    expect(pays).toHaveLength(1);
  });

  it('a retried cancel answers the same result and refunds once', async () => {
    const order = await k.sell(c.performanceId, ['r2s2', 'r2s3']);
    const body = { ticketIds: [order.tickets[0].id] };
    const a = await k.req('POST', `/api/orders/${order.id}/cancel`, body, key('cancel-1'));
    const b = await k.req('POST', `/api/orders/${order.id}/cancel`, body, key('cancel-1'));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    const refunds = await s.deps.db.selectFrom('payments').select('amount').where('order_id', '=', order.id).where('kind', '=', 'refund').execute();
    expect(refunds).toEqual([{ amount: 3000 }]);
  });

  it('a refusal is the stored answer for its key too', async () => {
    const b = await k.basket();
    const empty = await k.req('POST', `/api/baskets/${b.id}/checkout`, {}, key('empty-1'));
    expect(empty.status).toBe(409);
    expect(empty.body.type).toBe('/problems/basket-empty');
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r3s1'] });
    await k.ensureCustomer(b.id);
    const retry = await k.req('POST', `/api/baskets/${b.id}/checkout`, {}, key('empty-1'));
    expect(retry.status).toBe(409);
    expect(retry.contentType).toContain('application/problem+json');
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    // A fresh key goes through.
    expect((await k.req('POST', `/api/baskets/${b.id}/checkout`, {}, key('empty-2'))).status).toBe(201);
  });

  it('a malformed key is a field error and nothing happens', async () => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r3s2'] });
    const res = await k.req('POST', `/api/baskets/${b.id}/checkout`, {}, key('spaces are not allowed'));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
    expect(k.ok(await k.req('GET', `/api/baskets/${b.id}`)).status).toBe('open');
  });
});
