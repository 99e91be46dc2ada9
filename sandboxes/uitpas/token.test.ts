// The account server: client-credentials tokens, their lifetime, and the API's 401s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATH } from './auth.js';
import { DEMO_CLIENT } from './seed.js';
import { startTestSandbox, type TestSandbox } from './test-support.js';

let sb: TestSandbox;
beforeAll(async () => { sb = await startTestSandbox({ tokenLifetimeSeconds: 300 }); });
afterAll(async () => { await sb.close(); });

const form = (fields: Record<string, string>) =>
  sb.http('POST', TOKEN_PATH, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
const demo = { grant_type: 'client_credentials', client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret };

describe('POST /realms/uitid/protocol/openid-connect/token', () => {
  it('issues an opaque bearer token with its lifetime', async () => {
    const a = await form(demo);
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ access_token: expect.any(String), expires_in: 300, token_type: 'Bearer' });
    const b = await form(demo);
    expect(b.body.access_token).not.toBe(a.body.access_token);
    expect(a.body.access_token.split('.')).toHaveLength(1); // not a JWT: nothing to parse
  });

  it('accepts the credentials in a Basic header too', async () => {
    const basic = Buffer.from(`${DEMO_CLIENT.clientId}:${DEMO_CLIENT.clientSecret}`).toString('base64');
    const a = await sb.http('POST', TOKEN_PATH, 'grant_type=client_credentials', { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` });
    expect(a.status).toBe(200);
  });

  it('answers 401 invalid_client to a wrong secret or unknown client', async () => {
    for (const wrong of [{ ...demo, client_secret: 'nope' }, { ...demo, client_id: 'nobody' }]) {
      const a = await form(wrong);
      expect(a.status).toBe(401);
      expect(a.body.error).toBe('invalid_client');
    }
  });

  it('answers 400 to another grant type or a JSON body', async () => {
    expect((await form({ ...demo, grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
    expect((await sb.http('POST', TOKEN_PATH, demo)).status).toBe(400);
  });
});

describe('bearer tokens on the API', () => {
  const PROBLEM = 'https://api.publiq.be/probs/auth/unauthorized';

  it('answers 401 auth/unauthorized without a token, with a made-up one, and once expired', async () => {
    expect((await sb.call('GET /permissions', { token: '' })).body).toMatchObject({ status: 401, type: PROBLEM });
    expect((await sb.call('GET /permissions', { token: 'made-up' })).body).toMatchObject({ status: 401, type: PROBLEM });
    const token = (await form(demo)).body.access_token as string;
    expect((await sb.call('GET /permissions', { token })).status).toBe(200);
    sb.clock.advance(299_000);
    expect((await sb.call('GET /permissions', { token })).status).toBe(200);
    sb.clock.advance(1_000);
    const expired = await sb.call('GET /permissions', { token });
    expect(expired.body).toMatchObject({ status: 401, type: PROBLEM, detail: expect.stringContaining('expired') });
  });
});
