// A series of performances at once: weekdays x times over a period, less exceptions, at the same
// wall-clock time in the venue's zone on both sides of a change to or from summer time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, gridSeatMap, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { addDays } from '../../src/platform/time.js';
import { isoWeekday } from '../../src/productions/series.js';
import { expectRejected } from './expect-problem.js';

/** The last Sunday of a month of next year: where Europe changes to summer time (3) or back (10). */
function lastSunday(month: 3 | 10): string {
  const year = new Date().getUTCFullYear() + 1;
  let day = `${year}-${String(month).padStart(2, '0')}-31`;
  while (isoWeekday(day) !== 7) day = addDays(day, -1);
  return day;
}

describe.each(DIALECTS)('performance series on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let cat: Catalogue;
  let hallId: string;

  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    cat = await buildCatalogue(s, token, { rows: 2, perRow: 3 });
    const gent = await s.request('POST', '/api/venues', {
      token, body: { name: 'Gent', address: 'Sint-Baafsplein 17', postalCode: '9000', city: 'Gent', country: 'BE', timeZone: 'Europe/Brussels' },
    });
    hallId = (await s.request('POST', `/api/venues/${gent.body.id}/halls`, { token, body: { name: 'Theaterzaal', seatMap: gridSeatMap(2, 2) } })).body.id;
  });
  afterAll(async () => { await s?.close(); });

  const series = (body: Record<string, unknown>, lang?: string) =>
    s.request('POST', '/api/performances/series', { token, lang, body: { productionId: cat.productionId, hallId, ...body } });

  it('creates every Thursday to Saturday at 20:15 for six weeks, less an exception, at 20:15 local across the end of summer time', async () => {
    const change = lastSunday(10);
    // The Thursday three weeks before the change, six weeks on.
    const from = addDays(change, -24);
    const to = addDays(from, 41);
    const except = addDays(from, 8); // a Friday
    const body = { from, to, weekdays: [4, 5, 6], times: ['20:15'], except: [except], doorsOpenMinutes: 45 };
    const preview = await series({ ...body, preview: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.startsAt).toHaveLength(17);
    expect(preview.body.startsAt).not.toContain(`${except}T20:15`);
    const before = await s.request('GET', `/api/performances?productionId=${cat.productionId}`, { token });

    const created = await series(body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const items = created.body.items as { startsAt: string; startsAtUtc: string; doorsOpenAt: string; status: string; hallId: string }[];
    expect(items.map((p) => p.startsAt.slice(0, 16))).toEqual(preview.body.startsAt);
    expect(items.every((p) => p.startsAt.slice(11, 16) === '20:15' && p.doorsOpenAt.slice(11, 16) === '19:30' && p.status === 'draft' && p.hallId === hallId)).toBe(true);
    expect(items.map((p) => isoWeekday(p.startsAt.slice(0, 10))).every((d) => d >= 4 && d <= 6)).toBe(true);
    // Summer time before the change (UTC+2), winter time after (UTC+1): the UTC hour moves, the local one does not.
    const last = items[items.length - 1];
    expect(items[0].startsAt.slice(16)).toBe(':00+02:00');
    expect(items[0].startsAtUtc.slice(11, 16)).toBe('18:15');
    expect(last.startsAt.slice(16)).toBe(':00+01:00');
    expect(last.startsAtUtc.slice(11, 16)).toBe('19:15');
    const after = await s.request('GET', `/api/performances?productionId=${cat.productionId}`, { token });
    expect(after.body.total).toBe(before.body.total + 17);
  });

  it('keeps 14:30 and 20:15 at their local times when summer time starts, and refuses a time the change skips', async () => {
    const change = lastSunday(3);
    const created = await series({ from: addDays(change, -7), to: addDays(change, 7), weekdays: [7], times: ['20:15', '14:30'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.items.map((p: { startsAt: string }) => p.startsAt)).toEqual([
      `${addDays(change, -7)}T14:30:00+01:00`, `${addDays(change, -7)}T20:15:00+01:00`,
      `${change}T14:30:00+02:00`, `${change}T20:15:00+02:00`,
      `${addDays(change, 7)}T14:30:00+02:00`, `${addDays(change, 7)}T20:15:00+02:00`,
    ]);
    const count = (await s.request('GET', `/api/performances?productionId=${cat.productionId}`, { token })).body.total;
    const res = await expectRejected((lang) => series({ from: addDays(change, -7), to: change, weekdays: [7], times: ['02:30'] }, lang), 400, 'validation-failed', ['times']);
    expect(JSON.stringify(res)).toContain(`${change}T02:30`);
    expect((await s.request('GET', `/api/performances?productionId=${cat.productionId}`, { token })).body.total).toBe(count);
  });

  it('refuses an empty or reversed period, unknown halls, bad times and over 500 performances, in the request language', async () => {
    const from = addDays(lastSunday(10), 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ from, to: addDays(from, -1), weekdays: [1], times: ['20:00'] }, 'to'],
      [{ from, to: from, weekdays: [2], times: ['20:00'] }, 'weekdays'],
      [{ from, to: from, weekdays: [1], times: ['24:00'] }, 'times/0'],
      [{ from, to: from, weekdays: [8], times: ['20:00'] }, 'weekdays/0'],
      [{ from, to: addDays(from, 600), weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['20:00'] }, 'to'],
      [{ from, to: from, weekdays: [1], times: ['20:00'], hallId: 'nope' }, 'hallId'],
    ];
    for (const [body, field] of cases) await expectRejected((lang) => series(body, lang), 400, 'validation-failed', [field]);
  });
});
