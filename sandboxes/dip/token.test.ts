import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_CLIENT } from './seed.js';
import { startHarness, type Harness } from './test-support.js';

const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' });

describe('DIP sandbox: token', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ tokenLifetimeSeconds: 60 }); });
  afterAll(async () => { await h?.close(); });

  it('gives an HS256 JWT with exp for the demo credentials, with or without grant_type', async () => {
    for (const extra of [{}, { grant_type: 'client_credentials' }] as Record<string, string>[]) {
      const res = await h.call<{ access_token: string; token_type: string; expires_in: number }>('POST', '/token',
        form({ client_id: 'foyer-demo', client_secret: 'foyer-demo-secret', ...extra }));
      expect(res.status).toBe(200);
      expect(res.body.token_type).toBe('bearer');
      expect(res.body.expires_in).toBe(60);
      expect(decodeProtectedHeader(res.body.access_token).alg).toBe('HS256');
      const claims = decodeJwt(res.body.access_token);
      expect(claims.exp).toBe(Date.parse('2026-11-23T12:00:00Z') / 1000 + 60);
    }
  });

  it('refuses wrong credentials with 401 and a DIP error body', async () => {
    for (const fields of [
      { client_id: 'foyer-demo', client_secret: 'wrong' },
      { client_id: 'nobody', client_secret: 'foyer-demo-secret' },
      { client_id: 'foyer-demo', client_secret: OTHER_CLIENT.clientSecret },
    ]) {
      const res = await h.call('POST', '/token', form(fields));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    }
  });

  it('refuses another grant type, missing fields and a JSON body with 400', async () => {
    const other = await h.call('POST', '/token', form({ client_id: 'foyer-demo', client_secret: 'foyer-demo-secret', grant_type: 'password' }));
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await h.call('POST', '/token', form({ client_id: 'foyer-demo' }))).status).toBe(400);
    const json = await h.call('POST', '/token', { body: { client_id: 'foyer-demo', client_secret: 'foyer-demo-secret' } });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 401 without a token, with a forged one, and once the token has expired', async () => {
    const token = await h.token();
    expect((await h.call('GET', '/theaters/performances', { token })).status).toBe(200);

    const none = await h.call('GET', '/theaters/performances');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: 'invalid_token' });
    const forged = await new SignJWT({ theater_id: 4711, gen: 1 }).setProtectedHeader({ alg: 'HS256' }).setSubject('foyer-demo')
      .setExpirationTime('1h').sign(new TextEncoder().encode('not the sandbox key'));
    expect((await h.call('GET', '/theaters/performances', { token: forged })).status).toBe(401);

    h.clock.advance(61_000);
    const expired = await h.call('GET', '/theaters/performances', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: 'invalid_token', error_description: 'the token expired' });
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await h.call('GET', '/theaters/performances', { token: await h.token() })).status).toBe(200);
  });

  it('expires every token issued so far on POST /_sandbox/expire-tokens', async () => {
    const before = await h.token();
    expect((await h.call('POST', '/_sandbox/expire-tokens')).status).toBe(204);
    expect((await h.call('GET', '/theaters/performances', { token: before })).status).toBe(401);
    expect((await h.call('GET', '/theaters/performances', { token: await h.token() })).status).toBe(200);
  });
});
