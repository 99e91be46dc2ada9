// Staff login, sessions, roles and API clients, over real HTTP, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { buildApp } from '../../src/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock, orgWithUser, startServer, userIn, type OrgFixture, type TestServer } from '../helpers/server.js';
import { expectProblem, expectRejected } from './expect-problem.js';

const VENUE = { name: 'Zaal', address: 'Plein 1', postalCode: '1000 AA', city: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(DIALECTS)('authentication on %s', (dialect) => {
  const clock = fixedClock();
  let s: TestServer;
  let admin: OrgFixture;
  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    admin = await orgWithUser(s, 'admin');
  });
  afterAll(async () => { await s?.close(); });

  /** Failed logins from this test process all come from 127.0.0.1; let the per-IP window pass. */
  const forgetFailures = () => clock.advance(16 * 60_000);
  /** Each attempt a second after the last, as a person would type them. */
  const login = (email: string, password: string, lang?: string) => {
    clock.advance(1000);
    return s.request('POST', '/api/auth/login', { body: { email, password }, lang });
  };

  describe('staff login', () => {
    it('answers a bearer token that identifies the user', async () => {
      const res = await login(admin.email.toUpperCase(), admin.password);
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email: admin.email, role: 'admin', disabled: false });
      expect(JSON.stringify(res.body)).not.toMatch(/argon|password/i);
      const me = await s.request('GET', '/api/me', { token: res.body.token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ kind: 'user', email: admin.email, role: 'admin', organisation: { id: admin.orgId } });
    });

    it('answers a wrong password, an unknown user and a disabled user identically', async () => {
      const org = await orgWithUser(s, 'admin', 'Disabling Theater');
      const victim = await orgWithUser(s, 'boxoffice');
      // Disable a boxoffice user of `org`.
      const email = `disabled-${Date.now()}@example.test`;
      const created = await s.request('POST', '/api/users', { token: org.token, body: { email, name: 'D', role: 'boxoffice', password: 'correct horse battery' } });
      expect(created.status).toBe(201);
      expect((await s.request('PATCH', `/api/users/${created.body.id}`, { token: org.token, body: { disabled: true } })).status).toBe(200);

      for (const lang of ['en', 'nl']) {
        const wrong = await login(victim.email, 'not the password', lang);
        const unknown = await login('nobody@example.test', 'not the password', lang);
        const disabled = await login(email, 'correct horse battery', lang);
        expectProblem(wrong, 401, 'invalid-credentials', lang as 'en');
        expect(unknown.status).toBe(wrong.status);
        expect(unknown.body).toEqual(wrong.body);
        expect(disabled.status).toBe(wrong.status);
        expect(disabled.body).toEqual(wrong.body);
      }
      forgetFailures();
    });

    it('refuses malformed login requests with field errors in the request language', async () => {
      await expectRejected((lang) => s.request('POST', '/api/auth/login', { body: { email: admin.email }, lang }), 400, 'validation-failed', ['password']);
      await expectRejected((lang) => s.request('POST', '/api/auth/login', { body: { email: admin.email, password: 'x', extra: 1 }, lang }), 400, 'validation-failed', ['extra']);
    });

    it('rate-limits an e-mail address after repeated failures, counted in the database', async () => {
      const victim = await orgWithUser(s, 'boxoffice');
      for (let i = 0; i < 5; i++) expect((await login(victim.email, `wrong-${i}`)).status).toBe(401);
      // Even the right password is refused now, in the request's language.
      await expectRejected((lang) => login(victim.email, victim.password, lang), 429, 'too-many-attempts', []);
      // Another Foyer process on the same database sees the same count.
      const second = await buildApp(s.deps);
      try {
        const res = await second.inject({ method: 'POST', url: '/api/auth/login', payload: { email: victim.email, password: victim.password } });
        expect(res.statusCode).toBe(429);
      } finally {
        await second.close();
      }
      // Other users are not locked out.
      expect((await login(admin.email, admin.password)).status).toBe(200);
      // Unknown addresses are limited the same way, so the limit does not tell who has an account.
      for (let i = 0; i < 5; i++) expect((await login('ghost@example.test', `wrong-${i}`)).status).toBe(401);
      const limited = await login('ghost@example.test', 'wrong');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('900');
      // The window passes.
      forgetFailures();
      expect((await login(victim.email, victim.password)).status).toBe(200);
    });

    it('a successful login does not let an attacker keep guessing past the limit', async () => {
      const victim = await orgWithUser(s, 'boxoffice');
      for (let i = 0; i < 4; i++) expect((await login(victim.email, `wrong-${i}`)).status).toBe(401);
      expect((await login(victim.email, victim.password)).status).toBe(200);
      // A success starts a new count: four more failures are allowed, then the fifth locks.
      for (let i = 0; i < 5; i++) expect((await login(victim.email, `again-${i}`)).status).toBe(401);
      expect((await login(victim.email, victim.password)).status).toBe(429);
      forgetFailures();
    });
  });

  describe('sessions', () => {
    it('logout ends this session and no other', async () => {
      const a = await login(admin.email, admin.password);
      const b = await login(admin.email, admin.password);
      const out = await s.request('POST', '/api/auth/logout', { token: a.body.token });
      expect(out.status).toBe(204);
      expectProblem(await s.request('GET', '/api/me', { token: a.body.token, lang: 'nl' }), 401, 'unauthenticated', 'nl');
      expect((await s.request('GET', '/api/me', { token: b.body.token })).status).toBe(200);
      expectProblem(await s.request('POST', '/api/auth/logout'), 401, 'unauthenticated');
    });

    it('a session ends after 12 hours', async () => {
      const a = await login(admin.email, admin.password);
      clock.advance(12 * 3600_000 - 60_000);
      expect((await s.request('GET', '/api/me', { token: a.body.token })).status).toBe(200);
      clock.advance(120_000);
      expectProblem(await s.request('GET', '/api/me', { token: a.body.token }), 401, 'unauthenticated');
      admin.token = (await login(admin.email, admin.password)).body.token;
    });

    it('refuses requests without a token or with a made-up one', async () => {
      for (const authorization of [undefined, 'Bearer nonsense', 'Bearer a.b.c', 'Basic YTpi', `Bearer ${'x'.repeat(500)}`]) {
        const res = await s.request('GET', '/api/venues', { headers: authorization ? { authorization } : {}, lang: 'fr' });
        expectProblem(res, 401, 'unauthenticated', 'fr');
      }
    });

    it('disabling a user ends their sessions at once; enabling lets them in again', async () => {
      const email = `worker-${Date.now()}@example.test`;
      const created = await s.request('POST', '/api/users', { token: admin.token, body: { email, name: 'W', role: 'boxoffice', password: 'correct horse battery' } });
      const session = await login(email, 'correct horse battery');
      expect((await s.request('GET', '/api/venues', { token: session.body.token })).status).toBe(200);
      await s.request('PATCH', `/api/users/${created.body.id}`, { token: admin.token, body: { disabled: true } });
      expectProblem(await s.request('GET', '/api/venues', { token: session.body.token }), 401, 'unauthenticated');
      expect((await login(email, 'correct horse battery')).status).toBe(401);
      await s.request('PATCH', `/api/users/${created.body.id}`, { token: admin.token, body: { disabled: false } });
      expect((await login(email, 'correct horse battery')).status).toBe(200);
      forgetFailures();
    });

    it('a new password ends the old sessions and the old password', async () => {
      const email = `pw-${Date.now()}@example.test`;
      const created = await s.request('POST', '/api/users', { token: admin.token, body: { email, name: 'P', role: 'reporting', password: 'first password 1' } });
      const session = await login(email, 'first password 1');
      await s.request('PATCH', `/api/users/${created.body.id}`, { token: admin.token, body: { password: 'second password 2' } });
      expect((await s.request('GET', '/api/me', { token: session.body.token })).status).toBe(401);
      expect((await login(email, 'first password 1')).status).toBe(401);
      expect((await login(email, 'second password 2')).status).toBe(200);
      forgetFailures();
    });

    it('an admin cannot lock themselves out', async () => {
      const me = await s.request('GET', '/api/me', { token: admin.token });
      await expectRejected((lang) => s.request('PATCH', `/api/users/${me.body.id}`, { token: admin.token, body: { disabled: true }, lang }), 400, 'validation-failed', ['disabled']);
      await expectRejected((lang) => s.request('PATCH', `/api/users/${me.body.id}`, { token: admin.token, body: { role: 'boxoffice' }, lang }), 400, 'validation-failed', ['role']);
      expect((await s.request('GET', '/api/me', { token: admin.token })).body.role).toBe('admin');
    });
  });

  describe('roles', () => {
    it('box office and reporting may read but not create venues', async () => {
      const boxoffice = await userIn(s, admin.orgId, 'boxoffice');
      const reporting = await userIn(s, admin.orgId, 'reporting');
      const before = await s.request('GET', '/api/venues', { token: admin.token });
      for (const token of [boxoffice, reporting]) {
        expectProblem(await s.request('POST', '/api/venues', { token, body: VENUE, lang: 'nl' }), 403, 'forbidden', 'nl');
        expect((await s.request('GET', '/api/venues', { token })).status).toBe(200);
        expect((await s.request('GET', '/api/performances', { token })).status).toBe(200);
        expect((await s.request('GET', '/api/ticket-types', { token })).status).toBe(200);
        expectProblem(await s.request('GET', '/api/users', { token }), 403, 'forbidden');
        expectProblem(await s.request('POST', '/api/api-clients', { token, body: { name: 'x', role: 'admin' } }), 403, 'forbidden');
      }
      expect((await s.request('GET', '/api/venues', { token: admin.token })).body).toEqual(before.body);
    });

    it('a role change applies to sessions already open', async () => {
      const email = `promoted-${Date.now()}@example.test`;
      const created = await s.request('POST', '/api/users', { token: admin.token, body: { email, name: 'P', role: 'boxoffice', password: 'correct horse battery' } });
      const { body: { token } } = await login(email, 'correct horse battery');
      expect((await s.request('POST', '/api/venues', { token, body: VENUE })).status).toBe(403);
      await s.request('PATCH', `/api/users/${created.body.id}`, { token: admin.token, body: { role: 'admin' } });
      expect((await s.request('POST', '/api/venues', { token, body: VENUE })).status).toBe(201);
    });

    it('refuses bad users with field errors and creates nothing', async () => {
      const before = await s.request('GET', '/api/users', { token: admin.token });
      const cases: [Record<string, unknown>, string][] = [
        [{ email: 'not-an-email', name: 'N', role: 'admin', password: 'long enough pw' }, 'email'],
        [{ email: 'ok@example.test', name: 'N', role: 'superuser', password: 'long enough pw' }, 'role'],
        [{ email: 'ok@example.test', name: 'N', role: 'admin', password: 'short' }, 'password'],
        [{ email: admin.email, name: 'N', role: 'admin', password: 'long enough pw' }, 'email'],
        [{ email: 'ok@example.test', name: 'N', role: 'admin', password: 'long enough pw', organisationId: 'x' }, 'organisationId'],
      ];
      for (const [body, field] of cases) {
        await expectRejected((lang) => s.request('POST', '/api/users', { token: admin.token, body, lang }), 400, 'validation-failed', [field]);
      }
      expect((await s.request('GET', '/api/users', { token: admin.token })).body).toEqual(before.body);
    });
  });

  describe('API clients', () => {
    let client: { id: string; clientId: string; clientSecret: string };
    let b: OrgFixture;
    beforeAll(async () => {
      b = await orgWithUser(s, 'admin', 'Other Theater');
      const res = await s.request('POST', '/api/api-clients', { token: admin.token, body: { name: 'Website', role: 'boxoffice' } });
      expect(res.status).toBe(201);
      client = res.body;
    });

    const tokenByJson = (id = client.clientId, secret = client.clientSecret) =>
      s.request('POST', '/api/oauth/token', { body: { grant_type: 'client_credentials', client_id: id, client_secret: secret } });

    it('shows the secret once and stores it hashed', async () => {
      expect(client.clientSecret.length).toBeGreaterThanOrEqual(32);
      const list = await s.request('GET', '/api/api-clients', { token: admin.token });
      expect(list.body.items).toContainEqual(expect.objectContaining({ id: client.id, clientId: client.clientId, name: 'Website', role: 'boxoffice', revokedAt: null }));
      expect(JSON.stringify(list.body)).not.toContain(client.clientSecret);
      expect(JSON.stringify(list.body)).not.toMatch(/secret/i);
      const row = await s.deps.db.selectFrom('api_clients').selectAll().where('id', '=', client.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(client.clientSecret);
    });

    it('answers a JWT for form, JSON and HTTP Basic credentials, valid on /api/me', async () => {
      const form = await s.request('POST', '/api/oauth/token', {
        headers: FORM,
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }).toString(),
      });
      const json = await tokenByJson();
      const basic = await s.request('POST', '/api/oauth/token', {
        headers: { ...FORM, authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
        body: 'grant_type=client_credentials',
      });
      for (const res of [form, json, basic]) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
        expect(res.body.access_token.split('.')).toHaveLength(3);
        const me = await s.request('GET', '/api/me', { token: res.body.access_token });
        expect(me.body).toMatchObject({ kind: 'client', id: client.id, name: 'Website', role: 'boxoffice', organisation: { id: admin.orgId } });
      }
      // The client's role holds: box office may read, not create venues.
      expect((await s.request('GET', '/api/venues', { token: json.body.access_token })).status).toBe(200);
      expect((await s.request('POST', '/api/venues', { token: json.body.access_token, body: VENUE })).status).toBe(403);
    });

    it('refuses wrong credentials alike and without a token', async () => {
      const wrongSecret = await tokenByJson(client.clientId, 'wrong');
      const unknownId = await tokenByJson('foyer_nobody', client.clientSecret);
      expectProblem(wrongSecret, 401, 'invalid-client');
      expect(wrongSecret.body.error).toBe('invalid_client');
      expect(unknownId.body).toEqual(wrongSecret.body);
      expectProblem(await s.request('POST', '/api/oauth/token', { body: { grant_type: 'client_credentials' } }), 401, 'invalid-client');
      await expectRejected((lang) => s.request('POST', '/api/oauth/token', {
        body: { grant_type: 'password', client_id: client.clientId, client_secret: client.clientSecret }, lang,
      }), 400, 'validation-failed', ['grant_type']);
    });

    it('refuses forged tokens: unsigned, signed with another key, or with the claims changed', async () => {
      const real = (await tokenByJson()).body.access_token as string;
      const [header, payload, signature] = real.split('.');
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = [
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, role: 'admin' })}.`,
        `${header}.${b64({ ...claims, role: 'admin' })}.${signature}`,
        `${header}.${b64({ ...claims, org: b.orgId })}.${signature}`,
        await new SignJWT({ org: claims.org, role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('foyer')
          .setSubject(claims.sub).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode('guessed-secret')),
      ];
      for (const token of forged) expectProblem(await s.request('GET', '/api/me', { token }), 401, 'unauthenticated');
      expect((await s.request('GET', '/api/me', { token: real })).status).toBe(200);
    });

    it('refuses a token after it expires', async () => {
      const res = await tokenByJson();
      clock.advance(3600_000 - 5_000);
      expect((await s.request('GET', '/api/me', { token: res.body.access_token })).status).toBe(200);
      clock.advance(10_000);
      expectProblem(await s.request('GET', '/api/me', { token: res.body.access_token }), 401, 'unauthenticated');
    });

    it('a revoked client loses its tokens at once and gets no new ones', async () => {
      const created = await s.request('POST', '/api/api-clients', { token: admin.token, body: { name: 'Kiosk', role: 'admin' } });
      const issued = await tokenByJson(created.body.clientId, created.body.clientSecret);
      expect((await s.request('GET', '/api/me', { token: issued.body.access_token })).status).toBe(200);
      expect((await s.request('DELETE', `/api/api-clients/${created.body.id}`, { token: admin.token })).status).toBe(204);
      expectProblem(await s.request('GET', '/api/me', { token: issued.body.access_token }), 401, 'unauthenticated');
      expectProblem(await tokenByJson(created.body.clientId, created.body.clientSecret), 401, 'invalid-client');
      const list = await s.request('GET', '/api/api-clients', { token: admin.token });
      expect(list.body.items.find((c: { id: string }) => c.id === created.body.id).revokedAt).toBeTruthy();
      // The other client is untouched.
      expect((await tokenByJson()).status).toBe(200);
    });

    it('refuses bad API clients with field errors', async () => {
      await expectRejected((lang) => s.request('POST', '/api/api-clients', { token: admin.token, body: { name: '', role: 'root' }, lang }), 400, 'validation-failed', ['name', 'role']);
    });
  });
});
