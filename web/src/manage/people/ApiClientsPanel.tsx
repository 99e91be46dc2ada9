// API clients (OAuth 2 client credentials): create (the secret shown this once), list, revoke. The
// catalogue's application keys are in the Catalogue section (web/src/manage/catalogue).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { SecretOnce } from '../SecretOnce.js';
import type { ApiClient } from './types.js';
import { ROLES, usePeopleWords, type StaffRole } from './words.js';

type Once = { name: string; id: string; secret: string };

export function ApiClientsPanel() {
  const { w, lang } = usePeopleWords();
  const [clients, setClients] = useState<ApiClient[] | null>(null);
  const [once, setOnce] = useState<Once | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('boxoffice');
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setClients((await get<{ items: ApiClient[] }>('/api/api-clients')).items);
    } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);

  const createClient = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      const c = await api<ApiClient & { clientSecret: string }>('POST', '/api/api-clients', { body: { name, role } });
      setOnce({ name: c.name, id: c.clientId, secret: c.clientSecret }); setName(''); await reload();
    } catch (err) { setError(err); }
  };
  const revoke = (path: string, message: string) => {
    if (!window.confirm(message)) return;
    api('DELETE', path).then(reload, setError);
  };
  const when = (iso: string) => localDateTime(iso, lang);

  return (
    <section className="people-clients" aria-label={w('apiClients')}>
      {once && (
        <SecretOnce title={w('secretOnce', { name: once.name })} onDone={() => setOnce(null)}
          values={[{ label: w('clientId'), value: once.id, name: 'id' }, { label: w('secret'), value: once.secret, name: 'secret' }]} />
      )}
      <h2>{w('apiClients')}</h2>
      <p className="hint">{w('apiClientsHint')}</p>
      <table className="list">
        <thead><tr><th>{w('name')}</th><th>{w('clientId')}</th><th>{w('role')}</th><th>{w('created')}</th><th /></tr></thead>
        <tbody>
          {clients?.map((c) => (
            <tr key={c.id} data-client={c.name} className={c.revokedAt ? 'off' : undefined}>
              <td>{c.name}</td><td><code>{c.clientId}</code></td><td>{w(`role-${c.role}`)}</td><td>{when(c.createdAt)}</td>
              <td>{c.revokedAt ? `${w('revoked')} ${when(c.revokedAt)}`
                : <button name="revoke-client" className="danger" onClick={() => revoke(`/api/api-clients/${c.id}`, w('confirmRevoke', { name: c.name }))}>{w('revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card row" onSubmit={createClient} aria-label={w('newClient')}>
        <Field label={w('name')} name="name" error={error}><input name="client-name" value={name} required onChange={(e) => setName(e.target.value)} /></Field>
        <Field label={w('role')} name="role" error={error}>
          <select name="client-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {ROLES.map((r) => <option key={r} value={r}>{w(`role-${r}`)}</option>)}
          </select>
        </Field>
        <button type="submit" className="primary" name="create-client">{w('createClient')}</button>
      </form>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}

      <p className="hint">{w('keysMoved')}</p>
    </section>
  );
}
