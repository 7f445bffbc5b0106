/**
 * A list's total from its page read with `count(*) over () as total` (page and total in one
 * round trip): the first row's figure, or, for a page past the end (no rows to carry it), one
 * count — a request that rarely happens.
 */
export async function pageTotal(rows: readonly { total: string | number }[], page: number, count: () => Promise<number | string | bigint>): Promise<number> {
  if (rows.length) return Number(rows[0]!.total);
  return page > 1 ? Number(await count()) : 0;
}
