// A pack's sets: each a name, the min and max places a holder takes from it, and its stocks
// (performances, each limited to some ranks or not, and streams). Errors of the API show on the set's
// or the stock's own field (sets/0/stocks/1).
import { useState } from 'react';
import { localDateTime } from '../../format.js';
import { Field, errorFor } from '../form.js';
import { PerformancePicker } from './PerformancePicker.js';
import type { PerformanceChoice, Stream } from './types.js';
import { useCatalogueWords } from './words.js';

export interface StockDraft { performanceId: string | null; streamId: string | null; ranks: string }
export interface SetDraft { label: string; description: string; itemnbMin: number; itemnbMax: number; stocks: StockDraft[] }

interface Props {
  sets: SetDraft[];
  onChange(sets: SetDraft[]): void;
  performances: Map<string, PerformanceChoice>;
  onPerformance(p: PerformanceChoice): void;
  streams: Stream[];
  locked: boolean;
  error: unknown;
  badRanks: Set<string>;
}

export function SetsEditor({ sets, onChange, performances, onPerformance, streams, locked, error, badRanks }: Props) {
  const { w, lang } = useCatalogueWords();
  const [streamPick, setStreamPick] = useState<Record<number, string>>({});
  const change = (i: number, patch: Partial<SetDraft>) => onChange(sets.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const changeStock = (i: number, j: number, patch: Partial<StockDraft>) =>
    change(i, { stocks: sets[i].stocks.map((st, k) => (k === j ? { ...st, ...patch } : st)) });
  const stockName = (st: StockDraft) => {
    if (st.streamId) return `${w('stream')}: ${streams.find((s) => s.id === st.streamId)?.label ?? w('unknownStock')}`;
    const p = performances.get(st.performanceId!);
    return p ? `${p.title} · ${localDateTime(p.startsAt, lang)} · ${p.venueName}, ${p.hallName}` : w('unknownStock');
  };

  return (
    <fieldset className="pack-sets" disabled={locked}>
      <legend>{w('sets')}</legend>
      <p className="hint">{locked ? w('setsLocked') : w('setsHint')}</p>
      {errorFor(error, 'sets') && <p className="field-error" role="alert" data-field="sets">{errorFor(error, 'sets')}</p>}
      {sets.map((s, i) => (
        <div key={i} className="pack-set card" data-set={i}>
          <div className="set-head">
            <Field label={w('setLabel')} name={`sets/${i}/label`} error={error}>
              <input name={`set-${i}-label`} value={s.label} maxLength={200} placeholder={w('setNumber', { n: i + 1 })}
                onChange={(e) => change(i, { label: e.target.value })} />
            </Field>
            <Field label={w('itemnbMin')} name={`sets/${i}/itemnbMin`} error={error}>
              <input name={`set-${i}-min`} type="number" min={0} max={1000} value={s.itemnbMin} onChange={(e) => change(i, { itemnbMin: Number(e.target.value) })} />
            </Field>
            <Field label={w('itemnbMax')} name={`sets/${i}/itemnbMax`} error={error}>
              <input name={`set-${i}-max`} type="number" min={1} max={1000} value={s.itemnbMax} onChange={(e) => change(i, { itemnbMax: Number(e.target.value) })} />
            </Field>
            {sets.length > 1 && <button type="button" className="danger" name={`remove-set-${i}`} onClick={() => onChange(sets.filter((_, k) => k !== i))}>{w('removeSet')}</button>}
          </div>
          <h4>{w('stocks')}</h4>
          {s.stocks.length === 0 && <p className="hint">{w('noStocks')}</p>}
          <ul className="stocks">
            {s.stocks.map((st, j) => (
              <li key={`${st.performanceId ?? st.streamId}-${j}`} data-stock={st.performanceId ?? st.streamId ?? ''}>
                <Field label={stockName(st)} name={`sets/${i}/stocks/${j}`} error={error}><span /></Field>
                {st.performanceId && (
                  <Field label={w('ranks')} name={`sets/${i}/stocks/${j}/ranks`} error={error} hint={badRanks.has(`${i}/${j}`) ? undefined : w('ranksHint')}>
                    <input name={`set-${i}-stock-${j}-ranks`} value={st.ranks} size={8} onChange={(e) => changeStock(i, j, { ranks: e.target.value })} />
                    {badRanks.has(`${i}/${j}`) && <small className="field-error" role="alert">{w('badRanks')}</small>}
                  </Field>
                )}
                <button type="button" name="remove-stock" onClick={() => change(i, { stocks: s.stocks.filter((_, k) => k !== j) })}>{w('removeStock')}</button>
              </li>
            ))}
          </ul>
          {!locked && (
            <>
              <h4>{w('addPerformance')}</h4>
              <PerformancePicker chosen={new Set(s.stocks.map((st) => st.performanceId ?? ''))}
                onAdd={(p) => { onPerformance(p); change(i, { stocks: [...s.stocks, { performanceId: p.id, streamId: null, ranks: '' }] }); }} />
              {streams.length > 0 && (
                <p className="row">
                  <select name={`set-${i}-stream`} aria-label={w('addStream')} value={streamPick[i] ?? ''} onChange={(e) => setStreamPick({ ...streamPick, [i]: e.target.value })}>
                    <option value="">{w('chooseStream')}</option>
                    {streams.filter((x) => !s.stocks.some((st) => st.streamId === x.id)).map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
                  </select>
                  <button type="button" name={`set-${i}-add-stream`} disabled={!streamPick[i]}
                    onClick={() => { change(i, { stocks: [...s.stocks, { performanceId: null, streamId: streamPick[i], ranks: '' }] }); setStreamPick({ ...streamPick, [i]: '' }); }}>
                    {w('addStream')}
                  </button>
                </p>
              )}
            </>
          )}
        </div>
      ))}
      {!locked && (
        <button type="button" name="add-set" onClick={() => onChange([...sets, { label: '', description: '', itemnbMin: 0, itemnbMax: 1, stocks: [] }])}>{w('addSet')}</button>
      )}
    </fieldset>
  );
}
