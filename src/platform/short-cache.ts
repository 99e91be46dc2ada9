// A process's memory of recent answers, for values read on every request that may be a few seconds
// old. It keeps the promise, so callers that arrive together share one lookup; a failed lookup, or
// an answer `keep` refuses, is forgotten as soon as it settles.
export class ShortCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(private readonly ttlMs: number, private readonly max: number, private readonly keep: (v: V) => boolean = () => true) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    if (this.entries.size >= this.max) this.entries.clear();
    const entry = { at: now, value: load() };
    this.entries.set(key, entry);
    const drop = () => { if (this.entries.get(key) === entry) this.entries.delete(key); };
    entry.value.then((v) => { if (!this.keep(v)) drop(); }, drop);
    return entry.value;
  }

  /** Forgets one key, or everything. */
  forget(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
