import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { addStatSheet, type FiledBy, type StatCell } from '../../../kernel/documents/index.ts';
import { ITEM_TYPES } from '../contracts/codes.ts';
import type { DiffReport } from './diff.ts';

const typeLabel = (c: string | null) => (c && c in ITEM_TYPES ? `${c} ${ITEM_TYPES[c as keyof typeof ITEM_TYPES]}` : (c ?? ''));

/** The 四级四同 diff as a workbook: 汇总, 漏项, 重项, 错项, each with its title and 填报单位 rows. */
export async function diffWorkbook(d: DiffReport, filed: FiledBy): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '民政法治政务平台';
  const title = `${d.area.name}政务服务事项“四级四同”比对表`;
  const sheet = (name: string, cols: Array<[string, string, number]>, rows: Record<string, unknown>[]) => {
    const ws = addStatSheet(
      wb,
      name,
      { title: `${title}（${name}）`, ...filed },
      cols.map(([header, , width]) => [header, width]),
    );
    for (const r of rows) ws.add(cols.map(([, key]) => r[key] as StatCell));
  };
  sheet(
    '汇总',
    [
      ['项目', 'k', 24],
      ['内容', 'v', 60],
    ],
    [
      { k: '地区', v: `${d.area.name}（${d.area.code}）` },
      { k: '比对的基本目录版本', v: `第${d.version.number}版 ${d.version.title}` },
      { k: '有实施清单的地区数', v: d.summary.areas },
      { k: '实施清单事项数', v: d.summary.rows },
      { k: '漏项', v: d.summary.missing },
      { k: '重项', v: d.summary.duplicate },
      { k: '错项', v: d.summary.wrong },
    ],
  );
  sheet(
    '漏项',
    [
      ['区划代码', 'areaCode', 12],
      ['地区', 'areaName', 16],
      ['基本编码', 'baseCode', 16],
      ['事项名称', 'name', 60],
      ['事项类型', 'type', 14],
    ],
    d.missing.map((r) => ({ ...r, type: typeLabel(r.typeCode) })),
  );
  sheet(
    '重项',
    [
      ['区划代码', 'areaCode', 12],
      ['地区', 'areaName', 16],
      ['基本编码', 'baseCode', 16],
      ['事项名称', 'name', 50],
      ['实施编码', 'codes', 70],
      ['实施主体', 'offices', 40],
    ],
    d.duplicates.map((r) => ({ ...r, codes: r.implCodes.join('\n'), offices: r.offices.join('、') })),
  );
  sheet(
    '错项',
    [
      ['区划代码', 'areaCode', 12],
      ['地区', 'areaName', 16],
      ['实施主体', 'officeName', 24],
      ['实施编码', 'implCode', 36],
      ['不一致要素', 'fieldLabel', 12],
      ['基本目录', 'expected', 50],
      ['实施清单', 'actual', 50],
    ],
    d.wrong.map((r) => ({
      ...r,
      expected: r.field === 'typeCode' ? typeLabel(r.expected) : (r.expected ?? '（基本目录无此编码）'),
      actual: r.field === 'typeCode' ? typeLabel(r.actual) : r.actual,
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
