// Small pieces the shop's pages share.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ShopError, type Basket } from './api.js';
import { useI18n, type Key } from './i18n.js';
import { href, onLink } from './router.js';
import { euro as euroText } from './format.js';

export function Link({ slug, to, children, className }: { slug: string; to: string; children: ReactNode; className?: string }) {
  const target = href(slug, to);
  return <a href={target} className={className} onClick={(e) => onLink(e, target)}>{children}</a>;
}

/** A problem as the buyer should read it: the server's own words (already in their language). */
export function useErrorText() {
  const { t } = useI18n();
  return (e: unknown): string => {
    if (e instanceof ShopError) {
      if (e.status === 0) return t('offline');
      // Field errors are shown at their fields; the detail says what happened.
      return e.problem.type === '/problems/validation-failed' ? e.problem.title ?? t('error') : e.problem.detail ?? e.problem.title ?? t('error');
    }
    return t('error');
  };
}

export function ErrorBox({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return <p className="error" role="alert">{text(error)}</p>;
}

/** Runs a buyer's action, keeping `busy` and its error for the view. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async <T,>(f: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A modal question: focus goes in, Escape says no, focus comes back where it was. */
export function Confirm({ title, text, yes, onYes, onNo }: { title: Key; text: Key; yes: Key; onYes(): void; onNo(): void }) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    first.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="overlay" onKeyDown={(e) => { if (e.key === 'Escape') onNo(); }}>
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dlg-title" aria-describedby="dlg-text">
        <h2 id="dlg-title">{t(title)}</h2>
        <p id="dlg-text">{t(text)}</p>
        <div className="actions">
          <button ref={first} className="primary" onClick={onYes}>{t(yes)}</button>
          <button onClick={onNo}>{t('cancel')}</button>
        </div>
      </div>
    </div>
  );
}

/** Re-renders every second (countdowns). */
export function useTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/** Loads data for a page; `reload` reads it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    let stale = false;
    setError(null);
    load().then((d) => { if (!stale) setData(d); }, (e: unknown) => { if (!stale) setError(e); });
    return () => { stale = true; };
  }, [...deps, n]);
  return { data, error, reload: () => setN((x) => x + 1), setData };
}

/**
 * Moves the keyboard and screen reader to the page's heading (after a step change), as soon as it is
 * drawn: at once when it is there, else when it appears.
 */
export function focusHeading(): () => void {
  const main = document.getElementById('main');
  if (!main) return () => {};
  const put = (): boolean => {
    const h = main.querySelector('h1');
    if (!h) return false;
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: true });
    return true;
  };
  if (put()) return () => {};
  const mo = new MutationObserver(() => { if (put()) stop(); });
  const timer = setTimeout(() => stop(), 5000);
  const stop = () => { mo.disconnect(); clearTimeout(timer); };
  mo.observe(main, { childList: true, subtree: true });
  return stop;
}

/** The basket's service fee lines (in its total already), as the basket view gives them: per ticket or per order. */
export function FeeLines({ basket }: { basket: Pick<Basket, 'fees'> }) {
  const { t, lang } = useI18n();
  const fees = basket.fees.filter((f) => f.amount > 0);
  return (
    <>
      {fees.map((f, i) => (
        <li key={`fee-${i}`} className="line fee">
          <span className="place">{f.kind === 'ticket' && f.quantity > 1 ? t('serviceFeeTickets', { n: f.quantity }) : t('serviceFee')}</span>
          <span className="price num">{euroText(f.amount, lang)}</span>
        </li>
      ))}
    </>
  );
}
