import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WhoAmI } from '../../../src/checkin/schemas.js';
import { api, setApiLanguage, setOnSignedOut, token } from './api.js';
import { DoorStore } from './door.js';
import { I18n, LANGS, initialLang, keepLang, useT, type Lang } from './i18n.js';
import { Manager } from './Manager.js';
import { ScanScreen } from './ScanScreen.js';
import { SignIn } from './SignIn.js';
import { Setup, type DoorSetup } from './Setup.js';

// Kept on the device so the app reopens signed in and scanning, with or without a network.
const WHO_KEY = 'foyer.scan.who';
const SETUP_KEY = 'foyer.scan.setup';

function kept<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}
const keep = (key: string, value: unknown) => (value === null ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(value)));

type View = 'setup' | 'scan' | 'manage';

function Header({ who, onSignOut }: { who: WhoAmI | null; onSignOut: () => void }) {
  const t = useT();
  return (
    <I18n.Consumer>
      {({ lang, setLang }) => (
        <header className="top">
          <strong>{t('appName')}</strong>
          {who && <span className="who">{who.name}</span>}
          <span className="langs">
            {LANGS.map((l) => <button key={l} type="button" aria-pressed={l === lang} onClick={() => setLang(l)}>{l.toUpperCase()}</button>)}
          </span>
          {who && <button type="button" onClick={onSignOut}>{t('signOut')}</button>}
        </header>
      )}
    </I18n.Consumer>
  );
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [who, setWho] = useState<WhoAmI | null>(() => (token.get() ? kept<WhoAmI>(WHO_KEY) : null));
  const [setup, setSetup] = useState<DoorSetup | null>(() => kept<DoorSetup>(SETUP_KEY));
  const [view, setView] = useState<View>(() => (kept<DoorSetup>(SETUP_KEY) ? 'scan' : 'setup'));
  const store = useMemo(() => new DoorStore(), []);

  const setLang = useCallback((l: Lang) => { keepLang(l); setLangState(l); }, []);
  useEffect(() => {
    setApiLanguage(lang);
    document.documentElement.lang = lang;
  }, [lang]);

  const signedOut = useCallback(() => {
    token.set(null);
    keep(WHO_KEY, null);
    keep(SETUP_KEY, null);
    store.signOut();
    setWho(null);
    setSetup(null);
    setView('setup');
  }, [store]);
  useEffect(() => setOnSignedOut(signedOut), [signedOut]);

  const signOut = () => {
    // Scans not uploaded yet would be lost: stay signed in until they are.
    if (store.pending().length) return;
    api('DELETE', '/api/checkin/session').catch(() => undefined).finally(signedOut);
  };

  let body;
  if (!who) {
    body = <SignIn onSignedIn={(w) => { keep(WHO_KEY, w); setWho(w); setView('setup'); }} />;
  } else if (view === 'manage' && who.role === 'admin') {
    body = <Manager performances={setup?.performances ?? null} onBack={() => setView(setup ? 'scan' : 'setup')} />;
  } else if (view === 'scan' && setup) {
    body = <ScanScreen key={setup.performanceIds.join() + setup.doorId} setup={setup} store={store} onChange={() => setView('setup')} />;
  } else {
    body = (
      <Setup who={who} current={setup} onManage={who.role === 'admin' ? () => setView('manage') : undefined}
        onStart={(s) => { keep(SETUP_KEY, s); setSetup(s); setView('scan'); }} />
    );
  }
  return (
    <I18n.Provider value={{ lang, setLang }}>
      <Header who={who} onSignOut={signOut} />
      {body}
    </I18n.Provider>
  );
}
