// The hall editor's rules: a grid becomes rows and seats as a manager expects to read them, and a
// seat map survives CSV both ways (the format of docs/back-office.md), with errors by line.
import { describe, expect, it } from 'vitest';
import { fromCsv, parseRecords, toCsv } from '../../web/src/manage/venues/csv.js';
import { allSeats, apiSeatMap, fromApi } from '../../web/src/manage/venues/editmap.js';
import { generateSection, gridProblems, parseAisles, rowLabels, seatLabels, type GridSpec } from '../../web/src/manage/venues/generate.js';

const GRID: GridSpec = {
  section: 'Zaal', firstRow: 'A', lastRow: 'J', seatsPerRow: 30, numbering: 'ltr', aisles: [10, 20], aisleWidth: 1, curve: 0, stagger: false, rank: 1, x: 0, y: 0,
};

describe('generating a section from a grid', () => {
  it('numbers rows A-Q or 1-20 and seats left to right, right to left, odd/even from the centre, odd or even only', () => {
    expect(rowLabels('A', 'Q')).toHaveLength(17);
    expect(rowLabels('a', 'c')).toEqual(['A', 'B', 'C']);
    expect(rowLabels('1', '3')).toEqual(['1', '2', '3']);
    expect(rowLabels('C', 'A')).toBeUndefined();
    expect(seatLabels(4, 'ltr')).toEqual(['1', '2', '3', '4']);
    expect(seatLabels(4, 'rtl')).toEqual(['4', '3', '2', '1']);
    expect(seatLabels(6, 'odd-even')).toEqual(['5', '3', '1', '2', '4', '6']);
    expect(seatLabels(5, 'odd-even')).toEqual(['5', '3', '1', '2', '4']);
    expect(seatLabels(3, 'odd')).toEqual(['1', '3', '5']);
    expect(seatLabels(3, 'even')).toEqual(['2', '4', '6']);
  });

  it('makes 300 seats in rows A-J with two aisles as gaps', () => {
    const sec = generateSection(GRID);
    expect(sec.rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(sec.rows.flatMap((r) => r.seats)).toHaveLength(300);
    const xs = sec.rows[0].seats.map((s) => s.x);
    const steps = xs.slice(1).map((x, i) => x - xs[i]);
    // 27 ordinary steps and two double ones: after seat 10 and after seat 20
    expect(steps.filter((d) => d === 30)).toHaveLength(27);
    expect(steps[9]).toBe(60);
    expect(steps[19]).toBe(60);
    expect(new Set(sec.rows.flatMap((r) => r.seats.map((s) => s.id))).size).toBe(300);
    expect(sec.rows[2].seats[4]).toMatchObject({ id: 'zaal-c-5', label: '5', rank: 1 });
  });

  it('bends rows into a curve (ends forward) and staggers every other row by half a seat', () => {
    const curved = generateSection({ ...GRID, aisles: [], curve: 2, seatsPerRow: 11 });
    const ys = curved.rows[0].seats.map((s) => s.y);
    expect(ys[0]).toBe(ys[10]);
    expect(ys[5]).toBe(ys[0] + 60);
    expect(Math.max(...ys)).toBe(ys[5]);
    const staggered = generateSection({ ...GRID, aisles: [], stagger: true });
    expect(staggered.rows[1].seats[0].x - staggered.rows[0].seats[0].x).toBe(15);
    expect(staggered.rows[2].seats[0].x).toBe(staggered.rows[0].seats[0].x);
  });

  it('names what is wrong with a grid', () => {
    expect(gridProblems(GRID)).toEqual([]);
    expect(gridProblems({ ...GRID, section: ' ', lastRow: '?', seatsPerRow: 0, aisles: parseAisles('10, x') })).toEqual(['section', 'rows', 'seats', 'aisles']);
    expect(gridProblems({ ...GRID, aisles: [30] })).toEqual(['aisles']);
  });
});

describe('a seat map as CSV', () => {
  it('goes out and comes back the same: sections, rows, seats, ranks, positions, features, ids and zones', () => {
    const sec = generateSection({ ...GRID, lastRow: 'B', seatsPerRow: 3, aisles: [] });
    sec.rows[1].seats[0] = { ...sec.rows[1].seats[0], wheelchair: true, companion: true, rank: 3 };
    sec.rows[1].seats[2] = { ...sec.rows[1].seats[2], restrictedView: true };
    const map = { sections: [sec, { ...generateSection({ ...GRID, section: 'Balkon, links', lastRow: 'A', seatsPerRow: 2, aisles: [], y: 200 }) }], zones: [{ id: 'staan', name: 'Staan "vak"', capacity: 80, rank: 2 }] };
    const csv = toCsv(map);
    // Written as the reports' CSV: a BOM and semicolons, for Dutch and Belgian Excel.
    expect(csv.split('\r\n')[0]).toBe('\uFEFFsection;row;seat;rank;x;y;features;id;capacity');
    expect(csv).toContain('\r\nZaal;B;1;3;0;34;wheelchair companion;zaal-b-1;\r\n');
    expect(csv).toContain('\r\n"Balkon, links";A;1;1;0;200;;balkon-links-a-1;\r\n');
    expect(csv).toContain('\r\n"Staan ""vak""";;;2;;;;staan;80\r\n');
    const back = fromCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.map).toEqual(map);
  });

  it('reads a spreadsheet with semicolons, columns in another order, and seats without positions laid out row by row', () => {
    const { map, errors } = fromCsv('\uFEFFSeat;Row;Section;Rank;Features\n1;A;Zaal;1;\n2;A;Zaal;2;wheelchair\n1;B;Zaal;;restricted-view\n');
    expect(errors).toEqual([]);
    const seats = allSeats(map);
    expect(seats.map((s) => [s.id, s.rank, s.x, s.y, s.wheelchair, s.restrictedView])).toEqual([
      ['zaal-a-1', 1, 0, 0, false, false], ['zaal-a-2', 2, 30, 0, true, false], ['zaal-b-1', 1, 0, 34, false, true],
    ]);
    expect(apiSeatMap(fromApi(map)).sections[0].rows).toHaveLength(2);
  });

  it('says what is wrong, by line, and keeps going to find every error', () => {
    const { errors } = fromCsv('section,row,seat,rank,x,y,features,capacity\nZaal,A,1,11,0,0,,\nZaal,A,2,1,-5,0,,\nZaal,A,3,1,0,0,vip,\n,A,4,1,0,0,,\nStaan,,,1,,,,0\nZaal,,5,1,0,0,,\n');
    expect(errors).toEqual([
      { line: 2, problem: 'rank', value: '11' }, { line: 3, problem: 'position', value: '-5 0' }, { line: 4, problem: 'feature', value: 'vip' },
      { line: 5, problem: 'section' }, { line: 6, problem: 'capacity', value: '0' }, { line: 7, problem: 'row-or-seat' },
    ]);
    expect(fromCsv('row,seat\nA,1\n').errors).toEqual([{ line: 1, problem: 'header', value: 'section' }]);
    expect(fromCsv('').errors).toEqual([{ line: 1, problem: 'empty' }]);
  });

  it('keeps quoted separators and newlines inside a field, and numbers lines as the file has them', () => {
    expect(parseRecords('a,"b,c"\r\n"d\ne",f\ng,h', ',')).toEqual([
      { line: 1, fields: ['a', 'b,c'] }, { line: 2, fields: ['d\ne', 'f'] }, { line: 4, fields: ['g', 'h'] },
    ]);
  });
});
