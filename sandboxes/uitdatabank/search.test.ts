// The UiTdatabank sandbox answers GET /events as publiq's Search API v3 does, and is strict where it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { demoPerformances } from '../../src/demo/plan.js';
import { checkAnswer } from './contract.js';
import { NO_SEARCH_CLIENT, NON_UITPAS_ORGANIZER, SEARCH_CLIENT, startUitdatabankSandbox, type RunningUitdatabankSandbox } from './index.js';

const NOW = new Date('2026-12-02T10:00:00Z');
let sb: RunningUitdatabankSandbox;
beforeAll(async () => { sb = await startUitdatabankSandbox({ clock: new ManualClock(NOW) }); });
afterAll(async () => { await sb?.close(); });

async function get(query: string, clientId: string | null = SEARCH_CLIENT.clientId) {
  const res = await fetch(`${sb.baseUrl}/events?${query}`, { headers: clientId ? { 'x-client-id': clientId } : {} });
  const contentType = res.headers.get('content-type') ?? '';
  const body = await res.json() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(checkAnswer('GET /events', res.status, contentType, body)).toEqual([]);
  return { status: res.status, body };
}

describe('GET /events', () => {
  it('finds a demo performance by title, date and postal code, embedded as JSON-LD with its organizer and UiTPAS labels', async () => {
    const lear = demoPerformances(NOW).find((p) => p.production.key === 'gent-lear')!;
    const day = lear.startsAt.slice(0, 10);
    const r = await get(new URLSearchParams({ text: 'Koning Lear', dateFrom: `${day}T00:00:00+01:00`, dateTo: `${day}T23:59:59+01:00`, postalCode: '9000', embed: 'true' }).toString());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ '@type': 'PagedCollection', totalItems: 1, itemsPerPage: 30 });
    expect(r.body.member[0]).toMatchObject({
      '@id': `https://io-test.uitdatabank.be/event/${lear.uitdatabankEventId}`, name: { nl: 'Koning Lear' }, calendarType: 'single',
      labels: ['UiTPAS Gent', 'Paspartoe'], location: { name: { nl: 'Demo Schouwburg Gent' }, address: { nl: { postalCode: '9000' } } },
      organizer: { '@id': expect.stringMatching(/0ce87cbc-9299-4528-8d35-92225dc9489f$/), labels: ['UiTPAS Gent', 'Paspartoe'] },
    });
    expect(r.body.member[0].startDate).toMatch(/\+00:00$/);
    // Without embed: only @id and @type.
    expect((await get('text=Koning%20Lear')).body.member[0]).toEqual({ '@id': expect.any(String), '@type': 'Event' });
  });

  it('shows the look-alikes (another organizer, no UiTPAS label) but not drafts unless the default filters are lifted', async () => {
    const comedy = (await get('text=Comedy%20Avond%20Gent&embed=true')).body.member;
    expect(comedy.some((e: { organizer?: { '@id': string } }) => e.organizer?.['@id'].endsWith(NON_UITPAS_ORGANIZER))).toBe(true);
    const kids = (await get('text=Kleine%20Prinsje&embed=true')).body;
    expect(kids.member.some((e: { labels?: string[] }) => !e.labels)).toBe(true);
    const all = (await get('text=Kleine%20Prinsje&workflowStatus=*')).body;
    expect(all.totalItems).toBe(kids.totalItems + 2);
    expect((await get('uitpas=true&text=Kleine%20Prinsje')).body.totalItems).toBe(kids.totalItems - 2);
  });

  it('is strict as the Search API is: unknown parameters, unreadable dates and limits are 404 url/not-found', async () => {
    expect((await get('title=Lear')).body).toMatchObject({ status: 404, type: 'https://api.publiq.be/probs/url/not-found', detail: 'Unknown query parameter(s): title' });
    expect((await get('dateFrom=2026-12-02')).body.detail).toMatch(/ISO-8601/);
    expect((await get('dateFrom=2026-12-02T10:00:00.000Z')).status).toBe(404);
    expect((await get('dateFrom=2026-12-02T10:00:00 01:00')).status).toBe(200);
    expect((await get('limit=5000')).status).toBe(404);
    expect((await get('embed=yes')).status).toBe(404);
    const res = await fetch(`${sb.baseUrl}/events?regions=nis-44021-Z`, { headers: { 'x-client-id': SEARCH_CLIENT.clientId } });
    expect(res.status).toBe(501);
  });

  it('needs a client id with Search API access', async () => {
    expect((await get('text=Lear', null)).body).toMatchObject({ status: 401, type: 'https://api.publiq.be/probs/auth/unauthorized' });
    expect((await get('text=Lear', 'nobody')).body.detail).toContain('nobody is invalid');
    expect((await get('text=Lear', NO_SEARCH_CLIENT.clientId)).body).toMatchObject({ status: 403, type: 'https://api.publiq.be/probs/auth/forbidden' });
    const byQuery = await fetch(`${sb.baseUrl}/events?clientId=${SEARCH_CLIENT.clientId}&text=Lear`);
    expect(byQuery.status).toBe(200);
  });
});
