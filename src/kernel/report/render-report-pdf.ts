import { dateLine } from '../documents/content.ts';
import { GRID, openGbDocument, PAGE, wrap } from '../documents/render-pdf.ts';
import type { ReportRun } from './generate-report.ts';
import { figureReference } from './figure-reference.ts';

const { AREA_W, AREA_H, PITCH, CELL, BODY, TITLE, SPACING } = GRID;
const RED = '#C00000';

/**
 * The generated report as a PDF on the kernel documents' GB/T 9704 page and grid
 * (src/kernel/documents/render-pdf.ts: A4, 37/28/26/35 mm, 22 × 28, 「— 1 —」 folios), like the docx:
 * 版头 — 发文机关标志 in red and the 发文字号 above a red line; 标题 二号; 主送; 一级标题; body 三号
 * with a two-character indent; 落款 and 成文日期; then the 附件 listing every figure with its
 * reference (指标代码, 数据编号, 口径, 来源记录数, 上年对比), so each number can be traced.
 */
export async function renderReportPdf(run: ReportRun): Promise<Buffer> {
  const t = run.text;
  const { doc, finish } = openGbDocument(t);
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
  for (const l of wrap(doc, `${t.recipient}\uff1a`, AREA_W, SPACING)) put(l, 0, BODY);
  for (const s of t.sections) {
    paragraph(s.heading, 'title');
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

  // 附件: the figures with their references, on a new page.
  if (run.figures.length) {
    newPage();
    doc.font('title');
    put('附件', 0, BODY);
    y += PITCH / 2;
    centred('指标来源及口径', BODY);
    run.figures.forEach((f, i) => paragraph(`${i + 1}．${figureReference(f)}`, 'body', 0));
    paragraph(`报告编号 ${run.id}，模板${run.templateVersion === 0 ? '为内置模板' : `第 ${run.templateVersion} 版`}，生成于 ${run.generatedAt}。`, 'body', 0);
  }
  return finish();
}
