// The hall drawn from its coordinates (SVG). Rows are memoised on a signature of their seats' looks, so
// a click or a poll on a 20k-seat map redraws only the rows that changed; clicks are caught once on the <svg>.
// A click on a row number picks the row; dragging draws a rectangle that picks the seats in it;
// Shift + drag pans a zoomed map.
import { memo, useMemo, useRef, useState, type MouseEvent, type WheelEvent } from 'react';
import type { PlaceStates } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { SEAT_SIZE, type Layout, type PlacedSeat } from './layout.js';
import { STATE_COLOURS, rankColour } from './colours.js';

export interface SeatMapProps {
  layout: Layout;
  states: PlaceStates | null;
  mine: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  onSeatClick(seat: PlacedSeat): void;
  /** A row number was clicked: the row's key (section/row). */
  onRowClick?(rowKey: string): void;
  /** A rectangle was dragged over these seats. */
  onArea?(seats: PlacedSeat[]): void;
  /** Seats with something to say (the hall editor: a refusal that concerns them), drawn outlined, with the text as their title. */
  flags?: ReadonlyMap<string, string>;
}

type StateOf = Map<string, PlaceStates['seats'][number]>;

function fill(seat: PlacedSeat, st: StateOf, mine: ReadonlySet<string>, selected: ReadonlySet<string>): string {
  if (selected.has(seat.id)) return STATE_COLOURS.selected;
  if (mine.has(seat.id)) return STATE_COLOURS.mine;
  const s = st.get(seat.id);
  switch (s?.status ?? 'free') {
    case 'free': return rankColour(seat.rank);
    case 'held': return STATE_COLOURS.held;
    case 'reserved': return STATE_COLOURS.reserved;
    case 'sold': return STATE_COLOURS.sold;
    default: return s?.blockKind === 'conditional' ? STATE_COLOURS.conditional : STATE_COLOURS.definitive;
  }
}

/** `note`: what a blocked seat's tooltip adds (the block's kind and reason). */
interface SeatLook { colour: string; status: string; chosen: boolean; note: string; flagged: boolean }

function Seat({ seat, look, titled }: { seat: PlacedSeat; look: SeatLook; titled: boolean }) {
  const h = SEAT_SIZE / 2;
  const common = {
    'data-seat': seat.id, 'data-status': look.status, 'data-selected': look.chosen ? '' : undefined, 'data-flag': look.flagged ? '' : undefined,
    fill: look.colour, className: look.flagged ? 'seat flagged' : 'seat',
  };
  // Big maps leave titles out (thousands of nodes), but a blocked seat always says why.
  const title = titled || look.note ? <title>{`${seat.section} ${seat.row}-${seat.label} (${seat.rank})${look.note}`}</title> : null;
  if (seat.wheelchair) {
    return <g {...common}><rect x={seat.x - h} y={seat.y - h} width={SEAT_SIZE} height={SEAT_SIZE} rx={3} />
      <text x={seat.x} y={seat.y + 5} className="seat-icon">♿</text>{title}</g>;
  }
  return <circle {...common} cx={seat.x} cy={seat.y} r={h - 1} strokeDasharray={seat.restrictedView ? '3 2' : undefined}>{title}</circle>;
}

/** A row redraws only when its signature (every seat's look) changes. */
const Row = memo(function Row({ seats, looks, titled }: { seats: PlacedSeat[]; looks: SeatLook[]; signature: string; titled: boolean }) {
  return <g>{seats.map((seat, i) => <Seat key={seat.id} seat={seat} look={looks[i]} titled={titled} />)}</g>;
}, (a, b) => a.signature === b.signature && a.seats === b.seats && a.titled === b.titled);

const Labels = memo(function Labels({ layout }: { layout: Layout }) {
  return (
    <g className="labels">
      {layout.sectionLabels.map((s) => <text key={s.name} x={s.x} y={s.y} className="section-label">{s.name}</text>)}
      {layout.rowLabels.map((r) => <text key={r.key} data-row={r.key} x={r.x} y={r.y + 4} className="row-label">{r.label}</text>)}
    </g>
  );
});

interface Drag { x: number; y: number; moved: boolean; pan: boolean; from?: DOMPoint; to?: DOMPoint }

export function SeatMap({ layout, states, mine, selected, onSeatClick, onRowClick, onArea, flags }: SeatMapProps) {
  const { t } = useI18n();
  const stateOf: StateOf = useMemo(() => new Map((states?.seats ?? []).map((s) => [s.seatId, s])), [states]);
  const titled = layout.seats.length <= 3000;
  const rows = useMemo(() => layout.rows.map((row) => {
    const looks = row.seats.map((seat): SeatLook => {
      const st = stateOf.get(seat.id);
      const status = mine.has(seat.id) ? 'mine' : st?.status === 'blocked' ? `blocked-${st.blockKind}` : (st?.status ?? 'free');
      const flag = flags?.get(seat.id);
      const note = (st?.status === 'blocked'
        ? ` · ${t(st.blockKind === 'conditional' ? 'blockedConditional' : 'blockedDefinitive')}: ${st.blockReason || t('noReason')}`
        : '') + (flag ? ` · ${flag}` : '');
      return { colour: fill(seat, stateOf, mine, selected), status, chosen: selected.has(seat.id), note, flagged: !!flag };
    });
    const signature = looks.map((l) => `${l.status}${l.chosen ? '*' : ''}${l.note}`).join(',');
    return <Row key={row.key} seats={row.seats} looks={looks} signature={signature} titled={titled} />;
  }), [layout, stateOf, mine, selected, titled, t, flags]);
  const [zoom, setZoom] = useState({ scale: 1, cx: 0.5, cy: 0.5 });
  const drag = useRef<Drag | null>(null);
  const [area, setArea] = useState<{ x: number; y: number; w: number; h: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  const vb = layout.viewBox;
  const w = vb.w / zoom.scale, h = vb.h / zoom.scale;
  const x = vb.x + zoom.cx * vb.w - w / 2, y = vb.y + zoom.cy * vb.h - h / 2;

  /** A point of the screen in the map's coordinates. */
  const mapPoint = (e: MouseEvent) => {
    const ctm = svgRef.current?.getScreenCTM();
    return ctm ? new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse()) : undefined;
  };
  const rectOf = (a: DOMPoint, b: DOMPoint) => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });

  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (drag.current?.moved) return;
    const target = e.target as Element;
    const row = target.closest('[data-row]')?.getAttribute('data-row');
    if (row) { onRowClick?.(row); return; }
    const id = target.closest('[data-seat]')?.getAttribute('data-seat');
    const seat = id ? layout.byId.get(id) : undefined;
    if (seat) onSeatClick(seat);
  };
  const wheel = (e: WheelEvent<SVGSVGElement>) => {
    const scale = Math.min(20, Math.max(1, zoom.scale * (e.deltaY < 0 ? 1.2 : 1 / 1.2)));
    setZoom((z) => (scale === 1 ? { scale, cx: 0.5, cy: 0.5 } : { ...z, scale }));
  };
  const down = (e: MouseEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: false, pan: e.shiftKey, from: mapPoint(e) };
  };
  const move = (e: MouseEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || !svgRef.current) return;
    if (!d.pan) {
      if (!onArea || !d.from) return;
      // A few pixels of wobble is still a click.
      if (!d.moved && Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) < 6) return;
      d.moved = true;
      d.to = mapPoint(e);
      if (d.to) setArea(rectOf(d.from, d.to));
      return;
    }
    if (zoom.scale === 1) return;
    const rect = svgRef.current.getBoundingClientRect();
    const dx = (e.clientX - d.x) / rect.width / zoom.scale, dy = (e.clientY - d.y) / rect.height / zoom.scale;
    drag.current = { ...d, x: e.clientX, y: e.clientY, moved: d.moved || Math.abs(dx) + Math.abs(dy) > 0.002 };
    setZoom((z) => ({ ...z, cx: z.cx - dx, cy: z.cy - dy }));
  };
  const up = () => {
    const d = drag.current;
    if (d && !d.pan && d.moved && d.from && d.to && onArea) {
      const r = rectOf(d.from, d.to), pad = SEAT_SIZE / 2;
      onArea(layout.seats.filter((s) => s.x + pad >= r.x && s.x - pad <= r.x + r.w && s.y + pad >= r.y && s.y - pad <= r.y + r.h));
    }
    setArea(null);
    // The click that follows a drag is not a click on a seat.
    setTimeout(() => { drag.current = null; }, 0);
  };

  return (
    <div className="seatmap">
      <svg ref={svgRef} viewBox={`${x} ${y} ${w} ${h}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label="seat map"
        onClick={click} onWheel={wheel} onMouseDown={down} onMouseMove={move} onMouseUp={up}
        onMouseLeave={() => { drag.current = null; setArea(null); }}>
        <Labels layout={layout} />
        <g className="seats">
          {rows}
        </g>
        {area && <rect className="area" x={area.x} y={area.y} width={area.w} height={area.h} />}
      </svg>
      {zoom.scale > 1 && <button className="zoom-reset" onClick={() => setZoom({ scale: 1, cx: 0.5, cy: 0.5 })}>1:1</button>}
    </div>
  );
}
