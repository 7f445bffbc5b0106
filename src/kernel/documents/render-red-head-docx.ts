import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { dateLine } from './content.ts';
import { DOCX_FONTS } from './fonts.ts';
import { BODY, body, CHAR, folioFooter, line, PAGE_PROPERTIES, TITLE } from './render-docx.ts';
import { printedOn, RED_HEAD_COLOUR as RED, type RedHeadContent } from './red-head.ts';

const face = (name: string) => ({ eastAsia: name, ascii: name, hAnsi: name });
const IMPRINT = 28; // 四号 for the 版记
const rule = (size: number) => ({ color: '000000', style: BorderStyle.SINGLE, size, space: 1 });

/**
 * A 红头文件 as an editable docx on the kernel documents' GB/T 9704 page (A4, 37/28/26/35 mm, 22 × 28 grid,
 * 「— 1 —」 folios): 版头 — 发文机关标志 in red 小标宋 and the 发文字号 above a red line; 标题 二号 小标宋; 主送;
 * 一级标题 in 黑体; body 三号 仿宋 two characters in; 落款 and 成文日期 on the right; 附件; 版记.
 */
export async function renderRedHeadDocx(t: RedHeadContent): Promise<Buffer> {
  const signatureRight = Math.max(2 * CHAR, 2 * CHAR + (dateLine(t.date).length - t.issuer.length) * CHAR);
  const imprint = t.imprint
    ? [
        line([]),
        new Paragraph({
          spacing: { line: 579, lineRule: 'exact' },
          indent: { left: CHAR, right: CHAR },
          border: { top: rule(12), bottom: rule(12) },
          tabStops: [{ type: TabStopType.RIGHT, position: 9026 - 2 * CHAR }],
          children: [
            new TextRun({ text: t.imprint.by, size: IMPRINT, font: face(DOCX_FONTS.body) }),
            new TextRun({ text: `\t${printedOn(dateLine(t.imprint.on))}`, size: IMPRINT, font: face(DOCX_FONTS.body) }),
          ],
        }),
      ]
    : [];
  const doc = new Document({
    creator: '民政法治政务平台',
    title: t.title,
    subject: t.docNo,
    description: t.description,
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
          ...(t.recipient ? [line([body(`${t.recipient}\uff1a`)])] : []),
          ...t.sections.flatMap((s) => [
            ...(s.heading ? [line([new TextRun({ text: s.heading, size: BODY, font: face('黑体') })], { firstLine: 2 * CHAR })] : []),
            ...s.paragraphs.map((p) => line([body(p)], { firstLine: 2 * CHAR })),
          ]),
          line([]),
          line([body(t.issuer)], { align: AlignmentType.RIGHT, right: signatureRight }),
          line([body(dateLine(t.date))], { align: AlignmentType.RIGHT, right: Math.max(2 * CHAR, signatureRight - 2 * CHAR) }),
          ...(t.appendix
            ? [
                new Paragraph({
                  pageBreakBefore: true,
                  spacing: { line: 579, lineRule: 'exact' },
                  children: [new TextRun({ text: t.appendix.label, size: BODY, font: face('黑体') })],
                }),
                line([body(t.appendix.title)], { align: AlignmentType.CENTER }),
                ...t.appendix.paragraphs.map((p) => line([body(p)])),
              ]
            : []),
          ...imprint,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
