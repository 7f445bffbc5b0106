import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { addStatSheet, dateLine, filedBy, yuanCell } from '../../../kernel/documents/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { requirePermission } from '../../../kernel/identity/index.ts';
import { monthLabel } from './common.ts';
import { moneyDb } from './db.ts';
import { rosterSummary } from './roster-queries.ts';
import { ROSTER_PROBLEMS } from './check-roster.ts';

const STATUS: Record<string, string> = { generated: '已生成（未校验）', checked: '已校验', approved: '已审批' };
const KIND: Record<string, string> = { urban: '城市', rural: '农村' };

/**
 * 发放名册 as xlsx: sheet 发放名册 (title and 填报单位 rows, Chinese headers, masked 身份证号, a 合计 row), sheet 变动情况
 * (新增/增发/减发/停发 with reasons) and, when the last check found any, sheet 校验问题.
 */
export async function rosterWorkbook(ctx: AppContext, actor: Actor, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  requirePermission(actor, 'dibao.read');
  const r = await rosterSummary(ctx, actor, id);
  const db = moneyDb(ctx.db);
  const lines = await db
    .selectFrom('dibao.roster_line as l')
    .innerJoin('core.area as a', 'a.code', 'l.area_code')
    .select([
      'l.line_no',
      'a.name as area_name',
      'l.head_name',
      'l.head_id_masked',
      'l.kind',
      'l.address',
      'l.insured_persons',
      'l.amount_cents',
      'l.gradual_exit',
    ])
    .where('l.roster_id', '=', id)
    .orderBy('l.line_no')
    .execute();
  const changes = await db.selectFrom('dibao.roster_change').selectAll().where('roster_id', '=', id).orderBy('kind').orderBy('head_name').execute();
  const problems = await db
    .selectFrom('dibao.roster_problem as p')
    .innerJoin('dibao.roster_line as l', (j) => j.onRef('l.roster_id', '=', 'p.roster_id').onRef('l.household_id', '=', 'p.household_id'))
    .select(['l.line_no', 'l.head_name', 'p.code', 'p.message'])
    .where('p.roster_id', '=', id)
    .orderBy('l.line_no')
    .execute();

  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '民政法治政务平台';
  wb.created = ctx.clock.now();
  const title = `${r.countyName}${monthLabel(`${r.month}-01`)}城乡最低生活保障金发放名册`;
  const filed = await filedBy(ctx, actor);
  const ws = addStatSheet(wb, '发放名册', { title, ...filed }, [
    ['序号', 8],
    ['乡镇（街道）/村（社区）', 22],
    ['户主姓名', 12],
    ['身份证号（脱敏）', 22],
    ['城乡类别', 10],
    ['家庭住址', 30],
    ['保障人数（人）', 10],
    ['月保障金额（元）', 16],
    ['备注', 12],
  ]);
  for (const l of lines)
    ws.add([
      l.line_no,
      l.area_name,
      l.head_name ?? '',
      l.head_id_masked ?? '',
      KIND[l.kind] ?? l.kind,
      l.address ?? '',
      l.insured_persons,
      yuanCell(l.amount_cents),
      l.gradual_exit ? '渐退' : '',
    ]);
  ws.add(['合计', `${lines.length} 户`, '', '', '', '', r.persons, yuanCell(r.totalCents)]).font = { bold: true };
  ws.add([]);
  ws.add([
    `状态：${STATUS[r.status] ?? r.status}；版本 ${r.version}${r.approvedAt ? `；审批：${r.approvedByName ?? ''} ${dateLine(chinaDate(new Date(r.approvedAt)))}` : ''}`,
  ]);

  const cs = addStatSheet(wb, '变动情况', { title: `${title}（变动情况）`, ...filed }, [
    ['变动类型', 10],
    ['户主姓名', 12],
    ['上月金额（元）', 14],
    ['本月金额（元）', 14],
    ['变动金额（元）', 14],
    ['变动原因', 50],
  ]);
  for (const c of changes)
    cs.add([c.kind, c.head_name ?? '', yuanCell(c.before_cents), yuanCell(c.after_cents), yuanCell(c.after_cents - c.before_cents), c.reason ?? '']);

  if (problems.length) {
    const ps = addStatSheet(wb, '校验问题', { title: `${title}（校验问题）`, ...filed }, [
      ['序号', 8],
      ['户主姓名', 12],
      ['问题类型', 24],
      ['问题说明', 70],
    ]);
    for (const p of problems) ps.add([p.line_no, p.head_name ?? '', ROSTER_PROBLEMS[p.code as keyof typeof ROSTER_PROBLEMS] ?? p.code, p.message]);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: `${title}.xlsx` };
}
