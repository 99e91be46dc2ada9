// Foyer serves the built box office at `/`: files, index.html for the app's own paths, and the API's
// problem documents untouched for /api.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ensureWebBuilt } from '../../web/build-if-stale.js';

describe('the box office app served by Foyer', () => {
  let s: TestServer;
  beforeAll(async () => {
    await ensureWebBuilt();
    s = await startServer('sqlite');
  }, 240_000);
  afterAll(async () => { await s?.close(); });

  const html = { accept: 'text/html,application/xhtml+xml' };

  it('answers the app at / and its hashed assets with a long cache', async () => {
    const root = await s.request('GET', '/', { headers: html });
    expect(root.status).toBe(200);
    expect(root.contentType).toContain('text/html');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(root.body as string)?.[1];
    expect(script).toBeDefined();
    const asset = await s.request('GET', script!);
    expect(asset.status).toBe(200);
    expect(asset.contentType).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers index.html for an app path a browser reloads, but not to a client that does not want HTML', async () => {
    const reload = await s.request('GET', '/orders/123', { headers: html });
    expect(reload.status).toBe(200);
    expect(reload.body).toContain('<div id="root">');
    const script = await s.request('GET', '/orders/123', { headers: { accept: 'application/json' } });
    expect(script.status).toBe(404);
    expect(script.contentType).toContain('application/problem+json');
  });

  it("answers the shop's page for its deep links: the pay step, the return from paying, the buyer's order", async () => {
    for (const path of ['/shop/demo/pay', `/shop/demo/return?basket=${'b'.repeat(32)}`, `/shop/demo/order/${'t'.repeat(43)}`]) {
      const res = await s.request('GET', path, { headers: html });
      expect(res.status, path).toBe(200);
      expect(res.body, path).toContain('<div id="shop">');
    }
  });

  it('keeps the API’s problem documents for unknown /api paths, even when HTML is accepted', async () => {
    // /v1 (the Utick-compatible catalogue) answers its own error format; it only must not get the app.
    const v1 = await s.request('GET', '/v1/nothing', { headers: html });
    expect(v1.status).toBe(404);
    expect(v1.contentType).not.toContain('text/html');
    for (const path of ['/api/nothing-here', '/api']) {
      const res = await s.request('GET', path, { headers: html });
      expect(res.status, path).toBe(404);
      expect(res.contentType, path).toContain('application/problem+json');
      expect(res.body.type, path).toBe('/problems/route-not-found');
    }
    expect((await s.request('GET', '/health')).body).toEqual({ status: 'ok' });
  });

  it('never serves files outside web/dist', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json']) {
      const res = await s.request('GET', path, { headers: { accept: '*/*' } });
      expect(res.status, path).toBe(404);
      expect(String(res.body), path).not.toContain('"name": "foyer"');
    }
  });
});
