// The till: open a shift with the float, follow its cash-up, close it with the counted cash (on screen
// and as a PDF); look up a gift voucher; the day's closing per venue.
import { useEffect, useState, type FormEvent } from 'react';
import { get, post } from '../api/client.js';
import { localDateTime, parseEuros, today } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { CashUpTable } from './CashUpTable.js';
import { downloadPdf } from './download.js';
import type { CashUp, DailyClosing } from './types.js';
import type { ShiftState } from './useShift.js';
import { VoucherLookup } from './VoucherLookup.js';
import { useTill } from './words.js';

function CashUpView({ c }: { c: CashUp }) {
  const money = useMoney();
  const { tw } = useTill();
  const { lang } = useI18n();
  const dl = useAction();
  return (
    <section className="card cash-up-view" data-status={c.status}>
      <h3>{tw('cashUp')} · {c.venue.name}</h3>
      <p>{tw('cashier')}: {c.cashier.name} · {tw('openedAt')} {localDateTime(c.openedAt, lang)}
        {c.closedAt && <> · {tw('closedAt')} {localDateTime(c.closedAt, lang)}</>}</p>
      <p>{tw('float')}: <output name="float">{money(c.float)}</output> · {tw('ordersCount')}: <output name="orders">{c.orders}</output></p>
      <CashUpTable lines={c.methods} name="shift" />
      <p>{tw('vouchersSold')}: <output name="vouchers-sold">{c.vouchersSold.count} · {money(c.vouchersSold.value)}</output></p>
      <p>{tw('net')}: <output name="net">{money(c.net)}</output>
        {c.difference !== null && <> · {tw('difference')}: <output name="difference" className={c.difference ? 'short' : ''}>{money(c.difference)}</output></>}</p>
      <button name="cash-up-pdf" disabled={dl.busy} onClick={() => void dl.run(() => downloadPdf(`/api/shifts/${c.id}/pdf`, `kasopmaak-${c.openedAt.slice(0, 10)}.pdf`))}>{tw('downloadPdf')}</button>
      <ErrorLine error={dl.error} />
    </section>
  );
}

function ShiftPanel({ state }: { state: ShiftState }) {
  const { tw } = useTill();
  const { t } = useI18n();
  const [float, setFloat] = useState('');
  const [cash, setCash] = useState('');
  const [pin, setPin] = useState('');
  const [closed, setClosed] = useState<CashUp | null>(null);
  const { busy, error, run } = useAction();
  const { shift } = state;

  const open = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuros(float);
    if (cents === null) return;
    void run(async () => { await post('/api/shifts', { float: cents }); setClosed(null); setFloat(''); await state.refresh(); });
  };
  const close = (e: FormEvent) => {
    e.preventDefault();
    const counted = parseEuros(cash);
    const pinCents = pin.trim() ? parseEuros(pin) : null;
    if (!shift || counted === null) return;
    void run(async () => {
      setClosed(await post<CashUp>(`/api/shifts/${shift.id}/close`, { countedCash: counted, ...(pinCents !== null ? { countedPin: pinCents } : {}) }));
      setCash(''); setPin('');
      await state.refresh();
    });
  };

  return (
    <div className="shift-panel">
      {!shift && (
        <form className="card row" onSubmit={open}>
          <label>{tw('float')} <input name="float" inputMode="decimal" value={float} onChange={(e) => setFloat(e.target.value)} /></label>
          <button type="submit" className="primary" name="open-shift" disabled={busy || parseEuros(float) === null}>{tw('openShift')}</button>
        </form>
      )}
      {shift && (
        <>
          <CashUpView c={shift} />
          <form className="card row close-shift" onSubmit={close}>
            <label>{tw('countedCash')} <input name="counted-cash" inputMode="decimal" value={cash} onChange={(e) => setCash(e.target.value)} /></label>
            <label>{tw('countedPin')} <input name="counted-pin" inputMode="decimal" value={pin} onChange={(e) => setPin(e.target.value)} /></label>
            <button type="submit" className="primary" name="close-shift" disabled={busy || parseEuros(cash) === null}>{tw('closeShift')}</button>
            <button type="button" onClick={() => void state.refresh()}>{t('show')}</button>
          </form>
        </>
      )}
      {closed && <CashUpView c={closed} />}
      <ErrorLine error={error} />
    </div>
  );
}

function Closing() {
  const money = useMoney();
  const { tw, method } = useTill();
  const [venues, setVenues] = useState<{ id: string; name: string }[]>([]);
  const [venueId, setVenueId] = useState('');
  const [day, setDay] = useState(today());
  const [report, setReport] = useState<DailyClosing | null>(null);
  const { busy, error, run } = useAction();
  useEffect(() => {
    void get<{ items: { id: string; name: string }[] }>('/api/venues').then(({ items: list }) => {
      setVenues(list);
      if (list[0]) setVenueId(list[0].id);
    }, () => {});
  }, []);
  const path = (pdf: boolean) => `/api/venues/${venueId}/closing?day=${day}${pdf ? '&format=pdf' : ''}`;
  return (
    <section className="card closing">
      <h3>{tw('dailyClosing')}</h3>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void run(async () => setReport(await get<DailyClosing>(path(false)))); }}>
        <select name="closing-venue" value={venueId} onChange={(e) => setVenueId(e.target.value)}>
          {venues.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
        <label>{tw('day')} <input type="date" name="closing-day" value={day} onChange={(e) => setDay(e.target.value)} /></label>
        <button type="submit" disabled={busy || !venueId}>{tw('show')}</button>
        <button type="button" disabled={busy || !venueId} onClick={() => void run(() => downloadPdf(path(true), `dagafsluiting-${day}.pdf`))}>{tw('downloadPdf')}</button>
      </form>
      {report && (
        <>
          <p>{tw('shifts')}: {report.shifts.length} · {tw('net')}: {money(report.net)} · {tw('vouchersSold')}: {money(report.vouchersSold.value)}</p>
          <CashUpTable lines={report.methods} name="day" />
          {report.cashiers.map((c) => (
            <div key={c.cashier.id} className="per-cashier">
              <h4>{tw('cashier')}: {c.cashier.name} · {money(c.net)}</h4>
              <p>{c.methods.map((l) => `${method(l.method)} ${money(l.taken - l.refunded)}`).join(' · ')}</p>
            </div>
          ))}
        </>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

export function TillScreen({ state }: { state: ShiftState }) {
  const { tw } = useTill();
  return (
    <div className="till">
      <h2>{tw('till')}</h2>
      <ShiftPanel state={state} />
      <VoucherLookup />
      <Closing />
    </div>
  );
}
