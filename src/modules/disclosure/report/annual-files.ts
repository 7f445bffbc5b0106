import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { folioFooter, PAGE_PROPERTIES } from '../../../kernel/documents/index.ts';
import type { AnnualTables } from '../contracts/http.ts';

const head = (t: AnnualTables) => `${t.area.name}民政部门${t.year}年政府信息公开工作年度报告`;
const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

function overview(t: AnnualTables): string[] {
  const published = t.proactive.reduce((n, r) => n + r.published.value, 0);
  const fresh = t.requestRows[0]!.cells.at(-1)!.value;
  const done = t.requestRows.find((r) => r.label === '（七）总计')!.cells.at(-1)!.value;
  return [
    `${t.year}年，本地区民政部门主动公开政府信息${published}条；收到政府信息公开申请${fresh}件，办结${done}件，其中逾期答复${t.onTime.late.value}件。`,
    '（本节其余内容——政府信息管理、平台建设、监督保障——由年报编写人员补充。）',
  ];
}

const tableOf = (rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          children: r.map(
            (text) =>
              new TableCell({
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: 21, bold: i === 0 })] })],
                borders: Object.fromEntries(['top', 'bottom', 'left', 'right'].map((k) => [k, { style: BorderStyle.SINGLE, size: 4, color: '000000' }])),
              }),
          ),
        }),
    ),
  });

export const proactiveRows = (t: AnnualTables) => [
  ['第二十条类别', '本年公开条数', '本年撤回条数', '现行有效条数'],
  ...t.proactive.map((r) => [
    r.category.replace(/^（(.+?)）.*$/, '第二十条第（$1）项'),
    String(r.published.value),
    String(r.withdrawn.value),
    String(r.current.value),
  ]),
];
/** The 30号 tables of 第二十条 (一)(五)(六)(八), each a header row and its rows. */
export const actsTables = (t: AnnualTables): string[][][] => {
  const byItem = (item: string) => t.acts.decisions.filter((d) => d.item === item).map((d) => [d.label, String(d.decisions.value)]);
  return [
    [
      ['第二十条第（一）项', '本年制发件数', '本年废止件数', '现行有效件数'],
      ...t.acts.documents.map((d) => [d.label, ...[d.issued, d.repealed, d.current].map((c) => String(c.value))]),
    ],
    [['第二十条第（五）项', '本年处理决定数量'], ...byItem('第二十条第（五）项')],
    [['第二十条第（六）项', '本年处理决定数量'], ...byItem('第二十条第（六）项')],
    [
      ['第二十条第（八）项', '本年收费金额（单位：万元）'],
      [t.acts.charges.label, String(t.acts.charges.tenThousandYuan.value)],
    ],
  ];
};
/** Every figure of the 第二十条 tables with its records, for the 数据来源 sheet. */
const actsSources = (t: AnnualTables): Array<[string, string, number, string[]]> => [
  ...t.acts.documents.flatMap((d) =>
    (
      [
        ['本年制发件数', d.issued],
        ['本年废止件数', d.repealed],
        ['现行有效件数', d.current],
      ] as const
    ).map(([col, c]) => [d.label, col, c.value, c.ids] as [string, string, number, string[]]),
  ),
  ...t.acts.decisions.map((d) => [d.label, '本年处理决定数量', d.decisions.value, d.decisions.ids] as [string, string, number, string[]]),
  [t.acts.charges.label, '本年收费金额（万元）', t.acts.charges.tenThousandYuan.value, t.acts.charges.tenThousandYuan.ids],
];
/** The 口径 of the figures that are 0 by rule or by an empty register (规章, 收费) and of 行政强制. */
export const actsNotes = (t: AnnualTables): string[] => [
  ...t.acts.documents.filter((d) => d.note).map((d) => `${d.label}：${d.note}`),
  ...t.acts.decisions.filter((d) => d.note).map((d) => `${d.label}：${d.note}`),
  `${t.acts.charges.label}：${t.acts.charges.note}`,
];
export const requestRows = (t: AnnualTables) => [
  ['本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', ...t.requestColumns],
  ...t.requestRows.map((r) => [r.label, ...r.cells.map((c) => String(c.value))]),
];
const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const blank = (n: number) => Array<string>(n).fill('');
/** 四: the 30号 table — 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, each 结果维持 … 总计. */
export const remedyRows = (t: AnnualTables) => [
  ['行政复议', ...blank(4), '行政诉讼', ...blank(9)],
  [...blank(5), '未经复议直接起诉', ...blank(4), '复议后起诉', ...blank(4)],
  [...RESULTS, ...RESULTS, ...RESULTS],
  [t.remedies.review, t.remedies.direct, t.remedies.afterReview].flatMap((g) => g.map((c) => String(c.value))),
];
const remedySources = (t: AnnualTables): Array<[string, string, number, string[]]> =>
  (
    [
      ['行政复议', t.remedies.review],
      ['行政诉讼·未经复议直接起诉', t.remedies.direct],
      ['行政诉讼·复议后起诉', t.remedies.afterReview],
    ] as const
  ).flatMap(([row, cells]) => cells.map((c, i) => [row, RESULTS[i]!, c.value, c.ids] as [string, string, number, string[]]));

/** The 30号 report as a docx: the six sections, the tables of 二 and 三, the cross-check line. */
export async function annualDocx(t: AnnualTables): Promise<Buffer> {
  const p = (text: string, bold = false) => new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text, size: 32, bold })] });
  const doc = new Document({
    creator: '民政法治政务平台',
    title: head(t),
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: { default: folioFooter() },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: head(t), size: 44, bold: true })] }),
          p(SECTIONS[0]!, true),
          ...overview(t).map((x) => p(x)),
          p(SECTIONS[1]!, true),
          ...actsTables(t).flatMap((rows) => [tableOf(rows), p('')]),
          ...actsNotes(t).map((x) => p(x)),
          p('按第二十条类别统计的主动公开信息：'),
          tableOf(proactiveRows(t)),
          p(SECTIONS[2]!, true),
          tableOf(requestRows(t)),
          p(t.crossCheck.text),
          p(SECTIONS[3]!, true),
          tableOf(remedyRows(t)),
          p(t.remedies.note),
          p(SECTIONS[4]!, true),
          p('（由年报编写人员填写。）'),
          p(SECTIONS[5]!, true),
          p(`本年度收取信息处理费${t.fees.value.toFixed(2)}元（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。`),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The same tables as an xlsx, with a sheet listing the record ids behind every figure. */
export async function annualXlsx(t: AnnualTables): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '民政法治政务平台';
  const sheet = (name: string, rows: string[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([head(t)]).font = { bold: true };
    for (const r of rows) ws.addRow(r.map((x) => (/^\d+(\.\d+)?$/.test(x) ? Number(x) : x)));
    ws.getRow(2).font = { bold: true };
    ws.getColumn(1).width = 60;
    return ws;
  };
  sheet('二、主动公开', [...actsTables(t).flatMap((rows) => [...rows, ['']]), ...actsNotes(t).map((x) => [x]), [''], ...proactiveRows(t)]);
  const s3 = sheet('三、依申请公开', requestRows(t));
  s3.addRow([t.crossCheck.text]);
  sheet('四、复议诉讼', remedyRows(t)).addRow([t.remedies.note]);
  const src = wb.addWorksheet('数据来源');
  src.addRow(['表', '行', '列', '数值', '记录编号（案件 ID）']).font = { bold: true };
  for (const r of t.proactive)
    for (const [col, c] of [
      ['本年公开', r.published],
      ['本年撤回', r.withdrawn],
      ['现行有效', r.current],
    ] as const)
      if (c.value) src.addRow(['二', r.category, col, c.value, c.ids.join(' ')]);
  for (const [row, col, value, ids] of actsSources(t)) if (value) src.addRow(['二', row, col, value, ids.join(' ')]);
  for (const [row, col, value, ids] of remedySources(t)) if (value) src.addRow(['四', row, col, value, ids.join(' ')]);
  for (const r of t.requestRows) r.cells.forEach((c, i) => c.value && src.addRow(['三', r.label, t.requestColumns[i], c.value, c.ids.join(' ')]));
  src.getColumn(2).width = 50;
  src.getColumn(5).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
