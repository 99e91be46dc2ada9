// A performance's quotas per ticket type: how many of each type are taken ("32 of 50") and at most
// how many may be; a max below what is taken is refused by the API on its field.
import { useEffect, useState, type FormEvent } from 'react';
import { api, get } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { useQuotaWords } from './quota-words.js';

interface Quota { ticketTypeId: string; name: string; archived: boolean; max: number | null; taken: number }

export function QuotasPanel({ performanceId }: { performanceId: string }) {
  const w = useQuotaWords();
  const [quotas, setQuotas] = useState<Quota[]>([]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const show = (q: Quota[]) => {
    setQuotas(q);
    setDraft(Object.fromEntries(q.map((x) => [x.ticketTypeId, x.max === null ? '' : String(x.max)])));
  };
  useEffect(() => {
    get<{ quotas: Quota[] }>(`/api/performances/${performanceId}/quotas`).then((r) => show(r.quotas), setError);
  }, [performanceId]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setSaved(false);
    try {
      const body = { quotas: quotas.map((q) => ({ ticketTypeId: q.ticketTypeId, max: draft[q.ticketTypeId] === '' ? null : Number(draft[q.ticketTypeId]) })) };
      show((await api<{ quotas: Quota[] }>('PUT', `/api/performances/${performanceId}/quotas`, { body })).quotas);
      setSaved(true);
    } catch (e) { setError(e); } finally { setBusy(false); }
  };

  return (
    // The API checks the numbers (noValidate), so a refusal shows on the quota, in words, not in a browser bubble.
    <form className="quotas-panel" aria-label={w('quotas')} onSubmit={save} noValidate>
      <h4>{w('quotas')}</h4>
      <p className="hint">{w('quotasHint')}</p>
      <table className="quotas">
        <thead><tr><th>{w('type')}</th><th>{w('taken')}</th><th>{w('max')}</th></tr></thead>
        <tbody>
          {quotas.map((q, i) => (
            <tr key={q.ticketTypeId} data-ticket-type={q.name}>
              <th>{q.name}</th>
              <td className="quota-taken">{q.max === null ? w('takenNoQuota', { taken: q.taken }) : w('takenOf', { taken: q.taken, max: q.max })}</td>
              <td>
                <Field label="" name={`quotas/${i}/max`} error={error}>
                  <input type="number" min={0} name={`quota-${q.ticketTypeId}`} aria-label={`${w('max')}: ${q.name}`} value={draft[q.ticketTypeId] ?? ''}
                    onChange={(e) => { setDraft((d) => ({ ...d, [q.ticketTypeId]: e.target.value })); setSaved(false); }} />
                </Field>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <p className="row">
        <button type="submit" name="save-quotas" disabled={busy}>{w('saveQuotas')}</button>
        {saved && <span role="status">{w('savedQuotas')}</span>}
      </p>
    </form>
  );
}
