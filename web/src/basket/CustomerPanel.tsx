// Attach a customer found by name, e-mail, postal code or phone number, or create one in place.
import { useEffect, useState, type FormEvent } from 'react';
import { get, qs } from '../api/client.js';
import type { Basket, Customer } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { PersonalData } from './PersonalData.js';
import { privacyWords } from './privacy-words.js';

interface Props {
  basket: Basket | null;
  onSet(body: { customerId: string | null } | Record<string, string | null>): Promise<void>;
  /** Admins may export and erase the attached customer's personal data. */
  personalData?: boolean;
}

export function CustomerPanel({ basket, onSet, personalData = false }: Props) {
  const { t, lang } = useI18n();
  const [erased, setErased] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Customer[]>([]);
  const [creating, setCreating] = useState(false);
  const [form, setForm] = useState({ name: '', email: '', phone: '', postalCode: '' });
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (q.trim().length < 2) { setFound([]); return; }
    const timer = setTimeout(() => { get<{ items: Customer[] }>(`/api/customers${qs({ q, limit: 8 })}`).then((r) => setFound(r.items), () => setFound([])); }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  const customer = basket?.customer;
  if (customer) {
    return (
      <section className="customer row">
        <span className="grow">{t('customer')}: <strong>{customer.name}</strong> {customer.email && <small>{customer.email}</small>}</span>
        <button className="link" onClick={() => void run(() => onSet({ customerId: null }))}>{t('detach')}</button>
        {personalData && (
          <PersonalData customer={customer} onErased={async (name) => { await onSet({ customerId: null }); setErased(name); }} />
        )}
      </section>
    );
  }
  const create = (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim() || null]));
    void run(async () => { await onSet(body); setCreating(false); setForm({ name: '', email: '', phone: '', postalCode: '' }); });
  };
  return (
    <section className="customer">
      {erased && <p className="erased" role="status">{privacyWords(lang).erased(erased)}</p>}
      <div className="row">
        <input type="search" name="customer-search" placeholder={t('searchCustomer')} value={q} onChange={(e) => setQ(e.target.value)} />
        <button onClick={() => setCreating((c) => !c)}>{t('newCustomer')}</button>
      </div>
      {found.length > 0 && (
        <ul className="found">
          {found.map((c) => (
            <li key={c.id}><button className="link" onClick={() => void run(async () => { await onSet({ customerId: c.id }); setQ(''); })}>
              {c.name} <small>{[c.phone, c.email, c.postalCode].filter(Boolean).join(' · ')}</small>
            </button></li>
          ))}
        </ul>
      )}
      {creating && (
        <form className="grid2" onSubmit={create}>
          <input name="customer-name" placeholder={t('name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <input name="customer-email" type="email" placeholder={t('email')} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          <input name="customer-phone" placeholder={t('phone')} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
          <input name="customer-postal" placeholder={t('postalCode')} value={form.postalCode} onChange={(e) => setForm({ ...form, postalCode: e.target.value })} />
          <button type="submit" className="primary" disabled={busy}>{t('save')}</button>
        </form>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
