// Mollie: the API key (write-only; its mode shown), endpoint, on/off, Foyer's public address and the
// webhook URL that follows from it, and "check" with Mollie's answer in words.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { Field } from '../form.js';
import { Card, FormError, SaveRow, SecretField, TestButton, useSettings } from './settings.js';
import { useConnectorWords } from './words.js';

interface MollieSettings {
  configured: boolean; enabled: boolean; hasApiKey: boolean; apiKeyMode: 'test' | 'live' | null; endpoint: string;
  webhookBaseUrl: string | null; webhookUrl: string | null;
}
interface MollieCheck { ok: boolean; credentialsAccepted: boolean | null; mode: string; enabled: boolean; methods: string[]; message: string | null }

function MollieForm({ initial, s }: { initial: MollieSettings; s: ReturnType<typeof useSettings<MollieSettings>> }) {
  const { w } = useConnectorWords();
  const [apiKey, setApiKey] = useState('');
  const [endpoint, setEndpoint] = useState(initial.endpoint);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [webhookBaseUrl, setWebhookBaseUrl] = useState(initial.webhookBaseUrl ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await s.save({ endpoint, enabled, webhookBaseUrl: webhookBaseUrl.trim() || null, ...(apiKey ? { apiKey: apiKey.trim() } : {}) })) setApiKey('');
  };
  const mode = s.view?.apiKeyMode;
  return (
    <form className="connector-form" name="mollie-settings" onSubmit={(e) => void submit(e)}>
      <div className="grid2">
        <SecretField label={w('apiKey')} name="apiKey" isSet={initial.hasApiKey} value={apiKey} onChange={setApiKey} error={s.error} hint={w('keyHint')} />
        <div className="mode">
          <span className="field-label">{w('mode')}</span>
          {mode ? <span className={`badge mode-${mode}`} data-mode={mode}>{w(`mode-${mode}`)}</span> : <span>{w('none')}</span>}
          {initial.hasApiKey && mode && <small className="field-hint">{w('keySet', { mode })}</small>}
        </div>
        <Field label={w('endpoint')} name="endpoint" error={s.error}><input name="endpoint" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} /></Field>
        <Field label={w('webhookBaseUrl')} name="webhookBaseUrl" error={s.error} hint={w('webhookBaseUrlHint')}>
          <input name="webhookBaseUrl" value={webhookBaseUrl} onChange={(e) => setWebhookBaseUrl(e.target.value)} />
        </Field>
        <label className="check"><input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {w('mollieEnabled')}</label>
      </div>
      <FormError error={s.error} fields={['apiKey', 'endpoint', 'enabled', 'webhookBaseUrl']} />
      <SaveRow name="save-mollie" busy={s.busy} saved={s.saved} />
    </form>
  );
}

export function MolliePanel() {
  const { w } = useConnectorWords();
  const s = useSettings<MollieSettings>('/api/mollie/settings');
  const verdict = (c: MollieCheck) => {
    if (c.ok) return { ok: true, text: [w('mollieOk', { methods: c.methods.join(', ') || w('none') }), c.enabled ? '' : w('mollieOff')].join(' ').trim() };
    const key = c.credentialsAccepted === false ? 'mollieRefused' : c.credentialsAccepted === null ? 'mollieNoAnswer' : 'mollieOther';
    return { ok: false, text: w(key, { message: c.message ?? '' }) };
  };
  return (
    <div className="connector mollie-connector">
      <Card title={w('settings')} intro={w('mollieIntro')} label="mollie-settings">
        {s.view && <MollieForm key={String(s.view.hasApiKey)} initial={s.view} s={s} />}
        {!s.view && <FormError error={s.error} fields={[]} />}
        <dl className="webhook">
          <dt>{w('webhookUrl')}</dt>
          <dd>{s.view?.webhookUrl ? <code data-webhook-url>{s.view.webhookUrl}</code> : w('noWebhook')}</dd>
        </dl>
        <TestButton name="check-mollie" label={w('check')} run={() => api<MollieCheck>('POST', '/api/mollie/check')} verdict={verdict} />
      </Card>
    </div>
  );
}
