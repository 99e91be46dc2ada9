// General-admission zones: a name, a capacity and a rank each.
import { rankColour } from '../../seatmap/colours.js';
import { MAX_RANK, MIN_RANK, type Zone } from './editmap.js';
import type { RefusedPlace } from './types.js';
import { useVenueWords } from './words.js';

export function ZonesEditor({ zones, refused, onChange }: { zones: Zone[]; refused: RefusedPlace[]; onChange(z: Zone[]): void }) {
  const { w } = useVenueWords();
  const set = (i: number, z: Partial<Zone>) => onChange(zones.map((x, j) => (j === i ? { ...x, ...z } : x)));
  const missing = refused.filter((p) => p.kind === 'zone' && !zones.some((z) => z.id === p.id));
  return (
    <section className="zones-editor card" aria-label={w('zones')}>
      <h3>{w('zones')}</h3>
      {zones.map((z, i) => (
        <p key={i} className="row zone-edit" data-zone={z.id ?? ''}>
          <input name="zone-name" aria-label={w('zoneName')} value={z.name} onChange={(e) => set(i, { name: e.target.value })} />
          <input name="zone-capacity" aria-label={w('capacity')} type="number" min={1} value={z.capacity} onChange={(e) => set(i, { capacity: Number(e.target.value) })} />
          <select name="zone-rank" aria-label={w('rank')} value={z.rank} style={{ borderLeft: `6px solid ${rankColour(z.rank)}` }}
            onChange={(e) => set(i, { rank: Number(e.target.value) })}>
            {Array.from({ length: MAX_RANK - MIN_RANK + 1 }, (_, k) => k + MIN_RANK).map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <button type="button" name="remove-zone" onClick={() => onChange(zones.filter((_, j) => j !== i))}>{w('remove')}</button>
        </p>
      ))}
      {missing.map((p) => (
        <p key={p.id} className="error zone-refused" data-zone={p.id} role="alert">{w('zoneInUse')}: {p.section} — {w('refusedSeat')}</p>
      ))}
      <button type="button" name="add-zone" onClick={() => onChange([...zones, { name: `Zone ${zones.length + 1}`, capacity: 100, rank: 1 }])}>+ {w('addZone')}</button>
    </section>
  );
}
