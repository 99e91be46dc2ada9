// Makes (or remakes) one section from a grid: rows, seats per row, numbering, aisles, curve, offset, rank.
import { useState, type FormEvent } from 'react';
import { rankColour } from '../../seatmap/colours.js';
import { MAX_RANK, MIN_RANK, type Section } from './editmap.js';
import { NUMBERINGS, generateSection, gridProblems, parseAisles, type GridSpec } from './generate.js';
import { useVenueWords } from './words.js';

interface Props {
  existing: string[];
  /** Where a new section goes; a remade one stays where it was. */
  placeAt(name: string): { x: number; y: number };
  onSection(section: Section): void;
}

export function GridForm({ existing, placeAt, onSection }: Props) {
  const { w, gridProblem } = useVenueWords();
  const [g, setG] = useState<Omit<GridSpec, 'aisles' | 'x' | 'y'>>(() => ({
    section: w('defaultSection'), firstRow: 'A', lastRow: 'J', seatsPerRow: 30, numbering: 'ltr', aisleWidth: 1, curve: 0, stagger: false, rank: 1,
  }));
  const [aisles, setAisles] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const set = <K extends keyof typeof g>(k: K, v: (typeof g)[K]) => setG((x) => ({ ...x, [k]: v }));
  const replacing = existing.includes(g.section.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const spec: GridSpec = { ...g, aisles: parseAisles(aisles), ...placeAt(g.section.trim()) };
    const found = gridProblems(spec);
    setProblems(found.map(gridProblem));
    if (!found.length) onSection(generateSection(spec));
  };
  const num = (k: 'seatsPerRow' | 'aisleWidth' | 'curve', min: number, max: number, step = 1) => (
    <label>{w(k)}<input name={`grid-${k}`} type="number" min={min} max={max} step={step} value={g[k]} onChange={(e) => set(k, Number(e.target.value))} /></label>
  );
  return (
    <form className="grid-form card" onSubmit={submit} aria-label={w('generate')}>
      <h3>{w('generate')}</h3>
      <div className="grid3">
        <label>{w('sectionName')}<input name="grid-section" value={g.section} onChange={(e) => set('section', e.target.value)} /></label>
        <label>{w('firstRow')}<input name="grid-firstRow" value={g.firstRow} size={4} onChange={(e) => set('firstRow', e.target.value)} /></label>
        <label>{w('lastRow')}<input name="grid-lastRow" value={g.lastRow} size={4} onChange={(e) => set('lastRow', e.target.value)} /></label>
        {num('seatsPerRow', 1, 200)}
        <label>{w('numbering')}
          <select name="grid-numbering" value={g.numbering} onChange={(e) => set('numbering', e.target.value as GridSpec['numbering'])}>
            {NUMBERINGS.map((n) => <option key={n} value={n}>{w(`numbering-${n}`)}</option>)}
          </select>
        </label>
        <label>{w('rank')}
          <select name="grid-rank" value={g.rank} onChange={(e) => set('rank', Number(e.target.value))} style={{ borderLeft: `6px solid ${rankColour(g.rank)}` }}>
            {Array.from({ length: MAX_RANK - MIN_RANK + 1 }, (_, i) => i + MIN_RANK).map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label title={w('aislesHint')}>{w('aisles')}<input name="grid-aisles" value={aisles} placeholder="10, 20" onChange={(e) => setAisles(e.target.value)} /></label>
        {num('aisleWidth', 1, 10)}
        {num('curve', 0, 20, 0.5)}
      </div>
      <label className="inline"><input type="checkbox" name="grid-stagger" checked={g.stagger} onChange={(e) => set('stagger', e.target.checked)} /> {w('stagger')}</label>
      {problems.map((p) => <p key={p} className="error" role="alert">{p}</p>)}
      <p><button type="submit" name="generate" className="primary">{replacing ? w('replaceSection') : w('addSection')}</button></p>
    </form>
  );
}
