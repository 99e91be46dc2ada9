// One stream: title, video address, price, when it runs and until when viewers get access, the access
// rules (hours after the first viewing, free with a ticket or a pack) and its status (published, not
// for sale, cancelled); delete after a confirmation.
import { useEffect, useState, type FormEvent } from 'react';
import { api, get } from '../../api/client.js';
import { parseEuros } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { STREAM_STATUSES, centsText, fromInput, isInUse, toInput, type Stream } from './types.js';
import { useCatalogueWords } from './words.js';

interface Draft {
  label: string; description: string; url: string; shopUrl: string; price: string; startsAt: string; endsAt: string; accessEndsAt: string;
  accessDurationHours: string; status: number; productionId: string; venueId: string; freeaccessSeats: boolean; freeaccessPacks: boolean;
}

const draftOf = (s: Stream | null): Draft => ({
  label: s?.label ?? '', description: s?.description ?? '', url: s?.url ?? '', shopUrl: s?.shopUrl ?? '', price: s ? centsText(s.price) : '',
  startsAt: toInput(s?.startsAt ?? null), endsAt: toInput(s?.endsAt ?? null), accessEndsAt: toInput(s?.accessEndsAt ?? null),
  accessDurationHours: s?.accessDurationHours ? String(s.accessDurationHours) : '', status: s?.status ?? 10,
  productionId: s?.productionId ?? '', venueId: s?.venueId ?? '', freeaccessSeats: s?.freeaccessSeats ?? false, freeaccessPacks: s?.freeaccessPacks ?? false,
});

type Choice = { id: string; name: string };

export function StreamForm({ stream, onSaved, onDeleted }: { stream: Stream | null; onSaved(s: Stream): void | Promise<void>; onDeleted(): void | Promise<void> }) {
  const { w } = useCatalogueWords();
  const [d, setD] = useState<Draft>(() => draftOf(stream));
  const [productions, setProductions] = useState<Choice[]>([]);
  const [venues, setVenues] = useState<Choice[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [priceError, setPriceError] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => { setD((x) => ({ ...x, [k]: v })); setSaved(false); };

  useEffect(() => {
    (async () => {
      setProductions((await get<{ items: { id: string; title: string }[] }>('/api/productions?limit=500')).items.map((p) => ({ id: p.id, name: p.title })));
      setVenues((await get<{ items: Choice[] }>('/api/venues')).items);
    })().catch(setError);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const price = parseEuros(d.price);
    setPriceError(price === null);
    if (price === null) return;
    setBusy(true); setError(null);
    const body = {
      label: d.label, description: d.description, url: d.url, shopUrl: d.shopUrl || null, price,
      startsAt: fromInput(d.startsAt), endsAt: fromInput(d.endsAt), accessEndsAt: fromInput(d.accessEndsAt),
      accessDurationHours: d.accessDurationHours ? Number(d.accessDurationHours) : null, status: d.status,
      productionId: d.productionId || null, venueId: d.venueId || null, freeaccessSeats: d.freeaccessSeats, freeaccessPacks: d.freeaccessPacks,
    };
    try {
      const s = stream ? await api<Stream>('PATCH', `/api/streams/${stream.id}`, { body }) : await api<Stream>('POST', '/api/streams', { body });
      setSaved(true);
      await onSaved(s);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const remove = async () => {
    if (!stream || !window.confirm(w('confirmDeleteStream', { name: stream.label }))) return;
    setError(null);
    try { await api('DELETE', `/api/streams/${stream.id}`); await onDeleted(); } catch (err) { setError(err); }
  };
  const when = (k: 'startsAt' | 'endsAt' | 'accessEndsAt', hint?: string) => (
    <Field label={w(k)} name={k} error={error} hint={hint}>
      <input type="datetime-local" name={k} value={d[k]} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );

  return (
    <form className="stream-form card" onSubmit={submit} aria-label={stream ? stream.label : w('newStream')}>
      <h2>{stream ? stream.label : w('newStream')}</h2>
      <div className="grid2">
        <Field label={w('title')} name="label" error={error}>
          <input name="label" value={d.label} required maxLength={200} onChange={(e) => set('label', e.target.value)} />
        </Field>
        <Field label={w('status')} name="status" error={error}>
          <select name="status" value={d.status} onChange={(e) => set('status', Number(e.target.value))}>
            {STREAM_STATUSES.map((s) => <option key={s} value={s}>{w(`status-${s}`)}</option>)}
          </select>
        </Field>
        <Field label={w('url')} name="url" error={error} hint={w('urlHint')}>
          <input name="url" type="url" value={d.url} required onChange={(e) => set('url', e.target.value)} />
        </Field>
        <Field label={w('price')} name="price" error={error} hint={priceError ? undefined : w('priceHint')}>
          <input name="price" inputMode="decimal" value={d.price} required onChange={(e) => set('price', e.target.value)} />
          {priceError && <small className="field-error" role="alert">{w('badPrice')}</small>}
        </Field>
        <Field label={w('description')} name="description" error={error}>
          <textarea name="description" value={d.description} onChange={(e) => set('description', e.target.value)} />
        </Field>
        <Field label={w('shopUrl')} name="shopUrl" error={error}>
          <input name="shopUrl" value={d.shopUrl} onChange={(e) => set('shopUrl', e.target.value)} />
        </Field>
        {when('startsAt')}
        {when('endsAt')}
        <Field label={w('productionId')} name="productionId" error={error}>
          <select name="productionId" value={d.productionId} onChange={(e) => set('productionId', e.target.value)}>
            <option value="">{w('noProduction')}</option>
            {productions.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <Field label={w('venueId')} name="venueId" error={error}>
          <select name="venueId" value={d.venueId} onChange={(e) => set('venueId', e.target.value)}>
            <option value="">{w('online')}</option>
            {venues.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
          </select>
        </Field>
      </div>
      <fieldset className="access">
        <legend>{w('access')}</legend>
        <div className="grid2">
          {when('accessEndsAt', w('accessEndsHint'))}
          <Field label={w('accessDurationHours')} name="accessDurationHours" error={error} hint={w('accessDurationHint')}>
            <input name="accessDurationHours" type="number" min={1} max={100000} value={d.accessDurationHours}
              onChange={(e) => set('accessDurationHours', e.target.value)} />
          </Field>
        </div>
        <label className="inline"><input type="checkbox" name="freeaccessSeats" checked={d.freeaccessSeats}
          onChange={(e) => set('freeaccessSeats', e.target.checked)} /> {w('freeaccessSeats')}</label>
        <label className="inline"><input type="checkbox" name="freeaccessPacks" checked={d.freeaccessPacks}
          onChange={(e) => set('freeaccessPacks', e.target.checked)} /> {w('freeaccessPacks')}</label>
      </fieldset>
      {isInUse(error) ? <p className="error" role="alert">{w('streamInUse')}</p> : fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <p className="row">
        <button type="submit" className="primary" name="save-stream" disabled={busy}>{w('saveStream')}</button>
        {saved && <span className="saved" role="status">{w('streamSaved')}</span>}
        {stream && <button type="button" className="danger" name="delete-stream" onClick={() => void remove()}>{w('deleteStream')}</button>}
      </p>
    </form>
  );
}
