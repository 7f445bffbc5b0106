/**
 * Deterministic JSON for hashing: object keys sorted (by UTF-16 code units, as RFC 8785),
 * no whitespace, Dates (and anything with toJSON) as their JSON form, undefined, functions
 * and symbols dropped from objects and turned into null inside arrays (as JSON.stringify
 * does), bigint written as a decimal string, non-finite numbers as null.
 *
 * Strings are made storable before they are written: PostgreSQL's text and jsonb cannot
 * hold U+0000 or an unpaired surrogate, so both become U+FFFD here. What is hashed is then
 * exactly what the database can give back.
 */
export function canonicalJson(value: unknown): string {
  const out = write(value, new Set());
  return out === undefined ? 'null' : out;
}

/**
 * The plain JSON value `canonicalJson` describes (what a jsonb column returns). Hashing
 * `toJsonValue(x)` and hashing `x` give the same canonical text.
 */
export function toJsonValue(value: unknown): unknown {
  return JSON.parse(canonicalJson(value));
}

function write(value: unknown, seen: Set<object>): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(storableString(value));
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  const obj = value as object & { toJSON?: (key: string) => unknown };
  if (typeof obj.toJSON === 'function') return write(obj.toJSON(''), seen);
  if (seen.has(obj)) throw new TypeError('canonicalJson: circular structure');
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return '[' + obj.map((v) => write(v, seen) ?? 'null').join(',') + ']';
    const parts: string[] = [];
    // Keys are made storable before sorting so the order matches what is read back.
    const entries = Object.keys(obj).map((k) => [storableString(k), (obj as Record<string, unknown>)[k]] as const);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [k, v] of entries) {
      const s = write(v, seen);
      if (s !== undefined) parts.push(JSON.stringify(k) + ':' + s);
    }
    return '{' + parts.join(',') + '}';
  } finally {
    seen.delete(obj);
  }
}

/** U+0000 and lone surrogates replaced by U+FFFD (PostgreSQL rejects both). */
export function storableString(s: string): string {
  // ES2024's String#toWellFormed (Node >= 20); the project's lib setting stops at ES2023.
  const w = (s as unknown as { toWellFormed(): string }).toWellFormed();
  return w.includes('\u0000') ? w.replaceAll('\u0000', '\uFFFD') : w;
}
