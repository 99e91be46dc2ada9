// Security headers on every kind of answer, framing only where a route allows it, secrets never
// echoed in problems or logs, and only tokens Foyer itself signed (with an expiry) accepted.
import crypto from 'node:crypto';
import http from 'node:http';
import { Writable } from 'node:stream';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/platform/logger.js';
import { allowFraming, framingHook } from '../../src/platform/security-headers.js';
import { serverSecret } from '../../src/platform/secrets.js';
import { openBrowser, type Browser } from '../web/browser.js';
import { orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';

const SECRET_VALUE = 'hunter2-super-secret-value';

function expectSecurityHeaders(h: Headers, what: string) {
  expect(h.get('content-security-policy'), what).toMatch(/frame-ancestors 'none'/);
  expect(h.get('content-security-policy'), what).toMatch(/default-src 'self'/);
  expect(h.get('content-security-policy'), what).toMatch(/object-src 'none'/);
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('referrer-policy'), what).toBe('no-referrer');
}

describe('security', () => {
  let s: TestServer;
  let admin: OrgFixture;
  const logged: string[] = [];
  // A venue's own site (another origin on this machine) that embeds a Foyer page named by ?path=.
  let venueOrigin = '';
  let venue: http.Server;
  let logApp: Awaited<ReturnType<typeof buildApp>>;
  let logBase: string;
  beforeAll(async () => {
    s = await startServer('sqlite');
    admin = await orgWithUser(s);
    // A second app on the same database, logging every request as npm start does.
    const sink = new Writable({ write(chunk, _enc, done) { logged.push(String(chunk)); done(); } });
    logApp = await buildApp(s.deps, { logger: createLogger('info', sink) });
    logApp.get('/_framed', async (_req, reply) => {
      allowFraming(reply, ['https://www.schouwburg.nl', 'https://shop.example.test:8443', venueOrigin, 'javascript:alert(1)', 'https://evil.test/path']);
      return { ok: true };
    });
    logApp.get('/_not-framed', async (_req, reply) => {
      allowFraming(reply, ['not an origin']);
      return { ok: true };
    });
    await logApp.register(async (shop) => {
      shop.addHook('onSend', framingHook(async (req) => (req.url.includes('venue=a') ? ['https://a.example.test'] : [])));
      shop.get('/_shop/page', async () => ({ ok: true }));
    });
    await logApp.listen({ host: '127.0.0.1', port: 0 });
    logBase = `http://127.0.0.1:${(logApp.server.address() as { port: number }).port}`;
    venue = http.createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').searchParams.get('path') ?? '/';
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<h1>Venue</h1><iframe src="${logBase}${path}"></iframe>`);
    });
    await new Promise<void>((resolve) => venue.listen(0, '127.0.0.1', resolve));
    venueOrigin = `http://127.0.0.1:${(venue.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    venue?.close();
    await logApp?.close();
    await s?.close();
  });

  it('every kind of answer carries the security headers', async () => {
    const answers: [string, RequestInit?][] = [
      ['/'], ['/docs'], ['/docs/static/index.html'], ['/openapi.json'], ['/health'], ['/api/venues'], ['/api/nothing'],
      ['/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{x' }],
    ];
    for (const [path, init] of answers) {
      const res = await fetch(s.baseUrl + path, init);
      await res.arrayBuffer();
      expectSecurityHeaders(res.headers, path);
    }
    const ok = await s.request('GET', '/api/venues', { token: admin.token });
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok.headers, 'GET /api/venues');
  });

  describe('in a browser', () => {
    let b: Browser;
    beforeAll(async () => { b = await openBrowser(); }, 120_000);
    afterAll(async () => { await b?.close(); });

    it('/docs (swagger-ui) works under the policy, without CSP violations', async () => {
      const violations: string[] = [];
      b.page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
      await b.page.goto(`${s.baseUrl}/docs`);
      await b.page.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
      await expect.poll(() => b.page.locator('.opblock').count(), { timeout: 20_000 }).toBeGreaterThan(3);
      // Its styles apply, and its scripts work: an operation opens on a click.
      expect(await b.page.locator('.opblock-summary-method').first().evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      await b.page.locator('.opblock-summary').first().click();
      await b.page.waitForSelector('.opblock-body', { timeout: 10_000 });
      expect(violations).toEqual([]);
    }, 60_000);

    it('a page is framed only by the origins its route allows', async () => {
      /** The venue's site at `parent` embedding `path` of Foyer: does the frame show the answer? */
      const embeds = async (parent: string, path: string): Promise<boolean> => {
        await b.page.goto(`${parent}/?path=${encodeURIComponent(path)}`);
        await b.page.waitForLoadState('load');
        const frame = b.page.frames().find((f) => f !== b.page.mainFrame());
        const text = await frame?.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        return (text ?? '').includes('"ok":true');
      };
      const otherOrigin = venueOrigin.replace('127.0.0.1', 'localhost');
      expect(await embeds(venueOrigin, '/_framed')).toBe(true);
      expect(await embeds(otherOrigin, '/_framed')).toBe(false);
      expect(await embeds(venueOrigin, '/_not-framed')).toBe(false);
      expect(await embeds(venueOrigin, '/_shop/page?venue=b')).toBe(false);

      const allowed = await fetch(`${logBase}/_framed`);
      expect(allowed.headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/www\.schouwburg\.nl https:\/\/shop\.example\.test:8443 http:\/\/127\.0\.0\.1:\d+(;|$)/);
      expect(allowed.headers.get('x-frame-options')).toBeNull();
      expect(allowed.headers.get('content-security-policy')).not.toMatch(/javascript|evil/);
      expectSecurityHeaders((await fetch(`${logBase}/_not-framed`)).headers, '/_not-framed');
      // A route prefix whose origins depend on the request (e.g. the organisation's shop settings).
      const a = await fetch(`${logBase}/_shop/page?venue=a`);
      expect(a.headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/a\.example\.test/);
      expect(a.headers.get('x-frame-options')).toBeNull();
      expectSecurityHeaders((await fetch(`${logBase}/_shop/page?venue=b`)).headers, '/_shop/page?venue=b');
    }, 60_000);
  });

  it('never echoes a secret from the query string, in the problem or in the request log', async () => {
    const queries = [`client_secret=${SECRET_VALUE}&x=1`, `password=${SECRET_VALUE}`, `access_token=${SECRET_VALUE}`, `api_key=${SECRET_VALUE}`, `token=${SECRET_VALUE}`];
    for (const q of queries) {
      const res = await fetch(`${logBase}/api/oauth/token?${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' });
      const text = await res.text();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(text).not.toContain(SECRET_VALUE);
      expect(JSON.parse(text).instance).toMatch(/^\/api\/oauth\/token\?/);
    }
    const unknown = await fetch(`${logBase}/api/nothing?client_secret=${SECRET_VALUE}`);
    expect(await unknown.text()).not.toContain(SECRET_VALUE);
    expect(logged.join('\n')).toContain('/api/oauth/token?');
    expect(logged.join('\n')).not.toContain(SECRET_VALUE);
    // Harmless parameters are still shown.
    expect(logged.join('\n')).toContain('x=1');
  });

  describe('API client tokens', () => {
    let key: Uint8Array;
    let clientId: string;
    const now = () => Math.floor(Date.now() / 1000);
    const me = (token: string) => s.request('GET', '/api/me', { token });
    beforeAll(async () => {
      const c = await s.request('POST', '/api/api-clients', { token: admin.token, body: { name: 'Shop', role: 'boxoffice' } });
      clientId = c.body.id;
      key = new TextEncoder().encode(await serverSecret(s.deps.db, 'jwt-signing-key', new Date()));
      const real = await s.request('POST', '/api/oauth/token', { body: { grant_type: 'client_credentials', client_id: c.body.clientId, client_secret: c.body.clientSecret } });
      expect((await me(real.body.access_token)).status).toBe(200);
    });
    const claims = () => ({ org: admin.orgId, role: 'admin' });

    it('refuses a token without exp', async () => {
      const t = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setIssuer('foyer').setSubject(clientId).setIssuedAt().sign(key);
      expect((await me(t)).status).toBe(401);
    });

    it('refuses alg none, another HMAC algorithm, RS256 and HS/RS confusion', async () => {
      const unsecured = new UnsecuredJWT(claims()).setIssuer('foyer').setSubject(clientId).setIssuedAt().setExpirationTime(now() + 600).encode();
      expect((await me(unsecured)).status).toBe(401);
      const hs512 = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).setIssuer('foyer').setSubject(clientId).setExpirationTime(now() + 600).sign(crypto.createHash('sha512').update(key).digest());
      expect((await me(hs512)).status).toBe(401);
      const hs384 = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS384' }).setIssuer('foyer').setSubject(clientId).setExpirationTime(now() + 600).sign(key);
      expect((await me(hs384)).status).toBe(401);
      const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
      const rs = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).setIssuer('foyer').setSubject(clientId).setExpirationTime(now() + 600).sign(privateKey);
      expect((await me(rs)).status).toBe(401);
      // HS256 keyed with a public key's PEM (the classic confusion attack).
      const pem = new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }) as string);
      const confused = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setIssuer('foyer').setSubject(clientId).setExpirationTime(now() + 600).sign(pem);
      expect((await me(confused)).status).toBe(401);
    });

    it('refuses expired tokens, another issuer, and tokens with a changed signature', async () => {
      const expired = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setIssuer('foyer').setSubject(clientId).setIssuedAt(now() - 7200).setExpirationTime(now() - 3600).sign(key);
      expect((await me(expired)).status).toBe(401);
      const issuer = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setIssuer('someone-else').setSubject(clientId).setExpirationTime(now() + 600).sign(key);
      expect((await me(issuer)).status).toBe(401);
      const good = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setIssuer('foyer').setSubject(clientId).setIssuedAt().setExpirationTime(now() + 600).sign(key);
      expect((await me(good)).status).toBe(200);
      const [h, p, sig] = good.split('.');
      expect((await me(`${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`)).status).toBe(401);
    });
  });
});
