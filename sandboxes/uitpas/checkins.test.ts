// POST /checkins and GET /checkin-status: a passholder saves a point, once per event per day, inside the check-in window.
import { beforeEach, describe, expect, it } from 'vitest';
import { demoPerformances } from '../../src/demo/plan.js';
import { EVENT_100_PER_WEEK, EVENT_OTHER_ORGANIZER, LIMITED_CLIENT } from './seed.js';
import { sandboxPerFile, TEST_NOW, type TestSandbox } from './test-support.js';

const PROBS = 'https://api.publiq.be/probs';
const sandbox = sandboxPerFile();
let sb: TestSandbox;
beforeEach(() => { sb = sandbox(); });

const checkin = (uitpasNumber: string, eventId = EVENT_100_PER_WEEK, token?: string) =>
  sb.call('POST /checkins', { body: { eventId, uitpasNumber }, token });
const status = (uitpasNumber: string, eventId = EVENT_100_PER_WEEK) => sb.call('GET /checkin-status', { query: { uitpasNumber, eventId } });

describe('POST /checkins', () => {
  it('checks a passholder in (201, one point), then refuses a second check-in that day with checkin-not-allowed', async () => {
    expect((await status('0900000095902')).body).toEqual({ allowed: true });
    const points = (await sb.call('GET /passes', { query: { identifier: '0900000095902' } })).body.points;
    const a = await checkin('0900000095902');
    expect(a.status).toBe(201);
    expect(a.body).toEqual({
      id: expect.any(String), creationDate: '2026-12-02T10:00:00Z', eventId: EVENT_100_PER_WEEK,
      eventTitle: 'Permanente UiTPAS Test Festiviteit', uitpasNumber: '0900000095902', points: 1,
    });
    expect((await sb.call('GET /passes', { query: { identifier: '0900000095902' } })).body.points).toBe(points + 1);
    const again = await checkin('0900000095902');
    expect(again.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/checkin-not-allowed`, endUserMessage: { nl: expect.stringContaining('al een punt') } });
    expect((await status('0900000095902')).body).toMatchObject({ allowed: false, endUserMessage: { nl: expect.stringContaining('al een punt') } });
    expect((await sb.http('GET', '/_sandbox/checkins')).body.checkins).toHaveLength(1);
  });

  it('only inside the event\'s check-in window: before and after, the passholder is told why', async () => {
    const perf = demoPerformances(TEST_NOW).find((p) => p.uitdatabankEventId)!;
    const early = await checkin('0900000067513', perf.uitdatabankEventId!);
    expect(early.body).toMatchObject({ type: `${PROBS}/uitpas/checkin-not-allowed`, endUserMessage: { nl: expect.stringContaining('nog niet begonnen') } });
    const event = sb.app.uitpas.store.event(perf.uitdatabankEventId!)!;
    sb.clock.set(new Date(Date.parse(event.checkinWindow!.from) + 60_000));
    const token = await sb.token();
    expect((await checkin('0900000067513', perf.uitdatabankEventId!, token)).status).toBe(201);
    sb.clock.set(new Date(event.checkinWindow!.to));
    expect((await checkin('0900000095902', perf.uitdatabankEventId!, token)).body.endUserMessage.nl).toMatch(/afgelopen/);
  });

  it('refuses what UiTPAS refuses: group passes, other regions, blocked cards, unknown events, missing permission', async () => {
    expect((await checkin('0900000045410')).body).toMatchObject({ type: `${PROBS}/uitpas/checkin-not-allowed`, endUserMessage: { nl: expect.stringContaining('groepspas') } });
    expect((await checkin('0900000093204')).body.type).toBe(`${PROBS}/uitpas/passholder-no-active-cardsystems`);
    expect((await checkin('0900000002312')).body.type).toBe(`${PROBS}/uitpas/invalid-card-status`);
    expect((await checkin('0900000067513', '11111111-2222-3333-4444-555555555555')).body.type).toBe(`${PROBS}/uitpas/event-not-found`);
    expect((await checkin('0900000067513', EVENT_OTHER_ORGANIZER)).body.status).toBe(403);
    const limited = await checkin('0900000067513', EVENT_100_PER_WEEK, await sb.token(LIMITED_CLIENT));
    expect(limited.body).toMatchObject({ status: 403, detail: expect.stringContaining('CHECKINS_WRITE') });
    expect((await sb.call('POST /checkins', { body: { eventId: EVENT_100_PER_WEEK } })).body.type).toBe(`${PROBS}/body/invalid-data`);
    expect((await status('0900000000000')).body).toMatchObject({ status: 404, type: `${PROBS}/uitpas/passholder-not-found` });
  });
});
