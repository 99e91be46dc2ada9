// Staff members: the list with role, status and last sign-in; create, edit, switch off, reset a password
// (a one-time code shown once) and look at the sign-in history.
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../../api/client.js';
import type { User } from '../../api/types.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { SignIns } from './SignIns.js';
import type { StaffUser } from './types.js';
import { UserForm } from './UserForm.js';
import { usePeopleWords } from './words.js';

type Open = { kind: 'new' } | { kind: 'edit' | 'sign-ins'; user: StaffUser } | null;

export function UsersPanel({ me }: { me: User }) {
  const { w, lang } = usePeopleWords();
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [code, setCode] = useState<{ name: string; code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try { setUsers((await get<{ items: StaffUser[] }>('/api/users')).items); } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);

  const act = async (f: () => Promise<void>) => {
    setError(null);
    try { await f(); await reload(); } catch (e) { setError(e); }
  };
  const toggle = (u: StaffUser) => {
    if (!u.disabled && !window.confirm(w('confirmDeactivate', { name: u.name }))) return;
    void act(async () => { await api('PATCH', `/api/users/${u.id}`, { body: { disabled: !u.disabled } }); });
  };
  const reset = (u: StaffUser) => {
    if (!window.confirm(w('confirmReset', { name: u.name }))) return;
    void act(async () => {
      const r = await api<{ code: string; expiresAt: string }>('POST', `/api/users/${u.id}/password-reset`);
      setCode({ name: u.name, ...r });
    });
  };
  const when = (iso: string) => localDateTime(iso, lang);

  return (
    <section className="people-users" aria-label={w('users')}>
      <h2>{w('users')}</h2>
      <ErrorLine error={error} />
      {code && (
        <div className="once card" role="status" data-once="reset-code">
          <strong>{w('resetCode', { name: code.name })}</strong>
          <code className="secret" data-secret="reset-code">{code.code}</code>
          <p className="hint">{w('resetCodeHint', { name: code.name, until: when(code.expiresAt) })}</p>
          <button name="forget-code" onClick={() => setCode(null)}>{w('copied')}</button>
        </div>
      )}
      <table className="list">
        <thead><tr><th>{w('name')}</th><th>{w('email')}</th><th>{w('role')}</th><th>{w('status')}</th><th>{w('lastSignIn')}</th><th /></tr></thead>
        <tbody>
          {users?.map((u) => (
            <tr key={u.id} data-user={u.email} className={u.disabled ? 'off' : undefined}>
              <td>{u.name}{u.id === me.id && <small> ({w('you')})</small>}</td>
              <td>{u.email}</td>
              <td>{w(`role-${u.role}`)}</td>
              <td>{u.disabled ? w('disabled') : w('active')}{u.resetOpenUntil && <small className="hint"> · {w('resetOpen', { until: when(u.resetOpenUntil) })}</small>}</td>
              <td>{u.lastSignInAt ? when(u.lastSignInAt) : w('never')}</td>
              <td className="actions">
                <button name="edit-user" onClick={() => setOpen({ kind: 'edit', user: u })}>{w('edit')}</button>
                <button name="sign-ins" onClick={() => setOpen({ kind: 'sign-ins', user: u })}>{w('signIns')}</button>
                {u.id !== me.id && <button name="reset-password" onClick={() => reset(u)}>{w('resetPassword')}</button>}
                {u.id !== me.id && (
                  <button name={u.disabled ? 'reactivate-user' : 'deactivate-user'} className={u.disabled ? undefined : 'danger'} onClick={() => toggle(u)}>
                    {u.disabled ? w('reactivate') : w('deactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!open && <button name="new-user" onClick={() => setOpen({ kind: 'new' })}>+ {w('newUser')}</button>}
      {open?.kind === 'new' && <UserForm key="new" user={null} onCancel={() => setOpen(null)} onSaved={async () => { setOpen(null); await reload(); }} />}
      {open?.kind === 'edit' && <UserForm key={open.user.id} user={open.user} onCancel={() => setOpen(null)} onSaved={async () => { setOpen(null); await reload(); }} />}
      {open?.kind === 'sign-ins' && <SignIns user={open.user} onClose={() => setOpen(null)} />}
    </section>
  );
}
