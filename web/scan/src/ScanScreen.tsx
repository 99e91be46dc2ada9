import { useCallback, useContext, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Conflict, Counts, OfflineList, ScanAnswer, UploadAnswer } from '../../../src/checkin/schemas.js';
import { ApiError, NoNetwork, get, newScanId, post } from './api.js';
import { startCamera, type CameraScan, type DecoderName } from './camera.js';
import { localNow, nextSeq, type Direction, type DoorStore, type Shown } from './door.js';
import { signal, unlockSound } from './feedback.js';
import { hhmm, I18n, placeText, spokenDate, useT } from './i18n.js';
import { normaliseCode } from './sha256.js';
import type { DoorSetup } from './Setup.js';

const POLL_MS = 3000;
const LIST_MS = 30_000;
/** The camera sees a ticket for as long as it is held up: the same code again within this time is the same scan. */
const SAME_CODE_MS = 3000;

const fromAnswer = (a: ScanAnswer): Shown => ({
  ok: a.ok, reason: a.reason, again: a.again,
  place: a.ticket ? { zone: a.ticket.zone, section: a.ticket.section, row: a.ticket.row, seat: a.ticket.seat } : null,
  ticketType: a.ticket?.ticketType ?? null, previous: a.previous, performance: a.performance, offline: false, seq: nextSeq(),
});

function Result({ shown, onClose }: { shown: Shown; onClose: () => void }) {
  const t = useT();
  const { lang } = useContext(I18n);
  useEffect(() => {
    const timer = setTimeout(onClose, shown.ok ? 2500 : 4500);
    return () => clearTimeout(timer);
  }, [shown, onClose]);
  const headline = t(shown.again ? 'reason.again' : `reason.${shown.reason}`);
  let detail: string | null = null;
  if (shown.reason === 'already-scanned' && shown.previous) detail = t('alreadyDetail', { time: hhmm(shown.previous.at), door: shown.previous.door });
  if (shown.reason === 'other-performance' && shown.performance) detail = `${shown.performance.title}, ${spokenDate(shown.performance.startsAt, lang)}`;
  if (shown.reason === 'not-paid') detail = t('notPaidDetail');
  if (shown.reason === 'cancelled') detail = t('cancelledDetail');
  if (shown.reason === 'unknown') detail = t('unknownDetail');
  if (shown.reason === 'not-on-list') detail = t('notOnListDetail');
  if (shown.reason === 'not-inside') detail = t('notInsideDetail');
  return (
    <div className={`result ${shown.ok ? 'green' : 'red'}`} role="status" aria-live="assertive" data-ok={shown.ok} data-reason={shown.reason} onClick={onClose}>
      <div className="headline">{headline}</div>
      {shown.ok && shown.place && <div className="place">{placeText(shown.place, lang)}</div>}
      {shown.ok && shown.ticketType && <div className="type">{shown.ticketType}</div>}
      {detail && <div className="detail">{detail}</div>}
      {!shown.ok && shown.place && <div className="small">{placeText(shown.place, lang)}</div>}
      {shown.offline && <div className="small badge">{t('decidedOffline')}</div>}
    </div>
  );
}

export function ScanScreen({ setup, store, onChange }: { setup: DoorSetup; store: DoorStore; onChange: () => void }) {
  const t = useT();
  const { performanceIds, doorId, doorName } = setup;
  const [online, setOnline] = useState(navigator.onLine);
  const onlineRef = useRef(online);
  const [direction, setDirection] = useState<Direction>('in');
  const [shown, setShown] = useState<Shown | null>(null);
  const [pending, setPending] = useState(store.pending().length);
  const [conflicts, setConflicts] = useState<Conflict[]>(store.conflicts());
  const [alert, setAlert] = useState<Conflict[]>([]);
  const [showConflicts, setShowConflicts] = useState(false);
  const [counts, setCounts] = useState<Record<string, Counts>>({});
  const [listSize, setListSize] = useState(store.ticketCount(performanceIds));
  const [typing, setTyping] = useState(false);
  const [camera, setCamera] = useState<{ decoder: DecoderName } | null>(null);
  const [cameraError, setCameraError] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const cameraScan = useRef<CameraScan | null>(null);
  const lastCode = useRef<{ code: string; at: number } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const uploading = useRef(false);
  const reentry = setup.performances.some((p) => p.reentry);

  const markOnline = useCallback((on: boolean) => {
    onlineRef.current = on;
    setOnline(on);
  }, []);

  const upload = useCallback(async () => {
    const scans = store.pending();
    if (!scans.length || uploading.current) return;
    uploading.current = true;
    try {
      const r = await post<UploadAnswer>('/api/checkin/uploads', { sentAt: localNow(), doorId, scans }, 20_000);
      store.uploaded(r.results.map((x) => x.id));
      if (r.conflicts.length) {
        store.noteConflicts(r.conflicts);
        setAlert(r.conflicts);
      }
      setConflicts(store.conflicts());
      markOnline(true);
    } catch (e) {
      if (e instanceof NoNetwork) markOnline(false);
    } finally {
      uploading.current = false;
      setPending(store.pending().length);
    }
  }, [store, doorId, markOnline]);

  const refreshLists = useCallback(async () => {
    for (const id of performanceIds) {
      const list = await get<OfflineList>(`/api/checkin/performances/${id}/tickets`, 15_000);
      store.keepList(list, doorName);
    }
    store.forgetOtherLists(performanceIds);
    setListSize(store.ticketCount(performanceIds));
  }, [store, performanceIds, doorName]);

  const poll = useCallback(async (withConflicts: boolean) => {
    try {
      const all = await Promise.all(performanceIds.map((id) => get<Counts>(`/api/checkin/performances/${id}/counts`, 4000)));
      setCounts(Object.fromEntries(all.map((c) => [c.performanceId, c])));
      if (!onlineRef.current) markOnline(true);
      if (store.pending().length) await upload();
      if (withConflicts) {
        const found = (await Promise.all(performanceIds.map((id) => get<{ items: Conflict[] }>(`/api/checkin/conflicts?performanceId=${id}&open=true`, 4000)))).flatMap((r) => r.items);
        store.noteConflicts(found);
        setConflicts(store.conflicts());
      }
    } catch (e) {
      if (e instanceof NoNetwork) markOnline(false);
    }
  }, [performanceIds, store, upload, markOnline]);

  useEffect(() => {
    refreshLists().catch(() => undefined);
    let n = 0;
    const every = setInterval(() => { void poll(n++ % 3 === 0); }, POLL_MS);
    const lists = setInterval(() => { if (onlineRef.current) refreshLists().catch(() => undefined); }, LIST_MS);
    void poll(true);
    const goOnline = () => { void poll(true); };
    const goOffline = () => markOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      clearInterval(every);
      clearInterval(lists);
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [poll, refreshLists, markOnline]);

  const scanOnce = useCallback(async (code: string, dir: Direction) => {
    const id = newScanId();
    if (onlineRef.current && navigator.onLine) {
      try {
        const a = await post<ScanAnswer>('/api/checkin/scans', { barcode: code, performanceIds, doorId, direction: dir, id }, 4000);
        store.learn(code, performanceIds, dir, a, doorName);
        setError(null);
        setShown(fromAnswer(a));
        signal(a.ok);
        return;
      } catch (e) {
        if (!(e instanceof NoNetwork)) {
          // Not an answer about the ticket (the door was closed, the performance removed): say what the server said.
          setError(e instanceof ApiError ? e.message : String(e));
          signal(false);
          return;
        }
        markOnline(false);
      }
    }
    const { shown: s } = store.decide(code, performanceIds, dir, doorName, id);
    setPending(store.pending().length);
    setShown(s);
    signal(s.ok);
  }, [performanceIds, doorId, doorName, store, markOnline]);

  /** Scans go one after the other, in the order they were read. */
  const handle = useCallback((raw: string, fromCamera = false) => {
    const code = normaliseCode(raw);
    if (!code) return;
    const now = Date.now();
    if (fromCamera && lastCode.current && lastCode.current.code === code && now - lastCode.current.at < SAME_CODE_MS) return;
    lastCode.current = { code, at: now };
    const dir = direction;
    queue.current = queue.current.then(() => scanOnce(code, dir)).catch(() => undefined);
  }, [direction, scanOnce]);

  // A hardware scanner types wherever the focus is: keys pressed outside any field go to the code field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      unlockSound();
      const el = document.activeElement;
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) return;
      if (e.key.length === 1 || e.key === 'Enter') input.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', unlockSound);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', unlockSound);
    };
  }, []);

  useEffect(() => () => cameraScan.current?.stop(), []);

  async function toggleCamera() {
    if (cameraScan.current) {
      cameraScan.current.stop();
      cameraScan.current = null;
      setCamera(null);
      return;
    }
    setCameraError(false);
    try {
      const scan = await startCamera(video.current!, (code) => handle(code, true));
      cameraScan.current = scan;
      setCamera({ decoder: scan.decoder });
    } catch {
      setCameraError(true);
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = input.current!;
    const value = el.value;
    el.value = '';
    handle(value);
  }

  const admitted = Object.values(counts).reduce((n, c) => n + c.admitted, 0);
  const expected = Object.values(counts).reduce((n, c) => n + c.expected, 0);
  const closeResult = useCallback(() => { setShown(null); input.current?.focus(); }, []);

  return (
    <main className="scan">
      <div className="status">
        <span className={`net ${online ? 'on' : 'off'}`} data-testid="network" data-online={online}>{online ? t('online') : t('offline')}</span>
        <span className="door">{doorName}</span>
        <span className="count" data-testid="counts">{t('expectedShort', { a: admitted, e: expected })}</span>
      </div>
      <div className="titles">{setup.performances.map((p) => `${hhmm(p.startsAt)} ${p.title}`).join(' · ')}</div>
      {pending > 0 && <div className="pending" data-testid="pending">{t('pending', { n: pending })}</div>}
      {alert.length > 0 && (
        <div className="alert" role="alert" data-testid="conflict-alert" onClick={() => setAlert([])}>
          <strong>{t('conflicts')}</strong>
          {alert.map((c) => <p key={c.id}>{c.ticket.place}: {c.message}</p>)}
        </div>
      )}
      <form onSubmit={submit} className="wedge">
        <input ref={input} name="code" data-testid="code" autoFocus autoComplete="off" autoCorrect="off" autoCapitalize="characters" spellCheck={false}
          inputMode={typing ? 'text' : 'none'} placeholder={t('scanHint')} aria-label={t('scanHint')} />
      </form>
      <div className="actions">
        <button type="button" onClick={() => { setTyping((x) => !x); input.current?.focus(); }} aria-pressed={typing}>{t('typeCode')}</button>
        <button type="button" onClick={() => void toggleCamera()} aria-pressed={!!camera}>{camera ? t('cameraOff') : t('camera')}</button>
        {reentry && (
          <button type="button" className={direction === 'out' ? 'out' : ''} aria-pressed={direction === 'out'} data-testid="direction"
            onClick={() => setDirection((d) => (d === 'in' ? 'out' : 'in'))}>
            {direction === 'in' ? t('directionIn') : t('directionOut')}
          </button>
        )}
      </div>
      {cameraError && <p className="error" role="alert">{t('cameraFailed')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <video ref={video} className={camera ? 'camera live' : 'camera'} data-decoder={camera?.decoder ?? ''} muted playsInline />
      <section className="conflicts">
        <button type="button" onClick={() => setShowConflicts((x) => !x)} data-testid="conflicts-toggle">
          {t('conflicts')} ({conflicts.filter((c) => !c.acknowledgedAt).length})
        </button>
        {showConflicts && (conflicts.length === 0 ? <p className="muted">{t('noConflicts')}</p> : (
          <ul>{conflicts.map((c) => <li key={c.id}><strong>{c.ticket.place}</strong> {c.message}</li>)}</ul>
        ))}
      </section>
      <p className="muted small">{t('listKept', { n: listSize })}</p>
      <button type="button" onClick={onChange}>{t('change')}</button>
      {shown && <Result key={shown.seq} shown={shown} onClose={closeResult} />}
    </main>
  );
}
