// Free places per rank with best-available N, and general-admission zones as counters.
import { useState, type RefObject } from 'react';
import type { Basket, PlaceStates, SeatMapDef } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { rankColour } from './colours.js';

interface Props {
  states: PlaceStates | null;
  zones: SeatMapDef['zones'];
  basket: Basket | null;
  performanceId: string;
  quantityRef: RefObject<HTMLInputElement | null>;
  onBest(rank: number | undefined, quantity: number): void;
  onZoneAdd(zoneId: string): void;
  onZoneRemove(zoneId: string): void;
}

export function Availability({ states, zones, basket, performanceId, quantityRef, onBest, onZoneAdd, onZoneRemove }: Props) {
  const { t } = useI18n();
  const [quantity, setQuantity] = useState(2);
  const [rank, setRank] = useState<number | ''>('');
  const ranks = states?.ranks ?? [];
  const inBasket = (zoneId: string) => basket?.lines.filter((l) => l.zoneId === zoneId && l.performanceId === performanceId).length ?? 0;
  return (
    <section className="availability">
      <table>
        <tbody>
          {ranks.map((r) => (
            <tr key={r.rank} data-rank={r.rank}>
              <td><i className="swatch" style={{ background: rankColour(r.rank) }} /> {t('rank')} {r.rank}</td>
              <td className="num"><span className="rank-available">{r.available}</span> / {r.total} {t('available')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ranks.length > 0 && (
        <form className="row best" onSubmit={(e) => { e.preventDefault(); onBest(rank === '' ? undefined : rank, quantity); }}>
          <label>{t('quantity')}
            <input ref={quantityRef} name="best-quantity" type="number" min={1} max={20} value={quantity} onChange={(e) => setQuantity(Math.max(1, +e.target.value))} />
          </label>
          <select name="best-rank" aria-label={t('rank')} value={rank} onChange={(e) => setRank(e.target.value === '' ? '' : +e.target.value)}>
            <option value="">{t('rank')}: *</option>
            {ranks.map((r) => <option key={r.rank} value={r.rank}>{t('rank')} {r.rank}</option>)}
          </select>
          <button type="submit">{t('bestAvailable')} (B)</button>
        </form>
      )}
      {zones.length > 0 && <h3>{t('zones')}</h3>}
      {zones.map((z) => {
        const live = states?.zones.find((s) => s.zoneId === z.id);
        return (
          <div key={z.id} className="row zone" data-zone={z.id}>
            <span className="grow">{z.name} <small>{live?.available ?? z.capacity} / {z.capacity} {t('available')}</small></span>
            <button aria-label={`- ${z.name}`} onClick={() => onZoneRemove(z.id)} disabled={inBasket(z.id) === 0}>−</button>
            <output className="count">{inBasket(z.id)}</output>
            <button aria-label={`+ ${z.name}`} onClick={() => onZoneAdd(z.id)} disabled={(live?.available ?? 0) === 0}>+</button>
          </div>
        );
      })}
    </section>
  );
}
