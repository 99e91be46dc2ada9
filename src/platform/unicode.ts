// Text is stored NFC-normalised: "Zoë" typed as o + U+0308 (as some keyboards and macOS file names
// send it) is the same name as the composed ë, and finds it in search.
const SECRET_KEY = /password|secret/i;

// A JSON object, or a parsed querystring (whose prototype is an empty object without a prototype).
const isPlain = (o: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
};

/** Every string in a JSON value in NFC, in place, except under keys that hold passwords or secrets (compared byte for byte). */
export function nfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value && typeof value === 'object' && isPlain(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!SECRET_KEY.test(k)) (value as Record<string, unknown>)[k] = nfcDeep(v);
    }
  }
  return value;
}
