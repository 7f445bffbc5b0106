import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';

/** The offices a 举报 can be addressed to on the portal: the 民政厅 and the 民政局 of each city and county. */
export const OFFICE_CODE = sql<boolean>`(u.code like '%-mzt' or u.code like '%-mzj') and u.active and not u.is_sample`;

export async function tipoffOffices(ctx: AppContext) {
  const rows = (await sql<{ code: string; name: string }>`select u.code, u.name from core.org_unit u where ${OFFICE_CODE} order by u.area_code`.execute(ctx.db))
    .rows;
  return { items: rows };
}
