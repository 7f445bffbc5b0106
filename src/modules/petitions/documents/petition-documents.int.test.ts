import { sql } from 'kysely';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../../kernel/codes/index.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/actor.ts';
import { issueDocument } from '../../../kernel/documents/issue-document.ts';
import { attachmentStore } from '../../../kernel/workflow/attachments.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { withTx } from '../../../platform/context.ts';
import { openPetitionsApp, type Caller } from '../petitions-test-setup.ts';
import { PETITION_DOCUMENTS } from './index.ts';

const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
const ID = '64010419800101123' + residentIdCheckChar('64010419800101123');
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let xq: Caller, xqLead: Caller, pl: Caller;

/** Register at 兴庆区 and take a petition through to 送达 (the step that issues the 处理意见书). */
async function delivered(name: string): Promise<string> {
  const r = await xq.post('/api/petitions', {
    title: '反映低保待遇问题',
    channel: '来信',
    category: '申诉求决',
    subject: '低保',
    concernedAreaCode: '640104',
    content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇,说明取消的理由和依据。',
    petitioners: [{ name, idNumber: ID }],
  });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id;
  for (const [who, step, input] of [
    [xq, 'accept', {}],
    [xq, 'start', {}],
    [xq, 'draft', { opinion: '支持', text: '经核查,取消低保依据不足,予以恢复,并补发停发期间的低保金。' }],
    [xqLead, 'approve', {}],
    [xq, 'deliver', { method: '邮寄送达', date: '2026-06-01' }],
  ] as const) {
    const m = await who.post(`/api/cases/${id}/transitions/${step}`, { input });
    expect(m.statusCode, `${step}: ${m.body}`).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [xq, xqLead, pl] = await Promise.all([t.login('xq-mzj'), t.login('xq-mzj-lead'), t.login('pl-mzj')]);
}, 120_000);
afterAll(() => t?.close());

describe('信访 documents (文书)', () => {
  let caseId = '';
  let doc: any;

  it('送达 issues the 处理意见书 in its transaction and keeps the rendered file', async () => {
    caseId = await delivered('马某某');
    const list = await xq.get(`/api/cases/${caseId}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(1);
    doc = items[0];
    expect(doc).toMatchObject({
      type: 'petition.opinion',
      title: '信访事项处理意见书',
      docNo: '信处意〔2026〕1号',
      version: 1,
      current: true,
      issuer: '兴庆区民政局',
      issuedOn: '2026-06-01',
    });
    expect(doc.verifyCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const row = (await sql<{ sm3: string; storage_key: string }>`select sm3, storage_key from core.document where id = ${doc.id}`.execute(t.ctx.db)).rows[0]!;
    const stored = await attachmentStore(t.ctx).get(row.storage_key);
    expect(sm3Hex(stored)).toBe(row.sm3);
    const audit = (
      await sql<{ n: number }>`select count(*)::int as n from core.audit_event where action = 'document.issue' and entity_id = ${caseId}`.execute(t.ctx.db)
    ).rows[0]!;
    expect(audit.n).toBe(1);
  });

  it('serves the stored PDF (A4, font embedded) and an editable docx with the same text', async () => {
    const pdf = await xq.get(doc.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sm3Hex(pdf.rawPayload)).toBe(doc.sm3);
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf.rawPayload.toString('latin1')).toContain('/FontFile2');
    const docx = await xq.get(doc.docxUrl);
    expect(docx.statusCode).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
    for (const s of ['信访事项处理意见书', '信处意〔2026〕1号', '马某某', '予以恢复', '第三十五条', '兴庆区民政局', '2026年6月1日', doc.verifyCode])
      expect(xml).toContain(s);
  });

  it('numbers each type in a gapless yearly series; a rolled-back issue gives its number back', async () => {
    const second = await delivered('杨某');
    const items = (await xq.get(`/api/cases/${second}/documents`)).json().items;
    expect(items[0].docNo).toBe('信处意〔2026〕2号');
    await expect(
      withTx(t.ctx, async (tx) => {
        await issueDocument(tx, { type: PETITION_DOCUMENTS.acceptance, caseId: second, actor: SYSTEM_ACTOR });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const issued = await xq.post(`/api/cases/${second}/documents`, { type: 'petition.acceptance' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().docNo).toBe('信受告〔2026〕1号');
  });

  it('re-issuing keeps the number as a new version with a new code; the row itself cannot change', async () => {
    const re = await xq.post(`/api/cases/${caseId}/documents`, { type: 'petition.opinion' });
    expect(re.statusCode, re.body).toBe(201);
    expect(re.json()).toMatchObject({ docNo: doc.docNo, version: 2 });
    expect(re.json().verifyCode).not.toBe(doc.verifyCode);
    const items = (await xq.get(`/api/cases/${caseId}/documents`)).json().items;
    expect(items.map((i: any) => [i.version, i.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    await expect(sql`update core.document set issuer = 'x' where id = ${doc.id}`.execute(t.ctx.db)).rejects.toThrow();
    expect((await xq.post(`/api/cases/${caseId}/documents`, { type: 'petition.refusal' })).statusCode).toBe(409);
  });

  it('verifies number + code publicly, answering nothing personal; a wrong code is a Chinese 404', async () => {
    const q = (no: string, code: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/public/documents/verify?no=${encodeURIComponent(no)}&code=${encodeURIComponent(code)}`,
        remoteAddress: '10.77.0.1',
      });
    const ok = await q(doc.docNo, doc.verifyCode.toLowerCase().replace('-', ''));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      genuine: true,
      docNo: '信处意〔2026〕1号',
      version: 1,
      current: false,
      latestVersion: 2,
      title: '信访事项处理意见书',
      issuer: '兴庆区民政局',
      issuedOn: '2026-06-01',
      sm3: doc.sm3,
    });
    for (const secret of ['马某某', 'XF-', caseId, ID]) expect(ok.body).not.toContain(secret);
    const bad = await q(doc.docNo, 'AAAA-AAAA');
    expect(bad.statusCode).toBe(404);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().title).toMatch(/未查到.*文书/);
    expect((await q('信处意〔2026〕99号', doc.verifyCode)).statusCode).toBe(404);
  });

  it('keeps documents inside the case read scope: another county gets 404', async () => {
    expect((await pl.get(`/api/cases/${caseId}/documents`)).statusCode).toBe(404);
    expect((await pl.get(doc.pdfUrl)).statusCode).toBe(404);
    expect((await pl.get(doc.docxUrl)).statusCode).toBe(404);
    expect((await pl.post(`/api/cases/${caseId}/documents`, { type: 'petition.opinion' })).statusCode).toBe(404);
    expect((await xq.get('/api/documents/00000000-0000-7000-8000-000000000000.pdf')).statusCode).toBe(404);
  });
});
