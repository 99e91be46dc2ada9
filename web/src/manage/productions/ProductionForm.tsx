// A production's details; the API's field errors show on their field.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { useManageWords } from '../words.js';
import { TEXT_LANGUAGES, type Production, type ProductionDraft } from './types.js';
import { useProductionWords } from './words.js';

const EMPTY: ProductionDraft = {
  title: '', subtitle: '', producer: '', genre: '', description: '', imageUrl: null, dipProductionId: null, durationMinutes: null,
  ageAdvice: '', uitdatabankEventId: null, uitpasEnabled: false, languages: ['nl'],
};

/** Empty optional texts go to the API as null (no image, no DIP id). */
const body = (d: ProductionDraft) => ({
  ...d, imageUrl: d.imageUrl || null, dipProductionId: d.dipProductionId || null, uitdatabankEventId: d.uitdatabankEventId || null,
});

export function ProductionForm({ production, canEdit, onSaved }: { production: Production | null; canEdit: boolean; onSaved(p: Production): void | Promise<void> }) {
  const { w } = useProductionWords();
  const mw = useManageWords();
  const [draft, setDraft] = useState<ProductionDraft>(() => (production ? { ...production } : EMPTY));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof ProductionDraft>(k: K, v: ProductionDraft[K]) => { setDraft((d) => ({ ...d, [k]: v })); setSaved(false); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const p = production
        ? await api<Production>('PATCH', `/api/productions/${production.id}`, { body: body(draft) })
        : await api<Production>('POST', '/api/productions', { body: body(draft) });
      setSaved(true);
      await onSaved(p);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const text = (k: 'title' | 'subtitle' | 'producer' | 'genre' | 'ageAdvice', hint?: string) => (
    <Field label={w(k)} name={k} error={error} hint={hint}>
      <input name={k} value={draft[k]} required={k === 'title'} disabled={!canEdit} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );
  const optional = (k: 'imageUrl' | 'dipProductionId' | 'uitdatabankEventId', hint: string) => (
    <Field label={w(k)} name={k} error={error} hint={hint}>
      <input name={k} value={draft[k] ?? ''} disabled={!canEdit} onChange={(e) => set(k, e.target.value || null)} />
    </Field>
  );
  const toggleLanguage = (l: ProductionDraft['languages'][number], on: boolean) =>
    set('languages', on ? TEXT_LANGUAGES.filter((x) => x === l || draft.languages.includes(x)) : draft.languages.filter((x) => x !== l));

  return (
    <form className="production-form card" onSubmit={submit} aria-label={w('production')}>
      <h2>{production ? production.title : w('newProduction')}</h2>
      <div className="grid2">
        {text('title')}
        {text('subtitle')}
        {text('producer')}
        {text('genre')}
        <Field label={w('description')} name="description" error={error}>
          <textarea name="description" value={draft.description} disabled={!canEdit} onChange={(e) => set('description', e.target.value)} />
        </Field>
        <div>
          {optional('imageUrl', w('imageHint'))}
          {draft.imageUrl && /^https?:\/\//.test(draft.imageUrl) && <img className="logo-preview" src={draft.imageUrl} alt="" />}
        </div>
        <Field label={w('durationMinutes')} name="durationMinutes" error={error} hint={w('durationHint')}>
          <input name="durationMinutes" type="number" min={1} max={1440} value={draft.durationMinutes ?? ''} disabled={!canEdit}
            onChange={(e) => set('durationMinutes', e.target.value === '' ? null : Number(e.target.value))} />
        </Field>
        {text('ageAdvice', w('ageHint'))}
        {optional('dipProductionId', w('dipHint'))}
        {optional('uitdatabankEventId', w('uitdatabankHint'))}
        <Field label={w('languages')} name="languages" error={error}>
          <span className="row">
            {TEXT_LANGUAGES.map((l) => (
              <label key={l} className="inline"><input type="checkbox" name={`language-${l}`} checked={draft.languages.includes(l)} disabled={!canEdit}
                onChange={(e) => toggleLanguage(l, e.target.checked)} /> {w(`lang-${l}`)}</label>
            ))}
          </span>
        </Field>
        <Field label="UiTPAS" name="uitpasEnabled" error={error}>
          <label className="inline"><input type="checkbox" name="uitpasEnabled" checked={draft.uitpasEnabled} disabled={!canEdit}
            onChange={(e) => set('uitpasEnabled', e.target.checked)} /> {w('uitpasEnabled')}</label>
        </Field>
      </div>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      {canEdit && (
        <p className="row">
          <button type="submit" className="primary" name="save-production" disabled={busy}>{w('save')}</button>
          {saved && <span className="saved" role="status">{w('saved')}</span>}
        </p>
      )}
      {!canEdit && <p className="hint">{mw('readOnly')}</p>}
    </form>
  );
}
