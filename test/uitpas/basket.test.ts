// A UiTPAS pass in a basket: tariffs read live from the sandbox, applied to lines, removed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { addPass, basketWith, checkout, EVENT_100_PER_WEEK, EVENT_1_PER_WEEK, expectProblem, salesAtUitpas, startUitpasKit, type UitpasKit } from './kit.js';

interface Line { id: string; performanceId: string; ticketTypeId: string; price: number; uitpas: { uitpasNumber: string; tariffId: string } | null }

describe.each(DIALECTS)('UiTPAS in a basket on %s', (dialect) => {
  let k: UitpasKit;
  beforeAll(async () => { k = await startUitpasKit(dialect); });
  afterAll(async () => { await k?.close(); });

  it('refuses the UiTPAS ticket type picked by hand, with no pass: every UiTPAS tariff sold is registered at UiTPAS', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r4s9']);
    const byHand = await k.s.request('POST', `/api/baskets/${b.id}/lines`, {
      token: k.token, lang: 'nl', body: { performanceId: k.perfWeekly, seatIds: ['r4s10'], ticketTypeId: k.types.uitpas },
    });
    expectProblem(byHand, 409, 'ticket-type-uitpas-only');
    expect(byHand.body.detail).toContain('UiTPAS');
    const changed = await k.s.request('PATCH', `/api/baskets/${b.id}/lines/${b.lines[0].id}`, {
      token: k.token, body: { ticketTypeId: k.types.uitpas },
    });
    expectProblem(changed, 409, 'ticket-type-uitpas-only');
    const after = await k.s.request('GET', `/api/baskets/${b.id}`, { token: k.token });
    expect(after.body.lines).toHaveLength(1);
    expect(after.body.lines[0]).toMatchObject({ ticketTypeId: k.c.ticketTypes.normal, price: b.lines[0].price, uitpas: null });
  });

  it('grants the social tariff: the line becomes the UiTPAS type at the tariff price; removing the pass restores it', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s1']);
    expect(b.lines[0]).toMatchObject({ ticketTypeId: k.c.ticketTypes.normal, price: 3000 });
    const res = await addPass(k, b.id, { uitpasNumber: '0900000067513' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.pass).toMatchObject({ uitpasNumber: '0900000067513', passType: 'INDIVIDUAL', socialTariff: 'ACTIVE' });
    // 25 % of 30 euro, as UiTPAS computes it: Foyer never computes a tariff itself.
    expect(res.body.offers[0]).toMatchObject({ eventId: EVENT_100_PER_WEEK, regularPrice: 3000 });
    expect(res.body.offers[0].tariffs).toContainEqual(expect.objectContaining({ id: 'SOCIALTARIFF', type: 'SOCIALTARIFF', price: 750, remaining: 1 }));
    expect(res.body.appliedLineIds).toEqual([b.lines[0].id]);
    const line: Line = res.body.basket.lines[0];
    expect(line).toMatchObject({ ticketTypeId: k.types.uitpas, ticketTypeName: 'UiTPAS', price: 750 });
    expect(line.uitpas).toMatchObject({ uitpasNumber: '0900000067513', tariffId: 'SOCIALTARIFF' });
    expect(res.body.basket.total).toBe(750);

    const removed = await k.s.request('DELETE', `/api/baskets/${b.id}/uitpas/0900000067513`, { token: k.token });
    expect(removed.status).toBe(200);
    expect(removed.body.lines[0]).toMatchObject({ ticketTypeId: k.c.ticketTypes.normal, price: 3000, uitpas: null });
  });

  it('an expired social tariff (UiTPAS answers 400 social-tariff-expired): its message in the request language, the regular price kept', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s2']);
    const nl = await addPass(k, b.id, { uitpasNumber: '0900000031618' }, 'nl');
    expect(nl.status, JSON.stringify(nl.body)).toBe(200);
    expect(nl.body.endUserMessage).toContain('kansentarief is verlopen');
    expect(nl.body.pass.messages.length).toBeGreaterThan(0);
    expect(nl.body.appliedLineIds).toEqual([]);
    expect(nl.body.basket.lines[0]).toMatchObject({ ticketTypeId: k.c.ticketTypes.normal, price: 3000, uitpas: null });
    const fr = await addPass(k, b.id, { uitpasNumber: '0900000031618' }, 'fr');
    expect(fr.body.endUserMessage).toContain('tarif social a expiré');
    const en = await addPass(k, b.id, { uitpasNumber: '0900000031618' }, 'en');
    expect(en.body.endUserMessage).toContain('social tariff has expired');
  });

  it('a suspended social tariff: UiTPAS’s message, no tariff; in a grace period the tariff is still granted', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s6', 'r1s7']);
    await fetch(`${k.sandbox.baseUrl}/_sandbox/passes/0900011902815`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"socialTariff":"suspended"}' });
    const suspended = await addPass(k, b.id, { uitpasNumber: '0900011902815' }, 'fr');
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body.endUserMessage).toContain('suspendu');
    expect(suspended.body.pass.messages[0]).toMatch(/opgeschort/);
    expect(suspended.body.appliedLineIds).toEqual([]);
    await fetch(`${k.sandbox.baseUrl}/_sandbox/passes/0900011903417`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"socialTariff":"grace"}' });
    const grace = await addPass(k, b.id, { uitpasNumber: '0900011903417' });
    expect(grace.body.pass).toMatchObject({ socialTariff: 'ACTIVE', messages: [expect.stringContaining('verlopen')] });
    expect(grace.body.appliedLineIds).toHaveLength(1);
    await fetch(`${k.sandbox.baseUrl}/_sandbox/passes/0900011902815`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"socialTariff":"active"}' });
    await fetch(`${k.sandbox.baseUrl}/_sandbox/passes/0900011903417`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"socialTariff":"active"}' });
  });

  it('a chip number or an INSZ finds the pass; the answer and the line carry its UiTPAS number', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s8', 'r1s9']);
    const chip = await addPass(k, b.id, { uitpasNumber: '04363cdaee3880' });
    expect(chip.status, JSON.stringify(chip.body)).toBe(200);
    expect(chip.body.pass.uitpasNumber).toBe('0900000067513');
    expect(chip.body.basket.lines.find((l: Line) => l.id === chip.body.appliedLineIds[0]).uitpas.uitpasNumber).toBe('0900000067513');
    const sameByInsz = await addPass(k, b.id, { uitpasNumber: '36.05.13-802.84' });
    expectProblem(sameByInsz, 409, 'uitpas-pass-used');
    const insz = await addPass(k, b.id, { uitpasNumber: '08091860684' });
    expect(insz.body.pass.uitpasNumber).toBe('0900010959113');
    expect(insz.body.appliedLineIds).toHaveLength(1);
    const asked = k.sandbox.app.uitpas.faults.log.filter((r) => r.url.startsWith('/passes?')).map((r) => new URL(r.url, 'http://x').searchParams.get('identifier'));
    expect(asked).toEqual(expect.arrayContaining(['04363CDAEE3880', '36051380284', '08091860684']));
    const tariffsFor = k.sandbox.app.uitpas.faults.log.filter((r) => r.url.startsWith('/tariffs?')).map((r) => new URL(r.url, 'http://x').searchParams.get('uitpasNumber'));
    expect(tariffsFor).not.toContain('04363CDAEE3880');
  });

  it('a coupon only when asked: the group pass’s coupon at its price', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s10']);
    const plain = await addPass(k, b.id, { uitpasNumber: '0900000191800' });
    expect(plain.body.appliedLineIds).toEqual([]);
    const coupon = plain.body.offers[0].tariffs.find((t: { type: string }) => t.type === 'COUPON');
    expect(coupon).toMatchObject({ id: 'COUPON_1918', price: 2700 });
    const used = await addPass(k, b.id, { uitpasNumber: '0900000191800', tariffId: coupon.id });
    expect(used.status).toBe(200);
    expect(used.body.basket.lines[0]).toMatchObject({ ticketTypeId: k.types.group, price: 2700 });
    expect(used.body.basket.lines[0].uitpas.tariffId).toBe('COUPON_1918');
  });

  it('asks a tariff for every priced rank, with its price class as regularPriceLabel, and registers the label', async () => {
    k.sandbox.app.uitpas.faults.clearLog();
    const b = await basketWith(k, k.perfWeekly, ['r3s9']); // rank 2: 20 euro
    const res = await addPass(k, b.id, { uitpasNumber: '0900000095902' });
    expect(res.body.offers.map((o: { rank: number; regularPrice: number; regularPriceLabel: string; lineIds: string[] }) => [o.rank, o.regularPrice, o.regularPriceLabel, o.lineIds.length]))
      .toEqual([[1, 3000, 'Normaal rang 1', 0], [2, 2000, 'Normaal rang 2', 1]]);
    const asked = k.sandbox.app.uitpas.faults.log.filter((r) => r.url.startsWith('/tariffs?')).map((r) => new URL(r.url, 'http://x').searchParams);
    expect(asked.map((q) => [q.get('regularPrice'), q.get('regularPriceLabel')])).toEqual([['30', 'Normaal rang 1'], ['20', 'Normaal rang 2']]);

    // On the other performance (fixed tariff of 2 euro), so the sales of the other tests stay as they are.
    const sold = await basketWith(k, k.perfLimited, ['r3s10']);
    expect((await addPass(k, sold.id, { uitpasNumber: '0900011902815' })).body.offers[1].tariffs[0]).toMatchObject({ price: 200 });
    expect((await checkout(k, sold.id)).status).toBe(201);
    expect(salesAtUitpas(k, EVENT_1_PER_WEEK).map((x) => [x.uitpasNumber, x.regularPrice, x.regularPriceLabel]))
      .toEqual([['0900011902815', 20, 'Normaal rang 2']]);
  });

  it('a blocked card is refused with UiTPAS’s message and leaves the line alone', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s3']);
    const res = await addPass(k, b.id, { uitpasNumber: '0900000002312' });
    expectProblem(res, 409, 'uitpas-refused');
    expect(res.body.uitpasProblem).toBe('uitpas/invalid-card-status');
    expect(res.body.detail).toContain('geblokkeerd');
    const after = await k.s.request('GET', `/api/baskets/${b.id}`, { token: k.token });
    expect(after.body.lines[0]).toMatchObject({ ticketTypeId: k.c.ticketTypes.normal, price: 3000, uitpas: null });
  });

  it('a pass of another region gets no tariff here, with the reason', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s4']);
    const res = await addPass(k, b.id, { uitpasNumber: '0900000093204' });
    expect(res.status).toBe(200);
    expect(res.body.offers[0].tariffs).toEqual([]);
    expect(res.body.endUserMessage).toContain('andere UiTPAS-regio');
    expect(res.body.appliedLineIds).toEqual([]);
    expect(res.body.basket.lines[0].price).toBe(3000);
  });

  it('checks the number is a UiTPAS number, an INSZ with a right check number or a chip number before asking UiTPAS', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r1s5']);
    const before = k.sandbox.app.uitpas.faults.log.length;
    for (const wrong of ['09000000675', '36051380285', '0900-0000-67513x', 'hello']) {
      const res = await addPass(k, b.id, { uitpasNumber: wrong });
      expectProblem(res, 400, 'validation-failed');
      expect(res.body.errors[0].field).toBe('uitpasNumber');
    }
    expect(k.sandbox.app.uitpas.faults.log.length).toBe(before);
  });

  it('two passes in one basket, each on its own line; the same individual pass twice is refused', async () => {
    const b = await basketWith(k, k.perfWeekly, ['r2s1', 'r2s2', 'r2s3']);
    const first = await addPass(k, b.id, { uitpasNumber: '0900000067513' });
    expect(first.body.appliedLineIds).toEqual([b.lines[0].id]);
    const again = await addPass(k, b.id, { uitpasNumber: '0900000067513' });
    expectProblem(again, 409, 'uitpas-pass-used');
    const explicit = await addPass(k, b.id, { uitpasNumber: '0900000067513', lineIds: [b.lines[2].id] });
    expectProblem(explicit, 409, 'uitpas-pass-used');
    const second = await addPass(k, b.id, { uitpasNumber: '0900010959113' });
    expect(second.body.appliedLineIds).toEqual([b.lines[1].id]);
    const lines: Line[] = second.body.basket.lines;
    expect(lines.map((l) => l.uitpas?.uitpasNumber ?? null)).toEqual(['0900000067513', '0900010959113', null]);
    expect(lines.map((l) => l.price)).toEqual([1500 / 2, 1500 / 2, 3000]);

    const order = await checkout(k, b.id);
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body.tickets.map((t: { ticketTypeName: string }) => t.ticketTypeName)).toEqual(['UiTPAS', 'UiTPAS', 'Normaal']);
    const sales = salesAtUitpas(k, EVENT_100_PER_WEEK).map((x) => x.uitpasNumber).sort();
    expect(sales).toEqual(['0900000067513', '0900010959113']);
  });

  it('a group pass buys several tickets at its group type, up to what UiTPAS allows', async () => {
    // Row 3 is rank 2: 20 euro, so the social tariff is 5 euro.
    const b = await basketWith(k, k.perfWeekly, ['r3s1', 'r3s2', 'r3s3']);
    const res = await addPass(k, b.id, { uitpasNumber: '0900000045410' });
    expect(res.status).toBe(200);
    expect(res.body.pass.passType).toBe('GROUP');
    const offer = res.body.offers.find((o: { lineIds: string[] }) => o.lineIds.length);
    expect(offer.tariffs[0]).toMatchObject({ type: 'SOCIALTARIFF', remaining: 100 });
    expect(res.body.appliedLineIds).toHaveLength(3);
    expect(res.body.basket.lines.every((l: Line) => l.ticketTypeId === k.types.group && l.price === 500)).toBe(true);
    const order = await checkout(k, b.id);
    expect(order.status).toBe(201);
    expect(order.body.tickets.map((t: { ticketTypeName: string }) => t.ticketTypeName)).toEqual(['UiTPAS groepspas', 'UiTPAS groepspas', 'UiTPAS groepspas']);
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK).filter((x) => x.uitpasNumber === '0900000045410')).toHaveLength(3);

    // Reports count UiTPAS tickets under their own ticket types.
    const report = await k.s.request('GET', '/api/reports/performances?from=2055-01-15&to=2055-01-15', { token: k.token });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const item = report.body.items.find((i: { performanceId: string }) => i.performanceId === k.perfWeekly);
    const byType = Object.fromEntries(item.byTicketType.map((t: { name: string; tickets: number; revenue: number }) => [t.name, [t.tickets, t.revenue]]));
    expect(byType['UiTPAS groepspas']).toEqual([3, 1500]);
    expect(byType.UiTPAS).toEqual([2, 1500]);
  });

  it('works online too, and refuses passes in a channel where UiTPAS is switched off', async () => {
    const online = await basketWith(k, k.perfWeekly, ['r4s1'], 'online');
    expect((await addPass(k, online.id, { uitpasNumber: '0900000067513' })).body.appliedLineIds).toHaveLength(1);
    const settings = await k.s.request('PUT', '/api/uitpas/settings', {
      token: k.token, body: {
        clientId: 'foyer-demo', accountUrl: k.sandbox.baseUrl, apiUrl: k.sandbox.baseUrl,
        organizerId: '0ce87cbc-9299-4528-8d35-92225dc9489f', channels: { boxoffice: true, online: false },
      },
    });
    expect(settings.status).toBe(200);
    const off = await basketWith(k, k.perfWeekly, ['r4s2'], 'online');
    expectProblem(await addPass(k, off.id, { uitpasNumber: '0900010959113' }), 409, 'uitpas-off');
    await k.s.request('PUT', '/api/uitpas/settings', {
      token: k.token, body: {
        clientId: 'foyer-demo', accountUrl: k.sandbox.baseUrl, apiUrl: k.sandbox.baseUrl,
        organizerId: '0ce87cbc-9299-4528-8d35-92225dc9489f', channels: { boxoffice: true, online: true },
      },
    });
  });
});
