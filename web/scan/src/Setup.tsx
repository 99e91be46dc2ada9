import { useEffect, useState } from 'react';
import type { Door, TonightPerformance, WhoAmI } from '../../../src/checkin/schemas.js';
import { get } from './api.js';
import { hhmm, useT } from './i18n.js';

export interface DoorSetup {
  performances: TonightPerformance[];
  performanceIds: string[];
  doorId: string;
  doorName: string;
}

const today = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** Tonight's performance(s) this door admits to, and the door (a device's own, or chosen). */
export function Setup({ who, current, onStart, onManage }: { who: WhoAmI; current: DoorSetup | null; onStart: (s: DoorSetup) => void; onManage?: () => void }) {
  const t = useT();
  const [day, setDay] = useState(today());
  const [performances, setPerformances] = useState<TonightPerformance[] | null>(null);
  const [chosen, setChosen] = useState<string[]>(current?.performanceIds ?? []);
  const [doors, setDoors] = useState<Door[]>([]);
  const [doorId, setDoorId] = useState(current?.doorId ?? who.device?.doorId ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPerformances(null);
    get<{ items: TonightPerformance[] }>(`/api/checkin/performances?day=${day}`).then((r) => {
      setPerformances(r.items);
      setChosen((c) => (c.some((id) => r.items.some((p) => p.id === id)) ? c : r.items.length === 1 ? [r.items[0].id] : []));
    }, (e: Error) => setError(e.message));
  }, [day]);
  useEffect(() => {
    if (!who.device) get<{ items: Door[] }>('/api/checkin/doors').then((r) => setDoors(r.items), (e: Error) => setError(e.message));
  }, [who.device]);

  const doorName = who.device ? who.device.doorName : doors.find((d) => d.id === doorId)?.name ?? '';
  const ready = chosen.length > 0 && !!doorId;
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <main className="panel setup">
      <label className="day">{t('day')}<input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} /></label>
      <h2>{t('today')}</h2>
      {performances === null ? <p className="muted">…</p> : performances.length === 0 ? <p className="muted">{t('noPerformances')}</p> : (
        <ul className="choices">
          {performances.map((p) => (
            <li key={p.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} />
                <span><strong>{hhmm(p.startsAt)} {p.title}</strong><br /><small>{p.venue} · {p.hall} · {t('expectedShort', { a: p.admitted, e: p.expected })}</small></span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('door')}</h2>
      {who.device ? <p className="door-fixed">{who.device.doorName}</p> : (
        <select value={doorId} onChange={(e) => setDoorId(e.target.value)} aria-label={t('door')}>
          <option value="">{t('chooseDoor')}</option>
          {doors.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <button type="button" className="primary" disabled={!ready}
        onClick={() => performances && onStart({ performances: performances.filter((p) => chosen.includes(p.id)), performanceIds: chosen, doorId, doorName })}>
        {t('start')}
      </button>
      {onManage && <button type="button" onClick={onManage}>{t('manage')}</button>}
    </main>
  );
}
