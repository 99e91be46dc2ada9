import type { Basket, PriceList, TicketType } from '../api/types.js';
import { localDateTime } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';

interface Props {
  basket: Basket | null;
  ticketTypes: TicketType[];
  prices: PriceList | null;
  onType(lineId: string, ticketTypeId: string): void;
  onRemove(lineId: string): void;
}

/**
 * One line per place, each with its ticket type (only types with a price in that rank) and price. The
 * lines scroll; the service fees (when the channel charges them) and the total with them stay in view
 * below, as does the payment under it.
 */
export function BasketLines({ basket, ticketTypes, prices, onType, onRemove }: Props) {
  const money = useMoney();
  const { t, w } = useI18n();
  if (!basket || basket.lines.length === 0) return <p className="muted">{t('emptyBasket')}</p>;
  const typesFor = (performanceId: string, rank: number, current: string) => ticketTypes.filter((tt) => tt.id === current || (
    !tt.archived && !tt.uitpas && tt.channels.includes('boxoffice') &&
    (prices?.performanceId !== performanceId || prices.prices.some((p) => p.ticketTypeId === tt.id && p.rank === rank))));
  // The line's own type shows under the list's name (the current language); the line's name only if the list lacks it.
  const withCurrent = (list: TicketType[], id: string, name: string) => (list.some((tt) => tt.id === id) ? list : [{ id, name } as TicketType, ...list]);
  return (
    <div className="basket-lines">
    <div className="lines-scroll">
    <table className="lines">
      <tbody>
        {basket.lines.map((l) => (
          <tr key={l.id} data-line={l.id}>
            <td>{l.zoneId ? l.section : `${l.section} ${t('row')} ${l.row} ${t('seat')} ${l.seat}`}<br /><small>{l.title}</small></td>
            <td>
              <select aria-label={t('ticketType')} name="ticket-type" value={l.ticketTypeId} onChange={(e) => onType(l.id, e.target.value)}>
                {withCurrent(typesFor(l.performanceId, l.rank, l.ticketTypeId), l.ticketTypeId, l.ticketTypeName).map((tt) => <option key={tt.id} value={tt.id}>{tt.name}</option>)}
              </select>
            </td>
            <td className="num">{money(l.price)}</td>
            <td><button className="link" aria-label={t('remove')} onClick={() => onRemove(l.id)}>✕</button></td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
    <div className="basket-foot">
      {basket.fees.filter((f) => f.amount !== 0).map((f) => (
        <div className="row basket-fee" key={f.kind} data-fee={f.kind}>
          <span className="grow">{t('serviceFees')} {w('fee', f.kind)}{f.kind === 'ticket' ? ` × ${f.quantity}` : ''}</span>
          <span className="num">{money(f.amount)}</span>
        </div>
      ))}
      <div className="row"><strong className="grow">{basket.fees.some((f) => f.amount !== 0) ? t('totalWithFees') : t('total')}</strong><strong className="num basket-total">{money(basket.total)}</strong></div>
      <small className="muted held-until">{t('heldUntil')} {localDateTime(basket.expiresAt).slice(-5)}</small>
    </div>
    </div>
  );
}
