// DIP: the settings (secret write-only) with "test connection", how the last report went, the Foyer
// performances not linked yet, and the existing DIP linking screen (with pushes and "sync now") below.
import { useEffect, useState, type FormEvent } from 'react';
import { api, get } from '../../api/client.js';
import { DipScreen } from '../../dip/DipScreen.js';
import type { DipStatus } from '../../dip/types.js';
import { localDateTime } from '../../format.js';
import { Field } from '../form.js';
import { Card, FormError, SaveRow, SecretField, TestButton, useSettings } from './settings.js';
import { UnlinkedPerformances } from './UnlinkedPerformances.js';
import { useConnectorWords } from './words.js';

interface DipSettings {
  baseUrl: string; clientId: string; clientSecretSet: boolean; enabled: boolean; cron: string; pushDaysAfter: number;
}
interface DipCheck { ok: boolean; credentialsAccepted: boolean | null; performances: number | null; message: string | null; durationMs: number }
/** How often to report, as a manager says it; "custom" keeps the cron expression for experts. */
const CRON_CHOICES = [['0 * * * *', 'cronHourly'], ['0 */2 * * *', 'cron2Hours'], ['0 */6 * * *', 'cron6Hours'], ['0 3 * * *', 'cronNightly']] as const;

const FIELDS = ['baseUrl', 'clientId', 'clientSecret', 'enabled', 'cron', 'pushDaysAfter'];

function DipSettingsForm({ initial, save, error, saved, busy }: { initial: DipSettings } & Pick<ReturnType<typeof useSettings<DipSettings>>, 'save' | 'error' | 'saved' | 'busy'>) {
  const { w } = useConnectorWords();
  const [f, setF] = useState({ ...initial, pushDaysAfter: String(initial.pushDaysAfter) });
  const [secret, setSecret] = useState('');
  const [custom, setCustom] = useState(() => !CRON_CHOICES.some(([cron]) => cron === initial.cron));
  const set = (k: keyof typeof f, v: string | boolean) => setF({ ...f, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const days = Number(f.pushDaysAfter);
    const ok = await save({
      baseUrl: f.baseUrl, clientId: f.clientId, enabled: f.enabled, cron: f.cron,
      pushDaysAfter: Number.isInteger(days) && f.pushDaysAfter !== '' ? days : f.pushDaysAfter,
      ...(secret ? { clientSecret: secret } : {}),
    });
    if (ok) setSecret('');
  };
  return (
    <form className="connector-form" name="dip-settings" onSubmit={(e) => void submit(e)}>
      <div className="grid2">
        <Field label={w('baseUrl')} name="baseUrl" error={error}><input name="baseUrl" value={f.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} /></Field>
        <Field label={w('clientId')} name="clientId" error={error}><input name="clientId" value={f.clientId} onChange={(e) => set('clientId', e.target.value)} /></Field>
        <SecretField label={w('clientSecret')} name="clientSecret" isSet={initial.clientSecretSet} value={secret} onChange={setSecret} error={error} />
        <Field label={w('cron')} name="cron" error={error} hint={custom ? w('cronHint') : undefined}>
          <select name="cronChoice" value={custom ? 'custom' : f.cron} onChange={(e) => { setCustom(e.target.value === 'custom'); if (e.target.value !== 'custom') set('cron', e.target.value); }}>
            {CRON_CHOICES.map(([cron, word]) => <option key={word} value={cron}>{w(word)}</option>)}
            <option value="custom">{w('cronCustom')}</option>
          </select>
          {custom && <input name="cron" aria-label={w('cronCustom')} value={f.cron} onChange={(e) => set('cron', e.target.value)} />}
        </Field>
        <Field label={w('pushDaysAfter')} name="pushDaysAfter" error={error}>
          <input name="pushDaysAfter" inputMode="numeric" value={f.pushDaysAfter} onChange={(e) => set('pushDaysAfter', e.target.value)} />
        </Field>
        <label className="check"><input type="checkbox" name="enabled" checked={f.enabled} onChange={(e) => set('enabled', e.target.checked)} /> {w('dipEnabled')}</label>
      </div>
      <FormError error={error} fields={FIELDS} />
      <SaveRow name="save-dip" busy={busy} saved={saved} />
    </form>
  );
}

export function DipPanel() {
  const { w, lang } = useConnectorWords();
  const settings = useSettings<DipSettings>('/api/dip/settings');
  const [status, setStatus] = useState<DipStatus | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => { get<DipStatus>('/api/dip/status').then(setStatus, () => setStatus(null)); }, [round]);
  const verdict = (c: DipCheck) => {
    const took = w('tookMs', { ms: c.durationMs });
    if (c.ok) return { ok: true, text: `${w('dipOk', { n: c.performances ?? 0 })} ${took}` };
    const key = c.credentialsAccepted === false ? 'dipRefused' : c.credentialsAccepted === null ? 'dipNoAnswer' : 'dipNoList';
    return { ok: false, text: `${w(key, { message: c.message ?? '' })} ${took}` };
  };
  const run = status?.lastRun;
  return (
    <div className="connector dip-connector">
      <Card title={w('settings')} intro={w('dipIntro')} label="dip-settings">
        {settings.view && <DipSettingsForm key={String(settings.view.clientSecretSet)} initial={settings.view} {...settings} />}
        {!settings.view && <FormError error={settings.error} fields={[]} />}
        <TestButton name="test-dip" label={w('testConnection')} run={() => api<DipCheck>('POST', '/api/dip/check')} verdict={verdict} />
        {status && <p className="hint last-run">{run?.outcome === 'done' ? w('lastRunDone', { at: localDateTime(run.at, lang) }) : run ? '' : w('noRunYet')}</p>}
      </Card>
      <UnlinkedPerformances onLinked={() => setRound(round + 1)} />
      <Card title={w('linking')}>
        {settings.view?.clientSecretSet ? <DipScreen key={`${round}-${settings.saved}`} /> : <p className="hint">{w('linkingNeedsSettings')}</p>}
      </Card>
    </div>
  );
}
