import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { dateLine, numberLine, recipientLine, verifyNote, type DocumentContent } from './content.ts';
import { DOCX_FONTS } from './fonts.ts';

/**
 * The editable copy (docx) of a document, in the same GB/T 9704 page: A4, margins 37/28/26/35 mm,
 * a 22-line × 28-character grid (linePitch 579, charSpace −849 at 三号), title 二号 小标宋,
 * body 三号 仿宋, page numbers 四号 「— 1 —」. It names the official faces, which the offices'
 * word processors have; the issued PDF remains the authentic version.
 */
export const BODY = 32; // half-points: 三号 16 pt
export const TITLE = 44; // 二号 22 pt
export const FOLIO = 28; // 四号 14 pt
export const CHAR = 320; // one character at 三号, in twips
export const body = (text: string, size = BODY) =>
  new TextRun({ text, size, font: { eastAsia: DOCX_FONTS.body, ascii: DOCX_FONTS.body, hAnsi: DOCX_FONTS.body } });
export const line = (
  children: TextRun[],
  opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; firstLine?: number; right?: number; left?: number } = {},
) =>
  new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: { firstLine: opts.firstLine, right: opts.right, left: opts.left },
    spacing: { line: 579, lineRule: 'exact', before: 0, after: 0 },
  });

/** The GB/T 9704 page: A4, margins, the 22 × 28 grid (shared with the annual report, src/kernel/report). */
export const PAGE_PROPERTIES = {
  page: {
    // Twips, rounded to the nearest (the library's converter truncates A4 to 11905 × 16837).
    size: { width: 11906, height: 16838 },
    margin: { top: 2098, left: 1588, right: 1474, bottom: 1984, footer: 1588 },
  },
  grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: 579, charSpace: -849 },
};

/** Page numbers 「— 1 —」 in 四号, centred. */
export const folioFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [body('— ', FOLIO), new TextRun({ children: [PageNumber.CURRENT], size: FOLIO }), body(' —', FOLIO)],
      }),
    ],
  });

export async function renderDocx(c: DocumentContent): Promise<Buffer> {
  const no = numberLine(c);
  const signatureRight = Math.max(2 * CHAR, 2 * CHAR + (dateLine(c.date).length - c.issuer.length) * CHAR);
  const doc = new Document({
    creator: '民政法治政务平台',
    title: c.title,
    subject: c.docNo,
    styles: { default: { document: { run: { size: BODY, font: { eastAsia: DOCX_FONTS.body, ascii: DOCX_FONTS.body, hAnsi: DOCX_FONTS.body } } } } },
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: { default: folioFooter() },
        children: [
          line([]),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: 'exact' },
            children: [new TextRun({ text: c.title, size: TITLE, font: { eastAsia: DOCX_FONTS.title, ascii: DOCX_FONTS.title, hAnsi: DOCX_FONTS.title } })],
          }),
          line([body(no)], { align: AlignmentType.CENTER }),
          line([]),
          line([body(recipientLine(c))]),
          ...c.body.map((p) => line([body(p)], { firstLine: 2 * CHAR })),
          ...(c.remedy ? [line([body(c.remedy)], { firstLine: 2 * CHAR })] : []),
          line([]),
          line([body(c.issuer)], { align: AlignmentType.RIGHT, right: signatureRight }),
          line([body(dateLine(c.date))], { align: AlignmentType.RIGHT, right: Math.max(2 * CHAR, signatureRight - 2 * CHAR) }),
          line([body(verifyNote(c))], { firstLine: 2 * CHAR }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
