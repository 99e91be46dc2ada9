// The shop's frame: the venue's name, logo and colour, the language, the basket with its countdown,
// the waiting room, and the page the address asks for.
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { api, setApiLang, type Shop } from './api.js';
import { BasketProvider, useBasket } from './basket.js';
import { remaining, textOn } from './format.js';
import { I18nContext, initialLang, LANGS, rememberLang, translate, useI18n, type I18n, type Lang } from './i18n.js';
import { useLocation } from './router.js';
import { focusHeading, Link, useTick } from './ui.js';
import { Programme } from './pages/Programme.js';
import { PerformancePage } from './pages/Performance.js';
import { BasketPage } from './pages/Basket.js';
import { Details } from './pages/Details.js';
import { PayPage } from './pages/Pay.js';
import { Return } from './pages/Return.js';

// Pages a buyer reaches later (or from an e-mail) load when first needed.
const MyOrder = lazy(() => import('./pages/MyOrder.js').then((m) => ({ default: m.MyOrder })));
const PackPage = lazy(() => import('./pages/Offers.js').then((m) => ({ default: m.PackPage })));
const StreamPage = lazy(() => import('./pages/Offers.js').then((m) => ({ default: m.StreamPage })));

export const embedded = window.self !== window.top;

export function App() {
  const [lang, setLangState] = useState<Lang>(() => { const l = initialLang(); setApiLang(l); document.documentElement.lang = l; return l; });
  const i18n = useMemo<I18n>(() => ({
    lang,
    t: (k, p) => translate(lang, k, p),
    setLang(l) { rememberLang(l); setApiLang(l); document.documentElement.lang = l; setLangState(l); },
  }), [lang]);
  const { slug } = useLocation();
  return (
    <I18nContext.Provider value={i18n}>
      <BasketProvider key={slug} slug={slug}><Shell /></BasketProvider>
    </I18nContext.Provider>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { slug, route } = useLocation();
  const [shop, setShop] = useState<Shop | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    api<Shop>(`/api/shops/${encodeURIComponent(slug)}`).then((s) => { setShop(s); document.title = s.name; }, () => setMissing(true));
  }, [slug, lang]);

  // In a frame, the page tells the embedding site how tall it is (shop/embed.js sizes the frame).
  useEffect(() => {
    if (!embedded) return;
    const post = () => window.parent.postMessage({ foyerShop: { height: document.documentElement.scrollHeight } }, '*');
    const ro = new ResizeObserver(post);
    ro.observe(document.body);
    return () => ro.disconnect();
  }, []);

  // A new page (not the first one loaded): its heading takes the focus, so a screen reader says where the buyer is.
  const routeKey = JSON.stringify(route);
  const loaded = useRef(false);
  useEffect(() => {
    if (!loaded.current) { loaded.current = true; return undefined; }
    return focusHeading();
  }, [routeKey]);

  const brand = shop?.colour ?? '#1d4f91';
  const style = { '--brand': brand, '--on-brand': textOn(brand) } as CSSProperties;
  // The buyer's order page works from its token alone, also when the shop's address is not known.
  if (missing && route.page !== 'order') {
    return <main className="shop missing" style={style}><h1>{t('shopNotFound')}</h1></main>;
  }
  return (
    <div className="shop" style={style}>
      <a className="skip" href="#main">{t('skip')}</a>
      <header className="top">
        <Link slug={slug} to="" className="brand">
          {shop?.logoUrl ? <img src={shop.logoUrl} alt="" height={32} /> : null}
          <span>{shop?.name ?? '\u00a0'}</span>
        </Link>
        <BasketBadge slug={slug} />
        <label className="lang">
          <span className="sr">{t('language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('language')}>
            {LANGS.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
          </select>
        </label>
      </header>
      <Waiting />
      <main id="main" className="page">
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          {route.page === 'programme' && <Programme slug={slug} />}
          {route.page === 'performance' && <PerformancePage slug={slug} id={route.id} shop={shop} />}
          {route.page === 'pack' && <PackPage slug={slug} id={route.id} />}
          {route.page === 'stream' && <StreamPage slug={slug} id={route.id} />}
          {route.page === 'basket' && <BasketPage slug={slug} shop={shop} />}
          {route.page === 'details' && <Details slug={slug} shop={shop} />}
          {route.page === 'pay' && <PayPage slug={slug} />}
          {route.page === 'return' && <Return slug={slug} token={route.token} />}
          {route.page === 'order' && <MyOrder token={route.token} />}
          {route.page === 'missing' && <p>{t('shopNotFound')}</p>}
        </Suspense>
      </main>
    </div>
  );
}

function BasketBadge({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { basket, skew } = useBasket();
  const count = basket?.status === 'open' ? basket.lines.length + basket.packs.length + basket.streams.length : 0;
  const open = count > 0;
  const now = useTick(open);
  const left = basket ? Date.parse(basket.expiresAt) - (now + skew) : 0;
  return (
    <Link slug={slug} to="basket" className="basket-link">
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 4h2l2.4 11h10.2L20 8H6.2" /><circle cx="9" cy="19.5" r="1.5" /><circle cx="17" cy="19.5" r="1.5" />
      </svg>
      <span className="label">{t('basket')}</span> <span className="count" data-count={count}>{count}</span>
      {open && <span className="timer" role="timer" aria-label={t('heldFor', { time: remaining(left) })}>{remaining(left)}</span>}
    </Link>
  );
}

function Waiting() {
  const { t } = useI18n();
  const { queue } = useBasket();
  const now = useTick(!!queue);
  if (!queue) return null;
  const s = queue.retryAt ? Math.max(0, Math.ceil((queue.retryAt - now) / 1000)) : null;
  return (
    <div className="overlay queue" role="alertdialog" aria-modal="true" aria-labelledby="queue-title" aria-describedby="queue-text">
      <div className="dialog">
        <div className="spinner" aria-hidden="true" />
        <h2 id="queue-title">{t('queueTitle')}</h2>
        <p id="queue-text">{t('queueText')}</p>
        {s !== null && <p className="muted" aria-live="polite">{t('queueRetry', { s })}</p>}
      </div>
    </div>
  );
}
