// The buyer's own order, opened from the link in the e-mail: its tickets with a QR code on screen,
// the PDF, the calendar file, and the e-mail again.
import { useState } from 'react';
import { api } from '../api.js';
import { euro, longDate, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { ErrorBox, useAction, useLoad } from '../ui.js';

interface MyTicket {
  id: string; title: string; startsAt: string; venueName?: string; section: string; row: string; seat: string; zoneId: string | null;
  ticketTypeName: string; price: number; status: string; barcode: string;
}
interface MyOrderView {
  number: string; status: string; total: number; organisationName?: string; customer?: { name: string; email: string | null } | null;
  tickets: MyTicket[];
}

export function MyOrder({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const base = `/api/my-order/${encodeURIComponent(token)}`;
  const { data: order, error } = useLoad(() => api<MyOrderView>(base), [base, lang]);
  const act = useAction();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [resent, setResent] = useState(false);
  if (error) return <><h1>{t('myOrder')}</h1><p>{t('orderNotFound')}</p></>;
  if (!order) return <p className="loading">{t('loading')}</p>;
  const toggle = (id: string) => setOpen((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const statusKey = `status_${order.status}` as const;
  return (
    <>
      <h1>{t('myOrder')} <span className="order-number">{order.number}</span></h1>
      <p>{statusKey in { status_paid: 1, status_reserved: 1, status_cancelled: 1 } ? t(statusKey as 'status_paid') : order.status} · {euro(order.total, lang)}</p>
      <div className="actions">
        <a className="button primary" href={`${base}/tickets.pdf`} download>{t('downloadPdf')}</a>
        <a className="button" href={`${base}/calendar.ics`} download>{t('addCalendar')}</a>
        <button disabled={act.busy || resent} onClick={() => void act.run(async () => { await api(`${base}/resend`, { method: 'POST', body: {} }); setResent(true); })}>{t('resend')}</button>
      </div>
      {resent && <p className="notice" role="status">{t('resent')}</p>}
      <ErrorBox error={act.error} />
      <h2>{t('tickets')}</h2>
      <ul className="tickets">
        {order.tickets.map((tk) => (
          <li key={tk.id} className="ticket card" data-ticket={tk.id} data-status={tk.status}>
            <strong>{tk.title}</strong>
            <p>{longDate(tk.startsAt, lang)} · {time(tk.startsAt)}{tk.venueName ? ` · ${tk.venueName}` : ''}</p>
            <p>{tk.zoneId ? tk.section : `${tk.section}, ${t('row').toLowerCase()} ${tk.row}, ${t('seat').toLowerCase()} ${tk.seat}`} · {tk.ticketTypeName}</p>
            {tk.status === 'valid' && (
              <button type="button" aria-expanded={open.has(tk.id)} onClick={() => toggle(tk.id)}>{open.has(tk.id) ? t('hideQr') : t('showQr')}</button>
            )}
            {open.has(tk.id) && <img className="qr" src={`${base}/tickets/${encodeURIComponent(tk.id)}/qr.svg`} alt={`QR ${tk.barcode}`} width={240} height={240} />}
          </li>
        ))}
      </ul>
    </>
  );
}
