import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';

export type RefKey = { prefix: string; type: string; areaCode: string; year: number };

/**
 * The next human reference number, gapless per (type, area, year): XF-640104-2019-000123, as a data-modifying CTE `rn`
 * (its `last`; `refNoText` makes the number) for the statement that writes it. The counter row is upserted and
 * incremented in the caller's transaction, so a rolled-back case gives its number back and concurrent creators queue on
 * the one counter row until commit: take it as late in the transaction as possible.
 */
export const refNoCounter = ({ type, areaCode, year }: Omit<RefKey, 'prefix'>) => sql`rn as (
    insert into core.case_ref_counter (type, area_code, year, last) values (${type}, ${areaCode}, ${year}, 1)
    on conflict (type, area_code, year) do update set last = core.case_ref_counter.last + 1
    returning last)`;

/** The reference number from `rn.last`: prefix, area, year and at least six digits. */
export const refNoText = ({ prefix, areaCode, year }: Omit<RefKey, 'type'>) =>
  sql<string>`cast(${`${prefix}-${areaCode}-${year}-`} as text) || lpad(rn.last::text, greatest(6, length(rn.last::text)), '0')`;

/**
 * Next number of a numbering series (文号: 宁民规发〔2019〕3号), gapless per (series, year, scope),
 * on the same counter as case references: taken inside the caller's transaction, so a rolled-back
 * transaction returns its number. The caller formats it.
 */
export async function nextNumber(tx: AppContext, series: string, year: number, scope = ''): Promise<number> {
  if (!tx.db.isTransaction) throw new Error('nextNumber must run inside withTx');
  if (!series.trim()) throw new Error('nextNumber: series name required');
  const r = await sql<{ last: number }>`
    insert into core.case_ref_counter (type, area_code, year, last) values (${`series:${series}`}, ${scope}, ${year}, 1)
    on conflict (type, area_code, year) do update set last = core.case_ref_counter.last + 1
    returning last`.execute(tx.db);
  return Number(r.rows[0]!.last);
}
