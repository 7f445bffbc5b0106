import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, manualClock, type Session, type TestApp } from '../helpers/test-app.ts';
import { pdfPages, pdfText } from './pdf-text.ts';

/**
 * Two years of 信访 at the 民政厅 (nx-fgc): 2023 — 2 petitions, 2024 — 3 petitions. The 2024 report
 * run is downloaded as a PDF in the GB/T 9704 layout with every figure's reference; each figure
 * stands beside its 2023 value with the change (同比), and 「无上年数据」 where 2023 has no data.
 */
const clock = manualClock(new Date('2023-03-01T02:00:00Z'));
let t: TestApp;
let fgc: Session, xq: Session;
const ok = async (p: Promise<{ statusCode: number; body: string }>, code = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(code);
  return r as any;
};
const petition = (title: string) => ({
  title,
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode: '640104',
  channel: '来信',
  visitPersons: 1,
  content: '报告测试：请求核查家庭经济状况并依法处理，内容足够长以通过校验。',
});

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, xq] = await Promise.all(['nx-fgc', 'xq-mzj-lead'].map((u) => t.login(u)));
  for (const title of ['A1', 'A2']) await ok(fgc.post('/api/petitions', petition(title)), 201);
  clock.set(new Date('2024-04-01T02:00:00Z'));
  for (const title of ['B1', 'B2', 'B3']) await ok(fgc.post('/api/petitions', petition(title)), 201);
  clock.set(new Date('2025-01-10T02:00:00Z'));
}, 120_000);
afterAll(() => t?.close());
const fig = (body: any, code: string) => body.sections.flatMap((s: any) => s.metrics).find((m: any) => m.code === code);

describe('year-on-year (同比)', () => {
  it('gives each figure last year’s value and the change, computed by the same rule', async () => {
    const b = (await ok(fgc.get('/api/report/metrics?year=2024'))).json();
    const total = fig(b, 'petitions.total');
    expect(total.value).toBe(3);
    expect(total.previous).toMatchObject({ year: 2023, value: 2, change: 1, changePercent: 50, text: '上年 2件，同比增加 1件、增长 50.0%' });
    // The previous value is a stored value like any other: the 2023 figure is the same row.
    const y2023 = fig((await ok(fgc.get('/api/report/metrics?year=2023'))).json(), 'petitions.total');
    expect(y2023).toMatchObject({ value: 2, valueId: total.previous.valueId });
    // 2022 has no 信访 at all: 「无上年数据」, not 0.
    expect(y2023.previous).toMatchObject({ year: 2022, value: null, change: null, text: '无上年数据' });
    // A real 0 beside data (no 民政部 petitions in 2023 or 2024) stays 0: 与上年持平.
    expect(fig(b, 'petitions.from_mca').previous).toMatchObject({ value: 0, change: 0, text: '上年 0件，与上年持平' });
    // The 低保 section holds nothing for 2023.
    expect(fig(b, 'dibao.applications').previous).toMatchObject({ value: null, text: '无上年数据' });
  });

  it('says a decrease as 减少/下降, and percentage points for rates', async () => {
    const { changeText } = await import('../../src/kernel/report/previous-year.ts');
    expect(changeText(40, 63, '件').text).toBe('上年 63件，同比减少 23件、下降 36.5%');
    expect(changeText(95, 90, '%')).toMatchObject({ change: 5, changePercent: null, text: '上年 90.0%，同比增加 5 个百分点' });
    expect(changeText(3, 0, '件')).toMatchObject({ change: 3, changePercent: null, text: '上年 0件，同比增加 3件' });
  });

  it('carries the 同比 into the generated run, its PDF and the xlsx appendix', async () => {
    const run = (await ok(fgc.post('/api/report/runs', { year: 2024 }), 201)).json();
    const total = run.figures.find((f: any) => f.code === 'petitions.total');
    expect(total.previous.text).toBe('上年 2件，同比增加 1件、增长 50.0%');
    const text = pdfText((await ok(fgc.get(`/api/report/runs/${run.id}/report.pdf`))).rawPayload).replace(/\n/g, '');
    expect(text).toContain('2023年：上年 2件，同比增加 1件、增长 50.0%');
    expect(text).toContain('2023年：无上年数据');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ok(fgc.get(`/api/report/runs/${run.id}/appendix.xlsx`))).rawPayload);
    const ws = wb.getWorksheet('指标及口径')!;
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === 'petitions.total')!;
    expect([row.getCell(9).value, row.getCell(10).value]).toEqual([2, '上年 2件，同比增加 1件、增长 50.0%']);
  });
});

describe('GET /api/report/runs/:id/report.pdf', () => {
  it('downloads the generated report as a PDF with its figures and their references', async () => {
    const run = (await ok(fgc.post('/api/report/runs', { year: 2024 }), 201)).json();
    const total = run.figures.find((f: any) => f.code === 'petitions.total');
    expect(total.value).toBe(3);
    const r = await ok(fgc.get(`/api/report/runs/${run.id}/report.pdf`));
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(r.headers['content-disposition'])).toContain('2024年法治政府建设情况报告');
    const pdf = r.rawPayload as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2); // the report, then the 附件 of figures
    const text = pdfText(pdf).replace(/\n/g, '');
    expect(text).toContain(`${run.text.issuer}文件`);
    expect(text).toContain(run.text.docNo);
    expect(text).toContain('— 1 —');
    // The filled paragraph carries the number, and the 附件 traces it to its stored value and records.
    expect(run.text.sections.flatMap((s: any) => s.paragraphs).join('')).toMatch(/3 ?件/);
    expect(text).toContain(`${total.label}：3件（数据编号 ${total.valueId}；来源记录 3 条`);
  });

  it('is the same 404 for a run outside the reader’s area, and 400 for a bad id', async () => {
    const run = (await ok(fgc.post('/api/report/runs', { year: 2024 }), 201)).json();
    expect((await xq.get(`/api/report/runs/${run.id}/report.pdf`)).statusCode).toBe(404);
    const bad = await fgc.get('/api/report/runs/nope/report.pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('报告编号格式不正确');
  });
});
