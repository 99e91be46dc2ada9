// A schedule reminds buyers of an unpaid reservation before it lapses: a day before, or halfway
// through a short one; once per reservation, never for a paid one or a buyer without an address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock.js';
import { JobRunner } from '../../src/platform/jobs.js';
import { Scheduler } from '../../src/platform/schedules.js';
import { registerMailJobs } from '../../src/mail/jobs.js';
import { reminderAt } from '../../src/mail/rules.js';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock } from '../helpers/server.js';
import { startMailKit, type MailKit } from './kit.js';

const T0 = '2054-12-01T10:00:00.000Z';
const MIN = 60_000;

describe('when a reminder is due', () => {
  it('a day before the lapse, halfway through a shorter reservation, none for one under an hour', () => {
    expect(reminderAt(T0, '2054-12-03T10:00:00.000Z')?.toISOString()).toBe('2054-12-02T10:00:00.000Z');
    expect(reminderAt(T0, '2054-12-01T12:00:00.000Z')?.toISOString()).toBe('2054-12-01T11:00:00.000Z');
    expect(reminderAt(T0, '2054-12-01T10:50:00.000Z')).toBeNull();
  });
});

describe.each(DIALECTS)('reservation reminders on %s', (dialect) => {
  let k: MailKit;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = fixedClock(T0);
    k = await startMailKit(dialect, { clock });
  });
  afterAll(async () => { await k?.close(); });

  it('reminds each unpaid reservation once, at its time, in its buyer language', async () => {
    const setHours = async (reservationHours: number) => k.kit.ok(await k.kit.req('PATCH', '/api/organisation', { reservationHours }));
    await setHours(48);
    const long = await k.sellTo({ name: 'Claire Martin', email: 'claire@exemple.be', language: 'fr' }, ['r1s1', 'r1s2'], { unpaid: true });
    const noAddress = await k.sellTo({ name: 'Zonder Adres' }, ['r1s5'], { unpaid: true });
    const paid = await k.sellTo({ name: 'Betaald', email: 'betaald@example.nl' }, ['r1s6'], { unpaid: true });
    k.kit.ok(await k.kit.req('POST', `/api/orders/${paid.order.id}/payments`, { method: 'cash' }));
    await setHours(2);
    const short = await k.sellTo({ name: 'Kort', email: 'kort@example.nl' }, ['r2s1'], { unpaid: true });
    expect(noAddress.order.status).toBe('reserved');

    const scheduler = new Scheduler({ deps: k.s.deps });
    registerMailJobs(new JobRunner({ deps: k.s.deps }), scheduler, k.s.deps, k.s.app.log);
    const sender = k.runner();
    const reminders = () => k.s.deps.db.selectFrom('mail_outbox').select(['order_id', 'recipient', 'language', 'subject'])
      .where('template', '=', 'reservation-reminder').orderBy('created_at').execute();
    const at = async (ms: number) => {
      clock.set(new Date(Date.parse(T0) + ms));
      await scheduler.tick();
      await k.drain(sender);
    };

    await at(0); // the schedule's first tick only sets its first due time
    await at(5 * MIN);
    expect(await reminders()).toEqual([]);
    await at(61 * MIN); // halfway through the 2-hour reservation
    expect((await reminders()).map((r) => r.order_id)).toEqual([short.order.id]);
    await at(23 * 60 * MIN);
    expect(await reminders()).toHaveLength(1);
    await at(24 * 60 * MIN + 5 * MIN); // a day before the 48-hour one lapses
    await at(24 * 60 * MIN + 10 * MIN);
    const all = await reminders();
    expect(all.map((r) => r.order_id)).toEqual([short.order.id, long.order.id]);

    expect(k.smtp.delivered.map((d) => d.to[0])).toEqual(['kort@example.nl', 'claire@exemple.be']);
    const fr = k.smtp.delivered[1].mail;
    expect(fr.subject).toBe(`Votre réservation ${long.order.number} expire le jeudi 3 décembre 2054 à 11:00`);
    expect(fr.text).toContain("n'est pas encore payée. Payez avant le jeudi 3 décembre 2054 à 11:00");
    expect(fr.text).toContain('À payer : € 60,00');
    expect(fr.attachments).toHaveLength(0);
    expect(k.smtp.delivered[0].mail.subject).toBe(`Je reservering ${short.order.number} vervalt op dinsdag 1 december 2054 om 13:00`);
  });
});
