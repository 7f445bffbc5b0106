import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoNormdocs } from './demo/seed-demo-normdocs.ts';
import { onNormdocChange, type NormdocChange } from './events.ts';

// The end of force on the demo register: 失效 only after 有效期, 废止 by decision; the public in-force list
// drops the document from that day; listeners (政策问答) hear of it inside the move's transaction.
const clock = manualClock(new Date('2026-12-06T02:00:00Z'));
let t: TestApp;
let fgc: Session;
const heard: NormdocChange[] = [];
const move = (id: string, name: string, input?: unknown) => fgc.post(`/api/cases/${id}/transitions/${name}`, { input });
const inForce = async (on: string) => (await t.app.inject({ method: 'GET', url: `/api/public/normdocs?on=${on}` })).json().items.map((i: any) => i.number);

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoNormdocs(t.ctx);
  fgc = await t.login('nx-fgc');
});
afterAll(() => t?.close());

describe('废止 and 失效', () => {
  const byNumber = async (n: string) => (await fgc.get(`/api/normdocs?q=${encodeURIComponent(n)}`)).json().items[0];

  it('失效 only once 有效期 has run out; listeners hear it', async () => {
    const off = onNormdocChange(async (_tx, c) => void heard.push(c));
    const current = await byNumber('宁民规发〔2026〕1号');
    const early = await move(current.id, 'expire');
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('尚未届满');
    const old = await byNumber('宁民规发〔2019〕1号');
    const r = await move(old.id, 'expire');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().state).toBe('expired');
    expect(heard).toEqual([expect.objectContaining({ caseId: old.id, number: '宁民规发〔2019〕1号', kind: '失效', reason: '有效期届满' })]);
    off();
  });

  it('废止 from a day (not in the future); the public list drops it from then; a throwing listener refuses the move', async () => {
    const doc = await byNumber('宁民规发〔2026〕1号');
    expect(await inForce('2026-12-06')).toContain('宁民规发〔2026〕1号');
    expect((await move(doc.id, 'repeal', { repealedOn: '2026-12-07', reason: '清理' })).statusCode).toBe(400);
    expect((await move(doc.id, 'repeal', { repealedOn: '2026-12-05' })).statusCode).toBe(400);
    const off = onNormdocChange(async () => {
      throw new Error('listener failed');
    });
    expect((await move(doc.id, 'repeal', { repealedOn: '2026-12-05', reason: '上位法已修改' })).statusCode).toBe(500);
    off();
    expect((await fgc.get(`/api/cases/${doc.id}`)).json().state).toBe('filed');
    const off2 = onNormdocChange(async (_tx, c) => void heard.push(c));
    const r = await move(doc.id, 'repeal', { repealedOn: '2026-12-05', reason: '上位法已修改' });
    expect(r.statusCode, r.body).toBe(200);
    off2();
    expect(heard.at(-1)).toMatchObject({ kind: '废止', on: '2026-12-05', number: '宁民规发〔2026〕1号' });
    expect(await inForce('2026-12-04')).toContain('宁民规发〔2026〕1号');
    expect(await inForce('2026-12-05')).not.toContain('宁民规发〔2026〕1号');
  });
  it('the yearly 政务公开 report: 行政规范性文件 制发 / 废止 / 现行有效 from the register, each drillable to its cases', async () => {
    const lead = await t.login('nx-fgc-lead');
    const docs = (
      await sql<{ id: string; published_on: string; ended_on: string | null }>`select case_id as id, published_on::text, ended_on::text
        from normdocs.document where published_on is not null`.execute(t.ctx.db)
    ).rows;
    const ids = (keep: (d: (typeof docs)[number]) => boolean) =>
      docs
        .filter(keep)
        .map((d) => d.id)
        .sort();
    const row = (await lead.get('/api/disclosure/annual?year=2026&area=640000')).json().acts.documents.find((r: any) => r.label === '行政规范性文件');
    const issued = ids((d) => d.published_on.startsWith('2026'));
    const repealed = ids((d) => !!d.ended_on?.startsWith('2026'));
    expect(repealed.length).toBeGreaterThanOrEqual(1); // 宁民规发〔2026〕1号 废止 on 2026-12-05
    expect(row.issued).toEqual({ value: issued.length, ids: issued });
    expect(row.repealed).toEqual({ value: repealed.length, ids: repealed });
    expect(row.current.ids).toEqual(ids((d) => d.published_on <= '2026-12-31' && !d.ended_on));
    expect(row.current.ids).not.toContain(repealed[0]);
  });
});

describe('正式文本 (GB/T 9704 红头文件)', () => {
  it('a published document as docx and PDF for staff in scope and the public; a draft is not a valid document', async () => {
    const doc = (await fgc.get(`/api/normdocs?q=${encodeURIComponent('宁民规发〔2026〕2号')}`)).json().items[0];
    const docx = await fgc.get(`/api/normdocs/${doc.id}/official.docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('宁民规发〔2026〕2号'));
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!).replace(/<[^>]+>/g, '');
    const last = (await fgc.get(`/api/normdocs/${doc.id}`)).json().versions.at(-1).text.split('\n')[0].trim();
    for (const part of ['宁夏回族自治区民政厅文件', '宁民规发〔2026〕2号', doc.title, '各市、县（区）民政局', last, '宁夏回族自治区民政厅办公室', '印发'])
      expect(xml, part).toContain(part);
    expect(xml.indexOf('宁民规发〔2026〕2号')).toBeLessThan(xml.indexOf(last));
    const pdf = await t.app.inject({ method: 'GET', url: `/api/public/normdocs/${doc.id}/official.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const draft = (await fgc.get('/api/normdocs?state=drafting')).json().items[0];
    expect((await fgc.get(`/api/normdocs/${draft.id}/official.pdf`)).json().title).toContain('未公布');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/normdocs/${draft.id}/official.docx` })).statusCode).toBe(404);
    const yc = await t.login('yc-mzj');
    expect((await yc.get(`/api/normdocs/${doc.id}/official.docx`)).statusCode).toBe(404);
  });

  // LibreOffice lays the docx out as a word processor would: 版头, 发文字号, the folios 「— n —」. Skipped without soffice.
  const has = (cmd: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`]);
      return true;
    } catch {
      return false;
    }
  };
  it.skipIf(!has('soffice') || !has('pdftotext'))(
    'the docx opened in LibreOffice: 版头, 发文字号, title, 28 characters a line, folios 「— 1 —」, 版记',
    async () => {
      const doc = (await fgc.get(`/api/normdocs?q=${encodeURIComponent('宁民规发〔2026〕2号')}`)).json().items[0];
      const dir = mkdtempSync(path.join(tmpdir(), 'normdoc-lo-'));
      try {
        writeFileSync(path.join(dir, 'doc.docx'), (await fgc.get(`/api/normdocs/${doc.id}/official.docx`)).rawPayload);
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'doc.docx')],
          {
            timeout: 240_000,
          },
        );
        execFileSync('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), path.join(dir, 'doc.txt')]);
        const text = readFileSync(path.join(dir, 'doc.txt'), 'utf8');
        expect(text).toContain('宁夏回族自治区民政厅文件');
        expect(text).toMatch(/宁民规发〔2026〕2\s?号/); // LibreOffice spaces Latin from CJK
        expect(text).toMatch(/—\s*1\s*—/);
        expect(text).toContain('宁夏回族自治区民政厅办公室');
        // The body runs 28 characters a line (GB/T 9704 5.2.2), not the 14–17 of a misread character grid.
        const widest = Math.max(...text.split('\n').map((l) => [...l.replace(/\s/g, '')].length));
        expect(widest).toBeGreaterThanOrEqual(27);
        expect(widest).toBeLessThanOrEqual(30);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
