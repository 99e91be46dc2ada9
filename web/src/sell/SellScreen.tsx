// The box office: pick a performance, take places from the map (a seat, a row, a dragged area, or best
// available), set ticket types, UiTPAS and customer, take payment, print.
import { useMemo, useRef, useState } from 'react';
import type { Capabilities } from '../api/capabilities.js';
import type { Order, Performance, User } from '../api/types.js';
import { localDateTime } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { Availability } from '../seatmap/Availability.js';
import { BlockList } from '../seatmap/BlockList.js';
import { BlockTools } from '../seatmap/BlockTools.js';
import { Legend } from '../seatmap/Legend.js';
import { SeatMap } from '../seatmap/SeatMap.js';
import type { PlacedSeat } from '../seatmap/layout.js';
import { BasketLines } from '../basket/BasketLines.js';
import { CustomerPanel } from '../basket/CustomerPanel.js';
import { PaymentPanel } from '../basket/PaymentPanel.js';
import { UitpasPanel } from '../basket/UitpasPanel.js';
import { SoldVouchers } from '../basket/SoldVouchers.js';
import { VoucherSale } from '../basket/VoucherSale.js';
import { printTickets } from '../orders/printTickets.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { useHotkeys } from '../ui/useHotkeys.js';
import { OrderDone } from './OrderDone.js';
import { PerformancePicker } from './PerformancePicker.js';
import { ShopLink } from './ShopLink.js';
import { useBasket } from './useBasket.js';
import { usePerformanceData } from './usePerformanceData.js';

interface Props { user: User; caps: Capabilities; onOpenOrder(orderId: string): void }

export function SellScreen({ user, caps, onOpenOrder }: Props) {
  const { t, lang } = useI18n();
  const [performance, setPerformance] = useState<Performance | null>(null);
  const data = usePerformanceData(performance);
  const b = useBasket();
  const [order, setOrder] = useState<Order | null>(null);
  const [printed, setPrinted] = useState(0);
  const [blockMode, setBlockMode] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [cashOpen, setCashOpen] = useState(false);
  const { error, run, setError } = useAction();
  const print = useAction();
  const searchRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);
  const cashRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLButtonElement>(null);

  const mine = useMemo(() => new Set((b.basket?.lines ?? [])
    .filter((l) => l.performanceId === performance?.id && l.seatId).map((l) => l.seatId!)), [b.basket, performance]);
  const perfId = performance?.id;
  const statusOf = useMemo(() => new Map((data.states?.seats ?? []).map((s) => [s.seatId, s.status])), [data.states]);
  /** Of these seats, the ones that can be sold or blocked now. */
  const takeable = (seats: PlacedSeat[]) => seats.filter((s) => (statusOf.get(s.id) ?? 'free') === 'free' && !mine.has(s.id)).map((s) => s.id);
  const onRow = (rowKey: string) => {
    const ids = takeable(data.layout?.rows.find((r) => r.key === rowKey)?.seats ?? []);
    setSelected((s) => {
      const n = new Set(s);
      // A second click on the row number gives the row back.
      if (ids.length && ids.every((id) => n.has(id))) ids.forEach((id) => n.delete(id)); else ids.forEach((id) => n.add(id));
      return n;
    });
  };
  const onArea = (seats: PlacedSeat[]) => setSelected((s) => new Set([...s, ...takeable(seats)]));
  const addSelection = () => {
    if (!perfId || !selected.size) return;
    setOrder(null);
    // One request for the whole selection: all of it is held, or none.
    void act(async () => { await b.add({ performanceId: perfId, seatIds: [...selected] }); setSelected(new Set()); });
  };

  const act = (f: () => Promise<void>) => run(async () => { await f(); await data.refresh(); });
  const onSeat = (seat: PlacedSeat) => {
    if (!perfId) return;
    if (blockMode) {
      setSelected((s) => { const n = new Set(s); if (n.has(seat.id)) n.delete(seat.id); else n.add(seat.id); return n; });
      return;
    }
    const line = b.basket?.lines.find((l) => l.seatId === seat.id && l.performanceId === perfId);
    if (line) void act(() => b.removeLine(line.id));
    else void act(() => b.add({ performanceId: perfId, seatIds: [seat.id] }));
    setOrder(null);
  };
  const best = (rank: number | undefined, quantity: number) => {
    if (perfId) void act(() => b.add({ performanceId: perfId, quantity, ...(rank ? { rank } : {}) }));
  };
  const zoneAdd = (zoneId: string) => { if (perfId) void act(() => b.add({ performanceId: perfId, quantity: 1, zoneId })); };
  const zoneRemove = (zoneId: string) => {
    const line = [...(b.basket?.lines ?? [])].reverse().find((l) => l.zoneId === zoneId && l.performanceId === perfId);
    if (line) void act(() => b.removeLine(line.id));
  };
  const done = (o: Order) => { setOrder(o); setPrinted(0); b.reset(); void data.refresh(); };
  const doPrint = () => order && print.run(async () => { await printTickets(order.id); setPrinted((n) => n + 1); });
  const newSale = () => { setOrder(null); setSelected(new Set()); setCashOpen(false); setError(null); };
  const hasLines = !!b.basket && (b.basket.lines.length > 0 || !!b.basket.vouchers?.length);

  useHotkeys({
    F2: () => searchRef.current?.focus(),
    b: () => quantityRef.current?.form?.requestSubmit(),
    B: () => quantityRef.current?.form?.requestSubmit(),
    F8: () => { if (hasLines) { setCashOpen(true); setTimeout(() => cashRef.current?.focus(), 0); } },
    F7: () => { if (hasLines) pinRef.current?.click(); },
    F9: () => { void doPrint(); },
    Escape: () => { if (order) newSale(); else if (cashOpen) setCashOpen(false); else setSelected(new Set()); },
  });

  return (
    <div className="sell">
      <aside className="left">
        <PerformancePicker selected={performance} onSelect={(p) => { setPerformance(p); setSelected(new Set()); }} searchRef={searchRef} />
        <Availability states={data.states} zones={data.hall?.seatMap.zones ?? []} basket={b.basket} performanceId={perfId ?? ''}
          quantityRef={quantityRef} onBest={best} onZoneAdd={zoneAdd} onZoneRemove={zoneRemove} />
        {user.role === 'admin' && (
          <label className="toggle"><input type="checkbox" name="block-mode" checked={blockMode}
            onChange={(e) => { setBlockMode(e.target.checked); setSelected(new Set()); }} /> {t('blockMode')}</label>
        )}
        {blockMode && perfId && <BlockTools performanceId={perfId} selected={selected} onChanged={() => { setSelected(new Set()); void data.refresh(); }} />}
        {blockMode && perfId && <BlockList performanceId={perfId} states={data.states} onChanged={() => void data.refresh()} />}
      </aside>
      <section className="centre">
        {performance && <h2 className="perf-title">{performance.title} <small>{localDateTime(performance.startsAt, lang)} · {performance.hallName}</small> <ShopLink performanceId={performance.id} /></h2>}
        <ErrorLine error={data.error ?? error} />
        {!blockMode && selected.size > 0 && (
          <div className="selection row">
            <span className="grow"><output className="selection-count">{selected.size}</output> {t('seats')} {t('chosen')}</span>
            <button className="primary" name="add-selection" onClick={addSelection}>{t('addToBasket')}</button>
            <button name="clear-selection" onClick={() => setSelected(new Set())}>{t('clearSelection')} (Esc)</button>
          </div>
        )}
        {data.layout && data.layout.seats.length > 0 && (
          <SeatMap layout={data.layout} states={data.states} mine={mine} selected={selected} onSeatClick={onSeat} onRowClick={onRow} onArea={onArea} />
        )}
        {data.layout && data.layout.seats.length > 0 && <small className="muted map-hint">{t('selectHint')}</small>}
        {data.layout && <Legend ranks={data.states?.ranks.map((r) => r.rank) ?? []} />}
      </section>
      <aside className="right">
        <h2>{t('basket')}</h2>
        {order && <OrderDone order={order} printed={printed} printError={print.error} onPrint={() => void doPrint()} onNewSale={newSale} onOpen={() => onOpenOrder(order.id)} />}
        <BasketLines basket={b.basket} ticketTypes={data.ticketTypes} prices={data.prices}
          onType={(lineId, tt) => void run(() => b.setTicketType(lineId, tt))} onRemove={(lineId) => void act(() => b.removeLine(lineId))} />
        {order && <SoldVouchers orderId={order.id} />}
        <VoucherSale basket={b.basket} onAdd={(amount) => act(() => b.addVoucher(amount))} onRemove={(lineId) => act(() => b.removeVoucher(lineId))} />
        {hasLines && caps.uitpas && performance?.uitpasEnabled && <UitpasPanel basket={b.basket} onBasket={b.setBasket} />}
        {hasLines && <CustomerPanel basket={b.basket} onSet={b.setCustomer} personalData={user.role === 'admin'} />}
        {hasLines && <PaymentPanel basket={b.basket!} cashRef={cashRef} pinRef={pinRef} cashOpen={cashOpen} setCashOpen={setCashOpen} onDone={done} />}
        {hasLines && <button className="link" onClick={() => void act(b.clear)}>{t('clearBasket')}</button>}
      </aside>
    </div>
  );
}
