import { useState, type FormEvent } from 'react';
import type { DeviceSession, WhoAmI } from '../../../src/checkin/schemas.js';
import { ApiError, NoNetwork, get, post, token } from './api.js';
import { useT } from './i18n.js';

/** Door staff sign in with their own account (role door) or with the device code a manager gave. */
export function SignIn({ onSignedIn }: { onSignedIn: (who: WhoAmI) => void }) {
  const t = useT();
  const [mode, setMode] = useState<'device' | 'staff'>('device');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      if (mode === 'staff') {
        const r = await post<{ token: string }>('/api/auth/login', { email: form.get('email'), password: form.get('password') });
        token.set(r.token);
      } else {
        const r = await post<DeviceSession>('/api/checkin/device-sessions', { code: form.get('code'), stewardName: form.get('steward') || undefined });
        token.set(r.token);
      }
      onSignedIn(await get<WhoAmI>('/api/checkin/session'));
    } catch (err) {
      token.set(null);
      if (err instanceof ApiError && err.status === 403) setError(t('notForDoor'));
      else if (err instanceof ApiError) setError(err.message);
      else if (err instanceof NoNetwork) setError(t('offline'));
      else setError(t('signInFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="panel signin">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'device'} onClick={() => setMode('device')}>{t('deviceLogin')}</button>
        <button type="button" role="tab" aria-selected={mode === 'staff'} onClick={() => setMode('staff')}>{t('staffLogin')}</button>
      </div>
      <form onSubmit={submit} key={mode}>
        {mode === 'device' ? (
          <>
            <label>{t('code')}<input name="code" required autoCapitalize="characters" autoComplete="off" placeholder="K7M2-QX9P" /></label>
            <label>{t('yourName')}<input name="steward" autoComplete="name" /></label>
          </>
        ) : (
          <>
            <label>{t('email')}<input name="email" type="email" required autoComplete="username" /></label>
            <label>{t('password')}<input name="password" type="password" required autoComplete="current-password" /></label>
          </>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{t('signIn')}</button>
      </form>
    </main>
  );
}
