// Blocks ("blokkades"): definitive ones come off the capacity, conditional ones are reported to DIP as
// blocked seats with their value; both take places off sale until released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('blocks on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    // 4 rows x 10: rows 1-2 rank 1 (normal 30.00), rows 3-4 rank 2 (normal 20.00); 6 standing places, rank 1.
    c = await buildCatalogue(s, token, { zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 6 }] });
  });
  afterAll(async () => { await s?.close(); });

  it('a performance on sale has one inventory row per seat and per GA place, all free', async () => {
    const places = await k.places(c.performanceId);
    expect(places.ranks).toEqual([{ rank: 1, total: 20, available: 20 }, { rank: 2, total: 20, available: 20 }]);
    expect(places.zones).toEqual([{ zoneId: 'staan', capacity: 6, available: 6 }]);
    const f = await k.figures(c.performanceId);
    expect(f.capacity).toBe(46);
    expect(f.available).toBe(46);
  });

  it('a definitive block takes seats off sale and off the capacity; release puts them back', async () => {
    const res = await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: 'Techniek: camera', seatIds: ['r4s1', 'r4s2'] });
    const block = k.ok(res, 201);
    expect(block).toMatchObject({ kind: 'definitive', reason: 'Techniek: camera', places: 2, seatIds: ['r4s1', 'r4s2'], releasedAt: null });

    const seats = await k.seatStatus(c.performanceId);
    expect([seats.r4s1, seats.r4s2, seats.r4s3]).toEqual(['blocked', 'blocked', 'free']);
    const b = await k.basket();
    const refused = await k.req('POST', `/api/baskets/${b.id}/lines`, { performanceId: c.performanceId, seatIds: ['r4s1'] });
    expect(refused.status).toBe(409);
    expect(refused.body.unavailableSeatIds).toEqual(['r4s1']);

    let f = await k.figures(c.performanceId);
    expect(f.capacity).toBe(44);
    expect(f.blocked).toEqual({ conditional: 0, conditionalValue: 0, definitive: 2 });
    expect(f.available).toBe(44);

    const list = k.ok(await k.req('GET', `/api/performances/${c.performanceId}/blocks`));
    expect(list.items.map((x: { id: string }) => x.id)).toContain(block.id);

    k.ok(await k.req('DELETE', `/api/blocks/${block.id}`), 204);
    f = await k.figures(c.performanceId);
    expect(f.capacity).toBe(46);
    expect(f.blocked.definitive).toBe(0);
    expect((await k.seatStatus(c.performanceId)).r4s1).toBe('free');
    const after = k.ok(await k.req('GET', `/api/performances/${c.performanceId}/blocks`));
    expect(after.items.map((x: { id: string }) => x.id)).not.toContain(block.id);
    // Released seats sell again.
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r4s1'] });
    k.ok(await k.req('DELETE', `/api/baskets/${b.id}`), 204);
  });

  it('a conditional block stays in the capacity and is reported blocked, valued at the standard price of each seat\'s rank', async () => {
    const block = k.ok(await k.req('POST', `/api/performances/${c.performanceId}/blocks`,
      { kind: 'conditional', reason: 'Rolstoelplaatsen', seatIds: ['r1s10', 'r3s10', 'r3s9'] }), 201);
    const f = await k.figures(c.performanceId);
    expect(f.capacity).toBe(46);
    // One rank-1 seat at 30.00 and two rank-2 seats at 20.00.
    expect(f.blocked).toEqual({ conditional: 3, conditionalValue: 3000 + 2 * 2000, definitive: 0 });
    expect(f.available).toBe(43);
    const seats = k.ok(await k.req('GET', `/api/performances/${c.performanceId}/seats`)).seats;
    expect(seats.find((x: { seatId: string }) => x.seatId === 'r3s9')).toMatchObject({ status: 'blocked', blockKind: 'conditional' });
    k.ok(await k.req('DELETE', `/api/blocks/${block.id}`), 204);
    expect((await k.figures(c.performanceId)).blocked).toEqual({ conditional: 0, conditionalValue: 0, definitive: 0 });
    // Releasing twice changes nothing.
    k.ok(await k.req('DELETE', `/api/blocks/${block.id}`), 204);
  });

  it('lists the blocks in force with their reason, who made them, when, and their places named as on the ticket', async () => {
    const me = k.ok(await k.req('GET', '/api/me'));
    const block = k.ok(await k.req('POST', `/api/performances/${c.performanceId}/blocks`,
      { kind: 'definitive', reason: 'Regie', seatIds: ['r2s4', 'r2s3', 'r2s5', 'r2s7', 'r3s1'] }), 201);
    expect(block).toMatchObject({ createdBy: { id: me.id, name: me.name }, places: 5 });
    const ga = k.ok(await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'conditional', reason: 'Pers', zoneId: 'staan', quantity: 2 }), 201);
    const list = (lang: string) => s.request('GET', `/api/performances/${c.performanceId}/blocks`, { token, lang });
    const nl = k.ok(await list('nl')).items;
    expect(nl.find((x: { id: string }) => x.id === block.id)).toMatchObject({
      reason: 'Regie', kind: 'definitive', createdBy: { id: me.id, name: me.name }, createdAt: expect.any(String),
      placeNames: expect.stringMatching(/^.+, rij 2, stoel 3–5, 7; .+, rij 3, stoel 1$/),
    });
    expect(nl.find((x: { id: string }) => x.id === ga.id).placeNames).toBe('Staanplaatsen (2)');
    expect(k.ok(await list('fr')).items.find((x: { id: string }) => x.id === block.id).placeNames).toMatch(/rang 2, siège 3–5, 7; .+, rang 3, siège 1$/);
    expect(k.ok(await list('en')).items.find((x: { id: string }) => x.id === block.id).placeNames).toMatch(/row 2, seat 3–5, 7; .+, row 3, seat 1$/);
    // The seat map shows the reason on each blocked seat.
    const seats = k.ok(await k.req('GET', `/api/performances/${c.performanceId}/seats`)).seats;
    expect(seats.find((x: { seatId: string }) => x.seatId === 'r2s4')).toMatchObject({ status: 'blocked', blockKind: 'definitive', blockReason: 'Regie' });
    expect(seats.find((x: { seatId: string }) => x.seatId === 'r2s6')).toMatchObject({ status: 'free', blockReason: null });
    for (const b of [block, ga]) k.ok(await k.req('DELETE', `/api/blocks/${b.id}`), 204);
    expect(k.ok(await list('nl')).items.map((x: { id: string }) => x.id)).not.toContain(block.id);
  });

  it('blocks a number of GA places; best available of that zone then finds only the rest', async () => {
    const block = k.ok(await k.req('POST', `/api/performances/${c.performanceId}/blocks`,
      { kind: 'definitive', reason: 'Cameraplatform', zoneId: 'staan', quantity: 4 }), 201);
    expect(block.places).toBe(4);
    expect(block.seatIds.every((id: string) => id.startsWith('staan#'))).toBe(true);
    expect((await k.places(c.performanceId)).zones).toEqual([{ zoneId: 'staan', capacity: 6, available: 2 }]);
    expect((await k.figures(c.performanceId)).capacity).toBe(42);

    const b = await k.basket();
    const three = await k.req('POST', `/api/baskets/${b.id}/lines`, { performanceId: c.performanceId, zoneId: 'staan', quantity: 3 });
    expect(three.status).toBe(409);
    expect(three.body.type).toBe('/problems/not-enough-seats');
    const two = await k.add(b.id, { performanceId: c.performanceId, zoneId: 'staan', quantity: 2 });
    expect(two.lines.every((l) => l.zoneId === 'staan' && l.seatId === null && l.price === 3000)).toBe(true);
    // More than the zone has free cannot be blocked, and nothing is blocked by the attempt.
    const tooMany = await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: '', zoneId: 'staan', quantity: 1 });
    expect(tooMany.status).toBe(409);
    k.ok(await k.req('DELETE', `/api/baskets/${b.id}`), 204);
    k.ok(await k.req('DELETE', `/api/blocks/${block.id}`), 204);
    expect((await k.places(c.performanceId)).zones).toEqual([{ zoneId: 'staan', capacity: 6, available: 6 }]);
  });

  it('refuses to block a sold, reserved or held seat, all or nothing', async () => {
    await k.sell(c.performanceId, ['r2s5']);
    await k.sell(c.performanceId, ['r2s6'], { unpaid: true });
    const held = await k.basket();
    await k.add(held.id, { performanceId: c.performanceId, seatIds: ['r2s7'] });
    for (const seat of ['r2s5', 'r2s6', 'r2s7']) {
      const res = await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: 'x', seatIds: ['r2s4', seat] });
      expect(res.status).toBe(409);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.unavailableSeatIds).toEqual([seat]);
    }
    const seats = await k.seatStatus(c.performanceId);
    expect([seats.r2s4, seats.r2s5, seats.r2s6, seats.r2s7]).toEqual(['free', 'sold', 'reserved', 'held']);
    const blocks = k.ok(await k.req('GET', `/api/performances/${c.performanceId}/blocks`));
    expect(blocks.items).toEqual([]);
  });

  it('refuses unknown seats, a missing place list and an unknown zone as field errors', async () => {
    const unknown = await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: '', seatIds: ['r1s1', 'nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['seatIds']);
    expect(unknown.body.errors[0].message).toContain('nope');
    const none = await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: '' });
    expect(none.status).toBe(400);
    const zone = await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: '', zoneId: 'balkon', quantity: 2 });
    expect(zone.status).toBe(400);
    expect(zone.body.errors.map((e: { field: string }) => e.field)).toEqual(['zoneId']);
    const kind = await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'maybe', reason: '', seatIds: ['r1s1'] });
    expect(kind.status).toBe(400);
    expect(kind.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
    expect((await k.seatStatus(c.performanceId)).r1s1).toBe('free');
  });

  it('only admins block; box office staff may look', async () => {
    const { userIn } = await import('../helpers/server.js');
    const me = k.ok(await k.req('GET', '/api/organisation'));
    const boxoffice = await userIn(s, me.id, 'boxoffice');
    const res = await s.request('POST', `/api/performances/${c.performanceId}/blocks`, { token: boxoffice, body: { kind: 'definitive', reason: '', seatIds: ['r1s1'] } });
    expect(res.status).toBe(403);
    expect((await s.request('GET', `/api/performances/${c.performanceId}/blocks`, { token: boxoffice })).status).toBe(200);
  });
});
