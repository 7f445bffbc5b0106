import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../../tests/helpers/portal-pow.ts';
import { closeLapsedCorrections } from '../requests/correction-lapse.ts';

// 依申请公开, the rest of the 条例: 逾期不补正 closes the request with a notice (第三十条); the approved
// extension is a 延期告知书 the applicant downloads (第三十三条第二款); information disclosed on request
// goes into 主动公开 (第四十四条), once, by the office that answered.
const clock = manualClock(new Date('2019-09-02T02:00:00Z'));
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
let t: TestApp;
let xq: Session, xqLead: Session, pl: Session;
let ip = 0;
const pub = (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: `10.97.0.${++ip}` });
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const letter = (content: string, receivedOn: string) => ({
  applicantKind: '自然人',
  applicantName: '马某某',
  contact: '13900000000',
  content,
  form: '电子数据',
  channel: '当面提交',
  receivedOn,
});
const register = async (content: string, receivedOn: string) => {
  const r = await xq.post('/api/disclosure/requests', letter(content, receivedOn));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};
const SLOW = { timeout: 120_000 }; // many steps on a shared, loaded machine
const docTypes = async (id: string) =>
  (await sql<{ type: string }>`select type from core.document where case_id = ${id} order by issued_at`.execute(t.ctx.db)).rows.map((r) => r.type);

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  [xq, xqLead, pl] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'pl-mzj'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('依申请公开: 逾期不补正, 延期告知书, 第四十四条', () => {
  it('逾期不补正: the day after the 补正期限 the request is closed as 视为放弃, with the 答复书 as notice; a corrected one is left alone', SLOW, async () => {
    const lapsed = await register('某社区的全部材料', '2019-09-02');
    const corrected = await register('某街道的材料', '2019-09-02');
    day('2019-09-03');
    for (const id of [lapsed, corrected])
      expect((await move(xq, id, 'ask_correction', { text: '请写明所需信息的名称或文号。', periodDays: 5 })).statusCode).toBe(200);
    const due = (await xq.get(`/api/cases/${lapsed}`)).json().clocks.find((k: any) => k.name === 'correction_period').dueDate;
    expect(due).toBe('2019-09-10'); // 09-04, 05, 06, 09, 10
    day('2019-09-06');
    expect((await move(xq, corrected, 'correct', { text: '某街道2019年低保审批表' })).statusCode).toBe(200);
    day('2019-09-10');
    expect(await closeLapsedCorrections(t.ctx, '2019-09-10')).toBe(0); // the last day of the period is still the applicant's
    day('2019-09-11');
    expect(await closeLapsedCorrections(t.ctx, '2019-09-11')).toBe(1);
    const c = (await xq.get(`/api/cases/${lapsed}`)).json();
    expect(c.state).toBe('answered');
    expect(c.data.answerKind).toBe('其他处理：申请人无正当理由逾期不补正');
    expect(await docTypes(lapsed)).toEqual(['disclosure_request.correction', 'disclosure_request.answer']);
    expect((await xq.get(`/api/cases/${corrected}`)).json().state).toBe('received');
    expect(await closeLapsedCorrections(t.ctx, '2019-09-12')).toBe(0); // idempotent
  });

  it('延期告知书: issued with the approved extension; the applicant downloads it, not before', SLOW, async () => {
    day('2019-09-16');
    const r = await pub('/api/public/disclosure/requests', {
      applicantKind: '自然人',
      applicantName: '李某某',
      contact: '13900000001',
      content: '兴庆区2019年临时救助发放名单',
      form: '电子数据',
      office: '640104-mzj',
      pow: await solvedPow(t.app, '10.97.1.1'),
    });
    expect(r.statusCode, r.body).toBe(201);
    const { refNo, queryCode } = r.json();
    const caseId = (await sql<{ id: string }>`select id from core.case where ref_no = ${refNo}`.execute(t.ctx.db)).rows[0]!.id;
    const none = await pub('/api/public/disclosure/document.pdf', { refNo, queryCode, which: 'extension' });
    expect(none.statusCode).toBe(409);
    expect(none.json().title).toContain('没有延长');
    const bad = await pub('/api/public/disclosure/document.pdf', { refNo, queryCode, which: 'other' });
    expect(bad.statusCode).toBe(400);
    day('2019-10-08');
    const ok = await xqLead.post(`/api/cases/${caseId}/clocks/answer/extend`, { n: 20, unit: 'workdays', reason: '需要汇总多个街道的数据' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await docTypes(caseId)).toEqual(['disclosure_request.extension']);
    const pdf = await pub('/api/public/disclosure/document.pdf', { refNo, queryCode, which: 'extension' });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('延长政府信息公开申请答复期限告知书');
  });

  it('第四十四条: a disclosed answer becomes a draft 主动公开 item once; not an undisclosed one; not another county’s', SLOW, async () => {
    day('2019-10-09');
    const first = await register('兴庆区2019年高龄津贴发放标准', '2019-10-09');
    const second = await register('兴庆区2019年高龄津贴发放标准', '2019-10-09');
    expect((await xq.get(`/api/cases/${second}`)).json().data.sameContent).toContain('另有 1 件');
    expect((await move(xq, first, 'answer', { kind: '予以公开', text: '现提供《兴庆区高龄津贴发放标准》。' })).statusCode).toBe(200);
    const body = { title: '兴庆区2019年高龄津贴发放标准', category: 11, summary: '80周岁以上老年人高龄津贴发放标准。' };
    expect((await xq.post(`/api/disclosure/requests/${second}/proactive`, body)).statusCode).toBe(409); // not answered yet
    expect((await xq.post(`/api/disclosure/requests/${first}/proactive`, { ...body, category: 16 })).statusCode).toBe(400);
    expect((await pl.post(`/api/disclosure/requests/${first}/proactive`, body)).statusCode).toBe(404);
    const made = await xq.post(`/api/disclosure/requests/${first}/proactive`, body);
    expect(made.statusCode, made.body).toBe(201);
    const item = (await xq.get(`/api/disclosure/items?q=${encodeURIComponent('高龄津贴发放标准')}`)).json().items;
    expect(item).toHaveLength(1);
    expect(item[0]).toMatchObject({
      id: made.json().itemId,
      state: 'drafted',
      source: '依申请公开（第四十四条）',
      sourceLink: `/cases/${first}`,
      formedOn: '2019-10-09',
    });
    const again = await xq.post(`/api/disclosure/requests/${first}/proactive`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toContain('已纳入');
    const lapsed = (await sql<{ id: string }>`select case_id as id from disclosure.request where answer_kind = 'no_correction'`.execute(t.ctx.db)).rows[0]!.id;
    const refused = await xq.post(`/api/disclosure/requests/${lapsed}/proactive`, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toContain('第四十四条');
  });
});
