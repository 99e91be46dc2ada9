// The seat map as CSV (docs/back-office.md describes the format): one line per seat or zone under a
// header naming the columns, in any order: section,row,seat,rank,x,y,features,id,capacity.
// Commas or semicolons (as a Dutch or French spreadsheet saves it); quotes as RFC 4180.
// A zone line has no row and no seat but a capacity. Seats without x and y are laid out in their row.
// Rules without I/O.
import { MAX_RANK, MIN_RANK, ROW_PITCH, SEAT_PITCH, defaultSeatId, type EditMap, type Section } from './editmap.js';

export const CSV_COLUMNS = ['section', 'row', 'seat', 'rank', 'x', 'y', 'features', 'id', 'capacity'] as const;
export const FEATURES = ['wheelchair', 'companion', 'restricted-view'] as const;

export type CsvProblem = 'header' | 'section' | 'rank' | 'position' | 'feature' | 'capacity' | 'row-or-seat' | 'empty';
export interface CsvError { line: number; problem: CsvProblem; value?: string }

/** RFC 4180 fields, with `sep` between them; a quoted field may hold the separator, quotes and newlines. */
export function parseRecords(text: string, sep: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [], field = '', quoted = false, line = 1, start = 1, any = false;
  const endField = () => { fields.push(field); field = ''; };
  const endRecord = () => {
    endField();
    if (any || fields.some((f) => f !== '')) out.push({ line: start, fields });
    fields = []; any = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"') { quoted = true; any = true; }
    else if (c === sep) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord(); line++; start = line;
    } else field += c;
  }
  if (field !== '' || fields.length) endRecord();
  return out;
}

const quote = (v: string | number) => {
  const s = String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(m: EditMap): string {
  const lines: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const sec of m.sections) {
    for (const row of sec.rows) {
      for (const s of row.seats) {
        const features = [s.wheelchair && 'wheelchair', s.companion && 'companion', s.restrictedView && 'restricted-view'].filter(Boolean).join(' ');
        lines.push([sec.name, row.label, s.label, s.rank, s.x, s.y, features, s.id, '']);
      }
    }
  }
  for (const z of m.zones) lines.push([z.name, '', '', z.rank, '', '', '', z.id ?? '', z.capacity]);
  // As the reports' CSV (docs/reports.md): UTF-8 with a BOM, `;` between fields, so Dutch and Belgian Excel opens it by double-click.
  return `\uFEFF${lines.map((l) => l.map(quote).join(';')).join('\r\n')}\r\n`;
}

const whole = (s: string) => (/^\d+$/.test(s) ? Number(s) : NaN);

export function fromCsv(text: string): { map: EditMap; errors: CsvError[] } {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parseRecords(clean, sep);
  const errors: CsvError[] = [];
  const map: EditMap = { sections: [], zones: [] };
  const header = records.shift();
  if (!header) return { map, errors: [{ line: 1, problem: 'empty' }] };
  const col = new Map(header.fields.map((h, i) => [h.trim().toLowerCase(), i]));
  for (const need of ['section', 'row', 'seat']) if (!col.has(need)) errors.push({ line: header.line, problem: 'header', value: need });
  if (errors.length) return { map, errors };
  const get = (fields: string[], name: (typeof CSV_COLUMNS)[number]) => {
    const i = col.get(name);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };

  const unplaced: { section: Section; rowIndex: number; seatIndex: number }[] = [];
  for (const { line, fields } of records) {
    const section = get(fields, 'section'), row = get(fields, 'row'), seat = get(fields, 'seat');
    const rankText = get(fields, 'rank'), id = get(fields, 'id') || undefined;
    const rank = rankText === '' ? 1 : whole(rankText);
    if (!section) { errors.push({ line, problem: 'section' }); continue; }
    if (!(rank >= MIN_RANK && rank <= MAX_RANK)) { errors.push({ line, problem: 'rank', value: rankText }); continue; }
    if (!row && !seat) {
      const capacity = whole(get(fields, 'capacity'));
      if (!(capacity >= 1)) { errors.push({ line, problem: 'capacity', value: get(fields, 'capacity') }); continue; }
      map.zones.push({ ...(id ? { id } : {}), name: section, capacity, rank });
      continue;
    }
    if (!row || !seat) { errors.push({ line, problem: 'row-or-seat' }); continue; }
    const words = get(fields, 'features').toLowerCase().split(/[\s|,]+/).filter(Boolean);
    const unknown = words.find((w) => !(FEATURES as readonly string[]).includes(w));
    if (unknown) { errors.push({ line, problem: 'feature', value: unknown }); continue; }
    const xText = get(fields, 'x'), yText = get(fields, 'y');
    const placed = xText !== '' || yText !== '';
    const [x, y] = [whole(xText), whole(yText)];
    if (placed && !(x >= 0 && y >= 0)) { errors.push({ line, problem: 'position', value: `${xText} ${yText}` }); continue; }
    let sec = map.sections.find((s) => s.name === section);
    if (!sec) map.sections.push((sec = { name: section, rows: [] }));
    let r = sec.rows.find((x) => x.label === row);
    if (!r) sec.rows.push((r = { label: row, seats: [] }));
    r.seats.push({
      id: id ?? defaultSeatId(section, row, seat), label: seat, rank, x: placed ? x : 0, y: placed ? y : 0,
      wheelchair: words.includes('wheelchair'), companion: words.includes('companion'), restrictedView: words.includes('restricted-view'),
    });
    if (!placed) unplaced.push({ section: sec, rowIndex: sec.rows.indexOf(r), seatIndex: r.seats.length - 1 });
  }

  // Seats without a position: each row on a line of its own, sections one under the other.
  if (unplaced.length) {
    let y = 0;
    const rowY = new Map<string, number>();
    for (const sec of map.sections) {
      sec.rows.forEach((r, i) => rowY.set(`${sec.name}\u0000${i}`, y + i * ROW_PITCH));
      y += sec.rows.length * ROW_PITCH + ROW_PITCH;
    }
    for (const u of unplaced) {
      const seat = u.section.rows[u.rowIndex].seats[u.seatIndex];
      seat.x = u.seatIndex * SEAT_PITCH;
      seat.y = rowY.get(`${u.section.name}\u0000${u.rowIndex}`) ?? 0;
    }
  }
  return { map, errors };
}

/** A seat map as JSON: the API's own shape (GET /api/halls/:id's seatMap). */
export function fromJson(text: string): EditMap | undefined {
  try {
    const v = JSON.parse(text) as { seatMap?: unknown; sections?: unknown; zones?: unknown };
    const m = (v && typeof v === 'object' && 'seatMap' in v ? v.seatMap : v) as { sections?: unknown; zones?: unknown };
    if (!m || !Array.isArray(m.sections)) return undefined;
    return m as EditMap;
  } catch { return undefined; }
}
