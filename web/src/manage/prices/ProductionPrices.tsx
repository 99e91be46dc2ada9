// A production's price list (what its new performances copy) and "apply to all performances", which
// first asks how many performances it will change.
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { euros, PriceGrid, type Price } from './PriceGrid.js';
import { usePriceChoices } from './usePriceChoices.js';
import { useOnPerformancesChanged } from '../performances/changes.js';
import { usePriceWords } from './words.js';

interface Apply { changed: string[]; unchanged: string[]; skipped: string[] }

export function ProductionPrices({ productionId, canEdit }: { productionId: string; canEdit: boolean }) {
  const { w } = usePriceWords();
  const [list, setList] = useState<Price[] | null>(null);
  const [hallIds, setHallIds] = useState<string[] | null>(null);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const { types, ranks, error: choiceError } = usePriceChoices(hallIds);
  /** The halls its performances play in: their ranks are the grid's columns (again after performances change). */
  const loadHalls = useCallback(async () => {
    try {
      setHallIds((await get<{ items: { hallId: string }[] }>(`/api/performances?productionId=${productionId}&limit=200`)).items.map((p) => p.hallId));
    } catch (e) { setError(e); }
  }, [productionId]);
  useEffect(() => {
    get<{ prices: Price[] }>(`/api/productions/${productionId}/prices`).then((l) => setList(l.prices), setError);
    void loadHalls();
  }, [productionId, loadHalls]);
  useOnPerformancesChanged(productionId, loadHalls);

  const save = async (prices: Price[]) => {
    setNote('');
    setList((await api<{ prices: Price[] }>('PUT', `/api/productions/${productionId}/prices`, { body: { prices } })).prices);
    setNote(w('saved'));
  };
  const apply = async () => {
    setNote(''); setError(null);
    try {
      const preview = await api<Apply>('POST', `/api/productions/${productionId}/prices/apply`, { body: { preview: true } });
      if (!preview.changed.length) { setNote(w('nothingToApply', { skipped: preview.skipped.length })); return; }
      if (!window.confirm(w('confirmApply', { n: preview.changed.length, unchanged: preview.unchanged.length, skipped: preview.skipped.length }))) return;
      const done = await api<Apply>('POST', `/api/productions/${productionId}/prices/apply`, { body: { performanceIds: preview.changed } });
      setNote(w('applied', { n: done.changed.length }));
    } catch (e) { setError(e); }
  };
  return (
    <section className="prices card" aria-label={w('productionPrices')}>
      <h3>{w('productionPrices')}</h3>
      <p className="hint">{w('productionHint')}</p>
      <ErrorLine error={choiceError} />
      {list && types && ranks && (canEdit
        ? (
          <PriceGrid key={version} name={w('productionPrices')} types={types} ranks={ranks} prices={list} onSave={async (p) => { await save(p); setVersion((v) => v + 1); }}>
            {list.length > 0 && <button type="button" name="apply-prices" onClick={() => void apply()}>{w('apply')}</button>}
          </PriceGrid>
        )
        : <ReadOnlyList list={list} types={types} />)}
      {note && <p className="saved" role="status">{note}</p>}
      <ErrorLine error={error} />
    </section>
  );
}

export function ReadOnlyList({ list, types }: { list: Price[]; types: { id: string; name: string }[] }) {
  const { w, lang } = usePriceWords();
  const name = (id: string) => types.find((t) => t.id === id)?.name ?? id;
  return <ul className="price-list">{list.map((p) => <li key={`${p.ticketTypeId}/${p.rank}`}>{name(p.ticketTypeId)}, {w('rank')} {p.rank}: € {euros(p.amount, lang)}</li>)}</ul>;
}
