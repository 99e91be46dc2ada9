// UiTPAS: the settings (secret write-only) with "test connection" (the client's permissions for the
// organizer), UiTdatabank's search settings, and which coming performances are UiTPAS events.
import { useState, type FormEvent } from 'react';
import { get } from '../../api/client.js';
import { Field } from '../form.js';
import { Card, FormError, SaveRow, SecretField, TestButton, useSettings } from './settings.js';
import { UitpasEvents } from './UitpasEvents.js';
import { useConnectorWords } from './words.js';

interface UitpasSettings {
  configured: boolean; clientId: string | null; hasClientSecret: boolean; accountUrl: string | null; apiUrl: string | null;
  organizerId: string | null; channels: { boxoffice: boolean; online: boolean };
}
interface UitpasCheck { ok: boolean; credentialsAccepted: boolean; organizerId: string; organizerName: string | null; missing: string[] }
interface UitdatabankSettings { configured: boolean; searchUrl: string | null; clientId: string | null }
const FIELDS = ['clientId', 'clientSecret', 'accountUrl', 'apiUrl', 'organizerId', 'channels/boxoffice', 'channels/online'];

function UitpasForm({ initial, s }: { initial: UitpasSettings; s: ReturnType<typeof useSettings<UitpasSettings>> }) {
  const { w } = useConnectorWords();
  const [f, setF] = useState({
    clientId: initial.clientId ?? '', accountUrl: initial.accountUrl ?? '', apiUrl: initial.apiUrl ?? '', organizerId: initial.organizerId ?? '',
    boxoffice: initial.channels.boxoffice, online: initial.channels.online,
  });
  const [secret, setSecret] = useState('');
  const set = (k: keyof typeof f, v: string | boolean) => setF({ ...f, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { boxoffice, online, ...rest } = f;
    if (await s.save({ ...rest, channels: { boxoffice, online }, ...(secret ? { clientSecret: secret } : {}) })) setSecret('');
  };
  const text = (k: 'clientId' | 'accountUrl' | 'apiUrl' | 'organizerId') => (
    <Field label={w(k)} name={k} error={s.error}><input name={k} value={f[k]} onChange={(e) => set(k, e.target.value)} /></Field>
  );
  return (
    <form className="connector-form" name="uitpas-settings" onSubmit={(e) => void submit(e)}>
      <div className="grid2">
        {text('clientId')}
        <SecretField label={w('clientSecret')} name="clientSecret" isSet={initial.hasClientSecret} value={secret} onChange={setSecret} error={s.error} />
        {text('accountUrl')}
        {text('apiUrl')}
        {text('organizerId')}
        <div>
          <label className="check"><input type="checkbox" name="boxoffice" checked={f.boxoffice} onChange={(e) => set('boxoffice', e.target.checked)} /> {w('channelBoxoffice')}</label>
          <label className="check"><input type="checkbox" name="online" checked={f.online} onChange={(e) => set('online', e.target.checked)} /> {w('channelOnline')}</label>
        </div>
      </div>
      <FormError error={s.error} fields={FIELDS} />
      <SaveRow name="save-uitpas" busy={s.busy} saved={s.saved} />
    </form>
  );
}

function UitdatabankForm({ initial, s }: { initial: UitdatabankSettings; s: ReturnType<typeof useSettings<UitdatabankSettings>> }) {
  const { w } = useConnectorWords();
  const [searchUrl, setSearchUrl] = useState(initial.searchUrl ?? '');
  const [clientId, setClientId] = useState(initial.clientId ?? '');
  return (
    <form className="connector-form" name="uitdatabank-settings" onSubmit={(e) => { e.preventDefault(); void s.save({ searchUrl, clientId }); }}>
      <div className="grid2">
        <Field label={w('searchUrl')} name="searchUrl" error={s.error}><input name="searchUrl" value={searchUrl} onChange={(e) => setSearchUrl(e.target.value)} /></Field>
        <Field label={w('clientId')} name="clientId" error={s.error}><input name="clientId" value={clientId} onChange={(e) => setClientId(e.target.value)} /></Field>
      </div>
      <FormError error={s.error} fields={['searchUrl', 'clientId']} />
      <SaveRow name="save-uitdatabank" busy={s.busy} saved={s.saved} />
    </form>
  );
}

export function UitpasPanel() {
  const { w } = useConnectorWords();
  const uitpas = useSettings<UitpasSettings>('/api/uitpas/settings');
  const udb = useSettings<UitdatabankSettings>('/api/uitdatabank/settings');
  const verdict = (c: UitpasCheck) => {
    const organizer = c.organizerName ? `${c.organizerName} (${c.organizerId})` : c.organizerId;
    if (!c.credentialsAccepted) return { ok: false, text: w('uitpasRefused') };
    if (c.ok) return { ok: true, text: w('uitpasOk', { organizer }) };
    return { ok: false, text: w('uitpasMissing', { organizer, missing: c.missing.join(', ') }) };
  };
  return (
    <div className="connector uitpas-connector">
      <Card title={w('settings')} intro={w('uitpasIntro')} label="uitpas-settings">
        {uitpas.view && <UitpasForm key={String(uitpas.view.hasClientSecret)} initial={uitpas.view} s={uitpas} />}
        {!uitpas.view && <FormError error={uitpas.error} fields={[]} />}
        <TestButton name="test-uitpas" label={w('testConnection')} run={() => get<UitpasCheck>('/api/uitpas/check')} verdict={verdict} />
      </Card>
      <UitpasEvents />
      <Card title={w('uitdatabank')} intro={w('uitdatabankIntro')} label="uitdatabank-settings">
        {udb.view && <UitdatabankForm initial={udb.view} s={udb} />}
        {!udb.view && <FormError error={udb.error} fields={[]} />}
      </Card>
    </div>
  );
}
