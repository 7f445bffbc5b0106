import type PDFDocument from 'pdfkit';
import { chinaMidnight } from '../../platform/china-time.ts';
import { dateLine, numberLine, recipientLine, verifyNote, type DocumentContent } from './content.ts';
import { documentFonts } from './fonts.ts';

/**
 * GB/T 9704-2012 page: A4, margins top 37 mm / left 28 mm / right 26 mm / bottom 35 mm, a
 * 156 × 225 mm 版心 of 22 lines × 28 characters in 3号 (16 pt); title in 2号 (22 pt); page
 * numbers in 4号 (14 pt) as 「— 1 —」 7 mm below the 版心, odd pages right, even pages left.
 */
const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM, top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM } as const;
const AREA_W = PAGE.width - PAGE.left - PAGE.right; // 156 mm
const AREA_H = PAGE.height - PAGE.top - PAGE.bottom; // 225 mm
const PITCH = AREA_H / 22; // one line of the grid
const CELL = AREA_W / 28; // one character of the grid
const BODY = 16; // 3号
const TITLE = 22; // 2号
const FOLIO = 14; // 4号
const SPACING = CELL - BODY; // character spacing that puts 28 full-width characters on a line
/** The grid, for other documents on the same page (the annual report, src/kernel/report/render-report-pdf.ts). */
export const GRID = { MM, AREA_W, AREA_H, PITCH, CELL, BODY, TITLE, FOLIO, SPACING } as const;
/** Characters that may not start a line (they hang into the margin instead), and ones that may not end it. */
const NO_START = new Set('，。、；：？！）》」』”’…—,.;:?!)]%');
const NO_END = new Set('（《「『“‘([');

export type Doc = InstanceType<typeof PDFDocument>;

/** Break text into lines no wider than `width`, keeping dates and runs of Latin letters and digits whole. */
export function wrap(doc: Doc, text: string, width: number, spacing: number, firstIndent = 0): string[] {
  const tokens = text.match(/\d{4}年\d{1,2}月\d{1,2}日|[A-Za-z0-9][A-Za-z0-9\-./:@_]*|[\s\S]/gu) ?? [];
  const widths = new Map<string, number>();
  const w = (t: string) => widths.get(t) ?? widths.set(t, doc.widthOfString(t, { characterSpacing: spacing })).get(t)!;
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  let limit = width - firstIndent;
  for (const t of tokens) {
    if (line.length && used + w(t) > limit + 0.5 && !(t.length === 1 && NO_START.has(t))) {
      const carry: string[] = [];
      while (line.length > 1 && NO_END.has(line.at(-1)!)) carry.unshift(line.pop()!);
      lines.push(line.join(''));
      line = carry;
      used = carry.reduce((s, x) => s + w(x), 0);
      limit = width;
    }
    line.push(t);
    used += w(t);
  }
  if (line.length || !lines.length) lines.push(line.join(''));
  return lines;
}

/**
 * A blank A4 document in the GB/T 9704 margins with the bundled 标题/正文 fonts registered as
 * 'title' and 'body'; `finish()` numbers the pages (「— n —」) and returns the file.
 */
export async function openGbDocument(meta: {
  title: string;
  issuer: string;
  docNo: string;
  date: string;
}): Promise<{ doc: Doc; finish: () => Promise<Buffer> }> {
  const fonts = documentFonts();
  // pdfkit and its font libraries are loaded on first use, off the server's start path (~0.2 s of CPU).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom },
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: meta.title, Author: meta.issuer, Subject: meta.docNo, Creator: '民政法治政务平台', CreationDate: chinaMidnight(meta.date) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('title', fonts.title);
  doc.registerFont('body', fonts.body);
  const finish = async () => {
    folios(doc);
    doc.end();
    await done;
    return Buffer.concat(chunks);
  };
  return { doc, finish };
}

/** Render a document's content as a PDF in the GB/T 9704 layout. */
export async function renderPdf(c: DocumentContent): Promise<Buffer> {
  const { doc, finish } = await openGbDocument(c);

  let y = 0;
  const newPage = () => {
    doc.addPage();
    y = PAGE.top;
  };
  newPage();
  const bottom = PAGE.top + AREA_H;
  /** Put one line at the current grid row (x from the 版心's left edge), then move down a row. */
  const put = (text: string, x: number, size: number, pitch = PITCH) => {
    if (y + pitch > bottom + 0.5) newPage();
    const spacing = size === BODY ? SPACING : 0;
    doc.fontSize(size).text(text, PAGE.left + x, y + (pitch - doc.currentLineHeight()) / 2, { lineBreak: false, characterSpacing: spacing });
    y += pitch;
  };
  const paragraph = (text: string, indent = 2) => {
    doc.font('body').fontSize(BODY);
    const lines = wrap(doc, text, AREA_W, SPACING, indent * CELL);
    lines.forEach((l, i) => put(l, i === 0 ? indent * CELL : 0, BODY));
  };
  const width = (s: string, size: number) => doc.fontSize(size).widthOfString(s, { characterSpacing: size === BODY ? SPACING : 0 });

  // 标题: 2号 小标宋-style, centred, on as many lines as it needs; then the number line, then one empty line.
  doc.font('title').fontSize(TITLE);
  y += PITCH; // the title sits one line below the top of the 版心
  for (const l of wrap(doc, c.title, AREA_W - 4 * CELL, 0)) put(l, (AREA_W - width(l, TITLE)) / 2, TITLE, PITCH * 1.25);
  doc.font('body');
  const no = numberLine(c);
  put(no, (AREA_W - width(no, BODY)) / 2, BODY);
  y += PITCH;
  // 主送 at the left edge, then the body paragraphs (two characters in), the remedy last.
  doc.font('body').fontSize(BODY);
  for (const l of wrap(doc, recipientLine(c), AREA_W, SPACING)) put(l, 0, BODY);
  for (const p of c.body) paragraph(p);
  if (c.remedy) paragraph(c.remedy);
  // 发文机关署名 one empty line below, two characters in from the right; 成文日期 below it,
  // starting two characters right of the signature (or two in from the right if longer); then the
  // 附注 (how to verify) in parentheses. The block stays on one page: where it does not fit, the
  // empty line goes and the lines close up to 80 % (GB/T 9704 7.3.5: 调整行距), else it moves on.
  const date = dateLine(c.date);
  const sigW = width(c.issuer, BODY);
  const dateW = width(date, BODY);
  let dateX = AREA_W - 2 * CELL - sigW + 2 * CELL;
  if (dateX + dateW > AREA_W - 2 * CELL) dateX = AREA_W - 2 * CELL - dateW;
  const sigX = Math.min(AREA_W - 2 * CELL - sigW, dateX - 2 * CELL);
  doc.font('body').fontSize(BODY);
  const note = wrap(doc, verifyNote(c), AREA_W, SPACING, 2 * CELL);
  const lines = 2 + note.length;
  let pitch = PITCH;
  if (y + (lines + 1) * PITCH <= bottom + 0.5) y += PITCH;
  else if ((bottom - y) / lines >= 0.8 * PITCH) pitch = (bottom - y) / lines;
  else {
    newPage();
    y += PITCH;
  }
  put(c.issuer, sigX, BODY, pitch);
  put(date, dateX, BODY, pitch);
  note.forEach((l, i) => put(l, i === 0 ? 2 * CELL : 0, BODY, pitch));

  return finish();
}

/** 页码: 4号, 「— n —」, 7 mm below the 版心; odd pages one character in from the right, even from the left (font 'body'). */
function folios(doc: Doc) {
  const bottom = PAGE.top + AREA_H;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i + 1;
    const folio = `— ${n} —`;
    doc.font('body').fontSize(FOLIO);
    const fw = doc.widthOfString(folio);
    const x = n % 2 === 1 ? PAGE.width - PAGE.right - FOLIO - fw : PAGE.left + FOLIO;
    doc.text(folio, x, bottom + 7 * MM - (doc.currentLineHeight() - FOLIO) / 2, { lineBreak: false });
  }
}
