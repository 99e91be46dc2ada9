// Finds coming performances by their production's title, a few at a time, to add to a pack's set.
import { useEffect, useState } from 'react';
import { get, qs } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import type { PerformanceChoice } from './types.js';
import { useCatalogueWords } from './words.js';

const SHOWN = 8;

/** Today in the browser's calendar (YYYY-MM-DD): performances from today on are offered, not those long over. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function PerformancePicker({ chosen, onAdd }: { chosen: Set<string>; onAdd(p: PerformanceChoice): void }) {
  const { w, lang } = useCatalogueWords();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PerformanceChoice[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    get<{ items: PerformanceChoice[] }>(`/api/performances${qs({ q, from: today(), limit: SHOWN })}`)
      .then((r) => { if (current) { setFound(r.items); setError(null); } }, (e: unknown) => { if (current) setError(e); });
    return () => { current = false; };
  }, [q]);
  return (
    <div className="performance-picker">
      <input type="search" name="search-performances" placeholder={w('searchPerformances')} aria-label={w('searchPerformances')}
        value={q} onChange={(e) => setQ(e.target.value)} />
      <ErrorLine error={error} />
      <ul>
        {found.map((p) => (
          <li key={p.id} data-performance={p.id}>
            <span>{p.title} · {localDateTime(p.startsAt, lang)} · {p.venueName}, {p.hallName}</span>
            {chosen.has(p.id) ? <small>{w('inSet')}</small>
              : <button type="button" name="add-performance" onClick={() => onAdd(p)}>{w('add')}</button>}
          </li>
        ))}
      </ul>
    </div>
  );
}
