// People and access as a manager runs them over the API: staff users created, changed and switched
// off, a password reset with a one-time code, the sign-in history, API clients whose secret is shown
// once, and each change (settings too) in the audit trail without any secret, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, startServer, userIn, type TestServer } from '../helpers/server.js';

interface AuditRow { subject: string; subjectId: string; action: string; label: string; actor: { name: string }; changes: Record<string, [unknown, unknown]> }

describe.each(DIALECTS)('people and access on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  let orgId: string;
  const trail = async (subject: string, subjectId?: string): Promise<AuditRow[]> =>
    (await s.request('GET', `/api/audit?subject=${subject}${subjectId ? `&subjectId=${subjectId}` : ''}`, { token: admin })).body.items;
  const login = (email: string, password: string) => s.request('POST', '/api/auth/login', { body: { email, password } });

  beforeAll(async () => {
    s = await startServer(dialect);
    const o = await orgWithUser(s);
    admin = o.token;
    orgId = o.orgId;
  });
  afterAll(async () => { await s?.close(); });

  it('creates, changes and switches off a user, each change in the audit trail', async () => {
    const created = await s.request('POST', '/api/users', { token: admin, body: { email: 'Deur.1@Example.test', name: 'Deur 1', role: 'door', password: 'first password 1' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'deur.1@example.test', role: 'door', disabled: false });
    const id = created.body.id as string;
    // A door account knows who it is (the web app shows it the way to the scanner), and sells nothing.
    const door = (await login('deur.1@example.test', 'first password 1')).body.token as string;
    expect((await s.request('GET', '/api/me', { token: door })).body).toMatchObject({ kind: 'user', email: 'deur.1@example.test', role: 'door' });
    expect((await s.request('GET', '/api/orders', { token: door })).status).toBe(403);
    const taken = await s.request('POST', '/api/users', { token: admin, lang: 'nl', body: { email: 'deur.1@example.test', name: 'X', role: 'door', password: 'first password 1' } });
    expect(taken.status).toBe(400);
    expect(taken.body.errors).toEqual([{ field: 'email', message: 'is al in gebruik' }]);

    expect((await s.request('PATCH', `/api/users/${id}`, { token: admin, body: { role: 'boxoffice', name: 'Kassa 2' } })).status).toBe(200);
    expect((await login('deur.1@example.test', 'first password 1')).status).toBe(200);
    expect((await s.request('PATCH', `/api/users/${id}`, { token: admin, body: { disabled: true } })).body.disabled).toBe(true);
    expect((await login('deur.1@example.test', 'first password 1')).status).toBe(401);

    const rows = await trail('user', id);
    expect(rows.map((r) => r.action)).toEqual(['changed', 'changed', 'created']);
    expect(rows[0].changes).toEqual({ disabled: [false, true] });
    expect(rows[1].changes).toEqual({ name: ['Deur 1', 'Kassa 2'], role: ['door', 'boxoffice'] });
    expect(rows[2].changes).toMatchObject({ email: [null, 'deur.1@example.test'], role: [null, 'door'] });
    expect(rows[2].actor.name).toBe('admin user');
    expect(JSON.stringify(rows)).not.toContain('first password');

    const other = await userIn(s, orgId, 'boxoffice');
    expect((await s.request('POST', '/api/users', { token: other, body: { email: 'x@example.test', name: 'X', role: 'admin', password: 'first password 1' } })).status).toBe(403);
  });

  it('resets a password with a one-time code: the old password and sessions stop at once, the code works once', async () => {
    const u = await s.request('POST', '/api/users', { token: admin, body: { email: 'kassa.reset@example.test', name: 'Kassa R', role: 'boxoffice', password: 'old password 12' } });
    const session = (await login('kassa.reset@example.test', 'old password 12')).body.token as string;
    expect((await s.request('GET', '/api/me', { token: session })).status).toBe(200);

    const reset = await s.request('POST', `/api/users/${u.body.id}/password-reset`, { token: admin });
    expect(reset.status).toBe(201);
    expect(reset.body.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect((await s.request('GET', '/api/me', { token: session })).status).toBe(401);
    expect((await login('kassa.reset@example.test', 'old password 12')).status).toBe(401);

    const wrong = await s.request('POST', '/api/auth/reset-password', { lang: 'fr', body: { email: 'kassa.reset@example.test', code: 'AAAAA-AAAAA', password: 'new password 34' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.type).toBe('/problems/invalid-reset-code');
    expect(wrong.body.title).toBe('Code de réinitialisation refusé');

    // Typed in lower case without the dash, twice at the same moment: one of them sets the password.
    const typed = (reset.body.code as string).toLowerCase().replace('-', ' ');
    const both = await Promise.all([1, 2].map((n) => s.request('POST', '/api/auth/reset-password', { body: { email: 'kassa.reset@example.test', code: typed, password: `new password ${n}${n}` } })));
    expect(both.map((a) => a.status).sort()).toEqual([200, 400]);
    const winner = both.find((a) => a.status === 200)!;
    expect((await s.request('GET', '/api/me', { token: winner.body.token })).body.email).toBe('kassa.reset@example.test');
    const chosen = both[0].status === 200 ? 'new password 11' : 'new password 22';
    expect((await login('kassa.reset@example.test', chosen)).status).toBe(200);

    const again = await s.request('POST', '/api/auth/reset-password', { body: { email: 'kassa.reset@example.test', code: reset.body.code, password: 'third password 5' } });
    expect(again.status).toBe(400);

    const rows = await trail('user', u.body.id);
    expect(rows.slice(0, 2).map((r) => [r.action, r.actor.name])).toEqual([['password-set', 'Kassa R'], ['password-reset', 'admin user']]);
    expect(JSON.stringify(rows)).not.toMatch(/password \d|[A-Z2-9]{5}-[A-Z2-9]{5}/);
  });

  it('an expired code is refused', async () => {
    const u = await s.request('POST', '/api/users', { token: admin, body: { email: 'late@example.test', name: 'Late', role: 'reporting', password: 'old password 12' } });
    const reset = await s.request('POST', `/api/users/${u.body.id}/password-reset`, { token: admin });
    await s.deps.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', u.body.id).execute();
    const late = await s.request('POST', '/api/auth/reset-password', { body: { email: 'late@example.test', code: reset.body.code, password: 'new password 34' } });
    expect(late.status).toBe(400);
  });

  it('shows each user\'s sign-in history and last sign-in', async () => {
    const u = await s.request('POST', '/api/users', { token: admin, body: { email: 'history@example.test', name: 'H', role: 'boxoffice', password: 'good password 1' } });
    expect((await login('history@example.test', 'bad password 1')).status).toBe(401);
    expect((await login('history@example.test', 'good password 1')).status).toBe(200);
    const history = await s.request('GET', `/api/users/${u.body.id}/sign-ins`, { token: admin });
    expect(history.status).toBe(200);
    expect(history.body.items.map((i: { succeeded: boolean }) => i.succeeded)).toEqual([true, false]);
    expect(history.body.items[0].ip).toBe('127.0.0.1');
    const list = (await s.request('GET', '/api/users', { token: admin })).body.items as { email: string; lastSignInAt: string | null }[];
    expect(list.find((x) => x.email === 'history@example.test')?.lastSignInAt).toBe(history.body.items[0].at);
    expect(list.find((x) => x.email === 'late@example.test')?.lastSignInAt).toBeNull();
  });

  it('creates an API client whose secret works and is never shown again, revokes it, and records both', async () => {
    const c = await s.request('POST', '/api/api-clients', { token: admin, body: { name: 'Webshop', role: 'boxoffice' } });
    expect(c.status).toBe(201);
    const secret = c.body.clientSecret as string;
    const token = await s.request('POST', '/api/oauth/token', { body: { grant_type: 'client_credentials', client_id: c.body.clientId, client_secret: secret } });
    expect(token.status).toBe(200);
    const list = await s.request('GET', '/api/api-clients', { token: admin });
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect((await s.request('DELETE', `/api/api-clients/${c.body.id}`, { token: admin })).status).toBe(204);
    const rows = await trail('api-client', c.body.id);
    expect(rows.map((r) => r.action)).toEqual(['revoked', 'created']);
    expect(rows[1].changes).toMatchObject({ name: [null, 'Webshop'], role: [null, 'boxoffice'] });
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('records settings changes with their secrets masked', async () => {
    const secret = 'dip-secret-value-1';
    expect((await s.request('PUT', '/api/dip/settings', { token: admin, body: { baseUrl: 'http://127.0.0.1:9/', clientId: 'theater', clientSecret: secret, enabled: false } })).status).toBe(200);
    expect((await s.request('PUT', '/api/dip/settings', { token: admin, body: { baseUrl: 'http://127.0.0.1:9/', clientId: 'theater-2', enabled: false } })).status).toBe(200);
    const mollieKey = `test_${'a'.repeat(30)}`;
    expect((await s.request('PUT', '/api/mollie/settings', { token: admin, body: { apiKey: mollieKey, enabled: false } })).status).toBe(200);
    expect((await s.request('PUT', '/api/uitpas/settings', { token: admin, body: {
      clientId: 'c1', clientSecret: 'uitpas-secret-9', accountUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9', organizerId: 'org-1',
      channels: { boxoffice: true, online: false },
    } })).status).toBe(200);
    const rows = await trail('settings');
    expect(rows.map((r) => `${r.subjectId} ${r.action}`)).toEqual(['uitpas created', 'mollie created', 'dip changed', 'dip created']);
    expect(rows[2].changes).toEqual({ clientId: ['theater', 'theater-2'] });
    expect(rows[3].changes.clientSecret).toEqual(['•••', '•••']);
    expect(rows[1].changes).toMatchObject({ apiKey: ['•••', '•••'], mode: [null, 'test'] });
    expect(rows[0].changes).toMatchObject({ organizerId: [null, 'org-1'], boxoffice: [null, true] });
    const text = JSON.stringify(rows);
    for (const hidden of [secret, mollieKey, 'uitpas-secret-9']) expect(text).not.toContain(hidden);
  });
});
