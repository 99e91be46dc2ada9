// The buyer's own order, opened from the link in the e-mail: its tickets with their QR codes on
// screen, the PDF, the calendar file, and the e-mail again. The token in the address is the only key.
import { useEffect, useState } from 'react';
import { api, ShopError, type MyOrderData } from '../api.js';
import { euro, longDate, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { ErrorBox, focusHeading, useAction, useLoad } from '../ui.js';

export function MyOrder({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const base = `/api/my-order/${encodeURIComponent(token)}`;
  const { data: order, error, setData } = useLoad(() => api<MyOrderData>(base), [base, lang]);
  const [asking, setAsking] = useState(false);
  const cancelling = useAction();
  const act = useAction();
  const [sentTo, setSentTo] = useState<string | null>(null);
  useEffect(() => { if (order) return focusHeading(); return undefined; }, [!!order]);

  if (error) {
    const gone = error instanceof ShopError && error.status === 404;
    return <><h1>{t('myOrder')}</h1><p role="alert">{gone ? t('orderNotFound') : t('error')}</p></>;
  }
  if (!order) return <p className="loading">{t('loading')}</p>;
  const resend = () => act.run(async () => {
    setSentTo(null);
    const r = await api<{ sentTo: string }>(`${base}/resend`, { method: 'POST', body: {} });
    setSentTo(r.sentTo);
  });
  const q = `?lang=${lang}`;
  const cancel = () => cancelling.run(async () => {
    setData(await api<MyOrderData>(`${base}/cancel${q}`, { method: 'POST', body: {} }));
    setAsking(false);
  });

  return (
    <div className="my-order" data-status={order.status}>
      <h1>{t('myOrder')} <span className="order-number">{order.number}</span></h1>
      <p className={`order-status ${order.status}`}><strong>{order.statusText}</strong> · {euro(order.totals.total, lang)}</p>
      {order.notice && <p className={order.status === 'released' || order.status === 'cancelled' ? 'error' : 'notice'} role="status">{order.notice}</p>}
      {order.downloadable && (
        <div className="actions">
          <a className="button primary pdf" href={`${base}/tickets.pdf${q}`} download>{t('downloadPdf')}</a>
          <a className="button ics" href={`${base}/calendar.ics${q}`} download>{t('addCalendar')}</a>
        </div>
      )}
      {order.performances.map((p) => (
        <section key={p.id} className="card performance-tickets" aria-labelledby={`p-${p.id}`}>
          <h2 id={`p-${p.id}`}>{p.title}</h2>
          <p>{p.date} · {p.time}{p.doorsOpen ? ` (${t('doorsOpen', { time: p.doorsOpen })})` : ''}</p>
          <p className="muted">{p.venueName}, {p.venueAddress} · {p.hallName}</p>
          <ul className="tickets">
            {p.tickets.map((tk) => (
              <li key={tk.id} className="ticket" data-ticket={tk.id} data-status={tk.status}>
                <p className="place"><strong>{tk.place}</strong></p>
                <p>{tk.ticketTypeName} · {euro(tk.price, lang)} · <span className="ticket-status">{tk.statusText}</span></p>
                {tk.downloadable && (
                  <img className="qr" src={`${base}/tickets/${encodeURIComponent(tk.id)}/qr.svg`} width={240} height={240}
                    alt={t('qrFor', { place: tk.place })} />
                )}
                {tk.barcode && <p className="barcode" aria-hidden="true">{tk.barcode.replace(/(.{5})(?=.)/g, '$1 ')}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="card totals" aria-label={t('total')}>
        <ul className="lines">
          {order.totals.lines.map((l) => <li key={l.label} className="line"><span>{l.label}</span><span className="num">{euro(l.amount, lang)}</span></li>)}
        </ul>
        <p className="total">{t('total')}: <strong>{euro(order.totals.total, lang)}</strong></p>
      </section>
      {order.cancelUntil && (
        <section className="card cancel" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t('cancelTitle')}</h2>
          <p>{t('cancelText', { until: `${longDate(order.cancelUntil, lang)} ${time(order.cancelUntil)}`, amount: euro(order.totals.total, lang) })}</p>
          {!asking && <button type="button" onClick={() => setAsking(true)}>{t('cancelAsk')}</button>}
          {asking && (
            <div role="group" aria-label={t('cancelSure')}>
              <p><strong>{t('cancelSure')}</strong></p>
              <div className="actions">
                <button type="button" className="danger" disabled={cancelling.busy} onClick={() => void cancel()}>{t('cancelYes')}</button>
                <button type="button" disabled={cancelling.busy} onClick={() => setAsking(false)}>{t('cancelNo')}</button>
              </div>
            </div>
          )}
          <ErrorBox error={cancelling.error} />
        </section>
      )}
      {order.downloadable && (
        <section className="card resend">
          <h2>{t('mailAgainTitle')}</h2>
          <p>{t('mailAgainText')}</p>
          <button type="button" disabled={act.busy} onClick={() => void resend()}>{t('resend')}</button>
          {sentTo && <p className="notice" role="status">{t('resentTo', { email: sentTo })}</p>}
          <ErrorBox error={act.error} />
        </section>
      )}
    </div>
  );
}
