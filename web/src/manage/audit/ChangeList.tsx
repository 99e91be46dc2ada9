// One audit entry's changes, each field as before → after.
const shown = (v: unknown, empty: string): string => {
  if (v === null || v === undefined || v === '') return empty;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

export function ChangeList({ changes, empty }: { changes: Record<string, [unknown, unknown]>; empty: string }) {
  const fields = Object.entries(changes);
  if (fields.length === 0) return null;
  return (
    <ul className="changes">
      {fields.map(([field, [before, after]]) => (
        <li key={field} data-field={field}>
          <code>{field}</code>: <span className="before">{shown(before, empty)}</span> → <span className="after">{shown(after, empty)}</span>
        </li>
      ))}
    </ul>
  );
}
