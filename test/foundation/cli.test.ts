// `npm run foyer -- <command>` does what it prints, on SQLite and on PostgreSQL.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { inProcessFoyer, runCli } from './processes.js';

// Child processes start slowly on a busy machine (tsx compiles on start); their budget is generous.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe.each(DIALECTS)('the CLI on %s', (dialect) => {
  let db: TestDatabase;
  let inProcess: ReturnType<typeof inProcessFoyer>;
  beforeAll(async () => { db = await freshDatabase(dialect); inProcess = inProcessFoyer(db); });
  afterAll(async () => {
    await inProcess?.close();
    await db?.drop();
  });

  const cli = (...args: string[]) => runCli(args, db.env);
  const foyer = () => inProcess.app();
  const handle = () => inProcess.handle();
  const login = async (email: string, password: string) =>
    (await foyer()).inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  it('migrate creates the schema once and then says it is up to date', async () => {
    const first = await cli('migrate');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    expect(first.stdout).toContain('foundation');
    if (dialect !== 'sqlite') return; // the same code on both databases; spawns are slow
    const again = await cli('migrate');
    expect(again.stdout.trim()).toBe('Migrations are up to date.');
  });

  it('creates an organisation, a user with a generated password, and an API client whose printed secrets work', async () => {
    const org = await cli('create-organisation', '--name', 'Theater aan het Vrijthof');
    expect(org.code, org.stderr).toBe(0);
    const orgId = /Organisation created: (\S+)/.exec(org.stdout)?.[1];
    expect(orgId).toBeTruthy();

    const user = await cli('create-user', '--org', orgId!, '--email', 'Kassa@Vrijthof.example', '--name', 'Kassa', '--role', 'boxoffice');
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toContain('User created: kassa@vrijthof.example (boxoffice)');
    const password = /Password: (\S+)/.exec(user.stdout)?.[1];
    expect(password!.length).toBeGreaterThanOrEqual(16);
    const session = await login('kassa@vrijthof.example', password!);
    expect(session.statusCode, session.body).toBe(200);
    const me = await (await foyer()).inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${session.json().token}` } });
    expect(me.json()).toMatchObject({ role: 'boxoffice', organisation: { id: orgId, name: 'Theater aan het Vrijthof' } });

    const client = await cli('create-api-client', '--org', orgId!, '--name', 'Website', '--role', 'reporting');
    expect(client.code, client.stderr).toBe(0);
    const clientId = /client_id:\s+(\S+)/.exec(client.stdout)?.[1];
    const clientSecret = /client_secret:\s+(\S+)/.exec(client.stdout)?.[1];
    const token = await (await foyer()).inject({ method: 'POST', url: '/api/oauth/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
    expect(token.statusCode, token.body).toBe(200);
    const asClient = await (await foyer()).inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token.json().access_token}` } });
    expect(asClient.json()).toMatchObject({ kind: 'client', name: 'Website', role: 'reporting', organisation: { id: orgId } });

    // Refusals say why and change nothing.
    if (dialect !== 'sqlite') return;
    const taken = await cli('create-user', '--org', orgId!, '--email', 'kassa@vrijthof.example', '--name', 'Again', '--role', 'admin');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('email is already in use');
    const noOrg = await cli('create-api-client', '--org', 'no-such-org', '--name', 'Stray');
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toMatch(/no organisation with this id/i);
    const clients = await (await foyer()).inject({ method: 'GET', url: '/api/api-clients', headers: { authorization: `Bearer ${session.json().token}` } });
    expect(clients.statusCode).toBe(403);
    const count = await handle()!.db.selectFrom('api_clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  // On PostgreSQL, start.test.ts proves the same seeding through npm start; child processes are slow.
  it.skipIf(dialect !== 'sqlite')('seed-demo loads the demo organisation and the printed logins work; a second run changes nothing', async () => {
    const seeded = await cli('seed-demo');
    expect(seeded.code, seeded.stderr).toBe(0);
    for (const role of ['Admin', 'Box office']) {
      const [, email, password] = new RegExp(`${role}:\\s+(\\S+@\\S+) / (\\S+)`).exec(seeded.stdout) ?? [];
      expect((await login(email, password)).statusCode, `${role} login`).toBe(200);
    }
    const orgs = async () => (await handle()!.db.selectFrom('organisations').select('name').orderBy('name').execute()).map((o) => o.name);
    const before = await orgs();
    expect(before).toContain('Demo Schouwburg');
    const again = await cli('seed-demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already loaded/);
    expect(await orgs()).toEqual(before);
  });
});

describe('CLI usage errors', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await freshDatabase('sqlite'); });
  afterAll(async () => { await db?.drop(); });

  it.each([
    [['frobnicate'], /Unknown command: frobnicate/],
    [['create-user', '--org', 'x', '--email', 'not-an-address', '--name', 'A'], /--email must be an e-mail address/],
    [['create-organisation', '--colour', 'red'], /Unknown option '--colour'/],
  ])('%j fails with a reason and the usage, and creates no database', async (args, reason) => {
    const res = await runCli(args, db.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(reason);
    expect(res.stderr).toContain('Usage: npm run foyer');
    expect(fs.existsSync(db.sqliteFile!)).toBe(false);
  });
});
