import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';

// A 政协提案 with one 主办 (政策法规处) and two 协办 offices, answered on time, rated 不满意,
// re-handled within a month, rated 满意 — plus bad input and scope.
const clock = manualClock(new Date('2019-03-05T02:00:00Z'));
let t: TestApp;
let fgc: Session, lead: Session, yc: Session, ld: Session, pl: Session;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });

const proposal = {
  kind: '政协提案',
  number: '第0123号',
  session: '自治区政协十一届二次会议',
  deputies: '海玉梅委员等 3 人',
  delegation: '社会福利和社会保障界',
  title: '关于完善困难群众法律援助与社会救助衔接机制的提案',
  summary: '建议将低保、特困对象纳入法律援助免审范围。',
  receivedOn: '2019-03-05',
  role: '主办',
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  [fgc, lead, yc, ld, pl] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'yc-mzj', 'ld-mzj', 'pl-mzj'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('建议提案 flow', () => {
  let id: string;
  let parts: Array<{ id: string; orgUnitId: string }>;
  let assistId: string;

  it('registers the 交办 with its number and session; bad or duplicate input is refused in Chinese', async () => {
    const bad = await fgc.post('/api/proposals', { ...proposal, kind: '信访', number: '123' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().title).toMatch(/类别|编号/);
    const noLead = await fgc.post('/api/proposals', { ...proposal, role: '协办' });
    expect(noLead.statusCode).toBe(400);
    expect(noLead.json().title).toContain('主办单位');
    // As 协办: the opinion to the 主办 within 1 个月 of 交办, beside the 3-month reply.
    const assist = await fgc.post('/api/proposals', { ...proposal, number: '第0124号', role: '协办', leadOffice: '自治区司法厅' });
    expect(assist.statusCode, assist.body).toBe(201);
    assistId = assist.json().id;
    const ac = (await fgc.get(`/api/cases/${assist.json().id}`)).json();
    expect(ac.clocks.find((k: any) => k.name === 'lead_reply')).toMatchObject({ state: 'running', dueDate: '2019-04-08' }); // 04-05 清明节 → Monday
    const r = await fgc.post('/api/proposals', proposal);
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json().refNo).toMatch(/^JYTA-640000-2019-/);
    const dup = await fgc.post('/api/proposals', proposal);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().title).toContain('已登记');
    const c = (await fgc.get(`/api/cases/${id}`)).json();
    expect(c.clocks.map((k: any) => [k.name, k.dueDate])).toEqual([
      ['sign', '2019-03-11'], // 5 日 from 03-05 = 03-10 (Sunday) → Monday
      ['reply', '2019-06-10'], // 3 个月: 06-05 falls on 宁夏开斋节, then 端午 → Monday 06-10
    ]);
  });

  it('签收; opens two 协办 parts, each with its own one-month clock; no reply before 面商 and the 协办 opinions', async () => {
    day('2019-03-06');
    const signed0 = await move(fgc, id, 'sign');
    expect(signed0.statusCode, signed0.body).toBe(200);
    const early = await move(fgc, id, 'draft', { category: 'A', text: '答复' });
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('面商');
    const made = await fgc.post(`/api/cases/${id}/parts`, {
      parts: [
        { orgUnitId: await org('640100-mzj'), role: 'assist' },
        { orgUnitId: await org('640423-mzj'), role: 'assist' },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    parts = made.json().parts;
    const contact = await fgc.post(`/api/proposals/${id}/contacts`, {
      metOn: '2019-03-06',
      way: '面商',
      people: '李文静、海玉梅委员',
      content: '当面听取意见',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const badWay = await fgc.post(`/api/proposals/${id}/contacts`, { metOn: '2019-03-06', way: '微信', people: 'x', content: 'y' });
    expect(badWay.statusCode).toBe(400);
    expect(badWay.json().title).toContain('方式');
    const waiting = await move(fgc, id, 'draft', { category: 'A', text: '答复' });
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().title).toContain('协办');

    day('2019-03-20');
    // Each 协办 office answers its own part; one cannot answer the other's.
    expect((await move(yc, parts[1]!.id, 'opinion', { opinion: '隆德县意见' })).statusCode).toBe(404);
    expect((await move(yc, parts[0]!.id, 'opinion', { opinion: '银川市民政局协办意见：……' })).statusCode).toBe(200);
    expect((await move(ld, parts[1]!.id, 'opinion', { opinion: '隆德县民政局协办意见：……' })).statusCode).toBe(200);
    const part = (await ld.get(`/api/cases/${parts[1]!.id}`)).json();
    expect(part.clocks).toEqual([expect.objectContaining({ name: 'assist', state: 'met', dueDate: '2019-04-08' })]);
  });

  it('answers with a category signed by the leader within 3 months', async () => {
    day('2019-04-10');
    const badCategory = await move(fgc, id, 'draft', { category: 'E', text: '答复' });
    expect(badCategory.statusCode, badCategory.body).toBe(400);
    expect(badCategory.json().title).toContain('答复类别');
    expect((await move(fgc, id, 'draft', { category: 'A', text: '经研究，答复如下：……' })).statusCode).toBe(200);
    expect((await move(fgc, id, 'approve')).statusCode).toBe(403);
    const signed = await move(lead, id, 'approve');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().clocks.find((k: any) => k.name === 'reply')).toMatchObject({ state: 'met' });
  });

  it('不满意 opens 重新办理 with a one-month clock; answered again and rated 满意', async () => {
    day('2019-04-25');
    const wrong = await move(fgc, id, 'rate', { attitude: '满意', result: '不满意', ratedOn: '2019-04-25' });
    expect(wrong.statusCode).toBe(409);
    const badRating = await move(fgc, id, 'rework', { attitude: '很好', result: '不满意', ratedOn: '2019-04-25' });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.json().title).toContain('办理态度');
    const re = await move(fgc, id, 'rework', { attitude: '满意', result: '不满意', ratedOn: '2019-04-25', note: '希望进一步明确衔接时限' });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json().state).toBe('reworking');
    expect(re.json().clocks.find((k: any) => k.name === 'rework')).toMatchObject({ state: 'running', dueDate: '2019-05-27' });

    day('2019-05-15');
    expect((await move(fgc, id, 'draft', { category: 'A', text: '再次答复：……' })).statusCode).toBe(200);
    expect((await move(lead, id, 'approve')).statusCode).toBe(200);
    day('2019-05-25');
    expect((await move(fgc, id, 'rate', { attitude: '满意', result: '满意', ratedOn: '2019-05-25' })).statusCode).toBe(200);
    const closed = await move(fgc, id, 'close');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');

    const d = (await fgc.get(`/api/proposals/${id}`)).json();
    expect(d).toMatchObject({ kind: '政协提案', number: '第0123号', role: '主办', category: 'A', result: '满意', reworks: 1, firstRepliedOn: '2019-04-10' });
    expect(d.ratings.map((r: any) => r.result)).toEqual(['不满意', '满意']);
    expect(d.replies.map((r: any) => [r.round, r.signedOn])).toEqual([
      [1, '2019-04-10'],
      [2, '2019-05-15'],
    ]);
    expect(d.partOpinions.map((p: any) => [p.role, p.state])).toEqual([
      ['协办', 'answered'],
      ['协办', 'answered'],
    ]);

    // 答复公开: nothing public until the member agrees; then the signed replies, without names.
    const pub = () => t.app.inject({ method: 'GET', url: '/api/public/proposals/replies?year=2019' });
    expect((await pub()).json().items).toEqual([]);
    expect((await fgc.post(`/api/proposals/${id}/disclosure`, { agreedOn: '2020-01-01' })).statusCode).toBe(400);
    expect((await fgc.post(`/api/proposals/${id}/disclosure`, { agreedOn: '2019-05-25' })).statusCode).toBe(201);
    const shown = (await pub()).json();
    expect(shown.items.map((i: any) => [i.number, i.replies.map((r: any) => r.signedOn)])).toEqual([['第0123号', ['2019-04-10', '2019-05-15']]]);
    expect(JSON.stringify(shown)).not.toMatch(/海玉梅|李文静|王志强/);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/proposals/replies?year=abc' })).statusCode).toBe(400);

    const s = (await fgc.get('/api/proposals/stats?year=2019')).json();
    expect(s).toMatchObject({ total: 2, answered: 1, answeredOnTime: 1, onTimeRate: 1, rated: 1, satisfactionRate: 1 });
    expect((await fgc.get('/api/proposals/stats?year=19x')).statusCode).toBe(400);
  });

  it('scope: another city sees nothing of it; a 协办 office sees its part, not the 主办 case', async () => {
    expect((await pl.get(`/api/proposals/${id}`)).statusCode).toBe(404);
    expect((await pl.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await pl.get('/api/proposals')).json().total).toBe(0);
    expect((await pl.get('/api/proposals/stats?year=2019')).json().total).toBe(0);
    expect((await ld.get(`/api/proposals/${id}`)).statusCode).toBe(404);
    expect((await ld.get(`/api/cases/${parts[1]!.id}`)).json().partOf).toMatchObject({ id, roleLabel: '协办' });
    const list = (await fgc.get(`/api/proposals?kind=${encodeURIComponent('政协提案')}&role=${encodeURIComponent('主办')}&category=A&year=2019`)).json();
    expect(list.items.map((i: any) => i.id)).toEqual([id]);
    expect((await fgc.get(`/api/proposals?role=${encodeURIComponent('协办')}`)).json().items.map((i: any) => i.number)).toEqual(['第0124号']);
    expect((await fgc.get('/api/proposals?category=Z')).statusCode).toBe(400);
  });

  it('异议退回 only within 5 日 of 交办, with reasons', async () => {
    day('2019-06-03');
    const late = (await fgc.post('/api/proposals', { ...proposal, number: '第0200号', receivedOn: '2019-05-20' })).json().id;
    // 5 日 from 05-20 end on Saturday 05-25, rolled to Monday 05-27.
    const tooLate = await move(fgc, late, 'object', { reason: '不属于民政部门职责' });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().title).toContain('5 日');
    const fresh = (await fgc.post('/api/proposals', { ...proposal, number: '第0201号', receivedOn: '2019-06-01' })).json().id;
    expect((await move(fgc, fresh, 'object', {})).statusCode).toBe(400);
    const back = await move(fgc, fresh, 'object', { reason: '所提事项属人力资源和社会保障部门职责' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ state: 'returned', terminal: true });
  });

  it('the deputy’s consent extends the reply to 6 months of 交办, once; B answered again before 办结', async () => {
    day('2019-06-03');
    const id2 = (
      await fgc.post('/api/proposals', { ...proposal, kind: '人大代表建议', number: '第0301号', session: '自治区十二届人大二次会议', receivedOn: '2019-05-06' })
    ).json().id;
    expect((await move(fgc, id2, 'sign')).statusCode).toBe(200);
    const consent = { consentOn: '2019-06-03', consentedBy: '马学礼代表', reason: '涉及多部门，处理难度大' };
    const ext = await move(fgc, id2, 'extend', consent);
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().clocks.find((k: any) => k.name === 'reply_extended')).toMatchObject({ state: 'running', dueDate: '2019-11-06' });
    expect((await move(fgc, id2, 'extend', consent)).statusCode).toBe(409);

    day('2019-09-02');
    await fgc.post(`/api/proposals/${id2}/contacts`, { metOn: '2019-09-02', way: '座谈', people: '马学礼代表', content: '座谈' });
    expect((await move(fgc, id2, 'draft', { category: 'B', text: '已列入明年计划' })).statusCode).toBe(200);
    expect((await move(lead, id2, 'approve')).statusCode).toBe(200);
    expect((await move(fgc, id2, 'rate', { attitude: '满意', result: '基本满意', ratedOn: '2019-09-02' })).statusCode).toBe(200);
    const early = await move(fgc, id2, 'close');
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('再次答复');
    expect((await fgc.post(`/api/proposals/${id2}/implementation`, { repliedOn: '2019-09-02', text: '已落实' })).statusCode).toBe(201);
    expect((await move(fgc, id2, 'close')).statusCode).toBe(200);
    // The 协办 opinion of 第0124号 goes to the 主办 only now, months after its 1-month period.
    expect((await move(fgc, assistId, 'sign')).statusCode).toBe(200);
    await fgc.post(`/api/proposals/${assistId}/contacts`, { metOn: '2019-09-02', way: '书面沟通', people: '自治区司法厅', content: '交换意见' });
    expect((await move(fgc, assistId, 'draft', { category: 'A', text: '协办意见' })).statusCode).toBe(200);
    const lateReply = await move(lead, assistId, 'approve');
    expect(lateReply.json().clocks.find((k: any) => k.name === 'lead_reply')).toMatchObject({ state: 'missed' });
    const s = (await fgc.get('/api/proposals/stats?year=2019')).json();
    // The returned item is not counted (the late objection is, still 待签收); 第0123号 and 第0301号 (within its extended period) are on time, 第0124号 is not.
    expect(s).toMatchObject({ total: 4, answered: 3, answeredOnTime: 2, rated: 2, satisfied: 2 });
  });
});
