// Starting from nothing: `npm run foyer -- create-organisation` with a first admin, as a child process
// on an empty database and again on one that has an organisation, then the admin logs in; a taken
// e-mail leaves no organisation behind. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { inProcessFoyer, runCli } from './processes.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe.each(DIALECTS)('create-organisation with its first admin on %s', (dialect) => {
  let db: TestDatabase;
  let foyer: ReturnType<typeof inProcessFoyer>;
  beforeAll(async () => { db = await freshDatabase(dialect); foyer = inProcessFoyer(db); });
  afterAll(async () => {
    await foyer?.close();
    await db?.drop();
  });
  const call = async (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
    (await foyer.app()).inject({ method, url, payload: payload as Record<string, unknown>, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('makes the organisation and its admin on an empty database; the admin logs in and finds an empty organisation', async () => {
    const run = await runCli(['create-organisation', '--name', 'Stadsschouwburg Brugge', '--admin-email', 'Beheer@Brugge.test', '--admin-name', 'Beheer'], db.env);
    expect(run.code, run.stderr).toBe(0);
    const orgId = /Organisation created: (\S+)/.exec(run.stdout)?.[1];
    const password = /Password: (\S+)/.exec(run.stdout)?.[1];
    expect(run.stdout).toContain('Admin: beheer@brugge.test');
    expect(password?.length).toBeGreaterThanOrEqual(16);

    const login = await call('POST', '/api/auth/login', undefined, { email: 'beheer@brugge.test', password });
    expect(login.statusCode, login.body).toBe(200);
    const token = login.json().token as string;
    expect((await call('GET', '/api/me', token)).json()).toMatchObject({ role: 'admin', organisation: { id: orgId, name: 'Stadsschouwburg Brugge' } });
    expect((await call('GET', '/api/venues', token)).json().items).toEqual([]);
    const trail = (await call('GET', '/api/audit?subject=user', token)).json().items;
    expect(trail).toMatchObject([{ action: 'created', label: 'beheer@brugge.test', actor: { name: 'npm run foyer -- create-organisation' } }]);
    expect((await call('GET', '/api/organisation', token)).json().slug).toBe('stadsschouwburg-brugge');
  });

  it('adds a second organisation of the same name to an existing database, with a password given; a taken e-mail changes nothing', async () => {
    const run = await runCli(['create-organisation', '--name', 'Stadsschouwburg Brugge', '--admin-email', 'tweede@brugge.test', '--admin-name', 'Tweede', '--admin-password', 'gekozen wachtwoord'], db.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Password:');
    const login = await call('POST', '/api/auth/login', undefined, { email: 'tweede@brugge.test', password: 'gekozen wachtwoord' });
    expect(login.statusCode, login.body).toBe(200);
    expect((await call('GET', '/api/organisation', login.json().token)).json().slug).toBe('stadsschouwburg-brugge-2');

    const taken = await runCli(['create-organisation', '--name', 'Derde', '--admin-email', 'beheer@brugge.test', '--admin-name', 'X'], db.env);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('email is already in use');
    await foyer.app();
    const names = (await foyer.handle()!.db.selectFrom('organisations').select('name').execute()).map((o) => o.name);
    expect(names.sort()).toEqual(['Stadsschouwburg Brugge', 'Stadsschouwburg Brugge']);

    const short = await runCli(['create-organisation', '--name', 'Vierde', '--admin-email', 'vier@brugge.test', '--admin-name', 'Vier', '--admin-password', 'kort'], db.env);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('--admin-password must be at least 10 characters');
  });
});
