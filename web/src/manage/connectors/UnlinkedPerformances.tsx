// Foyer performances of productions with a DIP production number that are not linked yet, each with
// a field for its DIP number ("NL-26-101-0004711|11001", the production's number filled in).
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field } from '../form.js';
import { Card, FormError } from './settings.js';
import { useConnectorWords, type ConnectorWord } from './words.js';

interface Unlinked { performanceId: string; title: string; startsAt: string; status: string; dipProductionId: string }

function UnlinkedRow({ p, onLinked }: { p: Unlinked; onLinked(number: string): void }) {
  const { w, lang } = useConnectorWords();
  const [number, setNumber] = useState(`${p.dipProductionId}|`);
  const [error, setError] = useState<unknown>(null);
  const link = async () => {
    setError(null);
    try {
      await api('PUT', `/api/performances/${p.performanceId}/dip-link`, { body: { dipNumber: number.trim() } });
      onLinked(number.trim());
    } catch (e) { setError(e); }
  };
  return (
    <tr data-unlinked={p.performanceId}>
      <td>{p.title}</td><td>{localDateTime(p.startsAt, lang)}</td><td>{w(`status-${p.status}` as ConnectorWord)}</td>
      <td>
        <Field label={w('dipNumber')} name="dipNumber" error={error} hint={w('dipNumberHint')}>
          <input name="dipNumber" value={number} onChange={(e) => setNumber(e.target.value)} />
        </Field>
        <FormError error={error} fields={['dipNumber']} />
      </td>
      <td><button name="link-dip" className="primary" onClick={() => void link()}>{w('link')}</button></td>
    </tr>
  );
}

export function UnlinkedPerformances({ onLinked }: { onLinked(): void }) {
  const { w } = useConnectorWords();
  const [items, setItems] = useState<Unlinked[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try { setItems((await get<{ items: Unlinked[] }>('/api/dip/unlinked')).items); setError(null); } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);
  return (
    <Card title={w('unlinked')} intro={w('unlinkedHint')} label="dip-unlinked">
      <ErrorLine error={error} />
      {done && <p className="saved" role="status">{done}</p>}
      {items?.length === 0 && <p>{w('noUnlinked')}</p>}
      {!!items?.length && (
        <table className="list">
          <thead><tr><th>{w('title')}</th><th>{w('startsAt')}</th><th>{w('status')}</th><th>{w('dipNumber')}</th><th /></tr></thead>
          <tbody>
            {items.map((p) => (
              <UnlinkedRow key={p.performanceId} p={p} onLinked={(number) => {
                setDone(w('linkedOne', { title: `${p.title} (${p.startsAt.slice(0, 10)})`, number }));
                void reload(); onLinked();
              }} />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
