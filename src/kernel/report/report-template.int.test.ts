import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';

/**
 * The year's report template (政策法规处 edits it: report.edit) and the generated report: numbers
 * filled in, staff text kept, template version and figures recorded; docx in the GB/T 9704 layout
 * and the xlsx appendix of every figure with its rule. Fixture: two 2024 petitions of the 民政厅.
 */
const clock = manualClock(new Date('2024-03-05T02:00:00Z'));
let t: TestApp;
let fgc: Session, fgcLead: Session, xqLead: Session;
const petition = (title: string, channel: string) => ({
  title,
  channel,
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode: '640104',
  content: '模板测试:请求核查家庭经济状况并依法处理,内容足够长以通过校验。',
  ...(channel === '来访' ? { visitBatch: 1, visitPersons: 4 } : {}),
});
const ok = async (p: Promise<{ statusCode: number; body: string }>, code = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(code);
  return (r as any).json();
};
const TEMPLATE = {
  title: '宁夏回族自治区民政厅关于2024年法治政府建设情况的报告',
  docNo: '宁民发〔2025〕1号',
  issuer: '宁夏回族自治区民政厅',
  recipient: '自治区人民政府',
  sections: [
    {
      heading: '一、依法有效化解社会矛盾',
      paragraphs: [
        '民政厅登记办理各类信访件{{petitions.total}}件,接待群众来信来访{{petitions.batches}}批{{petitions.persons}}人次。',
        '这是工作人员写的文字,原样保留。',
      ],
    },
  ],
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, fgcLead, xqLead] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'xq-mzj-lead'].map((u) => t.login(u)));
  await ok(fgc.post('/api/petitions', petition('T1', '来访')), 201);
  await ok(fgc.post('/api/petitions', petition('T2', '网上信访')), 201);
  clock.set(new Date('2025-01-10T02:00:00Z'));
}, 120_000);
afterAll(() => t?.close());

describe('report template', () => {
  it('offers the built-in template (version 0) with the placeholders it may use; 2019 reproduces the seed paragraphs', async () => {
    const d = await ok(fgcLead.get('/api/report/templates/2024'));
    expect(d.version).toBe(0);
    expect(d.placeholders.map((p: any) => p.code)).toEqual(expect.arrayContaining(['petitions.total', 'dibao.delegated_counties']));
    const y2019 = await ok(fgc.get('/api/report/templates/2019'));
    const text = y2019.sections.flatMap((s: any) => s.paragraphs).join('');
    expect(text).toContain('民政厅登记办理各类信访件{{petitions.total}}件，接待群众来信来访{{petitions.batches}}批{{petitions.persons}}人次');
    expect(text).toContain('在隆德县试点的基础上，今年又将兴庆区、平罗县纳入试点范围');
  });

  it('is saved as a new version by 政策法规处 only, with known placeholders, without overwriting a newer version', async () => {
    const lead = await fgcLead.put('/api/report/templates/2024', { ...TEMPLATE, baseVersion: 0 });
    expect(lead.statusCode).toBe(403);
    const bad = await fgc.put('/api/report/templates/2024', {
      ...TEMPLATE,
      sections: [{ heading: '一', paragraphs: ['共{{petitions.nope}}件'] }],
      baseVersion: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('{{petitions.nope}}');
    const empty = await fgc.put('/api/report/templates/2024', { ...TEMPLATE, sections: [], baseVersion: 0 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().title).toContain('「sections」');
    const saved = await ok(fgc.put('/api/report/templates/2024', { ...TEMPLATE, baseVersion: 0 }));
    expect(saved.version).toBe(1);
    const stale = await fgc.put('/api/report/templates/2024', { ...TEMPLATE, baseVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().title).toContain('第 1 版');
    expect((await ok(fgcLead.get('/api/report/templates/2024'))).version).toBe(1);
  });
});

describe('generated report', () => {
  let run: any;
  beforeAll(async () => {
    run = await ok(fgc.post('/api/report/runs', { year: 2024 }), 201);
  });

  it('fills the numbers, keeps the staff text, records template version and the figures used', async () => {
    expect(run).toMatchObject({ year: 2024, area: { code: '640000' }, templateVersion: 1, missing: [], generatedAt: '2025-01-10T02:00:00.000Z' });
    expect(run.text.sections[0].paragraphs).toEqual(['民政厅登记办理各类信访件2件，接待群众来信来访1批4人次。', '这是工作人员写的文字，原样保留。']);
    const total = run.figures.find((f: any) => f.code === 'petitions.total');
    expect(total).toMatchObject({ value: 2, recordCount: 2, valueId: expect.any(String), rule: expect.stringContaining('本级机关登记') });
    expect((await fgc.post('/api/report/runs', { year: 2024 })).statusCode).toBe(201);
    expect((await fgcLead.post('/api/report/runs', { year: 2024 })).statusCode).toBe(403);
    const list = await ok(fgcLead.get('/api/report/runs?year=2024'));
    expect(list.items).toHaveLength(2);
  });

  it('is readable in its area only', async () => {
    expect((await ok(fgcLead.get(`/api/report/runs/${run.id}`))).id).toBe(run.id);
    expect((await xqLead.get(`/api/report/runs/${run.id}`)).statusCode).toBe(404);
    expect((await xqLead.get(`/api/report/runs/${run.id}/report.docx`)).statusCode).toBe(404);
    expect((await fgcLead.get('/api/report/runs/not-a-uuid')).statusCode).toBe(400);
  });

  it('downloads as docx in the official layout: red 版头, 发文字号, title, body, 落款, page numbers', async () => {
    const r = await fgcLead.get(`/api/report/runs/${run.id}/report.docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync((r as any).rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    // The text as read (a long title is broken over two lines inside one paragraph).
    const text = xml.replace(/<w:br\/>/g, '').replace(/<[^>]+>/g, '');
    for (const s of ['宁夏回族自治区民政厅文件', '宁民发〔2025〕1号', TEMPLATE.title, '自治区人民政府：', '民政厅登记办理各类信访件2件', '2025年1月10日'])
      expect(text, s).toContain(s);
    expect(xml).toMatch(/w:color w:val="C00000"/);
    expect(xml).toContain('方正小标宋简体');
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    expect(await zip.file(footer)!.async('string')).toContain('PAGE');
  });

  it('downloads the xlsx appendix: every figure with its rule', async () => {
    const r = await fgcLead.get(`/api/report/runs/${run.id}/appendix.xlsx`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r as any).rawPayload);
    const ws = wb.getWorksheet('指标及口径')!;
    expect(ws.getCell('A1').value).toBe(`${run.year}年度${run.area.name}法治政府建设情况报告指标及口径表`);
    expect(ws.getCell('A2').value).toBe('填报单位：宁夏回族自治区民政厅政策法规处');
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '指标代码',
      '指标',
      '数值',
      '单位',
      '统计口径',
      '汇总方式',
      '来源记录数',
      '计算时间（北京时间）',
      '上年数值',
      '同比',
    ]);
    expect(ws.rowCount - 3).toBe(run.figures.length);
    const total = ws.getRows(4, ws.rowCount - 3)!.find((row) => row.getCell(1).value === 'petitions.total')!;
    expect(total.getCell(3).value).toBe(2);
    expect(total.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(total.getCell(8).type).toBe(ExcelJS.ValueType.Date);
    expect(String(total.getCell(5).value)).toContain('本级机关登记');
  });
});
