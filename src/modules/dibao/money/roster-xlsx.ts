import ExcelJS from 'exceljs';
import type { AppContext } from '../../../platform/context.ts';
import { yuanNumber } from '../../../platform/money.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { requirePermission } from '../../../kernel/identity/index.ts';
import { monthLabel } from './common.ts';
import { moneyDb } from './db.ts';
import { rosterSummary } from './roster-queries.ts';
import { ROSTER_PROBLEMS } from './check-roster.ts';

const STATUS: Record<string, string> = { generated: '已生成(未校验)', checked: '已校验', approved: '已审批' };
const KIND: Record<string, string> = { urban: '城市', rural: '农村' };

/**
 * 发放名册 as xlsx: sheet 发放名册 (Chinese headers, masked 身份证号, a 合计 row), sheet 变动情况
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

  const wb = new ExcelJS.Workbook();
  wb.creator = '民政法治政务平台';
  wb.created = ctx.clock.now();
  const title = `${r.countyName}${monthLabel(`${r.month}-01`)}城乡最低生活保障金发放名册`;
  const ws = wb.addWorksheet('发放名册');
  ws.columns = [
    { header: '序号', key: 'no', width: 8 },
    { header: '乡镇(街道)/村(社区)', key: 'area', width: 20 },
    { header: '户主姓名', key: 'name', width: 12 },
    { header: '身份证号(脱敏)', key: 'id', width: 22 },
    { header: '城乡类别', key: 'kind', width: 10 },
    { header: '家庭住址', key: 'addr', width: 30 },
    { header: '保障人数', key: 'persons', width: 10 },
    { header: '月保障金额(元)', key: 'amount', width: 16 },
    { header: '备注', key: 'note', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const l of lines) {
    ws.addRow({
      no: l.line_no,
      area: l.area_name,
      name: l.head_name ?? '',
      id: l.head_id_masked ?? '',
      kind: KIND[l.kind] ?? l.kind,
      addr: l.address ?? '',
      persons: l.insured_persons,
      amount: yuanNumber(l.amount_cents),
      note: l.gradual_exit ? '渐退' : '',
    });
  }
  const total = ws.addRow({ no: '合计', area: `${lines.length} 户`, persons: r.persons, amount: yuanNumber(r.totalCents) });
  total.font = { bold: true };
  ws.getColumn('amount').numFmt = '#,##0.00';
  ws.addRow([]);
  ws.addRow([
    `${title};状态:${STATUS[r.status] ?? r.status};版本 ${r.version}${r.approvedAt ? `;审批:${r.approvedByName ?? ''} ${r.approvedAt.slice(0, 10)}` : ''}`,
  ]);

  const cs = wb.addWorksheet('变动情况');
  cs.columns = [
    { header: '变动类型', key: 'kind', width: 10 },
    { header: '户主姓名', key: 'name', width: 12 },
    { header: '上月金额(元)', key: 'before', width: 14 },
    { header: '本月金额(元)', key: 'after', width: 14 },
    { header: '变动金额(元)', key: 'diff', width: 14 },
    { header: '变动原因', key: 'reason', width: 50 },
  ];
  cs.getRow(1).font = { bold: true };
  for (const c of changes)
    cs.addRow({
      kind: c.kind,
      name: c.head_name ?? '',
      before: yuanNumber(c.before_cents),
      after: yuanNumber(c.after_cents),
      diff: yuanNumber(c.after_cents - c.before_cents),
      reason: c.reason ?? '',
    });

  if (problems.length) {
    const ps = wb.addWorksheet('校验问题');
    ps.columns = [
      { header: '序号', key: 'no', width: 8 },
      { header: '户主姓名', key: 'name', width: 12 },
      { header: '问题类型', key: 'code', width: 24 },
      { header: '问题说明', key: 'msg', width: 70 },
    ];
    ps.getRow(1).font = { bold: true };
    for (const p of problems)
      ps.addRow({ no: p.line_no, name: p.head_name ?? '', code: ROSTER_PROBLEMS[p.code as keyof typeof ROSTER_PROBLEMS] ?? p.code, msg: p.message });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: `${title}.xlsx` };
}
