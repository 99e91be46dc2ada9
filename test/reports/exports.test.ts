import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildScenario, type Scenario } from './scenario.js';

/** RFC 4180 with `;` between fields, as Dutch/Belgian Excel writes it (the BOM already dropped). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += ch;
  }
  expect(field).toBe('');
  return rows;
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

describe.each(DIALECTS)('report exports on %s', (dialect) => {
  let sc: Scenario;
  beforeAll(async () => { sc = await buildScenario(dialect); });
  afterAll(async () => { await sc?.s.close(); });

  const get = (path: string, lang = 'nl') => sc.s.request('GET', path, { token: sc.token, lang });
  const binary = async (path: string) => {
    const res = await fetch(sc.s.baseUrl + path, { headers: { authorization: `Bearer ${sc.token}`, 'accept-language': 'nl' } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('daily sales as CSV: Dutch headers, `;`, decimal comma, the same rows as the JSON', async () => {
    const q = '/api/reports/daily-sales?from=2054-11-23&to=2054-11-26';
    const json = (await get(q)).body;
    const csv = await get(`${q}&format=csv`);
    expect(csv.status).toBe(200);
    // a byte order mark, so Excel reads the file as UTF-8 (fetch's text() drops it)
    expect([...(await binary(`${q}&format=csv`)).bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="daily-sales_2054-11-23_2054-11-26.csv"');
    const [header, ...rows] = parseCsv(csv.body);
    expect(header).toEqual(['Datum', 'Tickettype', 'DIP-categorie', 'Kanaal', 'Betaalwijze', 'Kaarten', 'Omzet (EUR)', 'Btw-tarief %', 'Netto (EUR)', 'Btw (EUR)']);
    // the ticket rows, then (no fees here) each day's VAT line
    const tickets = rows.filter((r) => !r[1].startsWith('btw'));
    expect(tickets).toEqual(json.items.map((i: Record<string, string | number>) =>
      [i.date, i.ticketTypeName, i.dipCategory, i.channel, i.paymentMethod, String(i.tickets), euros(i.revenue as number), '', '', '']));
    expect(rows.filter((r) => r[1].startsWith('btw')).map((r) => r[0])).toEqual(json.vat.map((v: { date: string }) => v.date));
    expect(rows).toContainEqual(['2054-11-26', 'Normaal', 'normal', 'boxoffice', 'pin', '-1', '-30,00', '', '', '']);
  });

  it('performances as XLSX: opens with exceljs, one row per performance, amounts in euros', async () => {
    const q = '/api/reports/performances?from=2055-01-01&to=2055-02-28';
    const json = (await get(q)).body;
    const { res, bytes } = await binary(`${q}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="performances_2055-01-01_2055-02-28.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(1 + json.items.length);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual(['Titel', 'Aanvang', 'Locatie', 'Capaciteit', 'Verkocht', 'Omzet (EUR)', 'Reserveringen',
      'Geblokkeerd (voorwaardelijk)', 'Geblokkeerd (definitief)', 'Bezetting %']);
    expect(header).toContain('Korting: #');
    const first = (ws.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 10)).toEqual(['Hamlet', '2055-01-15 20:15', 'Stadsschouwburg', 38, 8, 160, 1, 1, 2, 21.1]);
    expect(first[header.indexOf('Korting: EUR')]).toBe(40);
    expect(ws.getRow(2).getCell(6).numFmt).toBe('#,##0.00');
  });

  it('customers as CSV holds every customer; sales over time as XLSX holds every day', async () => {
    const csv = await get('/api/reports/customers?from=2054-11-23&to=2055-03-01&format=csv&limit=1');
    const [header, ...rows] = parseCsv(csv.body);
    expect(header).toEqual(['Naam', 'E-mail', 'Postcode', 'Bestellingen', 'Kaarten', 'Omzet (EUR)', 'Laatste bezoek']);
    expect(rows).toEqual([
      ['Anna de Vries', 'anna@example.test', '3512 AB', '2', '4', '115,00', '2055-01-15 20:15'],
      ['Bram Peeters', 'bram@example.test', '9000', '2', '3', '60,00', '2055-02-10 20:00'],
    ]);
    const { res, bytes } = await binary(`/api/reports/performances/${sc.a.performanceId}/sales-over-time?format=xlsx`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="sales-over-time_${sc.a.performanceId}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['2054-11-23', 5, 115, 5, 115],
      ['2054-11-24', 1, 15, 6, 130],
      ['2054-11-25', 1, 0, 7, 130],
      ['2054-11-26', 1, 30, 8, 160],
    ]);
  });

  it('a CSV cell that would be a formula is defused, quotes and separators are quoted', async () => {
    const basket = (await sc.s.request('POST', '/api/baskets', { token: sc.token, body: { channel: 'boxoffice' } })).body;
    await sc.s.request('POST', `/api/baskets/${basket.id}/lines`, { token: sc.token, body: { performanceId: sc.b.performanceId, seatIds: ['r2s1'] } });
    await sc.s.request('PUT', `/api/baskets/${basket.id}/customer`, { token: sc.token, body: { name: '=HYPERLINK("x";"y")' } });
    expect((await sc.s.request('POST', `/api/baskets/${basket.id}/checkout`, { token: sc.token, body: { payment: { method: 'cash' } } })).status).toBe(201);
    const csv = await get('/api/reports/customers?from=2054-11-26&to=2054-11-26&format=csv&venue=' + sc.b.venueId);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"";""y"")"`);
    expect(parseCsv(csv.body).map((r) => r[0])).toContain(`'=HYPERLINK("x";"y")`);
  });
});
