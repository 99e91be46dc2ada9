// A seat map to and from a file: CSV (docs/back-office.md) or JSON (the API's seatMap).
import { useState } from 'react';
import { fromApi, seatCount, zoneCapacity, type EditMap } from './editmap.js';
import { fromCsv, fromJson, toCsv } from './csv.js';
import { useVenueWords } from './words.js';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url; a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (hall: string, ext: string) => `${hall.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'zaal'}.${ext}`;

export function ImportExport({ map, hallName, onImport }: { map: EditMap; hallName: string; onImport(m: EditMap): void }) {
  const { w, csvProblem } = useVenueWords();
  const [report, setReport] = useState<{ ok: boolean; lines: string[] } | null>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    let next: EditMap | undefined;
    if (/\.json$/i.test(file.name) || text.trimStart().startsWith('{')) {
      try { const m = fromJson(text); next = m && fromApi(m); } catch { next = undefined; }
      if (!next) { setReport({ ok: false, lines: [w('badJson')] }); return; }
    } else {
      const { map: m, errors } = fromCsv(text);
      if (errors.length) {
        setReport({ ok: false, lines: errors.slice(0, 20).map((e) => `${w('line')} ${e.line}: ${csvProblem(e.problem, e.value)}`) });
        return;
      }
      next = m;
    }
    const places = seatCount(map) + zoneCapacity(map);
    if (places > 0 && !window.confirm(w('importReplace', { n: places }))) return;
    onImport(next);
    setReport({ ok: true, lines: [w('imported', { n: seatCount(next), z: next.zones.length })] });
  };

  return (
    <section className="import-export card" aria-label={w('importExport')}>
      <h3>{w('importExport')}</h3>
      <p className="row">
        <button type="button" name="export-csv" disabled={seatCount(map) + map.zones.length === 0}
          onClick={() => download(fileName(hallName, 'csv'), 'text/csv;charset=utf-8', toCsv(map))}>{w('exportCsv')}</button>
        <button type="button" name="export-json" disabled={seatCount(map) + map.zones.length === 0}
          onClick={() => download(fileName(hallName, 'json'), 'application/json', `${JSON.stringify(map, null, 2)}\n`)}>{w('exportJson')}</button>
      </p>
      <label className="field">{w('importFile')}
        <input type="file" name="import-file" accept=".csv,.json,text/csv,application/json"
          onChange={(e) => { void read(e.target.files?.[0]); e.target.value = ''; }} />
      </label>
      {report && (
        <div className={report.ok ? 'import-report ok' : 'import-report error'} role={report.ok ? 'status' : 'alert'}>
          {!report.ok && <strong>{w('importFailed')}</strong>}
          <ul>{report.lines.map((l) => <li key={l}>{l}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
