import pino from 'pino';

/**
 * Logged errors carry the statement, never its parameters or the values PostgreSQL quotes back.
 * PGlite attaches `params` (and pg-boss, Kysely and pg may pass such errors on), so a failed
 * login update once logged a password hash. The statement text keeps its $1 placeholders.
 */
const DROP = new Set(['params', 'parameters', 'values', 'queryOptions', 'bindings']);

/** Values PostgreSQL quotes inside messages: `invalid input syntax for type integer: "…"`, `value "…" is out of range`. */
export function scrubDbText(text: string): string {
  return text
    .replace(/(:\s*)"(?:[^"]|"")*"/g, '$1"…"')
    .replace(/\bvalue "(?:[^"]|"")*"/g, 'value "…"')
    .replace(/\)=\(.*\)/g, ')=(…)')
    .replace(/Failing row contains \((?:.|\n)*\)/g, 'Failing row contains (…)');
}

type Serialized = Record<string, unknown>;

/** The `err` serializer of every logger (pino in boot.ts, Fastify's in main.ts). */
export function safeErrSerializer(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const s = pino.stdSerializers.err(err) as unknown as Serialized;
  return scrubSerialized(s);
}

function scrubSerialized(s: Serialized): Serialized {
  for (const k of Object.keys(s)) {
    const v = s[k];
    if (DROP.has(k)) delete s[k];
    else if (typeof v === 'string' && k !== 'query' && k !== 'internalQuery') s[k] = scrubDbText(v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) s[k] = scrubSerialized({ ...(v as Serialized) });
  }
  return s;
}

/** Pino serializers for `{ err }` and `{ error }` log fields. */
export const LOG_SERIALIZERS = { err: safeErrSerializer, error: safeErrSerializer };
