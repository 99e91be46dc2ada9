// One staff member's sign-in history (the login attempts Foyer keeps for its login limits).
import { useEffect, useState } from 'react';
import { get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import type { SignIn, StaffUser } from './types.js';
import { usePeopleWords } from './words.js';

export function SignIns({ user, onClose }: { user: StaffUser; onClose(): void }) {
  const { w, lang } = usePeopleWords();
  const [items, setItems] = useState<SignIn[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { get<{ items: SignIn[] }>(`/api/users/${user.id}/sign-ins?limit=50`).then((r) => setItems(r.items), setError); }, [user.id]);
  return (
    <section className="sign-ins card" aria-label={w('signInsOf', { name: user.name })}>
      <h3>{w('signInsOf', { name: user.name })}</h3>
      <ErrorLine error={error} />
      {items?.length === 0 && <p>{w('noSignIns')}</p>}
      {!!items?.length && (
        <table className="list">
          <thead><tr><th>{w('when')}</th><th>{w('address')}</th><th>{w('result')}</th></tr></thead>
          <tbody>
            {items.map((s, i) => (
              <tr key={i} className={s.succeeded ? undefined : 'failed'}>
                <td>{localDateTime(s.at, lang)}</td><td>{s.ip}</td><td>{s.succeeded ? w('succeeded') : w('failed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button name="close-sign-ins" onClick={onClose}>{w('close')}</button>
    </section>
  );
}
