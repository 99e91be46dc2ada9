// Service fees stay out of UiTPAS: the regular price Foyer gives UiTPAS (to ask the tariff and to
// register the sale) is the ticket's own price, without the fee the buyer pays on top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { addPass, basketWith, checkout, EVENT_100_PER_WEEK, salesAtUitpas, startUitpasKit, type UitpasKit } from './kit.js';

describe.each(DIALECTS)('UiTPAS regular price without service fees on %s', (dialect) => {
  let k: UitpasKit;
  beforeAll(async () => {
    k = await startUitpasKit(dialect);
    const fees = await k.s.request('PUT', '/api/fees', { token: k.token, body: { boxoffice: { perTicket: 100, perOrder: 250, vatRate: 2100 } } });
    expect(fees.status).toBe(200);
  });
  afterAll(async () => { await k?.close(); });

  it('registers the sale at the ticket price, and the buyer pays the tariff plus the fees', async () => {
    const basket = await basketWith(k, k.perfWeekly, ['r1s1']);
    expect(basket.fees.map((f: { amount: number }) => f.amount)).toEqual([100, 250]);
    const applied = await addPass(k, basket.id, { uitpasNumber: '0900000067513' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.basket.lines[0]).toMatchObject({ price: 750 });
    expect(applied.body.basket.total).toBe(750 + 100 + 250);

    const order = await checkout(k, basket.id);
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ total: 1100, paid: 1100 });
    const sales = salesAtUitpas(k, EVENT_100_PER_WEEK);
    expect(sales).toHaveLength(1);
    expect(sales[0].regularPrice).toBe(30);
    const stored = await k.s.deps.db.selectFrom('uitpas_sales').select(['regular_price', 'price']).execute();
    expect(stored).toEqual([{ regular_price: 3000, price: 750 }]);
  });
});
