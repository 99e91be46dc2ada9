import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import type { Lang } from '../platform/i18n.js';
import { IdParams } from '../platform/schemas.js';
import { renderFile, type Table } from './exports.js';
import { customersTable, dailySalesTable, performancesTable, salesOverTimeTable } from './export-tables.js';
import {
  CustomerReport, DailySales, OverTimeQuery, PagedRangeQuery, PerformanceReport, RangeQuery, SalesOverTime, type Format,
} from './schemas.js';
import { customersReport, dailySales, performancesReport, salesOverTime } from './service.js';
import { onSalePace } from './pace.js';
import { OnSalePace, PaceQuery } from './pace-schemas.js';

const FILE_NOTE = 'format=csv (`;`-separated, decimal comma, UTF-8 with BOM) or format=xlsx answers a file to download instead of JSON.';

/** JSON as is, or the report's table as a CSV/XLSX attachment. */
async function answer<R, T>(reply: FastifyReply, format: Format | undefined, lang: Lang, stem: string, report: R, table: (r: R) => Table<T>) {
  if (!format || format === 'json') return report;
  const file = await renderFile(table(report), format, lang, stem);
  return reply.type(file.contentType).header('content-disposition', file.disposition).send(file.body);
}

export const reportRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const reporting = requireRole(deps, 'reporting');
  const dailyReaders = requireRole(deps, 'reporting', 'boxoffice');

  app.get('/api/reports/daily-sales', {
    schema: {
      tags: ['reports'],
      summary: 'Tickets and revenue per local day of sale and ticket type, split by channel and payment method; service fees and VAT per rate on their own lines',
      description: `Cancellations of sold tickets are negative rows on the day of cancellation. ${FILE_NOTE}`,
      querystring: RangeQuery,
      response: { 200: DailySales },
    },
    preHandler: dailyReaders,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const r = await dailySales(ctx, req.query);
    return answer(reply, req.query.format, ctx.lang, `daily-sales_${r.from}_${r.to}`, r, (x) => dailySalesTable(x, ctx.lang));
  });

  app.get('/api/reports/performances', {
    schema: {
      tags: ['reports'],
      summary: 'Per performance starting in the period: sold per ticket type and DIP category, reservations, blocked, occupancy',
      description: FILE_NOTE,
      querystring: RangeQuery,
      response: { 200: PerformanceReport },
    },
    preHandler: reporting,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const r = await performancesReport(ctx, req.query);
    return answer(reply, req.query.format, ctx.lang, `performances_${r.from}_${r.to}`, r, performancesTable);
  });

  app.get('/api/reports/performances/:id/sales-over-time', {
    schema: {
      tags: ['reports'],
      summary: 'Net tickets and revenue per day with running totals, from the first sale (or from) up to today (or to)',
      description: FILE_NOTE,
      params: IdParams,
      querystring: OverTimeQuery,
      response: { 200: SalesOverTime },
    },
    preHandler: reporting,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const r = await salesOverTime(ctx, req.params.id, req.query);
    return answer(reply, req.query.format, ctx.lang, `sales-over-time_${r.performanceId}`, r, salesOverTimeTable);
  });

  app.get('/api/reports/performances/:id/on-sale-pace', {
    schema: {
      tags: ['reports'],
      summary: 'Tickets sold per minute (per channel, with the running total) from the online on-sale moment, the first sale, or from',
      params: IdParams,
      querystring: PaceQuery,
      response: { 200: OnSalePace },
    },
    preHandler: reporting,
  }, async (req) => onSalePace(ctxOf(deps, req), req.params.id, req.query));

  app.get('/api/reports/customers', {
    schema: {
      tags: ['reports'],
      summary: 'Per customer who bought in the period: orders, tickets, revenue, last visit; best customers first',
      description: `JSON is paged (limit, offset, total); the files hold every customer. ${FILE_NOTE}`,
      querystring: PagedRangeQuery,
      response: { 200: CustomerReport },
    },
    preHandler: reporting,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const file = !!req.query.format && req.query.format !== 'json';
    const r = await customersReport(ctx, req.query, file);
    return answer(reply, req.query.format, ctx.lang, `customers_${r.from}_${r.to}`, r, customersTable);
  });
};
