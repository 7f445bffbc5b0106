import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../helpers/test-app.ts';
import { pdfPages, pdfText } from './pdf-text.ts';

/**
 * Two years of 信访 at the 民政厅 (nx-fgc): 2023 — 2 petitions, 2024 — 3 petitions. The 2024 report
 * run is downloaded as a PDF in the GB/T 9704 layout with every figure's reference.
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
    expect(text).toContain(`${total.label}：3件（指标 petitions.total；数据编号 ${total.valueId}；来源记录 3 条`);
  });

  it('is the same 404 for a run outside the reader’s area, and 400 for a bad id', async () => {
    const run = (await ok(fgc.post('/api/report/runs', { year: 2024 }), 201)).json();
    expect((await xq.get(`/api/report/runs/${run.id}/report.pdf`)).statusCode).toBe(404);
    const bad = await fgc.get('/api/report/runs/nope/report.pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('报告编号格式不正确');
  });
});
