// A catalogue key's last use: unknown until it signs a /v1 request, then the time of that request,
// written at most once a minute; a refused signature does not count; another organisation's keys
// are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { ok, utickClient, UtickClient } from './fixtures.js';

const NOW = '2054-11-23T12:00:00Z';

describe.each(DIALECTS)('catalogue keys: last used on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    token = (await orgWithUser(s)).token;
  });
  afterAll(async () => { await s?.close(); });
  const listed = async (id: string) =>
    (ok(await s.request('GET', '/api/catalogue/keys', { token }), 'keys').body.items as { id: string; lastUsedAt: string | null }[]).find((k) => k.id === id);
  const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));

  it('is null until the key signs a request, then follows its use to the minute', async () => {
    const { key, client } = await utickClient(s, token);
    expect(key.lastUsedAt).toBeNull();
    expect((await listed(key.id))?.lastUsedAt).toBeNull();

    // A request with a wrong signature is refused and is no use of the key.
    const forged = new UtickClient(s.baseUrl, key.publicKey, 'not the secret', () => s.clock.now());
    expect((await forged.call('catalogue/packs')).status).toBe(401);
    expect((await listed(key.id))?.lastUsedAt).toBeNull();

    expect((await client.call('catalogue/packs')).status).toBe(200);
    const first = s.clock.now().toISOString();
    expect((await listed(key.id))?.lastUsedAt).toBe(first);

    advance(30_000);
    expect((await client.call('catalogue/streams')).status).toBe(200);
    expect((await listed(key.id))?.lastUsedAt).toBe(first);

    advance(31_000);
    expect((await client.call('catalogue/streams')).status).toBe(200);
    expect((await listed(key.id))?.lastUsedAt).toBe(s.clock.now().toISOString());
  });

  it("lists only the organisation's own keys", async () => {
    const other = await orgWithUser(s, 'admin', 'Ander Theater');
    const { key } = await utickClient(s, other.token);
    expect(await listed(key.id)).toBeUndefined();
    expect((await s.request('DELETE', `/api/catalogue/keys/${key.id}`, { token })).status).toBe(404);
  });
});
