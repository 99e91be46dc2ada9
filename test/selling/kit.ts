// Small steps the selling tests share: open a basket, add places, read seat states and figures.
import { expect } from 'vitest';
import type { Answer, TestServer } from '../helpers/server.js';
import { sweepSelling } from '../../src/orders/sweeper.js';

export interface Line { id: string; seatId: string | null; placeId: string; zoneId: string | null; row: string; seat: string; rank: number; ticketTypeId: string; price: number; held: boolean }

export function sellingKit(s: () => TestServer, token: () => string) {
  const req = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>> => // eslint-disable-line @typescript-eslint/no-explicit-any
    s().request<T>(method, path, { token: token(), body, headers });

  const ok = <T>(res: Answer<T>, status = 200): T => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };

  return {
    req,
    ok,
    async basket(channel: 'boxoffice' | 'online' = 'boxoffice'): Promise<{ id: string; expiresAt: string; lines: Line[] }> {
      return ok(await req('POST', '/api/baskets', { channel }), 201);
    },
    async add(basketId: string, body: Record<string, unknown>): Promise<{ id: string; lines: Line[]; total: number }> {
      return ok(await req('POST', `/api/baskets/${basketId}/lines`, body));
    },
    /** Without a payment: a reservation, for a customer (one is made when the box-office basket has none). */
    async checkout(basketId: string, payment?: { method: string; reference?: string }, headers?: Record<string, string>) {
      if (!payment) await this.ensureCustomer(basketId);
      return ok(await req('POST', `/api/baskets/${basketId}/checkout`, payment ? { payment } : {}, headers), 201);
    },
    /** A box-office reservation needs a customer: attaches a new one unless the basket has one. */
    async ensureCustomer(basketId: string, name = 'Klant Reservering') {
      const b = ok(await req<{ channel: string; customer: unknown }>('GET', `/api/baskets/${basketId}`));
      if (b.channel === 'boxoffice' && !b.customer) ok(await req('PUT', `/api/baskets/${basketId}/customer`, { name }));
    },
    /** Sells `seatIds` of a performance in one order; paid with cash unless `unpaid`. */
    async sell(performanceId: string, seatIds: string[], opts: { unpaid?: boolean; ticketTypeId?: string } = {}) {
      const b = await this.basket();
      await this.add(b.id, { performanceId, seatIds, ...(opts.ticketTypeId ? { ticketTypeId: opts.ticketTypeId } : {}) });
      return this.checkout(b.id, opts.unpaid ? undefined : { method: 'cash' });
    },
    async seatStatus(performanceId: string): Promise<Record<string, string>> {
      const body = ok(await req<{ seats: { seatId: string; status: string }[] }>('GET', `/api/performances/${performanceId}/seats`));
      return Object.fromEntries(body.seats.map((x) => [x.seatId, x.status]));
    },
    async places(performanceId: string) {
      return ok(await req<{ ranks: { rank: number; total: number; available: number }[]; zones: { zoneId: string; capacity: number; available: number }[] }>(
        'GET', `/api/performances/${performanceId}/seats`));
    },
    async figures(performanceId: string) {
      return ok(await req('GET', `/api/performances/${performanceId}/figures`));
    },
    sweep: () => sweepSelling(s().deps, s().app.log),
    /** POST /api/orders/{id}/print; the PDF as bytes. */
    async print(orderId: string, body: unknown = {}): Promise<{ status: number; contentType: string; pdf: Buffer; text: string }> {
      const res = await fetch(`${s().baseUrl}/api/orders/${orderId}/print`, {
        method: 'POST', headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      const pdf = Buffer.from(await res.arrayBuffer());
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', pdf, text: pdf.toString('utf8') };
    },
  };
}

/** Pages in a PDF: its "/Type /Page" objects (not "/Type /Pages"). */
export const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
