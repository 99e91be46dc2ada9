// What the editor does to the chosen seats: a rank painted on them, wheelchair / companion /
// restricted view on or off, moved by half a seat (to offset or straighten a row), or removed.
import { rankColour } from '../../seatmap/colours.js';
import { MAX_RANK, MIN_RANK, SEAT_PITCH, type Seat } from './editmap.js';
import { useVenueWords } from './words.js';

export type SeatFlag = 'wheelchair' | 'companion' | 'restrictedView';

interface Props {
  chosen: Seat[];
  total: number;
  onAll(): void;
  onNone(): void;
  onChange(change: (s: Seat) => Seat): void;
  onRemove(): void;
}

export function SelectionTools({ chosen, total, onAll, onNone, onChange, onRemove }: Props) {
  const { w } = useVenueWords();
  const none = chosen.length === 0;
  const flag = (f: SeatFlag) => {
    const on = !chosen.every((s) => s[f]);
    return (
      <button type="button" name={`flag-${f}`} disabled={none} aria-pressed={!none && !on} onClick={() => onChange((s) => ({ ...s, [f]: on }))}>
        {w(f)}: {!none && !on ? w('on') : w('off')}
      </button>
    );
  };
  const move = (dx: number, dy: number, label: string, arrow: string) => (
    <button type="button" name={`move-${label}`} disabled={none} title={`${w('move')} ${w(label as 'left')}`}
      onClick={() => onChange((s) => ({ ...s, x: s.x + dx, y: s.y + dy }))}>{arrow}</button>
  );
  return (
    <section className="selection-tools card" aria-label={w('selection')}>
      <h3>{w('selection')}: <output name="selected-count">{chosen.length}</output> {w('selected')}</h3>
      <p className="hint">{w('selectHint')}</p>
      <p className="row">
        <button type="button" name="select-all" disabled={total === 0} onClick={onAll}>{w('selectAll')}</button>
        <button type="button" name="select-none" disabled={none} onClick={onNone}>{w('selectNone')}</button>
      </p>
      <p className="row ranks">
        <span>{w('paintRank')}:</span>
        {Array.from({ length: MAX_RANK - MIN_RANK + 1 }, (_, i) => i + MIN_RANK).map((r) => (
          <button type="button" key={r} name={`paint-rank-${r}`} disabled={none} style={{ background: rankColour(r) }} className="rank-paint"
            onClick={() => onChange((s) => ({ ...s, rank: r }))}>{r}</button>
        ))}
      </p>
      <p className="row">{flag('wheelchair')}{flag('companion')}{flag('restrictedView')}</p>
      <p className="row">
        <span>{w('move')}:</span>
        {move(-SEAT_PITCH / 2, 0, 'left', '←')}{move(SEAT_PITCH / 2, 0, 'right', '→')}
        {move(0, -SEAT_PITCH / 2, 'up', '↑')}{move(0, SEAT_PITCH / 2, 'down', '↓')}
        <button type="button" name="remove-seats" className="danger" disabled={none} onClick={onRemove}>{w('deleteSeats')}</button>
      </p>
    </section>
  );
}
