// DIP: the theatre's performances as DIP knows them, linked to Foyer performances (or suggestions to
// link), the audit of pushes, and "sync now".
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../api/client.js';
import { localDateTime } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import type { DipPerformance, DipPush, DipStatus } from './types.js';

/** What DIP answered to a push that was not accepted, readable: its description or message, else the raw answer. */
function answerText(answer: unknown): string {
  if (answer === null || answer === undefined) return '';
  if (typeof answer === 'string') return answer.slice(0, 300);
  const a = answer as Record<string, unknown>;
  const said = [a.description, a.message, a.error_description, a.error, a.title].find((x) => typeof x === 'string');
  return typeof said === 'string' ? said : JSON.stringify(answer).slice(0, 300);
}

const CHECK_KEYS = { in_sync: 'dipInSync', differs: 'dipDiffers', refused: 'dipRefused' } as const;

export function DipScreen() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<DipPerformance[] | null>(null);
  const [pushes, setPushes] = useState<DipPush[]>([]);
  const [status, setStatus] = useState<DipStatus | null>(null);
  const load = useAction();
  const act = useAction();

  const reload = useCallback(() => load.run(async () => {
    // DIP's own list is asked live; when DIP cannot be asked, the status and pushes still show.
    const [perfs, audit, state] = await Promise.allSettled([
      get<{ items: DipPerformance[] }>('/api/dip/performances'),
      get<{ items: DipPush[] }>('/api/dip/pushes?limit=20'),
      get<DipStatus>('/api/dip/status'),
    ]);
    if (audit.status === 'fulfilled') setPushes(audit.value.items);
    if (state.status === 'fulfilled') setStatus(state.value);
    if (perfs.status === 'rejected') throw perfs.reason;
    setItems(perfs.value.items);
  }), [load.run]);
  useEffect(() => { void reload(); }, [reload]);

  const link = (performanceId: string, dipNumber: string) => act.run(async () => {
    await api('PUT', `/api/performances/${performanceId}/dip-link`, { body: { dipNumber } });
    await reload();
  });
  const unlink = (performanceId: string) => act.run(async () => { await api('DELETE', `/api/performances/${performanceId}/dip-link`); await reload(); });
  const sync = (check = false) => act.run(async () => { await api('POST', '/api/dip/sync?wait=true', { body: check ? { check } : {} }); await reload(); });
  const run = status?.lastRun;

  return (
    <div className="dip">
      <div className="row">
        <h2 className="grow">{t('dipLinks')}</h2>
        <button disabled={act.busy} onClick={() => void sync(true)}>{t('dipCheckNow')}</button>
        <button className="primary" disabled={act.busy} onClick={() => void sync()}>{t('syncNow')}</button>
      </div>
      <ErrorLine error={load.error ?? act.error} />
      {run && run.outcome !== 'done' && (
        <p className="notice dip-run" role="status">
          {t(run.outcome === 'stopped' ? 'dipRunStopped' : 'dipRunFailed')}: {run.message} <small>({localDateTime(run.at, lang)})</small>
        </p>
      )}
      {!items && !load.error && <p>{t('loading')}</p>}
      {items && (
        <table className="data">
          <thead><tr><th>{t('dipNumber')}</th><th>{t('title')}</th><th>{t('date')}</th><th>{t('state')}</th><th>{t('suggestions')}</th></tr></thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.dipNumber} data-dip={d.dipNumber}>
                <td><code>{d.dipNumber}</code></td><td>{d.title}</td><td>{localDateTime(d.date, lang)}</td>
                <td>
                  {d.linkedPerformanceId ? <>{t('linked')} <small>{d.linkState}</small> <button className="link" onClick={() => void unlink(d.linkedPerformanceId!)}>{t('unlink')}</button></> : t('notLinked')}
                  {d.status === 'cancellation' && <> <span className="badge dip-cancelled">{t('dipCancelled')}</span></>}
                  {d.linkedPerformanceId && d.checkState && (
                    <> <span className={`badge dip-check-${d.checkState}`} title={d.checkRefused ?? undefined}>{t(CHECK_KEYS[d.checkState])}</span>
                      {d.checkRefused && <small> {d.checkRefused}</small>}</>
                  )}
                </td>
                <td>{!d.linkedPerformanceId && d.suggestions.map((s) => (
                  <button key={s.performanceId} onClick={() => void link(s.performanceId, d.dipNumber)}>
                    {t('link')}: {s.title} {localDateTime(s.startsAt, lang)} <small>({s.match})</small>
                  </button>
                ))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('pushes')}</h3>
      <table className="data">
        <tbody>
          {pushes.map((p) => (
            <tr key={p.id}><td>{localDateTime(p.sentAt, lang)}</td><td>{p.kind}</td><td>{p.method} {p.path}</td><td className={`push-${p.status}`}>{p.status}</td><td>{p.httpStatus ?? ''}</td><td>{p.performances ?? ''}</td>
              <td className="push-answer">{p.status === 'accepted' ? '' : answerText(p.answer)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
