import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerformances } from '../../src/demo/plan.js';
import { OTHER_CLIENT } from './seed.js';
import { NOW, startHarness, type Harness } from './test-support.js';
import type { DipPerformance } from './types.js';

const KEYS = ['id', 'number', 'date', 'status', 'type', 'private', 'in_festival', 'isOtherLocation',
  ...Array.from({ length: 10 }, (_, i) => `amount_rank${i + 1}`), 'production', 'theater', 'theater_location', 'forms'];

describe('DIP sandbox: GET /theaters/performances', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(async () => { await h?.close(); });

  it("lists exactly the demo season's DIP-linked performances for the demo theatre", async () => {
    const res = await h.call<DipPerformance[]>('GET', '/theaters/performances', { token: await h.token() });
    expect(res.status).toBe(200);
    const expected = demoPerformances(new Date(NOW)).filter((p) => p.production.dipProductionId);
    expect(res.body.map((p) => [p.production.id, p.number, p.date])).toEqual(
      expected.map((p) => [p.production.dipProductionId, p.dipNumber, `${p.startsAt}:00`]));
    expect(res.body.every((p) => p.theater.id === 4711 && p.theater.name === 'Demo Schouwburg Amsterdam')).toBe(true);
    expect(res.body.some((p) => p.production.title === 'Drie Zusters')).toBe(false);
  });

  it('answers each performance in DIP\'s snake_case shape', async () => {
    const res = await h.call<DipPerformance[]>('GET', '/theaters/performances', { token: await h.token() });
    for (const p of res.body) expect(Object.keys(p).sort()).toEqual([...KEYS].sort());
    expect(res.body[0]).toEqual({
      id: 11001, number: 11001, date: '2026-11-25T20:15:00', status: 'agreed', type: 'premiere',
      private: false, in_festival: false, isOtherLocation: false,
      amount_rank1: 144, amount_rank2: 152, amount_rank3: 302, amount_rank4: 0, amount_rank5: 0,
      amount_rank6: 0, amount_rank7: 0, amount_rank8: 0, amount_rank9: 0, amount_rank10: 0,
      production: { id: 'NL-26-101-0004711', title: 'Hamlet', genre: { id: 1, name: 'toneel' } },
      theater: { id: 4711, name: 'Demo Schouwburg Amsterdam' },
      theater_location: { id: 47111, name: 'Grote Zaal' },
      forms: [{ id: 1, name: 'voorstelling' }],
    });
    // The genre is an object and every performance carries its forms, as DIP's do.
    expect(res.body.every((p) => typeof p.production.genre.id === 'number' && Array.isArray(p.forms))).toBe(true);
  });

  it("shows the other theatre only its own performances, Hamlet's tour dates included", async () => {
    const res = await h.call<DipPerformance[]>('GET', '/theaters/performances', { token: await h.token(OTHER_CLIENT) });
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((p) => p.theater.id === 5820)).toBe(true);
    expect(res.body.filter((p) => p.production.id === 'NL-26-101-0004711').map((p) => p.number)).toEqual([11051, 11052]);
  });

  it("answers DIP's status cancellation once a producer cancelled a performance", async () => {
    const token = await h.token();
    expect((await h.call('POST', '/_sandbox/performances/11002/status', { body: { status: 'cancellation' } })).status).toBe(204);
    const res = await h.call<DipPerformance[]>('GET', '/theaters/performances', { token });
    expect(res.body.find((p) => p.number === 11002)?.status).toBe('cancellation');
    expect(res.body.find((p) => p.number === 11001)?.status).toBe('agreed');
    expect((await h.call('POST', '/_sandbox/performances/11002/status', { body: { status: 'gone' } })).status).toBe(400);
    expect((await h.call('POST', '/_sandbox/performances/99999/status', { body: { status: 'agreed' } })).status).toBe(404);
    expect((await h.call('POST', '/_sandbox/performances/11002/status', { body: { status: 'agreed' } })).status).toBe(204);
  });

  it('ignores unknown query parameters', async () => {
    const token = await h.token();
    const plain = await h.call('GET', '/theaters/performances', { token });
    const withQuery = await h.call('GET', '/theaters/performances?page=2&from=2030-01-01&linked=false', { token });
    expect(withQuery.body).toEqual(plain.body);
  });
});
