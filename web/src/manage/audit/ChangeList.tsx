// One audit entry's changes, each field as its form labels it and each value in words (reading.ts):
// amounts of money (cents in the trail) in euros as the user's language writes them ("€ 25,00",
// "25,00 €", "€25.00"), things by their names, performances' times in the venue's zone.
// A field that was empty and stays empty (a created thing's unfilled fields) is left out.
export function ChangeList({ changes, field, value }: {
  changes: Record<string, [unknown, unknown]>;
  field: (name: string) => string;
  value: (name: string, v: unknown) => string;
}) {
  const fields = Object.entries(changes)
    .map(([name, [before, after]]) => ({ name, before: value(name, before), after: value(name, after) }))
    .filter((f) => f.before !== f.after || f.before === '•••');
  if (fields.length === 0) return null;
  return (
    <ul className="changes">
      {fields.map((f) => (
        <li key={f.name} data-field={f.name}>
          <span className="label">{field(f.name)}</span>: <span className="before">{f.before}</span> → <span className="after">{f.after}</span>
        </li>
      ))}
    </ul>
  );
}
