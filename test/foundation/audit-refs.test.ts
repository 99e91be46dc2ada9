// GET /api/audit names the things a page's entries mention (refs), with one query for the whole page
// however many rows it has: a performance by its production's title, start and venue's zone, a hall and
// its venue by name, a ticket type per language (also by the Dutch name price lists keep), a user by
// name and e-mail. A thing deleted since is not there (the screen shows the entry's own label).
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/audit/service.js';
import { systemCtx } from '../../src/platform/system-ctx.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';

/** Counts the statements sent, by their results (a UNION's parts pass transformQuery one by one, but run as one). */
class Counter implements KyselyPlugin {
  n = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode { return args.node; }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> { this.n++; return args.result; }
}

describe.each(DIALECTS)('the names of an audit page on %s', (dialect) => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let c: Catalogue;
  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock('2054-11-23T12:00:00Z') });
    admin = await orgWithUser(s, 'admin');
    c = await buildCatalogue(s, admin.token, { rows: 1, perRow: 2 });
  }, 120_000);
  afterAll(async () => { await s?.close(); });

  const page = async (limit: number) => {
    const counter = new Counter();
    const ctx = systemCtx({ ...s.deps, db: s.deps.db.withPlugin(counter) }, admin.orgId, s.app.log);
    const answer = await listAudit(ctx, { limit });
    return { ...answer, statements: counter.n };
  };

  it('looks the names up in one query per page, not per row', async () => {
    for (let day = 1; day <= 30; day++) {
      const r = await s.request('POST', '/api/performances', { token: admin.token, body: { productionId: c.productionId, hallId: c.hallId, startsAt: `2055-03-${String(day).padStart(2, '0')}T20:15`, standardTicketTypeId: c.ticketTypes.normal } });
      expect(r.status).toBe(201);
    }
    const small = await page(5);
    const large = await page(40);
    expect(small.items).toHaveLength(5);
    expect(large.items).toHaveLength(40);
    // The page's rows, then their names: two statements for 5 rows and for 40.
    expect([small.statements, large.statements]).toEqual([2, 2]);

    const perf = large.items.find((e) => e.subject === 'performance' && e.action === 'created')!;
    expect(large.refs[perf.subjectId]).toEqual({ kind: 'performance', name: 'Hamlet', startsAt: perf.changes.startsAt[1], timeZone: 'Europe/Amsterdam' });
    expect(large.refs[c.hallId]).toEqual({ kind: 'hall', name: 'Grote Zaal' });
    expect(large.refs[c.ticketTypes.normal]).toEqual({ kind: 'ticket-type', name: 'Normaal', names: { nl: 'Normaal', fr: 'Normaal', en: 'Normaal' } });
    // The price list's fields name ticket types by their Dutch name.
    expect(large.refs['type:Korting']).toMatchObject({ kind: 'ticket-type', name: 'Korting' });
  });

  it('leaves out a thing deleted since', async () => {
    const made = await s.request('POST', '/api/productions', { token: admin.token, body: { title: 'Medea', producer: 'ITA', genre: 'toneel' } });
    const { items, refs } = await page(3);
    expect(refs[made.body.id]).toEqual({ kind: 'production', name: 'Medea' });
    expect(items[0].subjectId).toBe(made.body.id);
    expect((await s.request('DELETE', `/api/productions/${made.body.id}`, { token: admin.token })).status).toBe(204);
    const after = await page(3);
    expect(after.items.map((e) => [e.action, e.label])).toEqual([['deleted', 'Medea'], ['created', 'Medea'], ['created', expect.any(String)]]);
    expect(after.refs[made.body.id]).toBeUndefined();
  });
});
