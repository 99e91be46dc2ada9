import { useEffect, useState } from 'react';
import { get, post, session, setOnUnauthenticated } from './api/client.js';
import { detectCapabilities, type Capabilities } from './api/capabilities.js';
import type { User } from './api/types.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { LoginScreen } from './LoginScreen.js';
import { DoorScreen } from './DoorScreen.js';
import { SellScreen } from './sell/SellScreen.js';
import { OrdersScreen } from './orders/OrdersScreen.js';
import { ReportsScreen } from './reports/ReportsScreen.js';
import { DipScreen } from './dip/DipScreen.js';
import { TillScreen } from './till/TillScreen.js';
import { useShift } from './till/useShift.js';
import { OPEN_TILL } from './till/ShiftRequired.js';
import { useTill } from './till/words.js';
import { OutboxScreen } from './mail/OutboxScreen.js';
import { MAIL_TEXTS } from './mail/texts.js';
import { ManageScreen } from './manage/ManageScreen.js';
import { SECTIONS } from './manage/sections.js';
import { MANAGE_WORDS } from './manage/words.js';
import { LanguageSwitch } from './ui/LanguageSwitch.js';
import { ShortcutHelp } from './ui/ShortcutHelp.js';
import { useHotkeys } from './ui/useHotkeys.js';

export type Tab = 'sell' | 'orders' | 'till' | 'reports' | 'dip' | 'mail' | 'manage';

export function App() {
  return <I18nProvider><Shell /></I18nProvider>;
}

function Shell() {
  const { t, lang } = useI18n();
  const [user, setUser] = useState<User | null>(null);
  const [checked, setChecked] = useState(!session.token);
  const [caps, setCaps] = useState<Capabilities>({ uitpas: false, reports: false, dip: false });
  const [tab, setTab] = useState<Tab>('sell');
  const [openOrderId, setOpenOrderId] = useState<string | null>(null);
  const shift = useShift(user);
  const { tw } = useTill();

  useEffect(() => {
    setOnUnauthenticated(() => { session.token = null; setUser(null); });
    if (!session.token) return;
    get<User>('/api/me').then(setUser, () => { session.token = null; }).finally(() => setChecked(true));
  }, []);
  useEffect(() => {
    if (!user || user.role === 'door') return;
    void detectCapabilities(user).then(setCaps);
    if (user.role === 'reporting') setTab('reports');
  }, [user]);

  useHotkeys({ F3: () => setTab('orders') });
  // A payment refused for want of an open shift offers to open one.
  const { refresh } = shift;
  useEffect(() => {
    const open = () => { setTab('till'); void refresh(); };
    window.addEventListener(OPEN_TILL, open);
    return () => window.removeEventListener(OPEN_TILL, open);
  }, [refresh]);

  if (!checked) return <p className="loading">{t('loading')}</p>;
  if (!user) return <LoginScreen onLogin={setUser} />;

  const logOut = () => { void post('/api/auth/logout').catch(() => {}); session.token = null; setUser(null); };
  // A door account only scans: it is shown the way to the scanner, not the box office.
  if (user.role === 'door') return <DoorScreen user={user} onLogOut={logOut} />;
  const tabs: [Tab, string, boolean][] = [
    ['sell', t('sell'), user.role !== 'reporting'],
    ['orders', t('orders'), true],
    ['till', tw('till'), user.role !== 'reporting' && shift.known],
    ['reports', t('reports'), caps.reports],
    ['dip', t('dip'), caps.dip],
    ['mail', MAIL_TEXTS[lang].tab, user.role === 'admin' || user.role === 'boxoffice'],
    ['manage', MANAGE_WORDS[lang].tab, SECTIONS.some((s) => s.roles.includes(user.role))],
  ];
  return (
    <div className="shell">
      <header className="topbar">
        <strong>{t('appName')}</strong>
        <nav>
          {tabs.filter(([, , shown]) => shown).map(([id, label]) => (
            <button key={id} className={tab === id ? 'tab active' : 'tab'} name={`tab-${id}`} onClick={() => { setTab(id); if (id === 'till') void shift.refresh(); }}>{label}</button>
          ))}
        </nav>
        <span className="spacer" />
        {shift.known && (
          <button className={shift.shift ? 'shift-state open' : 'shift-state none'} name="shift-state" onClick={() => setTab('till')}
            title={shift.shift ? undefined : tw('noShiftWarning')}>
            {shift.shift ? tw('shiftOpen') : `⚠ ${tw('noShift')}`}
          </button>
        )}
        <ShortcutHelp />
        <LanguageSwitch />
        <span className="user">{user.name}</span>
        <button onClick={logOut}>{t('logOut')}</button>
      </header>
      <main className="content">
        {tab === 'sell' && <SellScreen user={user} caps={caps} onOpenOrder={(id) => { setOpenOrderId(id); setTab('orders'); }} />}
        {tab === 'orders' && <OrdersScreen openOrderId={openOrderId} />}
        {tab === 'till' && <TillScreen state={shift} />}
        {tab === 'reports' && caps.reports && <ReportsScreen role={user.role} />}
        {tab === 'dip' && caps.dip && <DipScreen />}
        {tab === 'mail' && <OutboxScreen />}
        {tab === 'manage' && <ManageScreen user={user} />}
      </main>
    </div>
  );
}
