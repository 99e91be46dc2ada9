// A price list as a grid: ticket types down, ranks across, each cell an amount in euros typed with a
// comma or a dot and shown in the user's locale; stored as cents. An empty cell: not sold there.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { parseEuros } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { fieldErrors } from '../form.js';
import { MakeFirst } from '../make-first.js';
import { usePriceWords } from './words.js';
import './prices.css';

export interface Price { ticketTypeId: string; rank: number; amount: number }
export interface PriceType { id: string; name: string; archived: boolean }
const MAX_RANK = 10;
const key = (typeId: string, rank: number) => `${typeId}/${rank}`;

/** Cents as "12,50" (nl, fr) or "12.50" (en), without grouping so that it reads back the same. */
export const euros = (cents: number, lang: string) =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);

export function PriceGrid({ name, types, ranks: hallRanks, prices, onSave, children }: {
  name: string; types: PriceType[]; ranks: number[]; prices: Price[]; onSave(prices: Price[]): Promise<void>; children?: ReactNode;
}) {
  const { w, lang } = usePriceWords();
  const [cells, setCells] = useState<Record<string, string>>(() => Object.fromEntries(prices.map((p) => [key(p.ticketTypeId, p.rank), euros(p.amount, lang)])));
  const [ranks, setRanks] = useState<number[]>(() => {
    const all = [...new Set([...hallRanks, ...prices.map((p) => p.rank)])].sort((a, b) => a - b);
    return all.length ? all : [1];
  });
  // Ranks of a hall that came in while the grid is open (a performance in another hall): added, and
  // what was typed stays.
  const known = hallRanks.join(',');
  useEffect(() => {
    const more = known ? known.split(',').map(Number) : [];
    setRanks((rs) => (more.every((r) => rs.includes(r)) ? rs : [...new Set([...rs, ...more])].sort((a, b) => a - b)));
  }, [known]);
  const [sent, setSent] = useState<string[]>([]);
  const [bad, setBad] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const priced = new Set(prices.map((p) => p.ticketTypeId));
  const rows = types.filter((t) => !t.archived || priced.has(t.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list: Price[] = [];
    const wrong: string[] = [];
    for (const t of rows) {
      for (const r of ranks) {
        const text = (cells[key(t.id, r)] ?? '').trim();
        if (!text) continue;
        const amount = parseEuros(text);
        if (amount === null) wrong.push(key(t.id, r));
        else list.push({ ticketTypeId: t.id, rank: r, amount });
      }
    }
    setBad(wrong); setError(null);
    if (wrong.length) return;
    setBusy(true); setSent(list.map((p) => key(p.ticketTypeId, p.rank)));
    try { await onSave(list); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  /** The server's message for a cell, by the index the cell had in the request. */
  const serverError = (k: string) => {
    const i = sent.indexOf(k);
    return i < 0 ? undefined : fieldErrors(error).find((f) => f.field.replace(/^\/?(body\/)?/, '').startsWith(`prices/${i}`))?.message;
  };
  return (
    <form className="price-grid" onSubmit={submit} aria-label={name}>
      <p className="hint">{w('hint')}</p>
      {rows.length === 0 && <p><MakeFirst need="ticketTypes" /></p>}
      <table>
        <thead>
          <tr><th>{w('ticketType')}</th>{ranks.map((r) => <th key={r} scope="col">{w('rank')} {r}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id} data-ticket-type={t.id}>
              <th scope="row">{t.name} {t.archived && <small className="hint">({w('archived')})</small>}</th>
              {ranks.map((r) => {
                const k = key(t.id, r);
                const message = bad.includes(k) ? w('notAmount') : serverError(k);
                return (
                  <td key={r} className={message ? 'invalid' : undefined}>
                    <input inputMode="decimal" name={`price-${t.id}-${r}`} aria-label={`${t.name} – ${w('rank')} ${r}`} value={cells[k] ?? ''}
                      aria-invalid={message ? true : undefined} onChange={(e) => setCells((c) => ({ ...c, [k]: e.target.value }))} />
                    {message && <small className="field-error" role="alert">{message}</small>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <p className="row">
        <button type="submit" className="primary" name="save-prices" disabled={busy}>{w('save')}</button>
        {ranks.length < MAX_RANK && <button type="button" name="add-rank" onClick={() => setRanks((rs) => [...rs, Math.max(0, ...rs) + 1].filter((r) => r <= MAX_RANK))}>+ {w('addRank')}</button>}
        {children}
      </p>
    </form>
  );
}
