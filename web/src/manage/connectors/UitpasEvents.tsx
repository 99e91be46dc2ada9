// Which coming performances are UiTPAS events: UiTPAS on/off and the UiTdatabank event id per
// performance (PATCH /api/performances/:id), and the reconciliation of one of them.
import { useCallback, useEffect, useState } from 'react';
import { api, get, qs } from '../../api/client.js';
import { localDateTime, today } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field } from '../form.js';
import { Reconciliation } from './Reconciliation.js';
import { Card, FormError } from './settings.js';
import { useConnectorWords } from './words.js';

interface Performance {
  id: string; title: string; startsAt: string; timeZone: string; status: string; uitpasEnabled: boolean; uitdatabankEventId: string | null;
}
const PAGE = 20;

function EventRow({ p, onCompare, onSaved }: { p: Performance; onCompare(): void; onSaved(p: Performance): void }) {
  const { w, lang } = useConnectorWords();
  const [on, setOn] = useState(p.uitpasEnabled);
  const [eventId, setEventId] = useState(p.uitdatabankEventId ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const changed = on !== p.uitpasEnabled || eventId.trim() !== (p.uitdatabankEventId ?? '');
  const save = async () => {
    setError(null); setSaved(false);
    try {
      onSaved(await api<Performance>('PATCH', `/api/performances/${p.id}`, { body: { uitpasEnabled: on, uitdatabankEventId: eventId.trim() || null } }));
      setSaved(true);
    } catch (e) { setError(e); }
  };
  return (
    <tr data-performance={p.id} className={p.uitpasEnabled ? 'uitpas-event' : undefined}>
      <td>{p.title}</td><td>{localDateTime(p.startsAt, lang, p.timeZone)}</td>
      <td><label className="check"><input type="checkbox" name="uitpasEnabled" checked={on} onChange={(e) => setOn(e.target.checked)} aria-label={w('uitpasOn')} /></label></td>
      <td>
        <Field label={w('eventId')} name="uitdatabankEventId" error={error}>
          <input name="uitdatabankEventId" value={eventId} size={38} onChange={(e) => setEventId(e.target.value)} />
        </Field>
        <FormError error={error} fields={['uitdatabankEventId', 'uitpasEnabled']} />
      </td>
      <td className="actions">
        <button name="save-event" className="primary" disabled={!changed} onClick={() => void save()}>{w('save')}</button>
        {saved && !changed && <span className="saved" role="status">{w('rowSaved')}</span>}
        {p.uitpasEnabled && p.uitdatabankEventId && <button name="compare" onClick={onCompare}>{w('compare')}</button>}
      </td>
    </tr>
  );
}

export function UitpasEvents() {
  const { w } = useConnectorWords();
  const [items, setItems] = useState<Performance[] | null>(null);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [compare, setCompare] = useState<Performance | null>(null);
  const reload = useCallback(async () => {
    try {
      const r = await get<{ items: Performance[]; total: number }>(`/api/performances${qs({ from: today(), q: q.trim() || undefined, limit: PAGE, offset })}`);
      setItems(r.items); setTotal(r.total); setError(null);
    } catch (e) { setError(e); }
  }, [q, offset]);
  useEffect(() => { void reload(); }, [reload]);
  return (
    <Card title={w('events')} intro={w('eventsHint')} label="uitpas-events">
      <p className="row"><input name="search-performances" type="search" placeholder={w('search')} value={q} onChange={(e) => { setQ(e.target.value); setOffset(0); }} /></p>
      <ErrorLine error={error} />
      {items?.length === 0 && <p>{w('noPerformances')}</p>}
      {!!items?.length && (
        <table className="list">
          <thead><tr><th>{w('title')}</th><th>{w('startsAt')}</th><th>{w('uitpasOn')}</th><th>{w('eventId')}</th><th /></tr></thead>
          <tbody>
            {items.map((p) => (
              <EventRow key={`${p.id}-${p.uitpasEnabled}-${p.uitdatabankEventId}`} p={p} onCompare={() => setCompare({ ...p })}
                onSaved={(n) => setItems(items.map((x) => (x.id === n.id ? n : x)))} />
            ))}
          </tbody>
        </table>
      )}
      <p className="row">
        <button name="events-previous" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{w('previous')}</button>
        <button name="events-next" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{w('next')}</button>
      </p>
      {compare && <Reconciliation performance={compare} onClose={() => setCompare(null)} />}
    </Card>
  );
}
