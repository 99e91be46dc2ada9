// A process's memory of recent answers, for values read on every request that may be a few seconds
// old. It keeps the promise, so callers that arrive together share one lookup; a failed lookup, or
// an answer `keep` refuses, is forgotten as soon as it settles.
// Answers are kept per database: one process may serve several (the test suite runs SQLite and
// PostgreSQL side by side), and a slug or a token means nothing outside its own database.
type Entries<V> = Map<string, { at: number; value: Promise<V> }>;

export class ShortCache<V> {
  private scopes = new WeakMap<object, Entries<V>>();

  constructor(private readonly ttlMs: number, private readonly max: number, private readonly keep: (v: V) => boolean = () => true) {}

  get(db: object, key: string, load: () => Promise<V>): Promise<V> {
    let entries = this.scopes.get(db);
    if (!entries) this.scopes.set(db, (entries = new Map()));
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    if (entries.size >= this.max) entries.clear();
    const entry = { at: now, value: load() };
    entries.set(key, entry);
    const scope = entries;
    const drop = () => { if (scope.get(key) === entry) scope.delete(key); };
    entry.value.then((v) => { if (!this.keep(v)) drop(); }, drop);
    return entry.value;
  }

  /** Forgets one key of one database, or everything. */
  forget(db?: object, key?: string): void {
    if (db === undefined || key === undefined) this.scopes = new WeakMap();
    else this.scopes.get(db)?.delete(key);
  }
}
