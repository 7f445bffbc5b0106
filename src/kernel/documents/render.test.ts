import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fullWidth, type DocumentContent } from './content.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { titleLines } from './render-red-head-docx.ts';

const content: DocumentContent = {
  title: '最低生活保障不予确认通知书',
  docNo: '低保不确〔2026〕7号',
  version: 1,
  recipient: '马某某',
  body: [fullWidth('您提出的最低生活保障申请(编号 DB-640422100-2026-000008),经审核,本机关决定不予确认。'), fullWidth('理由:家庭有机动车一辆,不符合财产条件。')],
  remedy: fullWidth('如对本决定不服,可以自收到本通知书之日起 60 日内依法申请行政复议,或者自收到本通知书之日起 6 个月内依法向人民法院提起行政诉讼。'),
  issuer: '西吉县民政局',
  date: '2026-06-09',
  verifyCode: 'K7PM-Q4XR',
};

/** The text a PDF reader extracts: the Unicode values of the glyphs, from the ToUnicode maps of the embedded fonts. */
function pdfUnicode(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      const text = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const h of text.matchAll(/<([0-9a-f]{4})>/gi)) out += String.fromCodePoint(parseInt(h[1]!, 16));
    } catch {
      /* not a deflated stream (font program) */
    }
  }
  return out;
}

describe('rendering', () => {
  it('renders an A4 PDF with the CJK font embedded and its characters extractable', async () => {
    const pdf = await renderPdf(content);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/); // A4
    expect(raw).toContain('/FontFile2'); // embedded (subset) TrueType: no system font needed
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Bold/);
    const chars = new Set(pdfUnicode(pdf));
    for (const ch of '最低生活保障不予确认通知书西吉县民政局行政复议诉讼年月日—') expect(chars, ch).toContain(ch);
  });

  it('breaks onto a second page with its own folio when the body is long', async () => {
    const one = await renderPdf(content);
    const long = await renderPdf({ ...content, body: Array.from({ length: 8 }, () => content.body[0]!) });
    const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length;
    expect(pages(one)).toBe(1);
    expect(pages(long)).toBe(2);
  });

  it('renders an editable docx on the same A4 page with the same text', async () => {
    const files = unzipSync(new Uint8Array(await renderDocx({ ...content, version: 2 })));
    const xml = strFromU8(files['word/document.xml']!);
    for (const s of [
      '最低生活保障不予确认通知书',
      '低保不确〔2026〕7号\uff08第 2 版\uff09',
      '马某某\uff1a',
      '不符合财产条件',
      '行政诉讼',
      '西吉县民政局',
      '2026年6月9日',
      'K7PM-Q4XR',
    ])
      expect(xml).toContain(s);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:linePitch="579"/);
    expect(xml).toContain('仿宋_GB2312');
  });

  it('puts full-width punctuation into Chinese text and leaves numbers alone', () => {
    expect(fullWidth('信访人:您于 2026-06-01 提出的事项(编号 XF-640104-2019-000123),经查,10:30 到 1,000 元。')).toBe(
      '信访人\uff1a您于 2026-06-01 提出的事项\uff08编号 XF-640104-2019-000123\uff09\uff0c经查\uff0c10:30 到 1,000 元。',
    );
  });

  it('breaks a long 红头 title into balanced lines after the body or the year, never inside a number', () => {
    expect(titleLines('宁夏回族自治区特困人员认定暂行办法')).toEqual(['宁夏回族自治区特困人员认定暂行办法']);
    expect(titleLines('宁夏回族自治区民政厅关于2019年法治政府建设情况的报告')).toEqual(['宁夏回族自治区民政厅', '关于2019年法治政府建设情况的报告']);
    expect(titleLines('宁夏回族自治区最低生活保障审核确认实施办法')).toEqual(['宁夏回族自治区', '最低生活保障审核确认实施办法']);
    for (const l of titleLines('宁夏回族自治区民政厅关于进一步加强和改进社会组织登记管理与执法监督工作的实施意见'))
      expect([...l].length).toBeLessThanOrEqual(18);
  });
});
