import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../../tests/helpers/portal-pow.ts';

// A request sent on the portal to 兴庆区民政局 on Friday 2019-09-27, before the 国庆 holiday (10-01–10-07
// off; Sunday 09-29 and Saturday 10-12 are 调休 working days): 补正, the corrected request, a third
// party consulted, the period extended, 部分公开 — with the citizen's tracking page at each step.
const clock = manualClock(new Date('2019-09-27T02:00:00Z'));
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
let t: TestApp;
let xq: Session, xqLead: Session, pl: Session, yc: Session;
let ip = 0;
const pub = (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: `10.98.0.${++ip}` });
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ask = {
  applicantKind: '自然人',
  applicantName: '马某某',
  contact: '13900000000',
  content: '兴庆区养老补贴名单',
  form: '电子数据',
  office: '640104-mzj',
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  [xq, xqLead, pl, yc] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'pl-mzj', 'yc-mzj'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('依申请公开 on the portal', () => {
  let refNo: string, code: string, id: string;
  const track = async () => {
    const r = await pub('/api/public/disclosure/track', { refNo, queryCode: code });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const clockOf = async (name: string) => (await xq.get(`/api/cases/${id}`)).json().clocks.find((k: any) => k.name === name);

  it('refuses bad input in Chinese, without a proof of work, and unknown offices — nothing written', async () => {
    const noPow = await pub('/api/public/disclosure/requests', ask);
    expect(noPow.statusCode).toBe(400);
    expect(noPow.json().title).toContain('安全校验');
    const bad = await pub('/api/public/disclosure/requests', { ...ask, content: 'ab', pow: await solvedPow(t.app, '10.98.1.1') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toMatch(/申请公开的政府信息/);
    const ctl = await pub('/api/public/disclosure/requests', { ...ask, content: '名单\u0007名单', pow: await solvedPow(t.app, '10.98.1.2') });
    expect(ctl.statusCode).toBe(400);
    expect(ctl.json().title).toContain('控制字符');
    const office = await pub('/api/public/disclosure/requests', { ...ask, office: '999999-mzj', pow: await solvedPow(t.app, '10.98.1.3') });
    expect(office.statusCode).toBe(400);
    expect(office.json().title).toContain('受理机关');
    expect((await xq.get('/api/disclosure/requests')).json().total).toBe(0);
  }, 120_000);

  it('registers a portal request received the day it is sent; 20 working days over 国庆 and 7 for a 补正 notice', async () => {
    const r = await pub('/api/public/disclosure/requests', { ...ask, pow: await solvedPow(t.app, '10.98.1.4') });
    expect(r.statusCode, r.body).toBe(201);
    ({ refNo, queryCode: code } = r.json());
    expect(refNo).toMatch(/^XXGK-640104-2019-/);
    expect(r.json().receivedOn).toBe('2019-09-27');
    const list = (await xq.get('/api/disclosure/requests?year=2019')).json();
    id = list.items[0].id;
    expect(list.items[0]).toMatchObject({ channel: '网上申请', applicantKind: '自然人', state: 'received' });
    // 09-29 (Sun, 调休) 1, 09-30 2, 10-08…10-11 3–6, 10-12 (Sat, 调休) 7 … 10-30 is the 20th.
    expect((await clockOf('answer')).dueDate).toBe('2019-10-30');
    expect((await clockOf('correction_notice')).dueDate).toBe('2019-10-12');
    expect((await track()).answerDue).toBe('2019-10-30');
  });

  it('another county sees nothing of it; the city above does', async () => {
    expect((await pl.get('/api/disclosure/requests')).json().items.map((i: any) => i.id)).not.toContain(id);
    expect((await pl.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await yc.get('/api/disclosure/requests')).json().items.map((i: any) => i.id)).toContain(id);
  });

  it('补正: one notice, the clock paused; the citizen corrects on the portal and the 20 days count afresh', async () => {
    day('2019-10-08');
    const asked = await move(xq, id, 'ask_correction', { text: '请写明养老补贴的种类和年度。', periodDays: 10 });
    expect(asked.statusCode, asked.body).toBe(200);
    const tr = await track();
    expect(tr.state).toBe('correcting');
    expect(tr.paused.reason).toContain('补正');
    expect(tr.correction.text).toContain('种类和年度');
    const pdf = await pub('/api/public/disclosure/document.pdf', { refNo, queryCode: code, which: 'correction' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const wrong = await pub('/api/public/disclosure/correct', { refNo, queryCode: 'AAAAAAAAAAAA', text: '2019年高龄津贴发放名单' });
    expect(wrong.statusCode).toBe(404);
    day('2019-10-10');
    const fixed = await pub('/api/public/disclosure/correct', { refNo, queryCode: code, text: '兴庆区2019年高龄津贴发放名单' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().state).toBe('received');
    expect(fixed.json().paused).toBeNull();
    // Counts afresh from 10-10: 10-11 1, 10-12 (Sat, 调休) 2, 10-14 3 … 11-06 is the 20th.
    expect(fixed.json().answerDue).toBe('2019-11-06');
    const again = await move(xq, id, 'ask_correction', { text: '请再写明……', periodDays: 10 });
    expect(again.statusCode).toBe(409);
  });

  it('third-party consultation pauses the clock (the citizen sees why); the reply resumes it', async () => {
    day('2019-10-14');
    expect((await move(xq, id, 'consult', { thirdParty: '名单所列老年人', matter: '是否同意公开姓名和发放金额' })).statusCode).toBe(200);
    const tr = await track();
    expect(tr.stateLabel).toContain('第三方');
    expect(tr.paused).toMatchObject({ since: '2019-10-14', reason: expect.stringContaining('不计算在答复期限内') });
    expect(tr.answerDue).toBeNull();
    expect((await clockOf('consultation')).dueDate).toBe('2019-11-04'); // 15 working days from 10-14
    day('2019-10-24');
    expect((await move(xq, id, 'consulted', { opinion: '不同意公开', note: '涉及个人隐私' })).statusCode).toBe(200);
    // 10-14…10-23 (8 working days) not counted: 2 counted before, 18 from 10-24 → 11-18 (11-06 + 8).
    expect((await track()).answerDue).toBe('2019-11-18');
  });

  it('extension: only the 负责人, at most 20 working days once; the citizen is told why', async () => {
    const clerk = await xq.post(`/api/cases/${id}/clocks/answer/extend`, { n: 20, unit: 'workdays', reason: '需要汇总多个街道的数据' });
    expect(clerk.statusCode).toBe(403);
    const tooLong = await xqLead.post(`/api/cases/${id}/clocks/answer/extend`, { n: 21, unit: 'workdays', reason: '需要汇总多个街道的数据' });
    expect(tooLong.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooLong.statusCode).toBeLessThan(500);
    const ok = await xqLead.post(`/api/cases/${id}/clocks/answer/extend`, { n: 20, unit: 'workdays', reason: '需要汇总多个街道的数据' });
    expect(ok.statusCode, ok.body).toBe(200);
    const tr = await track();
    expect(tr.answerDue).toBe('2019-12-16'); // 20 working days after 11-18
    expect(tr.extensions).toEqual([{ workdays: 20, reason: '需要汇总多个街道的数据', approvedOn: '2019-10-24' }]);
    expect(tr.steps.map((s: any) => s.label)).toContain('经政府信息公开工作机构负责人同意，延长答复期限');
  });

  it('部分公开 needs both parts and reasons; the answer is a PDF the citizen downloads', async () => {
    day('2019-11-20');
    const none = await pub('/api/public/disclosure/document.pdf', { refNo, queryCode: code });
    expect(none.statusCode).toBe(409);
    const noParts = await move(xq, id, 'answer', { kind: '部分公开', text: '特此告知。', reasons: '涉及个人隐私' });
    expect(noParts.statusCode).toBe(400);
    expect(noParts.json().title).toContain('部分公开');
    const fee = await move(xq, id, 'answer', { kind: '无法提供：本机关不掌握相关政府信息（经检索没有）', text: '特此告知。', feeYuan: 50 });
    expect(fee.statusCode).toBe(400);
    expect(fee.json().title).toContain('信息处理费');
    const ok = await move(xq, id, 'answer', {
      kind: '部分公开',
      text: '特此告知。',
      disclosedPart: '享受高龄津贴人数和发放总额',
      withheldPart: '老年人姓名、身份证号码',
      reasons: '第三方不同意公开，公开会损害其合法权益',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const tr = await track();
    expect(tr.state).toBe('answered');
    expect(tr.answer).toMatchObject({ kind: '部分公开', answeredOn: '2019-11-20' });
    const pdf = await pub('/api/public/disclosure/document.pdf', { refNo, queryCode: code });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const clk = await clockOf('answer');
    expect(clk.state).toBe('met');
  });
});
