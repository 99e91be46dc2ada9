// One pack: names, description, kind, image, price, the ticket type its places get, validity,
// publication and its sets. Sets go to the API only when they changed, so a pack customers hold can
// still be renamed, repriced or taken offline; delete after a confirmation that says what goes.
import { useEffect, useState, type FormEvent } from 'react';
import { api, get } from '../../api/client.js';
import { parseEuros } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { SetsEditor, type SetDraft } from './SetsEditor.js';
import { PACK_TYPES, centsText, fromInput, isInUse, parseRankList, toInput, type Pack, type PackSet, type PerformanceChoice, type Stream } from './types.js';
import { useCatalogueWords } from './words.js';

interface Draft {
  label: string; description: string; typeId: number; imageUrl: string; shopUrl: string; price: string; ticketTypeId: string;
  validFrom: string; validUntil: string; perPerformanceMax: number; published: boolean; sets: SetDraft[];
}

const setDrafts = (sets: PackSet[]): SetDraft[] => sets.map((s) => ({
  label: s.label, description: s.description, itemnbMin: s.itemnbMin, itemnbMax: s.itemnbMax,
  stocks: s.stocks.map((st) => ({ performanceId: st.performanceId, streamId: st.streamId, ranks: st.ranks.join(', ') })),
}));

const draftOf = (p: Pack | null): Draft => ({
  label: p?.label ?? '', description: p?.description ?? '', typeId: p?.typeId ?? 1, imageUrl: p?.imageUrl ?? '', shopUrl: p?.shopUrl ?? '',
  price: p ? centsText(p.price) : '', ticketTypeId: p?.ticketTypeId ?? '', validFrom: toInput(p?.validFrom ?? null), validUntil: toInput(p?.validUntil ?? null),
  perPerformanceMax: p?.perPerformanceMax ?? 1, published: p?.published ?? false,
  sets: p ? setDrafts(p.sets) : [{ label: '', description: '', itemnbMin: 0, itemnbMax: 1, stocks: [] }],
});

/**
 * The sets as the API takes them; the stocks whose ranks are not a list of ranks, as "set/stock". A set
 * left without a name gets the one its field shows as placeholder ("Set 1").
 */
function setsBody(sets: SetDraft[], placeholder: (n: number) => string) {
  const bad = new Set<string>();
  const body = sets.map((s, i) => ({
    label: s.label.trim() || placeholder(i + 1), description: s.description, itemnbMin: s.itemnbMin, itemnbMax: s.itemnbMax,
    stocks: s.stocks.map((st, j) => {
      if (st.streamId) return { streamId: st.streamId };
      const ranks = parseRankList(st.ranks);
      if (!ranks) bad.add(`${i}/${j}`);
      return { performanceId: st.performanceId!, ranks: ranks ?? [] };
    }),
  }));
  return { body, bad };
}

interface Props { pack: Pack | null; streams: Stream[]; onSaved(p: Pack): void | Promise<void>; onDeleted(): void | Promise<void> }

export function PackForm({ pack, streams, onSaved, onDeleted }: Props) {
  const { w } = useCatalogueWords();
  const [d, setD] = useState<Draft>(() => draftOf(pack));
  const [types, setTypes] = useState<{ id: string; name: string }[]>([]);
  const [performances, setPerformances] = useState(new Map<string, PerformanceChoice>());
  const [error, setError] = useState<unknown>(null);
  const [priceError, setPriceError] = useState(false);
  const [badRanks, setBadRanks] = useState(new Set<string>());
  const [locked, setLocked] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => { setD((x) => ({ ...x, [k]: v })); setSaved(false); };
  const known = (p: PerformanceChoice) => setPerformances((m) => new Map(m).set(p.id, p));

  useEffect(() => {
    get<{ items: { id: string; name: string }[] }>('/api/ticket-types').then((r) => setTypes(r.items), setError);
    const ids = new Set(pack?.sets.flatMap((s) => s.stocks.map((st) => st.performanceId ?? '')).filter(Boolean));
    for (const id of ids) get<PerformanceChoice>(`/api/performances/${id}`).then(known, () => {});
  }, [pack]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const price = parseEuros(d.price);
    const sets = setsBody(d.sets, (n) => w('setNumber', { n }));
    setPriceError(price === null); setBadRanks(sets.bad);
    if (price === null || sets.bad.size) return;
    const setsChanged = !pack || JSON.stringify(d.sets) !== JSON.stringify(setDrafts(pack.sets));
    const body = {
      label: d.label, description: d.description, typeId: d.typeId, imageUrl: d.imageUrl || null, shopUrl: d.shopUrl || null, price,
      ticketTypeId: d.ticketTypeId, validFrom: fromInput(d.validFrom), validUntil: fromInput(d.validUntil),
      perPerformanceMax: d.perPerformanceMax, published: d.published, ...(setsChanged ? { sets: sets.body } : {}),
    };
    setBusy(true); setError(null);
    try {
      const p = pack ? await api<Pack>('PATCH', `/api/packs/${pack.id}`, { body }) : await api<Pack>('POST', '/api/packs', { body });
      setSaved(true);
      await onSaved(p);
    } catch (err) {
      setError(err);
      if (pack && setsChanged && isInUse(err)) { setLocked(true); set('sets', setDrafts(pack.sets)); }
    } finally { setBusy(false); }
  };
  const remove = async () => {
    if (!pack || !window.confirm(w('confirmDeletePack', { name: pack.label, sets: pack.sets.length }))) return;
    setError(null);
    try { await api('DELETE', `/api/packs/${pack.id}`); await onDeleted(); } catch (err) { setError(err); }
  };
  const text = (k: 'label' | 'imageUrl' | 'shopUrl', hint?: string) => (
    <Field label={w(k)} name={k} error={error} hint={hint}>
      <input name={k} value={d[k]} required={k === 'label'} maxLength={k === 'label' ? 200 : 2000} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );
  const refusal = isInUse(error) ? (locked ? w('setsLocked') : w('packInUse')) : null;

  return (
    <form className="pack-form card" onSubmit={submit} aria-label={pack ? pack.label : w('newPack')}>
      <h2>{pack ? pack.label : w('newPack')}</h2>
      <div className="grid2">
        {text('label')}
        <Field label={w('typeId')} name="typeId" error={error}>
          <select name="typeId" value={d.typeId} onChange={(e) => set('typeId', Number(e.target.value))}>
            {PACK_TYPES.map((t) => <option key={t} value={t}>{w(`type-${t}`)}</option>)}
          </select>
        </Field>
        <Field label={w('description')} name="description" error={error}>
          <textarea name="description" value={d.description} maxLength={4000} onChange={(e) => set('description', e.target.value)} />
        </Field>
        <div>
          {text('imageUrl', w('imageHint'))}
          {/^https?:\/\//.test(d.imageUrl) && <img className="pack-image" src={d.imageUrl} alt="" />}
        </div>
        <Field label={w('price')} name="price" error={error} hint={priceError ? undefined : w('priceHint')}>
          <input name="price" inputMode="decimal" value={d.price} required onChange={(e) => set('price', e.target.value)} />
          {priceError && <small className="field-error" role="alert">{w('badPrice')}</small>}
        </Field>
        <Field label={w('ticketTypeId')} name="ticketTypeId" error={error} hint={w('ticketTypeHint')}>
          <select name="ticketTypeId" value={d.ticketTypeId} required onChange={(e) => set('ticketTypeId', e.target.value)}>
            <option value="">{w('chooseTicketType')}</option>
            {types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </Field>
        <Field label={w('validFrom')} name="validFrom" error={error} hint={w('validHint')}>
          <input type="datetime-local" name="validFrom" value={d.validFrom} onChange={(e) => set('validFrom', e.target.value)} />
        </Field>
        <Field label={w('validUntil')} name="validUntil" error={error} hint={w('validHint')}>
          <input type="datetime-local" name="validUntil" value={d.validUntil} onChange={(e) => set('validUntil', e.target.value)} />
        </Field>
        <Field label={w('perPerformanceMax')} name="perPerformanceMax" error={error} hint={w('perPerformanceHint')}>
          <input name="perPerformanceMax" type="number" min={1} max={100} value={d.perPerformanceMax} onChange={(e) => set('perPerformanceMax', Number(e.target.value))} />
        </Field>
        {text('shopUrl')}
      </div>
      <label className="inline publish"><input type="checkbox" name="published" checked={d.published} onChange={(e) => set('published', e.target.checked)} /> {w('publishedBox')}</label>
      <SetsEditor sets={d.sets} onChange={(sets) => set('sets', sets)} performances={performances} onPerformance={known} streams={streams}
        locked={locked} error={error} badRanks={badRanks} />
      {refusal ? <p className="error" role="alert">{refusal}</p> : fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <p className="row">
        <button type="submit" className="primary" name="save-pack" disabled={busy}>{w('savePack')}</button>
        {saved && <span className="saved" role="status">{w('packSaved')}</span>}
        {pack && <button type="button" className="danger" name="delete-pack" onClick={() => void remove()}>{w('deletePack')}</button>}
      </p>
    </form>
  );
}
