import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } from 'docx';
import { dateLine } from '../documents/content.ts';
import { DOCX_FONTS } from '../documents/fonts.ts';
import { BODY, body, CHAR, folioFooter, line, PAGE_PROPERTIES, TITLE } from '../documents/render-docx.ts';
import type { ReportRun } from './generate-report.ts';
import { figureReference } from './figure-reference.ts';

/**
 * The generated report as a docx in the GB/T 9704-2012 layout, on the kernel documents' page
 * (src/kernel/documents/render-docx.ts: A4, 37/28/26/35 mm, 22 × 28 grid, 「— 1 —」 folios):
 * 版头 — 发文机关标志 in red 小标宋 and the 发文字号 above a red line; 标题 二号 小标宋; 主送;
 * 一级标题 in 黑体; body 三号 仿宋 with a two-character indent; 落款 and 成文日期 on the right.
 */
const RED = 'C00000';
const face = (name: string) => ({ eastAsia: name, ascii: name, hAnsi: name });

export async function renderReportDocx(run: ReportRun): Promise<Buffer> {
  const t = run.text;
  const signatureRight = Math.max(2 * CHAR, 2 * CHAR + (dateLine(t.date).length - t.issuer.length) * CHAR);
  const doc = new Document({
    creator: '民政法治政务平台',
    title: t.title,
    subject: t.docNo,
    description: `模板第 ${run.templateVersion} 版，生成于 ${run.generatedAt}`,
    styles: { default: { document: { run: { size: BODY, font: face(DOCX_FONTS.body) } } } },
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: { default: folioFooter() },
        children: [
          // 版头: 发文机关标志 (red), 发文字号, red separator line.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 240, line: 1200, lineRule: 'exact' },
            children: [new TextRun({ text: `${t.issuer}文件`, size: 72, color: RED, font: face(DOCX_FONTS.title) })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 579, lineRule: 'exact', after: 120 },
            border: { bottom: { color: RED, style: BorderStyle.SINGLE, size: 18, space: 6 } },
            children: [body(t.docNo)],
          }),
          line([]),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: 'exact' },
            children: [new TextRun({ text: t.title, size: TITLE, font: face(DOCX_FONTS.title) })],
          }),
          line([]),
          line([body(`${t.recipient}\uff1a`)]),
          ...t.sections.flatMap((s) => [
            line([new TextRun({ text: s.heading, size: BODY, font: face('黑体') })], { firstLine: 2 * CHAR }),
            ...s.paragraphs.map((p) => line([body(p)], { firstLine: 2 * CHAR })),
          ]),
          line([]),
          line([body(t.issuer)], { align: AlignmentType.RIGHT, right: signatureRight }),
          line([body(dateLine(t.date))], { align: AlignmentType.RIGHT, right: Math.max(2 * CHAR, signatureRight - 2 * CHAR) }),
          // 附件 on a new page: every figure with its reference (指标代码, 数据编号, 来源记录数, 口径).
          ...(run.figures.length
            ? [
                new Paragraph({
                  pageBreakBefore: true,
                  spacing: { line: 579, lineRule: 'exact' },
                  children: [new TextRun({ text: '附件', size: BODY, font: face('黑体') })],
                }),
                line([body('指标来源及口径')], { align: AlignmentType.CENTER }),
                ...run.figures.map((f, i) => line([body(`${i + 1}．${figureReference(f)}`)])),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
