// The hall for a buyer: one SVG drawn from the seat map's coordinates. On a phone it zooms and pans
// with the fingers (pinch, drag) or the + / − buttons; a tap takes the nearest seat, and while seats
// are drawn too small to aim at, a tap zooms in there first. With a keyboard the arrow keys move
// between seats and Enter takes or gives back the one under the cursor; a live line says which it is.
import { memo, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { Performance } from './api.js';
import { useI18n } from './i18n.js';

export const SEAT = 24;
/** A seat drawn smaller than this many screen pixels is too small to tap: a tap zooms in first. */
const MIN_TARGET_PX = 22;
const MAX_SCALE = 8;
export const RANK_COLOURS = ['#1b7a3d', '#0b6e99', '#8a5a00', '#7b3fa0', '#b0306a', '#35606e', '#5f6b00', '#a03f2b', '#2f4b8f', '#6a4e23'];
export const rankColour = (rank: number): string => RANK_COLOURS[(rank - 1) % RANK_COLOURS.length];

export interface MapSeat {
  id: string; label: string; rank: number; x: number; y: number; section: string; row: string; rowIndex: number; index: number;
  wheelchair: boolean; companion: boolean; restrictedView: boolean;
}

interface Layout {
  seats: MapSeat[];
  rows: MapSeat[][];
  byId: Map<string, MapSeat>;
  rowLabels: { key: string; label: string; x: number; y: number }[];
  box: { x: number; y: number; w: number; h: number };
}

export function layoutOf(map: Performance['seatMap']): Layout {
  const seats: MapSeat[] = [];
  const rows: MapSeat[][] = [];
  const rowLabels: Layout['rowLabels'] = [];
  for (const section of map.sections) {
    for (const row of section.rows) {
      if (!row.seats.length) continue;
      const list: MapSeat[] = [];
      for (const s of [...row.seats].sort((a, b) => a.x - b.x)) {
        const seat: MapSeat = {
          id: s.id, label: s.label, rank: s.rank, x: s.x, y: s.y, section: section.name, row: row.label, rowIndex: rows.length,
          index: list.length, wheelchair: !!s.wheelchair, companion: !!s.companion, restrictedView: !!s.restrictedView,
        };
        list.push(seat);
        seats.push(seat);
      }
      rows.push(list);
      rowLabels.push({ key: `${section.name}/${row.label}`, label: row.label, x: list[0].x - SEAT, y: list[0].y });
    }
  }
  const xs = seats.map((s) => s.x), ys = seats.map((s) => s.y);
  const pad = SEAT * 2;
  const [minX, maxX, minY, maxY] = seats.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 100, 0, 100];
  return {
    seats, rows, byId: new Map(seats.map((s) => [s.id, s])), rowLabels,
    box: { x: minX - pad, y: minY - pad * 2, w: maxX - minX + 2 * pad, h: maxY - minY + 3 * pad },
  };
}

export type SeatLook = 'free' | 'taken' | 'mine';

interface Props {
  layout: Layout;
  looks: (seat: MapSeat) => SeatLook;
  /** Changes whenever a look may have changed (the map redraws its seats then). */
  version: string;
  onSeat(seat: MapSeat): void;
  describe(seat: MapSeat): string;
}

const Seats = memo(function Seats({ layout, looks, cursor }: { layout: Layout; looks: Props['looks']; version: string; cursor: string | null }) {
  const h = SEAT / 2;
  return (
    <g className="seats">
      {layout.seats.map((s) => {
        const look = looks(s);
        const common = { 'data-seat': s.id, 'data-look': look, className: `seat ${look}${cursor === s.id ? ' cursor' : ''}` };
        const colour = look === 'free' ? rankColour(s.rank) : undefined;
        if (s.wheelchair) {
          return (
            <g key={s.id} {...common} data-wheelchair="">
              <rect x={s.x - h} y={s.y - h} width={SEAT} height={SEAT} rx={4} fill={colour} />
              <text x={s.x} y={s.y + 5} className="icon">♿</text>
            </g>
          );
        }
        return (
          <g key={s.id} {...common}>
            <circle cx={s.x} cy={s.y} r={look === 'taken' ? h - 5 : h - 1} fill={colour} strokeDasharray={s.restrictedView ? '3 2' : undefined} />
            {look === 'mine' && <text x={s.x} y={s.y + 5} className="icon">✓</text>}
          </g>
        );
      })}
    </g>
  );
}, (a, b) => a.version === b.version && a.layout === b.layout && a.cursor === b.cursor);

interface View { scale: number; cx: number; cy: number }
const WHOLE: View = { scale: 1, cx: 0.5, cy: 0.5 };

export function SeatMap({ layout, looks, version, onSeat, describe }: Props) {
  const { t } = useI18n();
  const svg = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<View>(WHOLE);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hint, setHint] = useState(false);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ moved: boolean; startDist: number; startScale: number } | null>(null);

  const b = layout.box;
  const w = b.w / view.scale, h = b.h / view.scale;
  const vx = b.x + view.cx * b.w - w / 2, vy = b.y + view.cy * b.h - h / 2;

  const clamp = (v: View): View => {
    const scale = Math.min(MAX_SCALE, Math.max(1, v.scale));
    const half = 0.5 / scale;
    return scale === 1 ? WHOLE : { scale, cx: Math.min(1 - half, Math.max(half, v.cx)), cy: Math.min(1 - half, Math.max(half, v.cy)) };
  };
  /** Screen pixels per map unit at the current zoom. */
  const pxPerUnit = () => {
    const r = svg.current?.getBoundingClientRect();
    return r ? Math.min(r.width / w, r.height / h) : 1;
  };
  const toMap = (clientX: number, clientY: number) => {
    const m = svg.current?.getScreenCTM();
    if (!m) return null;
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };
  const zoomAt = (factor: number, at?: { x: number; y: number }) => setView((v) => {
    const next = { ...v, scale: v.scale * factor };
    if (at) Object.assign(next, { cx: (at.x - b.x) / b.w, cy: (at.y - b.y) / b.h });
    return clamp(next);
  });
  const nearest = (p: { x: number; y: number }): MapSeat | undefined => {
    let best: MapSeat | undefined, d = (SEAT * 0.8) ** 2;
    for (const s of layout.seats) {
      const e = (s.x - p.x) ** 2 + (s.y - p.y) ** 2;
      if (e < d) { d = e; best = s; }
    }
    return best;
  };

  const down = (e: PointerEvent<SVGSVGElement>) => {
    svg.current?.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const pts = [...pointers.current.values()];
    gesture.current = { moved: pts.length > 1, startDist: pts.length > 1 ? Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y) : 0, startScale: view.scale };
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    const prev = pointers.current.get(e.pointerId);
    if (!prev || !gesture.current) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const pts = [...pointers.current.values()];
    if (pts.length > 1) {
      const dist = Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
      const g = gesture.current;
      if (g.startDist > 0) setView((v) => clamp({ ...v, scale: g.startScale * (dist / g.startDist) }));
      return;
    }
    const dx = e.clientX - prev.x, dy = e.clientY - prev.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) gesture.current.moved = true;
    if (!gesture.current.moved || view.scale === 1) return;
    const ppu = pxPerUnit();
    setView((v) => clamp({ ...v, cx: v.cx - dx / ppu / b.w, cy: v.cy - dy / ppu / b.h }));
  };
  const up = (e: PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    pointers.current.delete(e.pointerId);
    if (pointers.current.size) return;
    gesture.current = null;
    if (!g || g.moved) return;
    const p = toMap(e.clientX, e.clientY);
    if (!p) return;
    if (SEAT * pxPerUnit() < MIN_TARGET_PX && view.scale < MAX_SCALE) {
      zoomAt(Math.max(2, MIN_TARGET_PX * 1.4 / (SEAT * pxPerUnit())), p);
      return;
    }
    const seat = nearest(p);
    if (seat) { setCursor(seat.id); onSeat(seat); }
  };
  const wheel = (e: WheelEvent<SVGSVGElement>) => {
    const p = toMap(e.clientX, e.clientY);
    zoomAt(e.deltaY < 0 ? 1.25 : 1 / 1.25, e.deltaY < 0 && p ? p : undefined);
  };

  const current = cursor ? layout.byId.get(cursor) : undefined;
  const moveCursor = (next: MapSeat | undefined) => {
    if (!next) return;
    setCursor(next.id);
    // Keep the cursor in view when zoomed in.
    setView((v) => {
      if (v.scale === 1) return v;
      const inside = next.x > vx + SEAT && next.x < vx + w - SEAT && next.y > vy + SEAT && next.y < vy + h - SEAT;
      return inside ? v : clamp({ ...v, cx: (next.x - b.x) / b.w, cy: (next.y - b.y) / b.h });
    });
  };
  const key = (e: KeyboardEvent<SVGSVGElement>) => {
    const s = current ?? layout.seats[0];
    if (!s) return;
    const row = layout.rows[s.rowIndex];
    const inRow = (r: MapSeat[] | undefined) => r?.reduce((a, c) => (Math.abs(c.x - s.x) < Math.abs(a.x - s.x) ? c : a));
    const moves: Record<string, () => MapSeat | undefined> = {
      ArrowLeft: () => (current ? row[s.index - 1] : s), ArrowRight: () => (current ? row[s.index + 1] : s),
      ArrowUp: () => (current ? inRow(layout.rows[s.rowIndex - 1]) : s), ArrowDown: () => (current ? inRow(layout.rows[s.rowIndex + 1]) : s),
      Home: () => row[0], End: () => row[row.length - 1],
    };
    if (moves[e.key]) { e.preventDefault(); moveCursor(moves[e.key]()); return; }
    if ((e.key === 'Enter' || e.key === ' ') && current) { e.preventDefault(); onSeat(current); return; }
    if (e.key === '+' || e.key === '=') { e.preventDefault(); zoomAt(1.5, current); }
    if (e.key === '-') { e.preventDefault(); zoomAt(1 / 1.5); }
  };

  useEffect(() => { setHint(SEAT * pxPerUnit() < MIN_TARGET_PX); });

  return (
    <div className="map">
      <svg ref={svg} viewBox={`${vx} ${vy} ${w} ${h}`} preserveAspectRatio="xMidYMid meet" tabIndex={0} role="application"
        aria-label={t('seatMapLabel')} aria-describedby="seat-now" onKeyDown={key}
        onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={(e) => { pointers.current.delete(e.pointerId); gesture.current = null; }}
        onWheel={wheel} onFocus={() => { if (!cursor && layout.seats[0]) setCursor(layout.seats.find((s) => looks(s) === 'free')?.id ?? layout.seats[0].id); }}>
        <rect className="stage" x={b.x + b.w * 0.2} y={b.y + 4} width={b.w * 0.6} height={SEAT} rx={6} />
        <text className="stage-label" x={b.x + b.w / 2} y={b.y + 4 + SEAT * 0.7}>{t('stage')}</text>
        {layout.rowLabels.map((r) => <text key={r.key} x={r.x} y={r.y + 4} className="row-label">{r.label}</text>)}
        <Seats layout={layout} looks={looks} version={version} cursor={cursor} />
      </svg>
      <div className="map-bar">
        <p id="seat-now" className="seat-now" aria-live="polite">{current ? describe(current) : hint ? t('tapToZoom') : '\u00a0'}</p>
        <div className="zoom">
          <button type="button" aria-label={t('zoomOut')} onClick={() => zoomAt(1 / 1.6)} disabled={view.scale === 1}>−</button>
          <button type="button" aria-label={t('zoomIn')} onClick={() => zoomAt(1.6, current)} disabled={view.scale >= MAX_SCALE}>+</button>
          <button type="button" aria-label={t('zoomReset')} onClick={() => setView(WHOLE)} disabled={view.scale === 1}>⤢</button>
        </div>
      </div>
    </div>
  );
}
