// General-admission zones: a name, a capacity and a rank each.
import { rankColour } from '../../seatmap/colours.js';
import { errorFor } from '../form.js';
import { MAX_RANK, MIN_RANK, type Zone } from './editmap.js';
import type { RefusedPlace } from './types.js';
import { useVenueWords } from './words.js';

/** The API's path of a zone's field in the hall's body. */
export const zonePath = (i: number, field: 'name' | 'capacity' | 'rank') => `seatMap/zones/${i}/${field}`;

export function ZonesEditor({ zones, refused, error, onChange }: { zones: Zone[]; refused: RefusedPlace[]; error: unknown; onChange(z: Zone[]): void }) {
  const { w } = useVenueWords();
  // A refusal of the API on a zone's field, named by the field's word ("Capaciteit: moet minstens 1 zijn").
  const problems = (i: number) => (['name', 'capacity', 'rank'] as const).flatMap((f) => {
    const message = errorFor(error, zonePath(i, f));
    return message ? [{ f, text: `${w(f === 'name' ? 'zoneName' : f)}: ${message}` }] : [];
  });
  const set = (i: number, z: Partial<Zone>) => onChange(zones.map((x, j) => (j === i ? { ...x, ...z } : x)));
  const missing = refused.filter((p) => p.kind === 'zone' && !zones.some((z) => z.id === p.id));
  return (
    <section className="zones-editor card" aria-label={w('zones')}>
      <h3>{w('zones')}</h3>
      {zones.map((z, i) => {
        const wrong = problems(i);
        const invalid = (f: string) => (wrong.some((x) => x.f === f) ? true : undefined);
        return (
        <p key={i} className={wrong.length ? 'row zone-edit invalid' : 'row zone-edit'} data-zone={z.id ?? ''}>
          <input name="zone-name" aria-label={w('zoneName')} aria-invalid={invalid('name')} value={z.name} onChange={(e) => set(i, { name: e.target.value })} />
          <input name="zone-capacity" aria-label={w('capacity')} aria-invalid={invalid('capacity')} type="number" min={1} value={z.capacity}
            onChange={(e) => set(i, { capacity: Number(e.target.value) })} />
          <select name="zone-rank" aria-label={w('rank')} aria-invalid={invalid('rank')} value={z.rank} style={{ borderLeft: `6px solid ${rankColour(z.rank)}` }}
            onChange={(e) => set(i, { rank: Number(e.target.value) })}>
            {Array.from({ length: MAX_RANK - MIN_RANK + 1 }, (_, k) => k + MIN_RANK).map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <button type="button" name="remove-zone" onClick={() => onChange(zones.filter((_, j) => j !== i))}>{w('remove')}</button>
          {wrong.map((x) => <small key={x.f} className="field-error" role="alert" data-field={zonePath(i, x.f)}>{x.text}</small>)}
        </p>
        );
      })}
      {missing.map((p) => (
        <p key={p.id} className="error zone-refused" data-zone={p.id} role="alert">{w('zoneInUse')}: {p.section} — {w('refusedSeat')}</p>
      ))}
      <button type="button" name="add-zone" onClick={() => onChange([...zones, { name: `Zone ${zones.length + 1}`, capacity: 100, rank: 1 }])}>+ {w('addZone')}</button>
    </section>
  );
}
