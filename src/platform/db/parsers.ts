/**
 * One type-parser table for both drivers. Without it PGlite and pg return different
 * values: int8 as number vs string, and a `date` as UTC vs local midnight (fatal for deadlines).
 */
export const OID = { INT8: 20, DATE: 1082, NUMERIC: 1700, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

export function parseInt8(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${v} exceeds 2^53`);
  return n;
}

const identity = (v: string) => v;

/** Parsers keyed by type OID, in the shape PGlite's `parsers` option takes. */
export const PARSERS: Record<number, (v: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.DATE]: identity,
  [OID.NUMERIC]: identity,
};
