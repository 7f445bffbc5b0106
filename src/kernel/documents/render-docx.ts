import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { dateLine, numberLine, recipientLine, verifyNote, type DocumentContent } from './content.ts';
import { DOCX_FONTS } from './fonts.ts';

/**
 * The editable copy (docx) of a document, in the same GB/T 9704 page: A4, margins 37/28/26/35 mm,
 * 22 lines (linePitch 579) of 28 characters (spacing −0.25 pt at 三号), title 二号 小标宋,
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

/**
 * The GB/T 9704 page: A4, margins, 22 lines on the line grid (shared with the annual report, src/kernel/report).
 * Lines only: a character grid (linesAndChars with a negative charSpace) makes LibreOffice put each 三号
 * character in two cells — 14 to 17 characters a line; the 28 come from the run spacing (DOC_STYLES).
 */
export const PAGE_PROPERTIES = {
  page: {
    // Twips, rounded to the nearest (the library's converter truncates A4 to 11905 × 16837).
    size: { width: 11906, height: 16838 },
    margin: { top: 2098, left: 1588, right: 1474, bottom: 1984, footer: 1588 },
  },
  grid: { type: DocumentGridType.LINES, linePitch: 579 },
};

const BODY_RUN = {
  size: BODY,
  font: { eastAsia: DOCX_FONTS.body, ascii: DOCX_FONTS.body, hAnsi: DOCX_FONTS.body },
  // −0.25 pt a character: 28 三号 characters (28 × 15.75 pt = 441 pt) fit the 156 mm line.
  characterSpacing: -5,
};
/** The document's styles: the body face, 三号 and the spacing for 28 characters a line, also on the Normal paragraph style. */
export const DOC_STYLES = { default: { document: { run: BODY_RUN } }, paragraphStyles: [{ id: 'Normal', name: 'Normal', run: BODY_RUN }] };

/** GB/T 9704 7.5 page numbers 「— 1 —」 in 四号: odd pages on the right, even pages on the left, one character in. */
export const sideFolios = () => {
  const folio = (alignment: (typeof AlignmentType)['RIGHT' | 'LEFT']) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent: alignment === AlignmentType.RIGHT ? { right: CHAR } : { left: CHAR },
          children: [body('— ', FOLIO), new TextRun({ children: [PageNumber.CURRENT], size: FOLIO }), body(' —', FOLIO)],
        }),
      ],
    });
  return { default: folio(AlignmentType.RIGHT), even: folio(AlignmentType.LEFT) };
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
    styles: DOC_STYLES,
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
