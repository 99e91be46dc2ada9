// The contract kept in this folder: the sandbox serves exactly its API calls, and the request checker
// (used on what Foyer's connector sends, test/uitpas/contract.test.ts) refuses what UiTPAS would.
import { describe, expect, it } from 'vitest';
import { uitpasContract } from './contract.js';
import { buildUitpasSandbox } from './server.js';
import { LEGACY_SEARCH_PATH } from './xml.js';
import { TOKEN_PATH } from './auth.js';

const SALE = { regularPrice: 12, tariff: { id: 'SOCIALTARIFF' }, eventId: 'e', uitpasNumber: '0900000067513' };

describe('the UiTPAS contract', () => {
  it('lists every API 4.0 call the sandbox serves, and the sandbox serves every call it lists', async () => {
    const app = buildUitpasSandbox();
    await app.ready();
    const notUitpas = (r: string) => r.includes(' /_sandbox/') || r === 'GET /' || r.endsWith(TOKEN_PATH) || r.endsWith(LEGACY_SEARCH_PATH);
    const served = app.uitpas.routes.filter((r) => !notUitpas(r)).sort();
    await app.close();
    expect(served).toEqual([...uitpasContract().operations].sort());
    expect(served).toContain('DELETE /ticket-sales/{ticketSaleId}');
  });

  it('refuses a request UiTPAS would refuse', () => {
    const c = uitpasContract();
    expect(c.checkRequest('GET', '/tariffs?eventId=e&uitpasNumber=1&regularPrice=12')).toEqual([]);
    expect(c.checkRequest('GET', '/tariffs?eventId=e&uitpasNumber=1')).toEqual(['query parameter regularPrice is required']);
    expect(c.checkRequest('GET', '/tariffs?eventId=e&uitpasNumber=1&regularPrice=twelve')).toEqual(['query parameter regularPrice must be a number']);
    expect(c.checkRequest('GET', '/tariffs?eventId=e&uitpasNumber=1&regularPrice=12&type=ALL')).toHaveLength(1);
    expect(c.checkRequest('GET', '/passes?identifier=1&uitpas=1')).toEqual(['query parameter uitpas is not in the contract']);
    expect(c.checkRequest('PUT', '/passes')).toEqual(['PUT /passes is not in the contract']);
    expect(c.checkRequest('POST', '/ticket-sales', [SALE])).toEqual([]);
    expect(c.checkRequest('POST', '/ticket-sales', [{ ...SALE, regularPrice: '12' }]).join()).toMatch(/regularPrice.*number/);
    expect(c.checkRequest('POST', '/ticket-sales', [{ ...SALE, tariff: undefined }]).join()).toMatch(/tariff/);
    expect(c.checkRequest('DELETE', '/ticket-sales/abc')).toEqual([]);
    expect(c.checkRequest('DELETE', '/ticket-sales/abc', {})).toEqual(['the contract has no body for this call']);
  });
});
