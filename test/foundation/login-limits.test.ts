// The login limits over real parallel HTTP, against two Foyer processes on one database, with
// callers on different loopback addresses (an office NAT is one address for many people).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/organisations/service.js';
import type { DatabaseHandle } from '../../src/platform/db.js';
import { migrateToLatest } from '../../src/migrations/index.js';
import { createUser } from '../../src/staff/service.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { openTestDatabase, startFoyerProcess, type FoyerProcess } from '../helpers/process.js';

const PASSWORD = 'correct horse battery';

/** POST /api/auth/login from `from` (a loopback address) to `baseUrl`; the status and Retry-After. */
function loginFrom(baseUrl: string, from: string, email: string, password: string): Promise<{ status: number; retryAfter?: string }> {
  const url = new URL('/api/auth/login', baseUrl);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

describe.each(DIALECTS)('login limits on %s', (dialect) => {
  let database: TestDatabase;
  let db: DatabaseHandle;
  let procs: FoyerProcess[] = [];
  let orgId: string;
  let n = 0;
  /** Alternates between the two processes. */
  const base = () => procs[n++ % procs.length].baseUrl;
  const newUser = async (name: string) => {
    const email = `${name}-${++n}@example.test`;
    await createUser(db.db, orgId, { email, name, role: 'boxoffice', password: PASSWORD }, new Date());
    return email;
  };

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    db = openTestDatabase(database);
    await migrateToLatest(db.db);
    orgId = (await createOrganisation(db.db, 'Limits Theater', new Date())).id;
    procs = await Promise.all([startFoyerProcess(database), startFoyerProcess(database)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
    await db?.close();
    await database?.drop();
  });

  it('100 parallel wrong guesses for one account from one address: exactly 5 are checked', async () => {
    const email = await newUser('guessed');
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => loginFrom(base(), '127.0.0.2', email, `wrong-${i}`)));
    expect(tally(answers.map((a) => a.status))).toEqual({ 401: 5, 429: 95 });
    expect(answers.find((a) => a.status === 429)?.retryAfter).toBe('900');
    // The right password is refused too now, from that address.
    expect((await loginFrom(base(), '127.0.0.2', email, PASSWORD)).status).toBe(429);
  }, 60_000);

  it('the right password among 100 parallel guesses is checked only if it is among the allowed few', async () => {
    const email = await newUser('raced');
    const guesses = Array.from({ length: 100 }, (_, i) => (i === 99 ? PASSWORD : `wrong-${i}`));
    const answers = await Promise.all(guesses.map((p) => loginFrom(base(), '127.0.0.3', email, p)));
    const statuses = tally(answers.map((a) => a.status));
    // 5 checks before a success, and (if the right one was among them) 5 more after it.
    expect((statuses[401] ?? 0) + (statuses[200] ?? 0), JSON.stringify(statuses)).toBeLessThanOrEqual(10);
    expect(statuses[429]).toBeGreaterThanOrEqual(90);
  }, 60_000);

  it('an office behind one address: 14 colleagues who each mistype 4 times can all still log in', async () => {
    const colleagues = await Promise.all(Array.from({ length: 14 }, () => newUser('colleague')));
    // 56 failures from one address (more than the old per-address limit of 50).
    const failures = await Promise.all(colleagues.map(async (email) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await loginFrom(base(), '127.0.0.4', email, `typo-${i}`)).status);
      return statuses;
    }));
    expect(failures.flat().every((s) => s === 401)).toBe(true);
    const logins = await Promise.all(colleagues.map((email) => loginFrom(base(), '127.0.0.4', email, PASSWORD)));
    expect(logins.map((l) => l.status)).toEqual(colleagues.map(() => 200));
  }, 60_000);

  it('one account guessed from many addresses stops at 20 failures; other accounts are unaffected', async () => {
    const email = await newUser('spread');
    const other = await newUser('bystander');
    const addresses = ['127.0.1.1', '127.0.1.2', '127.0.1.3', '127.0.1.4'];
    const answers = await Promise.all(addresses.flatMap((from) => Array.from({ length: 5 }, (_, i) => loginFrom(base(), from, email, `wrong-${i}`))));
    expect(answers.every((a) => a.status === 401)).toBe(true);
    // A fifth address with the right password: the account's ceiling is reached.
    expect((await loginFrom(base(), '127.0.1.5', email, PASSWORD)).status).toBe(429);
    expect((await loginFrom(base(), '127.0.1.5', other, PASSWORD)).status).toBe(200);
  }, 60_000);

  it('one address that fails for 200 accounts is refused for any account; other addresses are not', async () => {
    const known = await newUser('sprayed');
    const answers: number[] = [];
    for (let round = 0; round < 20; round++) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, i) => loginFrom(base(), '127.0.2.1', `nobody-${round}-${i}@example.test`, 'guess')));
      answers.push(...batch.map((a) => a.status));
    }
    expect(tally(answers)).toEqual({ 401: 200 });
    expect((await loginFrom(base(), '127.0.2.1', known, PASSWORD)).status).toBe(429);
    expect((await loginFrom(base(), '127.0.2.2', known, PASSWORD)).status).toBe(200);
  }, 120_000);
});
