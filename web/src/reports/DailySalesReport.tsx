import { localDate } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { RevenueCharts } from './RevenueCharts.js';
import { ExportButtons } from './ExportButtons.js';
import type { DailySales } from './types.js';
import { useReport } from './useReport.js';

/** 900 basis points -> "9 %", 550 -> "5,5 %" (the language's decimal sign). */
const rateText = (rate: number, lang: string) => `${(rate / 100).toLocaleString(lang)} %`;

/**
 * The tickets per day, type, channel and method; then the service fees on lines of their own (per
 * day, channel and kind; refunds negative) and the VAT per day and rate over tickets and fees.
 */
export function DailySalesReport({ query }: { query: string }) {
  const money = useMoney();
  const { t, w, lang } = useI18n();
  const path = `/api/reports/daily-sales${query}`;
  const { data, error } = useReport<DailySales>(path);
  const empty = data && data.items.length === 0 && data.fees.length === 0;
  return (
    <section className="report daily-sales">
      <div className="row"><h2 className="grow">{t('dailySales')}</h2><ExportButtons path={path} name="daily-sales" /></div>
      <ErrorLine error={error} />
      {data && data.items.length > 0 && <RevenueCharts items={data.items} />}
      {empty && <p className="muted">{t('noData')}</p>}
      {data && data.items.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('date')}</th><th>{t('ticketType')}</th><th>{t('category')}</th><th>{t('channel')}</th><th>{t('paymentMethod')}</th><th className="num">{t('tickets')}</th><th className="num">{t('revenue')}</th></tr></thead>
          <tbody>
            {data.items.map((i, n) => (
              <tr key={n}><td>{localDate(i.date, lang)}</td><td>{i.ticketTypeName}</td><td>{w('category', i.dipCategory)}</td><td>{w('channel', i.channel)}</td><td>{i.paymentMethod ? w('method', i.paymentMethod) : ''}</td>
                <td className="num">{i.tickets}</td><td className="num">{money(i.revenue)}</td></tr>
            ))}
          </tbody>
          <tfoot><tr><th colSpan={5}>{t('totals')}</th><th className="num total-tickets">{data.totals.tickets}</th><th className="num total-revenue">{money(data.totals.revenue)}</th></tr></tfoot>
        </table>
      )}
      {data && data.fees.length > 0 && (
        <>
          <h3>{t('serviceFees')}</h3>
          <table className="data fees">
            <thead><tr><th>{t('date')}</th><th>{t('channel')}</th><th>{t('serviceFees')}</th><th className="num">{t('quantity')}</th><th className="num">{t('vatRate')}</th><th className="num">{t('revenue')}</th></tr></thead>
            <tbody>
              {data.fees.map((f, n) => (
                <tr key={n} data-fee={f.kind}><td>{localDate(f.date, lang)}</td><td>{w('channel', f.channel)}</td><td>{w('fee', f.kind)}</td>
                  <td className="num">{f.quantity}</td><td className="num">{rateText(f.vatRate, lang)}</td><td className="num">{money(f.amount)}</td></tr>
              ))}
            </tbody>
            <tfoot>
              <tr><th colSpan={5}>{t('serviceFees')}</th><th className="num total-fees">{money(data.totals.fees)}</th></tr>
              <tr><th colSpan={5}>{t('totalWithFees')}</th><th className="num total-with-fees">{money(data.totals.total)}</th></tr>
            </tfoot>
          </table>
        </>
      )}
      {data && data.vat.length > 0 && (
        <>
          <h3>{t('vatByRate')}</h3>
          <table className="data vat">
            <thead><tr><th>{t('date')}</th><th className="num">{t('vatRate')}</th><th className="num">{t('net')}</th><th className="num">{t('vat')}</th><th className="num">{t('gross')}</th></tr></thead>
            <tbody>
              {data.vat.map((v, n) => (
                <tr key={n} data-rate={v.rate}><td>{localDate(v.date, lang)}</td><td className="num">{rateText(v.rate, lang)}</td>
                  <td className="num">{money(v.net)}</td><td className="num">{money(v.vat)}</td><td className="num">{money(v.gross)}</td></tr>
              ))}
            </tbody>
            <tfoot>
              {data.totals.vat.map((v) => (
                <tr key={v.rate} data-total-rate={v.rate}><th>{t('totals')}</th><th className="num">{rateText(v.rate, lang)}</th>
                  <th className="num">{money(v.net)}</th><th className="num">{money(v.vat)}</th><th className="num">{money(v.gross)}</th></tr>
              ))}
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}
