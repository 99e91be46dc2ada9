import type { Order } from '../api/types.js';
import { localDateTime } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';

interface Props { order: Order; printed: number; printError: unknown; onPrint(): void; onNewSale(): void; onOpen(): void }

export function OrderDone({ order, printed, printError, onPrint, onNewSale, onOpen }: Props) {
  const money = useMoney();
  const { t, lang } = useI18n();
  return (
    <section className="done card" data-order={order.number}>
      <h3>{order.status === 'paid' ? t('sale') : t('reservation')} <button className="link order-number" onClick={onOpen}>{order.number}</button></h3>
      <p>{order.tickets.length} {t('tickets')} · {t('total')} {money(order.total)} · {t('paid')} {money(order.paid)}</p>
      {order.reservationExpiresAt && <p className="expires">{t('expiresAt')} <time dateTime={order.reservationExpiresAt}>{localDateTime(order.reservationExpiresAt, lang)}</time></p>}
      <div className="row">
        <button className="primary" onClick={onPrint}>{printed > 0 ? t('reprint') : t('print')} (F9)</button>
        <button onClick={onNewSale}>{t('newSale')} (Esc)</button>
      </div>
      <ErrorLine error={printError} />
    </section>
  );
}
