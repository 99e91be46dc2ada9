// Cancelling a performance: what will happen to its tickets first, then a confirmation that says so.
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import type { ManagedPerformance } from './types.js';
import { usePerformanceWords } from './words.js';
import { useMoney } from '../../i18n/i18n.js';

interface Preview {
  tickets: number; orders: number; refunds: { orders: number; amount: number; online: number }; unpaid: { orders: number; tickets: number };
  uitpasCancellations: number; heldPlaces: number; dip: { linked: boolean; dipNumber: string | null; soldTickets: number; soldRevenue: number };
}

export function CancelDialog({ performance, onClose, onCancelled }: { performance: ManagedPerformance; onClose(): void; onCancelled(tickets: number): void | Promise<void> }) {
  const money = useMoney();
  const { w, lang } = usePerformanceWords();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => get<Preview>(`/api/performances/${performance.id}/cancellation`).then(setPreview, setError), [performance.id]);
  useEffect(() => { void load(); }, [load]);

  const confirm = async () => {
    if (!preview) return;
    setBusy(true); setError(null);
    try {
      await api('POST', `/api/performances/${performance.id}/cancel`, { body: { tickets: preview.tickets } });
      await onCancelled(preview.tickets);
    } catch (e) { setError(e); void load(); } finally { setBusy(false); }
  };
  const what = `${performance.title}, ${localDateTime(performance.startsAt, lang, performance.timeZone)}`;
  return (
    <div className="dialog-backdrop">
      <div className="dialog card" role="alertdialog" aria-modal="true" aria-label={w('cancelTitle', { what })}>
        <h3>{w('cancelTitle', { what })}</h3>
        {preview && (
          <>
            <p>{w('cancelIntro')}</p>
            <ul className="cancel-effects">
              {preview.tickets === 0 && <li data-effect="nothing">{w('cancelNothing')}</li>}
              {preview.tickets > 0 && <li data-effect="tickets">{w('cancelTickets', { n: preview.tickets, orders: preview.orders })}</li>}
              {preview.refunds.orders > 0 && <li data-effect="refunds">{w(preview.refunds.online > 0 ? 'cancelRefund' : 'cancelRefundDesk', { amount: money(preview.refunds.amount), n: preview.refunds.orders, online: preview.refunds.online })}</li>}
              {preview.unpaid.orders > 0 && <li data-effect="unpaid">{w('cancelReservations', { n: preview.unpaid.orders })}</li>}
              {preview.uitpasCancellations > 0 && <li data-effect="uitpas">{w('cancelUitpas', { n: preview.uitpasCancellations })}</li>}
              {preview.dip.linked && <li data-effect="dip">{w('cancelDip', { sold: preview.dip.soldTickets, revenue: money(preview.dip.soldRevenue) })}</li>}
              {preview.heldPlaces > 0 && <li data-effect="holds">{w('cancelHolds', { n: preview.heldPlaces })}</li>}
            </ul>
            <p><strong>{w('cancelFinal')}</strong></p>
          </>
        )}
        <ErrorLine error={error} />
        <p className="row">
          <button className="danger" name="confirm-cancel" disabled={!preview || busy} onClick={() => void confirm()}>{w('cancelConfirm')}</button>
          <button name="keep-performance" onClick={onClose}>{w('keep')}</button>
        </p>
      </div>
    </div>
  );
}
