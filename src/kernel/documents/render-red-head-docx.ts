import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  HorizontalPositionAlign,
  Packer,
  Paragraph,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
} from 'docx';
import { dateLine } from './content.ts';
import { DOCX_FONTS } from './fonts.ts';
import { BODY, body, CHAR, DOC_STYLES, line, PAGE_PROPERTIES, sideFolios, TITLE } from './render-docx.ts';
import { printedOn, RED_HEAD_COLOUR as RED, type RedHeadContent } from './red-head.ts';

const face = (name: string) => ({ eastAsia: name, ascii: name, hAnsi: name });
const IMPRINT = 28; // 四号 for the 版记
const rule = (size: number) => ({ color: '000000', style: BorderStyle.SINGLE, size, space: 1 });
const TEXT_WIDTH = 9026 - 182; // twips of the 156 mm line less the borders' inset
/** Characters of 二号 a title line holds, with a margin (the 156 mm line holds 20). */
const TITLE_CHARS = 18;

/**
 * GB/T 9704 7.3.3: a long title goes on several lines, 「回行时，要做到词意完整，排列对称」 — near-balanced
 * lines, broken preferably after the body's name (…自治区, …厅, …局) or a year, or before 关于; never inside a
 * run of digits or Latin letters, nor before closing punctuation.
 */
export function titleLines(title: string, perLine = TITLE_CHARS): string[] {
  const chars = [...title];
  if (chars.length <= perLine) return [title];
  const target = Math.ceil(chars.length / Math.ceil(chars.length / perLine));
  const allowed = (i: number) => !(/[0-9A-Za-z]/.test(chars[i - 1]!) && /[0-9A-Za-z]/.test(chars[i]!)) && !/[，。、；：）》”’]/.test(chars[i]!);
  const bonus = (i: number) =>
    /[区厅局市]/.test(chars[i - 1]!) && !/[域划]/.test(chars[i]!) ? 5 : chars[i - 1] === '年' ? 3 : chars[i] === '关' && chars[i + 1] === '于' ? 3 : 0;
  let best = -1;
  let score = Infinity;
  for (let i = Math.max(2, target - 5); i <= Math.min(perLine, target + 5, chars.length - 2); i++) {
    const v = Math.abs(i - target) - bonus(i);
    if (allowed(i) && v < score) [best, score] = [i, v];
  }
  if (best < 0) best = Math.min(perLine, target);
  return [chars.slice(0, best).join(''), ...titleLines(chars.slice(best).join(''), perLine)];
}

/**
 * A 红头文件 as an editable docx on the kernel documents' GB/T 9704 page (A4, 37/28/26/35 mm, 22 × 28 grid,
 * 「— 1 —」 folios, odd pages right and even pages left): 版头 — 发文机关标志 in red 小标宋 and the 发文字号 above a red line; 标题 二号 小标宋; 主送;
 * 一级标题 in 黑体; body 三号 仿宋 two characters in; 落款 and 成文日期 on the right; 附件; 版记.
 */
export async function renderRedHeadDocx(t: RedHeadContent): Promise<Buffer> {
  const signatureRight = Math.max(2 * CHAR, 2 * CHAR + (dateLine(t.date).length - t.issuer.length) * CHAR);
  const imprint = t.imprint
    ? [
        new Paragraph({
          spacing: { line: 579, lineRule: 'exact' },
          indent: { left: CHAR, right: CHAR },
          // GB/T 9704 7.4: at the foot of the last page, its last line on the 版心's lower edge.
          frame: {
            type: 'alignment',
            alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
            anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
            width: TEXT_WIDTH,
            height: 579,
          },
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
    styles: DOC_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: sideFolios(),
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
            children: titleLines(t.title).map((l, i) => new TextRun({ text: l, break: i ? 1 : 0, size: TITLE, font: face(DOCX_FONTS.title) })),
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
