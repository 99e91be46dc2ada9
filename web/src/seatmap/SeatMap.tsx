// The hall drawn from its coordinates (SVG). One memoised layer per concern keeps a click on a 20k-seat
// map cheap: only seats whose colour changed get new attributes; clicks are caught once on the <svg>.
import { memo, useMemo, useRef, useState, type MouseEvent, type WheelEvent } from 'react';
import type { PlaceStates } from '../api/types.js';
import { SEAT_SIZE, type Layout, type PlacedSeat } from './layout.js';
import { STATE_COLOURS, rankColour } from './colours.js';

export interface SeatMapProps {
  layout: Layout;
  states: PlaceStates | null;
  mine: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  onSeatClick(seat: PlacedSeat): void;
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

const Seat = memo(function Seat({ seat, colour, status, titled, chosen }: { seat: PlacedSeat; colour: string; status: string; titled: boolean; chosen: boolean }) {
  const h = SEAT_SIZE / 2;
  const common = { 'data-seat': seat.id, 'data-status': status, 'data-selected': chosen ? '' : undefined, fill: colour, className: 'seat' };
  const title = titled ? <title>{`${seat.section} ${seat.row}-${seat.label} (${seat.rank})`}</title> : null;
  if (seat.wheelchair) {
    return <g {...common}><rect x={seat.x - h} y={seat.y - h} width={SEAT_SIZE} height={SEAT_SIZE} rx={3} />
      <text x={seat.x} y={seat.y + 5} className="seat-icon">♿</text>{title}</g>;
  }
  return <circle {...common} cx={seat.x} cy={seat.y} r={h - 1} strokeDasharray={seat.restrictedView ? '3 2' : undefined}>{title}</circle>;
});

const Labels = memo(function Labels({ layout }: { layout: Layout }) {
  return (
    <g className="labels">
      {layout.sectionLabels.map((s) => <text key={s.name} x={s.x} y={s.y} className="section-label">{s.name}</text>)}
      {layout.rowLabels.map((r) => <text key={r.key} x={r.x} y={r.y + 4} className="row-label">{r.label}</text>)}
    </g>
  );
});

export function SeatMap({ layout, states, mine, selected, onSeatClick }: SeatMapProps) {
  const stateOf: StateOf = useMemo(() => new Map((states?.seats ?? []).map((s) => [s.seatId, s])), [states]);
  const [zoom, setZoom] = useState({ scale: 1, cx: 0.5, cy: 0.5 });
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const titled = layout.seats.length <= 3000;

  const vb = layout.viewBox;
  const w = vb.w / zoom.scale, h = vb.h / zoom.scale;
  const x = vb.x + zoom.cx * vb.w - w / 2, y = vb.y + zoom.cy * vb.h - h / 2;

  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (drag.current?.moved) return;
    const id = (e.target as Element).closest('[data-seat]')?.getAttribute('data-seat');
    const seat = id ? layout.byId.get(id) : undefined;
    if (seat) onSeatClick(seat);
  };
  const wheel = (e: WheelEvent<SVGSVGElement>) => {
    const scale = Math.min(20, Math.max(1, zoom.scale * (e.deltaY < 0 ? 1.2 : 1 / 1.2)));
    setZoom((z) => (scale === 1 ? { scale, cx: 0.5, cy: 0.5 } : { ...z, scale }));
  };
  const move = (e: MouseEvent<SVGSVGElement>) => {
    if (!drag.current || !svgRef.current || zoom.scale === 1) return;
    const rect = svgRef.current.getBoundingClientRect();
    const dx = (e.clientX - drag.current.x) / rect.width / zoom.scale, dy = (e.clientY - drag.current.y) / rect.height / zoom.scale;
    if (Math.abs(dx) + Math.abs(dy) > 0.002) drag.current = { x: e.clientX, y: e.clientY, moved: true };
    setZoom((z) => ({ ...z, cx: z.cx - dx, cy: z.cy - dy }));
  };

  return (
    <div className="seatmap">
      <svg ref={svgRef} viewBox={`${x} ${y} ${w} ${h}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label="seat map"
        onClick={click} onWheel={wheel}
        onMouseDown={(e) => { drag.current = { x: e.clientX, y: e.clientY, moved: false }; }}
        onMouseMove={move} onMouseUp={() => setTimeout(() => { drag.current = null; }, 0)} onMouseLeave={() => { drag.current = null; }}>
        <Labels layout={layout} />
        <g className="seats">
          {layout.seats.map((seat) => {
            const st = stateOf.get(seat.id);
            const status = mine.has(seat.id) ? 'mine' : st?.status === 'blocked' ? `blocked-${st.blockKind}` : (st?.status ?? 'free');
            return <Seat key={seat.id} seat={seat} colour={fill(seat, stateOf, mine, selected)} status={status} titled={titled} chosen={selected.has(seat.id)} />;
          })}
        </g>
      </svg>
      {zoom.scale > 1 && <button className="zoom-reset" onClick={() => setZoom({ scale: 1, cx: 0.5, cy: 0.5 })}>1:1</button>}
    </div>
  );
}
