import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';

/**
 * Next human reference number, gapless per (type, area, year): XF-640104-2019-000123.
 * The counter row is upserted and incremented in the caller's transaction, so a rolled-back
 * case gives its number back and concurrent creators queue on the one counter row.
 */
export async function nextRefNo(
  tx: AppContext,
  { prefix, type, areaCode, year }: { prefix: string; type: string; areaCode: string; year: number },
): Promise<string> {
  if (!tx.db.isTransaction) throw new Error('nextRefNo must run inside withTx');
  const r = await sql<{ last: number }>`
    insert into core.case_ref_counter (type, area_code, year, last) values (${type}, ${areaCode}, ${year}, 1)
    on conflict (type, area_code, year) do update set last = core.case_ref_counter.last + 1
    returning last`.execute(tx.db);
  const n = r.rows[0]!.last;
  return `${prefix}-${areaCode}-${year}-${String(n).padStart(6, '0')}`;
}

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
