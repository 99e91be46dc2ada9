import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Conflict, Counts, Device, DeviceWithCode, Door, TonightPerformance } from '../../../src/checkin/schemas.js';
import { ApiError, api, get, post } from './api.js';
import { hhmm, useT } from './i18n.js';

const POLL_MS = 3000;

function CountsTable({ c }: { c: Counts }) {
  const t = useT();
  return (
    <table className="counts" data-testid={`counts-${c.performanceId}`}>
      <caption>{hhmm(c.startsAt)} {c.title}: {t('expectedShort', { a: c.admitted, e: c.expected })}</caption>
      <thead><tr><th>{t('door')}</th><th>{t('admitted')}</th>{c.reentry && <th>{t('exits')}</th>}<th>{t('lastScan')}</th></tr></thead>
      <tbody>
        {c.doors.map((d) => (
          <tr key={d.doorId} data-door={d.name}>
            <td>{d.name}</td><td className="n">{d.admitted}</td>{c.reentry && <td className="n">{d.exited}</td>}<td>{d.lastScanAt ? hhmm(d.lastScanAt) : ''}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><td>{t('expected')}</td><td className="n">{c.expected}</td>{c.reentry && <td />}<td /></tr>
        <tr><td>{t('inside')}</td><td className="n">{c.inside}</td>{c.reentry && <td />}<td /></tr>
        <tr><td>{t('unpaid')}</td><td className="n">{c.unpaid}</td>{c.reentry && <td />}<td /></tr>
        <tr><td>{t('openConflicts')}</td><td className="n">{c.conflicts.open}</td>{c.reentry && <td />}<td /></tr>
      </tfoot>
    </table>
  );
}

/** Doors and the devices registered for them; a new device's code is shown once. */
function DoorsAndDevices() {
  const t = useT();
  const [doors, setDoors] = useState<Door[]>([]);
  const [devices, setDevices] = useState<Device[]>([]);
  const [shownCode, setShownCode] = useState<DeviceWithCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setDoors((await get<{ items: Door[] }>('/api/checkin/doors')).items);
    setDevices((await get<{ items: Device[] }>('/api/checkin/devices')).items);
  }, []);
  useEffect(() => { load().catch((e: Error) => setError(e.message)); }, [load]);
  const run = (f: () => Promise<void>) => f().then(load).catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));

  function addDoor(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    void run(async () => { await post('/api/checkin/doors', { name }); form.reset(); });
  }
  function addDevice(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    void run(async () => { setShownCode(await post<DeviceWithCode>('/api/checkin/devices', { name: data.get('name'), doorId: data.get('doorId') })); form.reset(); });
  }

  return (
    <section className="setup-doors">
      <h2>{t('doors')}</h2>
      <ul>{doors.map((d) => <li key={d.id}>{d.name}</li>)}</ul>
      <form onSubmit={addDoor} className="inline">
        <input name="name" required placeholder={t('newDoor')} aria-label={t('newDoor')} />
        <button type="submit">{t('add')}</button>
      </form>
      <h2>{t('devices')}</h2>
      {shownCode && (
        <p className="code-once" data-testid="device-code">{shownCode.name} ({shownCode.doorName}) — {t('codeOnce')} <strong>{shownCode.code}</strong></p>
      )}
      <ul>
        {devices.map((d) => (
          <li key={d.id}>
            {d.name} · {d.doorName}{d.revokedAt ? ` · ${t('revoked')}` : ''}{' '}
            <button type="button" onClick={() => void run(async () => setShownCode(await post<DeviceWithCode>(`/api/checkin/devices/${d.id}/code`)))}>{t('newCode')}</button>
            {!d.revokedAt && <button type="button" onClick={() => void run(async () => { await api('DELETE', `/api/checkin/devices/${d.id}`); })}>{t('revoke')}</button>}
          </li>
        ))}
      </ul>
      {doors.length > 0 && (
        <form onSubmit={addDevice} className="inline">
          <input name="name" required placeholder={t('deviceName')} aria-label={t('deviceName')} />
          <select name="doorId" required aria-label={t('door')}>{doors.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}</select>
          <button type="submit">{t('register')}</button>
        </form>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}

/** For managers: live counts per door, the conflicts to deal with, the doors and devices. */
export function Manager({ performances, onBack }: { performances: TonightPerformance[] | null; onBack: () => void }) {
  const t = useT();
  const [list, setList] = useState<TonightPerformance[]>(performances ?? []);
  const [counts, setCounts] = useState<Counts[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!performances?.length) get<{ items: TonightPerformance[] }>('/api/checkin/performances').then((r) => setList(r.items), (e: Error) => setError(e.message));
  }, [performances]);

  const refresh = useCallback(async () => {
    try {
      setCounts(await Promise.all(list.map((p) => get<Counts>(`/api/checkin/performances/${p.id}/counts`))));
      const found = await Promise.all(list.map((p) => get<{ items: Conflict[] }>(`/api/checkin/conflicts?performanceId=${p.id}&open=true`)));
      setConflicts(found.flatMap((r) => r.items));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [list]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <main className="panel manager">
      <button type="button" onClick={onBack}>{t('back')}</button>
      <h2>{t('counts')}</h2>
      {list.length === 0 && <p className="muted">{t('noPerformances')}</p>}
      {counts.map((c) => <CountsTable key={c.performanceId} c={c} />)}
      <h2>{t('openConflicts')} ({conflicts.length})</h2>
      {conflicts.length === 0 ? <p className="muted">{t('noConflicts')}</p> : (
        <ul className="conflict-list" data-testid="manager-conflicts">
          {conflicts.map((c) => (
            <li key={c.id}>
              <strong>{c.ticket.place}</strong> · {t('order')} {c.ticket.orderNumber}<br />{c.message}{' '}
              <button type="button" onClick={() => void post(`/api/checkin/conflicts/${c.id}/acknowledge`).then(refresh)}>{t('acknowledge')}</button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <DoorsAndDevices />
    </main>
  );
}
