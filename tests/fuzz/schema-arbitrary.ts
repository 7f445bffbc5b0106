import fc from 'fast-check';

/**
 * A fast-check arbitrary for a value of an OpenAPI (JSON Schema) schema, as the server's own
 * /openapi.json publishes it: mostly values the schema accepts, with hostile leaves mixed in
 * (control characters, lone surrogates, bidi overrides, impossible and far-off dates, integers
 * past 2^31, non-numbers, wrong types), so both the route and the shared guard are exercised.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** Strings an attacker sends. */
export const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  'x\u001b[31m',
  '\ud800',
  'ok\udfff',
  'invoice\u202efdp.exe',
  '\u2066x\u2069',
  '9999-12-31',
  '10000-01-01',
  '2019-02-30',
  '0000-00-00',
  '2019-02-30T10:00:00Z',
  '1900-01-01',
  '2099-12-31',
  "'; drop table core.case; --",
  '%00',
  '../../etc/passwd',
  '2147483648',
  '-1',
  'NaN',
  '',
  ' ',
  '\n',
  '字'.repeat(5000),
];

const HOSTILE_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, -1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER];
const HOSTILE_OTHERS = [null, true, [], {}, [null], { a: '\u0000' }];

const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_NUMBERS), fc.constantFrom(...HOSTILE_OTHERS));

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date')
    return fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 40));
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.string({ minLength: min, maxLength: max, unit: 'binary' }),
    fc.stringMatching(/^[0-9]{6,18}$/),
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = Math.max(s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000), -1e9);
  const hi = Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100000), 1e9);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) })
    : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true });
}

/** Values for a schema; `hostileRate` of the leaves are hostile (0 for none). */
export function arbitraryOf(s: JsonSchema | undefined, hostileRate = 0.15, depth = 0): fc.Arbitrary<unknown> {
  const valid = validArb(s ?? {}, hostileRate, depth);
  if (hostileRate <= 0) return valid;
  const weight = Math.max(1, Math.round(hostileRate * 100));
  return fc.oneof({ arbitrary: valid, weight: 100 - weight }, { arbitrary: hostile, weight });
}

function validArb(s: JsonSchema, rate: number, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => arbitraryOf(a, rate, depth + 1)));
  if (s.allOf?.length) return arbitraryOf(Object.assign({}, ...s.allOf) as JsonSchema, rate, depth + 1);
  const type = typeOf(s) ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryOf(s.items, rate, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3)),
      });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, p] of Object.entries(props)) shape[k] = arbitraryOf(p, rate, depth + 1);
      const keys = Object.keys(props);
      return fc.record(shape, { requiredKeys: keys.filter((k) => required.has(k)) }).chain((o) =>
        // Now and then a required key goes missing, or an unknown one arrives.
        fc.constantFrom('as-is', 'as-is', 'as-is', 'drop', 'extra').map((how) => {
          const out: Record<string, unknown> = { ...o };
          if (how === 'drop' && keys.length) delete out[keys[0]!];
          if (how === 'extra') out['unexpected\u0000key'] = 'x';
          return out;
        }),
      );
    }
    default:
      return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
  }
}
