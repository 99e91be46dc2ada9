// Sales per channel (box office, online): when sales open and close, local wall clock in the venue's
// zone; a channel left empty sells from now until the performance ends.
import { Field } from '../form.js';
import { CHANNELS, wallClock, type SalesWindow } from './types.js';
import { usePerformanceWords } from './words.js';

/** One row per channel, the given windows filled in. */
export const windowsOf = (given: SalesWindow[] = []): SalesWindow[] => CHANNELS.map((channel) => {
  const x = given.find((s) => s.channel === channel);
  return { channel, opensAt: wallClock(x?.opensAt ?? null) || null, closesAt: wallClock(x?.closesAt ?? null) || null };
});

/** The windows the API takes: channels with a moment. */
export const filledWindows = (windows: SalesWindow[]): SalesWindow[] => windows.filter((x) => x.opensAt || x.closesAt);

/** prefix: before the inputs' names, where another form on the page has the same channels. */
export function SalesWindowsFields({ windows, onChange, error, hint, prefix = '' }: {
  windows: SalesWindow[]; onChange(ws: SalesWindow[]): void; error: unknown; hint?: string; prefix?: string;
}) {
  const { w } = usePerformanceWords();
  const set = (i: number, k: 'opensAt' | 'closesAt', v: string) => onChange(windows.map((x, j) => (j === i ? { ...x, [k]: v || null } : x)));
  // The API numbers the windows it was sent (the filled ones), not the rows shown: its salesWindows/0 is
  // the online row when the box office row is empty.
  const sent = filledWindows(windows);
  const path = (x: SalesWindow) => `salesWindows/${sent.includes(x) ? sent.indexOf(x) : x.channel}`;
  return (
    <fieldset className="sales-windows">
      <legend>{w('sales')}</legend>
      <p className="hint">{hint ?? w('salesHint')}</p>
      {windows.map((x, i) => (
        <div key={x.channel} className="sales-window" data-channel={x.channel}>
          <strong>{w(`channel-${x.channel}`)}</strong>
          <Field label={w('opensAt')} name={`${path(x)}/opensAt`} error={error}>
            <input type="datetime-local" name={`${prefix}${x.channel}-opens-at`} value={x.opensAt ?? ''} onChange={(e) => set(i, 'opensAt', e.target.value)} />
          </Field>
          <Field label={w('closesAt')} name={`${path(x)}/closesAt`} error={error}>
            <input type="datetime-local" name={`${prefix}${x.channel}-closes-at`} value={x.closesAt ?? ''} onChange={(e) => set(i, 'closesAt', e.target.value)} />
          </Field>
        </div>
      ))}
    </fieldset>
  );
}
