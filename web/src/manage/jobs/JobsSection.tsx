// The job queue: jobs by state with counts, a failed job's last error, and "try again".
import { useCallback, useEffect, useState } from 'react';
import { api, get, qs } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { useJobWords } from './words.js';
import './jobs.css';

const STATES = ['dead', 'pending', 'running', 'done'] as const;
type State = (typeof STATES)[number];
interface Job {
  id: string; kind: string; status: State; attempts: number; maxAttempts: number; runAt: string;
  lastError: string | null; payload: unknown; createdAt: string; updatedAt: string;
}
const PAGE = 25;

export function JobsSection() {
  const { w, kind, lang } = useJobWords();
  const [state, setState] = useState<State | null>('dead');
  const [offset, setOffset] = useState(0);
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [counts, setCounts] = useState<Record<State, number> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [retried, setRetried] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const r = await get<{ items: Job[]; counts: Record<State, number> }>(`/api/jobs${qs({ status: state, limit: PAGE, offset })}`);
      setJobs(r.items); setCounts(r.counts); setError(null);
    } catch (e) { setError(e); }
  }, [state, offset]);
  useEffect(() => { void reload(); }, [reload]);
  const retry = async (job: Job) => {
    try { await api('POST', `/api/jobs/${job.id}/retry`); setRetried(job.id); await reload(); } catch (e) { setError(e); }
  };
  const pick = (s: State | null) => { setState(s); setOffset(0); setRetried(null); };
  const when = (iso: string) => localDateTime(iso, lang);
  return (
    <div className="jobs">
      <h2>{w('title')}</h2>
      <p className="hint">{w('intro')}</p>
      <nav className="job-states" aria-label={w('status')}>
        <button name="jobs-all" className={state === null ? 'active' : undefined} onClick={() => pick(null)}>{w('all')}</button>
        {STATES.map((s) => (
          <button key={s} name={`jobs-${s}`} className={[state === s ? 'active' : '', s === 'dead' && counts?.dead ? 'alert' : ''].join(' ').trim() || undefined}
            onClick={() => pick(s)}>{w(s)} <span className="count">{counts?.[s] ?? ''}</span></button>
        ))}
        <button name="jobs-refresh" onClick={() => void reload()}>{w('refresh')}</button>
      </nav>
      <ErrorLine error={error} />
      {retried && <p className="saved" role="status">{w('retried')}</p>}
      {jobs?.length === 0 && <p>{w('none')}</p>}
      {!!jobs?.length && (
        <table className="list">
          <thead><tr><th>{w('kind')}</th><th>{w('status')}</th><th>{w('attempts')}</th><th>{w('created')}</th><th>{w('runAt')}</th><th>{w('lastError')}</th><th /></tr></thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id} data-job={j.id} data-status={j.status}>
                <td title={j.kind}>{kind(j.kind)}</td>
                <td className={`state-${j.status}`}>{w(j.status)}</td>
                <td className="num">{j.attempts} / {j.maxAttempts}</td>
                <td>{when(j.createdAt)}</td>
                <td>{j.status === 'pending' ? when(j.runAt) : ''}</td>
                <td className="last-error">{j.lastError && <details><summary>{j.lastError.split('\n')[0].slice(0, 120)}</summary><pre>{j.lastError}</pre><pre>{w('details')}: {JSON.stringify(j.payload, null, 1)}</pre></details>}</td>
                <td>{j.status === 'dead' && <button name="retry-job" className="primary" onClick={() => void retry(j)}>{w('retry')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="row">
        <button name="jobs-newer" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{w('previous')}</button>
        <button name="jobs-older" disabled={(jobs?.length ?? 0) < PAGE} onClick={() => setOffset(offset + PAGE)}>{w('next')}</button>
      </p>
    </div>
  );
}
