// One performance's own price list, in a dialog from the performances list.
import { useEffect, useState } from 'react';
import { api, get } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { PriceGrid, type Price } from './PriceGrid.js';
import { usePriceChoices } from './usePriceChoices.js';
import { usePriceWords } from './words.js';

export function PerformancePrices({ performance, onClose }: { performance: { id: string; hallId: string; title: string; when: string }; onClose(): void }) {
  const { w } = usePriceWords();
  const [list, setList] = useState<Price[] | null>(null);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const { types, ranks, error: choiceError } = usePriceChoices([performance.hallId]);
  useEffect(() => {
    get<{ prices: Price[] }>(`/api/performances/${performance.id}/prices`).then((l) => setList(l.prices), setError);
  }, [performance.id]);
  const save = async (prices: Price[]) => {
    setNote('');
    setList((await api<{ prices: Price[] }>('PUT', `/api/performances/${performance.id}/prices`, { body: { prices } })).prices);
    setVersion((v) => v + 1);
    setNote(w('saved'));
  };
  const title = `${w('prices')}: ${performance.title}, ${performance.when}`;
  return (
    <div className="dialog-backdrop">
      <div className="dialog card prices" role="dialog" aria-modal="true" aria-label={title}>
        <h3>{title}</h3>
        <ErrorLine error={choiceError ?? error} />
        {list && types && ranks && <PriceGrid key={version} name={w('prices')} types={types} ranks={ranks} prices={list} onSave={save} />}
        {note && <p className="saved" role="status">{note}</p>}
        <p className="row"><button type="button" name="close-prices" onClick={onClose}>{w('close')}</button></p>
      </div>
    </div>
  );
}
