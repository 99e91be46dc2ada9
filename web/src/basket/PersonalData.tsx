// An admin's personal data actions for the attached customer: export as a JSON download, and erase
// after a confirmation naming the customer (a second one when reservations or upcoming tickets are open).
import { useState } from 'react';
import { ApiError, post } from '../api/client.js';
import type { Customer } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { privacyWords } from './privacy-words.js';

interface Props { customer: Pick<Customer, 'id' | 'name'>; onErased(name: string): Promise<void> }

type Asking = null | { open: null } | { open: { reservations: number; upcoming: number } };

export function PersonalData({ customer, onErased }: Props) {
  const { lang } = useI18n();
  const w = privacyWords(lang);
  const [asking, setAsking] = useState<Asking>(null);
  const { busy, error, run } = useAction();

  const download = () => void run(async () => {
    const data = await post<unknown>(`/api/customers/${customer.id}/export`, {});
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `customer-${customer.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const erase = (confirm: boolean) => void run(async () => {
    try {
      await post(`/api/customers/${customer.id}/erase`, { confirm });
    } catch (e) {
      if (e instanceof ApiError && String(e.problem.type).endsWith('/erase-needs-confirmation')) {
        const count = (k: string) => (Array.isArray(e.problem[k]) ? (e.problem[k] as unknown[]).length : 0);
        setAsking({ open: { reservations: count('reservations'), upcoming: count('upcoming') } });
        return;
      }
      throw e;
    }
    setAsking(null);
    await onErased(customer.name);
  });

  return (
    <div className="personal-data">
      <div className="row">
        <button className="link" name="export-personal-data" onClick={download} disabled={busy}>{w.export}</button>
        <button className="link" name="erase-personal-data" onClick={() => setAsking({ open: null })} disabled={busy}>{w.erase}</button>
      </div>
      {asking && (
        <div role="alertdialog" aria-modal="true" className="erase-dialog">
          <p className="ask">{w.ask(customer.name)}</p>
          {asking.open && <p className="open-orders">{w.open(asking.open.reservations, asking.open.upcoming)}</p>}
          <div className="row">
            <button className="danger" name="confirm-erase" disabled={busy} onClick={() => erase(asking.open !== null)}>
              {asking.open ? w.confirmAnyway : w.confirm}
            </button>
            <button name="cancel-erase" onClick={() => setAsking(null)}>{w.cancel}</button>
          </div>
        </div>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
