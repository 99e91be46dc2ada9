// One hall: its name and seat map, edited on a live preview drawn by the box office's own SeatMap.
// When the API refuses to drop places that are held, reserved or sold, those seats come back into the
// preview from the saved map, outlined, with the refusal as their title, until the map keeps them.
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, get } from '../../api/client.js';
import type { PlaceStates } from '../../api/types.js';
import { Legend } from '../../seatmap/Legend.js';
import { SeatMap } from '../../seatmap/SeatMap.js';
import { layoutOf, type PlacedSeat } from '../../seatmap/layout.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { GridForm } from './GridForm.js';
import { ImportExport } from './ImportExport.js';
import { SelectionTools } from './SelectionTools.js';
import { ZonesEditor } from './ZonesEditor.js';
import {
  allSeats, apiSeatMap, emptyMap, fromApi, mapSeats, nextFreeY, removeSeats, seatAtPath, seatCount, zoneCapacity,
  type EditMap, type Seat, type Section,
} from './editmap.js';
import type { HallWithMap, RefusedPlace, Venue } from './types.js';
import { useVenueWords } from './words.js';

interface Props { venue: Venue; hallId: string | null; canEdit: boolean; onClose(): void }

/** The map with these seats put back in their own section and row, in the order `saved` has them. */
function withSeats(m: EditMap, back: { section: string; row: string; seat: Seat }[], saved: EditMap | undefined): EditMap {
  if (!back.length) return m;
  const next: EditMap = { ...m, sections: m.sections.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, seats: [...r.seats] })) })) };
  const sectionAt = (name: string) => saved?.sections.findIndex((s) => s.name === name) ?? -1;
  for (const b of back) {
    let sec = next.sections.find((s) => s.name === b.section);
    if (!sec) {
      sec = { name: b.section, rows: [] };
      const before = next.sections.findIndex((s) => sectionAt(s.name) > sectionAt(b.section));
      next.sections.splice(before < 0 ? next.sections.length : before, 0, sec);
    }
    let row = sec.rows.find((r) => r.label === b.row);
    if (!row) {
      row = { label: b.row, seats: [] };
      const order = saved?.sections.find((s) => s.name === b.section)?.rows.map((r) => r.label) ?? [];
      const before = sec.rows.findIndex((r) => order.indexOf(r.label) > order.indexOf(b.row));
      sec.rows.splice(before < 0 ? sec.rows.length : before, 0, row);
    }
    row.seats.push(b.seat);
    row.seats.sort((a, c) => a.x - c.x);
  }
  return next;
}

export function HallEditor({ venue, hallId, canEdit, onClose }: Props) {
  const { w, lang } = useVenueWords();
  const [id, setId] = useState(hallId);
  const [name, setName] = useState(hallId ? '' : w('newHallName'));
  const [map, setMap] = useState<EditMap>(emptyMap);
  const [saved, setSaved] = useState<{ name: string; map: EditMap } | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [refused, setRefused] = useState<RefusedPlace[]>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const loaded = (h: HallWithMap) => {
    const m = fromApi(h.seatMap);
    setId(h.id); setName(h.name); setMap(m); setSaved({ name: h.name, map: m });
  };
  useEffect(() => {
    if (hallId) get<HallWithMap>(`/api/halls/${hallId}`).then(loaded, setError);
  }, [hallId]);

  const edit = (next: EditMap) => { setMap(next); setNotice(''); };
  const savedText = useMemo(() => (saved ? JSON.stringify(apiSeatMap(saved.map)) : ''), [saved]);
  const mapText = useMemo(() => JSON.stringify(apiSeatMap(map)), [map]);
  const dirty = !saved || saved.name !== name || savedText !== mapText;

  // Refused seats no longer in the map, as they were saved.
  const ghosts = useMemo(() => {
    if (!saved || !refused.length) return [];
    const now = new Set(allSeats(map).map((s) => s.id));
    return saved.map.sections.flatMap((sec) => sec.rows.flatMap((r) => r.seats
      .filter((s) => !now.has(s.id) && refused.some((p) => p.id === s.id))
      .map((seat) => ({ section: sec.name, row: r.label, seat }))));
  }, [saved, refused, map]);
  const preview = useMemo(() => withSeats(map, ghosts, saved?.map), [map, ghosts, saved]);
  const layout = useMemo(() => layoutOf({ sections: preview.sections, zones: [] }), [preview]);
  const states = useMemo((): PlaceStates | null => (ghosts.length
    ? { performanceId: '', seats: ghosts.map((g) => ({ seatId: g.seat.id, status: 'sold', blockKind: null })), ranks: [], zones: [] }
    : null), [ghosts]);
  const flags = useMemo(() => {
    const f = new Map<string, string>();
    for (const p of refused) if (p.kind === 'seat') f.set(p.id, `${w('refusedSeat')}`);
    for (const e of fieldErrors(error)) {
      const seat = seatAtPath(map, e.field);
      if (seat) f.set(seat.id, e.message);
    }
    return f;
  }, [refused, error, map, w]);

  const seats = allSeats(map);
  const chosenSeats = seats.filter((s) => chosen.has(s.id));
  const toggle = (ids: string[]) => setChosen((c) => {
    const next = new Set(c);
    const all = ids.every((i) => next.has(i));
    for (const i of ids) { if (all) next.delete(i); else next.add(i); }
    return next;
  });
  const ranks = [...new Set([...seats.map((s) => s.rank), ...map.zones.map((z) => z.rank)])].sort((a, b) => a - b);

  const placeAt = (section: string) => {
    const own = map.sections.find((s) => s.name === section)?.rows.flatMap((r) => r.seats) ?? [];
    if (own.length) return { x: Math.min(...own.map((s) => s.x)), y: Math.min(...own.map((s) => s.y)) };
    return { x: seats.length ? Math.min(...seats.map((s) => s.x)) : 0, y: nextFreeY(map) };
  };
  const addSection = (sec: Section) => {
    const at = map.sections.findIndex((s) => s.name === sec.name);
    edit({ ...map, sections: at >= 0 ? map.sections.map((s, i) => (i === at ? sec : s)) : [...map.sections, sec] });
    setChosen(new Set());
  };

  const save = async () => {
    const removed = saved ? allSeats(saved.map).filter((s) => !seats.some((x) => x.id === s.id)).length : 0;
    if (removed > 0 && !window.confirm(w('confirmRemove', { n: removed }))) return;
    setBusy(true); setError(null); setNotice('');
    try {
      const body = { name, seatMap: apiSeatMap(map) };
      const h = id
        ? await api<HallWithMap>('PATCH', `/api/halls/${id}`, { body })
        : await api<HallWithMap>('POST', `/api/venues/${venue.id}/halls`, { body });
      loaded(h);
      setRefused([]);
      setNotice(w('hallSaved'));
    } catch (e) {
      setError(e);
      const places = e instanceof ApiError && String(e.problem.type).endsWith('/seat-map-drops-sold-seats') ? e.problem.places : undefined;
      setRefused(Array.isArray(places) ? (places as RefusedPlace[]) : []);
    } finally { setBusy(false); }
  };
  const back = () => { if (!dirty || !canEdit || window.confirm(w('discard'))) onClose(); };
  // The banner lists what no field shows itself (the hall's name and the zones show their own).
  const fieldProblems = fieldErrors(error).filter((e) => e.field !== 'name' && !/^\/?(body\/)?seatMap\/zones\/\d+\//.test(e.field));

  return (
    <div className="hall-editor">
      <header className="hall-editor-top row">
        <button type="button" name="back" onClick={back}>← {w('back')}</button>
        <span className="crumb">{venue.name}</span>
        <Field label={w('hallName')} name="name" error={error}>
          <input name="hall-name" value={name} disabled={!canEdit} onChange={(e) => { setName(e.target.value); setNotice(''); }} />
        </Field>
        <span className="totals" data-testid="hall-totals">
          <output name="seat-count">{seatCount(map)}</output> {w('seats')}
          {zoneCapacity(map) > 0 && <> + {zoneCapacity(map)} {w('places')}</>}
          {(['wheelchair', 'companion', 'restrictedView'] as const).map((f) => {
            const n = seats.filter((x) => x[f]).length;
            return n > 0 ? <small key={f} className="feature-count" data-feature={f}> · {w(`${f}-${new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other'}`, { n })}</small> : null;
          })}
        </span>
        <span className="spacer" />
        {dirty && canEdit && <span className="unsaved">{w('unsaved')}</span>}
        {notice && <span className="saved" role="status">{notice}</span>}
        {canEdit && <button type="button" name="save-hall" className="primary" disabled={busy} onClick={() => void save()}>{w('saveHall')}</button>}
      </header>
      {refused.length > 0 && (
        <div className="refusal error" role="alert">
          <strong>{w('refused')}:</strong>{' '}
          {refused.map((p) => (p.kind === 'seat' ? `${p.section} ${p.row}-${p.seat}` : p.section)).join(', ')}
          {ghosts.length > 0 && <button type="button" name="restore" onClick={() => edit(withSeats(map, ghosts, saved?.map))}>{w('restore')}</button>}
        </div>
      )}
      {refused.length === 0 && fieldProblems.length > 0 && (
        <div className="refusal error" role="alert">
          <strong>{w('fieldProblem')}:</strong>
          <ul>{fieldProblems.slice(0, 10).map((e) => <li key={e.field}>{e.message}</li>)}</ul>
        </div>
      )}
      {refused.length === 0 && fieldProblems.length === 0 && fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <div className="hall-editor-body">
        {canEdit && (
          <div className="hall-tools">
            <GridForm existing={map.sections.map((s) => s.name)} placeAt={placeAt} onSection={addSection} />
            <section className="card sections-list" aria-label={w('sections')}>
              <h3>{w('sections')}</h3>
              <ul>
                {map.sections.map((s) => (
                  <li key={s.name} className="row" data-section={s.name}>
                    <span className="grow">{s.name} <small>{s.rows.length} {w('rows')} · {s.rows.reduce((n, r) => n + r.seats.length, 0)} {w('seats')}</small></span>
                    <button type="button" name="remove-section" onClick={() => edit({ ...map, sections: map.sections.filter((x) => x !== s) })}>{w('remove')}</button>
                  </li>
                ))}
              </ul>
            </section>
            <ZonesEditor zones={map.zones} refused={refused} error={error} onChange={(zones) => edit({ ...map, zones })} />
            <ImportExport map={map} hallName={name} onImport={(m) => { edit(m); setChosen(new Set()); }} />
          </div>
        )}
        <div className="hall-preview">
          <h3>{w('preview')}</h3>
          {preview.sections.length === 0 && <p className="hint">{w('empty')}</p>}
          <SeatMap layout={layout} states={states} mine={new Set()} selected={chosen} flags={flags}
            onSeatClick={(s: PlacedSeat) => canEdit && toggle([s.id])}
            onRowClick={(key) => canEdit && toggle(layout.rows.find((r) => r.key === key)?.seats.map((s) => s.id) ?? [])}
            onArea={(list) => canEdit && setChosen((c) => new Set([...c, ...list.map((s) => s.id)]))} />
          <Legend ranks={ranks} />
          {map.zones.length > 0 && (
            <ul className="zone-chips">{map.zones.map((z, i) => <li key={i}>{z.name} · {z.capacity}</li>)}</ul>
          )}
          {canEdit && (
            <SelectionTools chosen={chosenSeats} total={seats.length}
              onAll={() => setChosen(new Set(seats.map((s) => s.id)))} onNone={() => setChosen(new Set())}
              onChange={(change) => edit(mapSeats(map, (s) => chosen.has(s.id), change))}
              onRemove={() => { edit(removeSeats(map, (s) => chosen.has(s.id))); setChosen(new Set()); }} />
          )}
        </div>
      </div>
    </div>
  );
}
