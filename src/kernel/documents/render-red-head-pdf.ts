import { dateLine } from './content.ts';
import { GRID, openGbDocument, PAGE, wrap } from './render-pdf.ts';
import { printedOn, RED_HEAD_COLOUR, type RedHeadContent } from './red-head.ts';

const { AREA_W, AREA_H, PITCH, CELL, BODY, TITLE, SPACING } = GRID;
const RED = `#${RED_HEAD_COLOUR}`;
const IMPRINT = 14; // 四号

/**
 * A 红头文件 as a PDF on the kernel documents' GB/T 9704 page and grid (render-pdf.ts: A4, 37/28/26/35 mm,
 * 22 × 28, 「— 1 —」 folios), like the docx: 版头 — 发文机关标志 in red and the 发文字号 above a red line;
 * 标题 二号; 主送; 一级标题; body 三号 two characters in; 落款 and 成文日期; 附件 on a new page; 版记
 * (印发机关 left, 印发日期 right, between two lines) at the foot of the last page.
 */
export async function renderRedHeadPdf(t: RedHeadContent): Promise<Buffer> {
  const { doc, finish } = await openGbDocument(t);
  const bottom = PAGE.top + AREA_H;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    y = PAGE.top;
  };
  const width = (s: string, size: number) => doc.fontSize(size).widthOfString(s, { characterSpacing: size === BODY ? SPACING : 0 });
  const put = (text: string, x: number, size: number, pitch = PITCH) => {
    if (y + pitch > bottom + 0.5) newPage();
    doc
      .fontSize(size)
      .text(text, PAGE.left + x, y + (pitch - doc.currentLineHeight()) / 2, { lineBreak: false, characterSpacing: size === BODY ? SPACING : 0 });
    y += pitch;
  };
  const paragraph = (text: string, font: 'body' | 'title' = 'body', indent = 2) => {
    doc.font(font).fontSize(BODY);
    wrap(doc, text, AREA_W, SPACING, indent * CELL).forEach((l, i) => put(l, i === 0 ? indent * CELL : 0, BODY));
  };
  const centred = (text: string, size: number, pitch = PITCH) => {
    for (const l of wrap(doc.fontSize(size), text, size === TITLE ? AREA_W - 4 * CELL : AREA_W, size === BODY ? SPACING : 0))
      put(l, (AREA_W - width(l, size)) / 2, size, pitch);
  };

  newPage();
  // 版头: 发文机关标志 in red, the 发文字号 and a red line below it.
  doc.font('title').fillColor(RED);
  const mark = `${t.issuer}文件`;
  const markSize = Math.min(36, Math.floor((AREA_W / doc.fontSize(36).widthOfString(mark)) * 36));
  centred(mark, markSize, PITCH * 2.5);
  doc.fillColor('black').font('body');
  y += PITCH / 2;
  centred(t.docNo, BODY);
  doc
    .moveTo(PAGE.left, y + 4)
    .lineTo(PAGE.left + AREA_W, y + 4)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  y += PITCH * 2;
  doc.font('title');
  centred(t.title, TITLE, PITCH * 1.25);
  y += PITCH;
  doc.font('body').fontSize(BODY);
  if (t.recipient) for (const l of wrap(doc, `${t.recipient}\uff1a`, AREA_W, SPACING)) put(l, 0, BODY);
  for (const s of t.sections) {
    if (s.heading) paragraph(s.heading, 'title');
    for (const p of s.paragraphs) paragraph(p);
  }
  // 落款: one empty line, the issuer two characters in from the right, the date below it; kept on one page.
  const date = dateLine(t.date);
  doc.font('body');
  const sigW = width(t.issuer, BODY);
  const dateW = width(date, BODY);
  const dateX = Math.min(AREA_W - 2 * CELL - sigW + 2 * CELL, AREA_W - 2 * CELL - dateW);
  const sigX = Math.min(AREA_W - 2 * CELL - sigW, dateX - 2 * CELL);
  if (y + 3 * PITCH > bottom + 0.5) newPage();
  else y += PITCH;
  put(t.issuer, sigX, BODY);
  put(date, dateX, BODY);

  if (t.appendix) {
    newPage();
    doc.font('title');
    put(t.appendix.label, 0, BODY);
    y += PITCH / 2;
    centred(t.appendix.title, BODY);
    t.appendix.paragraphs.forEach((p) => paragraph(p, 'body', 0));
  }
  // 版记: at the foot of the last page, 印发机关 one character in from the left, 印发日期 one in from the right, between two rules.
  if (t.imprint) {
    if (y + 2 * PITCH > bottom + 0.5) newPage();
    const top = bottom - PITCH;
    doc.lineWidth(0.75).strokeColor('black');
    doc
      .moveTo(PAGE.left, top)
      .lineTo(PAGE.left + AREA_W, top)
      .stroke();
    doc
      .moveTo(PAGE.left, bottom)
      .lineTo(PAGE.left + AREA_W, bottom)
      .stroke();
    doc.font('body').fontSize(IMPRINT).fillColor('black');
    const ty = top + (PITCH - doc.currentLineHeight()) / 2;
    const on = printedOn(dateLine(t.imprint.on));
    doc.text(t.imprint.by, PAGE.left + IMPRINT, ty, { lineBreak: false });
    doc.text(on, PAGE.left + AREA_W - IMPRINT - doc.widthOfString(on), ty, { lineBreak: false });
  }
  return finish();
}
