// A venue's details, colour and logo; the API's field errors show on their field.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { useManageWords } from '../words.js';
import { COUNTRIES, TIME_ZONES, type Venue, type VenueDraft } from './types.js';
import { useVenueWords } from './words.js';

/** A country's own zone: choosing the country switches the zone to it while the zone was the previous country's default. */
const DEFAULT_ZONE: Partial<Record<string, VenueDraft['timeZone']>> = { NL: 'Europe/Amsterdam', BE: 'Europe/Brussels' };

const EMPTY: VenueDraft = { name: '', address: '', postalCode: '', city: '', country: 'NL', timeZone: 'Europe/Amsterdam', colour: null, logo: null };

export function VenueForm({ venue, canEdit, onSaved }: { venue: Venue | null; canEdit: boolean; onSaved(v: Venue): void | Promise<void> }) {
  const { w } = useVenueWords();
  const mw = useManageWords();
  const [draft, setDraft] = useState<VenueDraft>(() => (venue ? { ...venue } : EMPTY));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof VenueDraft>(k: K, v: VenueDraft[K]) => { setDraft((d) => ({ ...d, [k]: v })); setSaved(false); };
  const setCountry = (country: string) => {
    setDraft((d) => {
      const zone = DEFAULT_ZONE[country];
      const wasDefault = !DEFAULT_ZONE[d.country] || d.timeZone === DEFAULT_ZONE[d.country];
      return { ...d, country, timeZone: zone && wasDefault ? zone : d.timeZone };
    });
    setSaved(false);
  };

  const readLogo = (file: File | undefined) => {
    if (!file) return;
    const r = new FileReader();
    r.onload = () => set('logo', String(r.result));
    r.readAsDataURL(file);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const body = { ...draft };
      const v = venue
        ? await api<Venue>('PATCH', `/api/venues/${venue.id}`, { body })
        : await api<Venue>('POST', '/api/venues', { body });
      setSaved(true);
      await onSaved(v);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const text = (k: 'name' | 'address' | 'postalCode' | 'city') => (
    <Field label={w(k)} name={k} error={error}>
      <input name={k} value={draft[k]} required disabled={!canEdit} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );
  return (
    <form className="venue-form card" onSubmit={submit} aria-label={w('venue')}>
      <h2>{venue ? venue.name : w('newVenue')}</h2>
      <div className="grid2">
        {text('name')}
        {text('address')}
        {text('postalCode')}
        {text('city')}
        <Field label={w('country')} name="country" error={error}>
          <select name="country" value={draft.country} disabled={!canEdit} onChange={(e) => setCountry(e.target.value)}>
            {COUNTRIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </Field>
        <Field label={w('timeZone')} name="timeZone" error={error}>
          <select name="timeZone" value={draft.timeZone} disabled={!canEdit} onChange={(e) => set('timeZone', e.target.value as VenueDraft['timeZone'])}>
            {TIME_ZONES.map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        </Field>
        <Field label={w('colour')} name="colour" error={error} hint={w('colourHint')}>
          <span className="row">
            <input type="color" name="colour" value={draft.colour ?? '#8e1537'} disabled={!canEdit || draft.colour === null}
              onChange={(e) => set('colour', e.target.value)} />
            <label className="inline"><input type="checkbox" name="no-colour" checked={draft.colour === null} disabled={!canEdit}
              onChange={(e) => set('colour', e.target.checked ? null : '#8e1537')} /> {w('noColour')}</label>
          </span>
        </Field>
        <Field label={w('logo')} name="logo" error={error} hint={w('logoHint')}>
          <span className="row">
            {draft.logo && <img className="logo-preview" src={draft.logo} alt={w('logo')} />}
            {canEdit && <input type="file" name="logo" accept="image/png,image/jpeg" onChange={(e) => readLogo(e.target.files?.[0])} />}
            {canEdit && draft.logo && <button type="button" name="remove-logo" onClick={() => set('logo', null)}>{w('removeLogo')}</button>}
          </span>
        </Field>
      </div>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      {canEdit && (
        <p className="row">
          <button type="submit" className="primary" name="save-venue" disabled={busy}>{w('saveVenue')}</button>
          {saved && <span className="saved" role="status">{w('venueSaved')}</span>}
        </p>
      )}
      {!canEdit && <p className="hint">{mw('readOnly')}</p>}
    </form>
  );
}
