import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { withTx } from '../../platform/context.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { issueSubjectDocument } from './issue-subject-document.ts';
import { sampleSubjectNotice } from './test-documents.ts';

/** Documents issued from a module's record, not a case: numbered, versioned, scoped by the record's office, checked publicly. */
let t: TestApp;
let xq: Session, pl: Session;
let office: { id: string; areaPath: string };

beforeAll(async () => {
  t = await createTestApp();
  [xq, pl] = await Promise.all(['xq-mzj', 'pl-mzj'].map((u) => t.login(u)));
  const me = (await xq.get('/api/me')).json();
  office = { id: me.orgUnit.id, areaPath: me.areaPath };
});
afterAll(async () => t?.close());

const issue = (subjectId: string, body = '请于2026年12月31日前完成整改。') =>
  withTx(t.ctx, (tx) =>
    issueSubjectDocument(tx, {
      type: sampleSubjectNotice,
      subject: { id: subjectId, areaPath: office.areaPath, orgUnitId: office.id },
      fill: { recipient: '某某协会', body: [body], remedy: null, issuer: '兴庆区民政局' },
      actor: SYSTEM_ACTOR,
    }),
  );

describe('subject documents', () => {
  it('numbers per type and year, keeps the number on a re-issue (new version and code), and stores the PDF by its SM3', async () => {
    const a = await issue('item:1');
    const b = await issue('item:2');
    expect(Number(/〕(\d+)号/.exec(b.docNo)![1])).toBe(Number(/〕(\d+)号/.exec(a.docNo)![1]) + 1);
    expect(a.docNo).toMatch(/^测通〔\d{4}〕\d+号$/);
    const again = await issue('item:1', '整改期限延至2027年1月31日。');
    expect(again).toMatchObject({ docNo: a.docNo, version: 2 });
    expect(again.verifyCode).not.toBe(a.verifyCode);
    const pdf = await xq.get(`/api/documents/${a.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(sm3Hex(pdf.rawPayload)).toBe(a.sm3);
    expect((await xq.get(`/api/documents/${a.id}.docx`)).statusCode).toBe(200);
  });

  it('is readable in the office’s scope only, and 404 (not 403) elsewhere', async () => {
    const d = await issue('item:3');
    expect((await pl.get(`/api/documents/${d.id}.pdf`)).statusCode).toBe(404);
    expect((await pl.get(`/api/documents/${d.id}.docx`)).statusCode).toBe(404);
  });

  it('is checked on the portal by number and code like a case’s document', async () => {
    const d = await issue('item:4');
    const r = await t.app.inject({ method: 'GET', url: `/api/public/documents/verify?no=${encodeURIComponent(d.docNo)}&code=${d.verifyCode}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ genuine: true, docNo: d.docNo, title: '测试通知书', issuer: '兴庆区民政局', sm3: d.sm3 });
  });

  it('refuses a row naming both a case and a subject, or neither, and stays immutable', async () => {
    const d = await issue('item:5');
    await expect(sql`update core.document set issuer = 'x' where id = ${d.id}`.execute(t.ctx.db)).rejects.toThrow();
    await expect(
      sql`insert into core.document (id, case_id, type, doc_no, version, title, issuer, issued_on, verify_code, content, sm3, storage_key, size_bytes, issued_at)
        values (gen_random_uuid(), null, 'test_subject.notice', 'x', 1, 't', 'i', current_date, 'ABCD-EFGH', '{}', ${d.sm3}, 'k', 1, now())`.execute(t.ctx.db),
    ).rejects.toThrow(/document_issued_from/);
  });
});
