// The buyer's details (name, e-mail twice, language, terms), then on to the pay step.
import { useState, type ReactNode } from 'react';
import { ShopError, type Shop } from '../api.js';
import { useBasket } from '../basket.js';
import { LANGS, useI18n, type Key, type Lang } from '../i18n.js';
import { href, navigate } from '../router.js';
import { ErrorBox, Link, useAction } from '../ui.js';
import { HoldNotice } from './Basket.js';

/** To the payment page: in a frame the whole window goes (payment pages refuse frames). */
export function leaveFor(url: string): void {
  try {
    if (window.top && window.top !== window.self) { window.top.location.href = url; return; }
  } catch { /* a cross-origin top may refuse: open it instead */
    window.open(url, '_blank', 'noopener');
    return;
  }
  window.location.href = url;
}

export function Details({ slug, shop }: { slug: string; shop: Shop | null }) {
  const { t } = useI18n();
  const b = useBasket();
  // After a reload the basket is still being read: the form starts from what it holds.
  if (!b.basket && b.token) return <><h1>{t('details')}</h1><p className="loading">{t('loading')}</p></>;
  return <DetailsForm slug={slug} shop={shop} />;
}

function DetailsForm({ slug, shop }: { slug: string; shop: Shop | null }) {
  const { t, lang } = useI18n();
  const b = useBasket();
  const act = useAction();
  const basket = b.basket?.status === 'open' ? b.basket : null;
  const [f, setF] = useState(() => ({
    name: basket?.buyer?.name ?? '', email: basket?.buyer?.email ?? '', emailConfirm: basket?.buyer?.email ?? '', phone: basket?.buyer?.phone ?? '',
    language: (basket?.buyer?.language as Lang | null) ?? lang, newsletter: basket?.buyer?.newsletter ?? false,
    termsAccepted: basket?.buyer?.termsAccepted ?? false,
  }));

  if (!basket || (!basket.lines.length && !basket.packs.length && !basket.streams.length)) {
    return <><h1>{t('details')}</h1><p>{t('emptyBasket')}</p><p><Link slug={slug} to="">{t('programme')}</Link></p></>;
  }
  const fieldErrors = new Map(act.error instanceof ShopError ? (act.error.problem.errors ?? []).map((e) => [e.field, e.message]) : []);
  const field = (name: keyof typeof f, label: Key, input: ReactNode) => (
    <div className={`field${fieldErrors.has(name) ? ' invalid' : ''}`}>
      <label htmlFor={`f-${name}`}>{t(label)}</label>
      {input}
      {fieldErrors.has(name) && <p className="field-error" id={`e-${name}`}>{fieldErrors.get(name)}</p>}
    </div>
  );
  const text = (name: 'name' | 'email' | 'emailConfirm' | 'phone', type: string, autoComplete: string, required = true) => (
    <input id={`f-${name}`} name={name} type={type} autoComplete={autoComplete} required={required} value={f[name]}
      aria-invalid={fieldErrors.has(name) || undefined} aria-describedby={fieldErrors.has(name) ? `e-${name}` : undefined}
      onChange={(e) => setF({ ...f, [name]: e.target.value })} />
  );

  const next = () => act.run(async () => {
    await b.setBuyer({ ...f, phone: f.phone.trim() || null });
    navigate(href(slug, 'pay'));
  });

  return (
    <>
      <h1>{t('details')}</h1>
      <HoldNotice />
      <form className="details card" noValidate onSubmit={(e) => { e.preventDefault(); void next(); }}>
        {field('name', 'name', text('name', 'text', 'name'))}
        {field('email', 'email', text('email', 'email', 'email'))}
        {field('emailConfirm', 'emailConfirm', text('emailConfirm', 'email', 'off'))}
        {field('phone', 'phone', text('phone', 'tel', 'tel', false))}
        {field('language', 'language', (
          <select id="f-language" name="language" value={f.language} onChange={(e) => setF({ ...f, language: e.target.value as Lang })}>
            {LANGS.map((l) => <option key={l} value={l}>{{ nl: 'Nederlands', fr: 'Français', en: 'English' }[l]}</option>)}
          </select>
        ))}
        <div className="check">
          <input id="f-newsletter" name="newsletter" type="checkbox" checked={f.newsletter} onChange={(e) => setF({ ...f, newsletter: e.target.checked })} />
          <label htmlFor="f-newsletter">{t('newsletter')}</label>
        </div>
        <div className={`check${fieldErrors.has('termsAccepted') ? ' invalid' : ''}`}>
          <input id="f-terms" name="termsAccepted" type="checkbox" checked={f.termsAccepted} required
            aria-invalid={fieldErrors.has('termsAccepted') || undefined} onChange={(e) => setF({ ...f, termsAccepted: e.target.checked })} />
          <label htmlFor="f-terms">
            {shop?.termsUrl
              ? <>{t('terms', { link: '' }).replace(/\s*$/, ' ')}<a href={shop.termsUrl} target="_blank" rel="noreferrer">{t('termsLink')}</a></>
              : t('terms', { link: t('termsPlain') })}
          </label>
          {fieldErrors.has('termsAccepted') && <p className="field-error">{fieldErrors.get('termsAccepted')}</p>}
        </div>
        <ErrorBox error={act.error} />
        <button className="primary big" disabled={act.busy}>{t('toPay')}</button>
      </form>
    </>
  );
}
