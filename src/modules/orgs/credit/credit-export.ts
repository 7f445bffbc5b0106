import { sql } from 'kysely';
import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError } from '../../../platform/errors.ts';
import { inScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { CREDIT_LIST_LABEL, CREDIT_LISTS, ORG_KIND_LABEL } from '../contract.ts';
import { reasonLabel } from './credit-rules.ts';

/**
 * The columns of the export, in the national credit-information fields: the docs give no exact
 * 全国信用信息共享平台 field set, so these are what 民政部令第60号 makes a listing decision state —
 * the subject (统一社会信用代码, name, type, 法定代表人), the list, the reason and its facts, the
 * date and the deciding authority (登记管理机关) — and its removal (date and reason).
 */
export const CREDIT_EXPORT_COLUMNS = [
  '统一社会信用代码',
  '社会组织名称',
  '社会组织类型',
  '法定代表人',
  '名单类型',
  '列入事由',
  '列入事实',
  '列入日期',
  '作出决定机关',
  '履行义务或完成整改日期',
  '移出日期',
  '移出事由',
] as const;

/** Listings one export may hold; a larger scope is asked to narrow down (current ones only). */
const MAX_ROWS = 50_000;

export const CreditExportQuery = z.object({
  list: z.enum(CREDIT_LISTS).default('abnormal'),
  current: z.enum(['1', '0']).default('1'),
});

/** The listings of one list in the actor's scope (as GET /api/orgs/credit-lists), as an xlsx workbook. */
export async function creditListWorkbook(ctx: AppContext, actor: Actor, q: z.infer<typeof CreditExportQuery>): Promise<{ buffer: Buffer; fileName: string }> {
  requirePermission(actor, 'orgs.read');
  const today = chinaDate(ctx.clock.now());
  let base = orgsDb(ctx.db)
    .selectFrom('orgs.credit_listing as l')
    .innerJoin('orgs.organization as o', 'o.id', 'l.organization_id')
    .innerJoin('core.org_unit as u', 'u.id', 'o.authority_org_unit_id')
    .where(inScope(actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .where('l.list', '=', q.list);
  if (q.current === '1') base = base.where('l.listed_on', '<=', today).where((w) => w.or([w('l.removed_on', 'is', null), w('l.removed_on', '>', today)]));
  const rows = await base
    .select([
      'o.uscc',
      'o.name',
      'o.kind',
      'o.legal_representative',
      'l.reason',
      'l.detail',
      'u.name as authority',
      'l.removal_reason',
      sql<string>`l.listed_on::text`.as('listed_on'),
      sql<string | null>`l.obligation_met_on::text`.as('met'),
      sql<string | null>`l.removed_on::text`.as('removed_on'),
    ])
    .orderBy('l.listed_on', 'desc')
    .orderBy('l.id')
    .limit(MAX_ROWS + 1)
    .execute();
  if (rows.length > MAX_ROWS) throw new AppError('ORG_EXPORT_TOO_BIG', 400, `名单超过${MAX_ROWS}条，请只导出当前在列的记录或由下级机关分别导出。`);
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet(CREDIT_LIST_LABEL[q.list]);
  ws.columns = CREDIT_EXPORT_COLUMNS.map((h) => ({ header: h, width: h === '列入事实' || h === '移出事由' ? 40 : 20, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow([
      r.uscc,
      r.name,
      ORG_KIND_LABEL[r.kind],
      r.legal_representative,
      CREDIT_LIST_LABEL[q.list],
      reasonLabel(q.list, r.reason),
      r.detail ?? '',
      r.listed_on,
      r.authority,
      r.met ?? '',
      r.removed_on ?? '',
      r.removal_reason ?? '',
    ]);
  const which = q.current === '1' ? '当前在列' : '全部';
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${CREDIT_LIST_LABEL[q.list]}（${which}）_${today}.xlsx` };
}
