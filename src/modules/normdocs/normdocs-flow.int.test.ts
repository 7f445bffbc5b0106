import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../kernel/identity/index.ts';
import { runTransition } from '../../kernel/workflow/index.ts';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';

// A 规范性文件 of the 厅 from 起草 to 备案 as 宁民规发〔2026〕1号; every skipped gate refused (409,
// naming it); a second document numbered 2 after a rolled-back attempt; bad input; scope.
const clock = manualClock(new Date('2026-01-05T02:00:00Z'));
let t: TestApp;
let fgc: Session, lead: Session, yc: Session, pl: Session, ld: Session;
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const onDay = async (on: string) => (await t.app.inject({ method: 'GET', url: `/api/public/normdocs?on=${on}` })).json().items.map((i: any) => i.number);
const doc = { title: '宁夏回族自治区最低生活保障审核确认实施办法', text: '第一条 为规范最低生活保障审核确认工作……', note: '依据《社会救助暂行办法》起草' };
const meeting = { metOn: '', name: '厅长办公会', attendees: '厅长、副厅长、政策法规处列席', decision: '审议通过' };
const checklist = (failing?: string) =>
  [
    '制定主体合法',
    '未超越法定职权',
    '内容合法，与上位法不抵触',
    '未违法设定行政许可、行政处罚、行政强制、行政收费等事项',
    '未违法减损公民、法人和其他组织合法权益或者增加其义务',
    '制定程序合法（已征求意见）',
    '符合公平竞争审查要求',
  ].map((item) => (item === failing ? { item, ok: false, note: '第五条增加申请人义务，无上位法依据' } : { item, ok: true }));
/** 合法性审核 passes no earlier than 5 working days after 送审: the refusal names the day, the test moves there. */
async function passWhenDue(s: Session, id: string, input: unknown) {
  const early = await move(s, id, 'review_pass', input);
  expect(early.statusCode, early.body).toBe(409);
  const due = /(\d{4}-\d{2}-\d{2}) 起/.exec(early.json().title)![1]!;
  day(due);
  const r = await move(s, id, 'review_pass', input);
  expect(r.statusCode, r.body).toBe(200);
  return due;
}
/** 集体审议: the meeting record, then the heads' 会签 (kernel signoff, mode all) which runs `deliberate`. */
async function deliberateAndSign(id: string, metOn: string) {
  expect((await fgc.post(`/api/normdocs/${id}/meeting`, { ...meeting, metOn })).statusCode).toBe(201);
  const heads = (await fgc.get(`/api/normdocs/${id}/heads`)).json().items;
  expect(heads.map((h: any) => h.name)).toContain('王志强');
  const open = await fgc.post(`/api/cases/${id}/signoffs`, {
    step: 'heads',
    mode: 'all',
    parties: heads.filter((h: any) => h.name === '王志强').map((h: any) => ({ userId: h.userId })),
  });
  expect(open.statusCode, open.body).toBe(200);
  expect((await lead.post(`/api/cases/${id}/signoffs/heads/decide`, { decision: 'approve', comment: '同意' })).statusCode).toBe(200);
  expect((await fgc.get(`/api/cases/${id}`)).json().state).toBe('deliberated');
  expect((await move(lead, id, 'sign')).json().title).toContain('政策法规处签字');
  expect((await move(fgc, id, 'legal_sign')).statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  [fgc, lead, yc, pl, ld] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'yc-mzj', 'pl-mzj', 'ld-mzj'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('规范性文件 pipeline', () => {
  let id: string;
  let b2: string;

  it('起草; every later step asked too early is refused, naming the missing gate', async () => {
    const r = await fgc.post('/api/normdocs', doc);
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({ state: 'drafting', refNo: expect.stringMatching(/^GFWJ-640000-2026-/) });
    const skips: Array<[Session, string, unknown, string]> = [
      [fgc, 'submit_review', undefined, '未经征求意见'],
      [lead, 'deliberate', undefined, '合法性审核'],
      [fgc, 'legal_sign', undefined, '合法性审核'],
      [lead, 'sign', undefined, '政策法规处签字'],
      [fgc, 'number', undefined, '签发'],
      [fgc, 'publish', { publishedOn: '2026-01-05', effectiveOn: '2026-01-05', publishedIn: '厅门户网站' }, '登记编号'],
      [fgc, 'file', { filedOn: '2026-01-05', filedWith: '自治区司法厅' }, '未公布'],
    ];
    for (const [s, name, input, gate] of skips) {
      const res = await move(s, id, name, input);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(409);
      expect(res.json().title).toContain(gate);
    }
    expect((await fgc.get(`/api/cases/${id}`)).json().state).toBe('drafting');
  });

  it('征求意见 at least 30 days; comments kept with the disposition; review only after the period and every disposition', async () => {
    const short = await move(fgc, id, 'consult', { way: '公开征求意见', startOn: '2026-01-05', endOn: '2026-02-03' });
    expect(short.statusCode).toBe(400);
    expect(short.json().title).toContain('不少于 30 日');
    // The setting may only lengthen the period.
    expect((await fgc.put('/api/normdocs/settings', { consultationMinDays: 20 })).statusCode).toBe(400);
    expect((await yc.put('/api/normdocs/settings', { consultationMinDays: 40 })).statusCode).toBe(403);
    const ok = await move(fgc, id, 'consult', { way: '公开和定向征求意见', targets: '各市、县（区）民政局', startOn: '2026-01-05', endOn: '2026-02-04' });
    expect(ok.statusCode, ok.body).toBe(200);
    day('2026-01-10');
    const c1 = await fgc.post(`/api/normdocs/${id}/comments`, {
      commenter: '银川市民政局',
      content: '<script>alert(1)</script>建议明确入户调查人数',
      receivedOn: '2026-01-09',
    });
    expect(c1.statusCode, c1.body).toBe(201);
    expect((await fgc.post(`/api/normdocs/${id}/comments`, { commenter: '某', content: '意见', receivedOn: '2026-03-01' })).statusCode).toBe(400);
    const badDisp = await fgc.post(`/api/normdocs/${id}/dispositions`, { commentId: c1.json().id, disposition: '同意', reason: '理由' });
    expect(badDisp.statusCode).toBe(400);
    expect(badDisp.json().title).toContain('处理结果');

    day('2026-02-04');
    const running = await move(fgc, id, 'submit_review');
    expect(running.statusCode).toBe(409);
    expect(running.json().title).toContain('尚未届满');
    day('2026-02-05');
    const open = await move(fgc, id, 'submit_review');
    expect(open.statusCode).toBe(409);
    expect(open.json().title).toContain('未作处理');
    expect(
      (await fgc.post(`/api/normdocs/${id}/dispositions`, { commentId: c1.json().id, disposition: '部分采纳', reason: '入户调查不少于 2 人' })).statusCode,
    ).toBe(201);
    const sent = await move(fgc, id, 'submit_review');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().clocks.find((k: any) => k.name === 'review')).toMatchObject({ state: 'running' });
  });

  it('合法性审核 sends it back; a new version; passed with changes; 集体审议, 签发, 登记编号, 公布, 备案', async () => {
    day('2026-02-09');
    expect((await move(yc, id, 'review_pass', { conclusion: '通过', opinion: '同意', checklist: checklist() })).statusCode).toBe(404);
    const noList = await move(fgc, id, 'review_return', { opinion: '第五条增加了申请人义务' });
    expect(noList.statusCode).toBe(400);
    expect(noList.json().title).toContain('审核要点');
    const back = await move(fgc, id, 'review_return', {
      opinion: '第五条增加了申请人义务，缺乏上位法依据，请删除',
      checklist: checklist('未违法减损公民、法人和其他组织合法权益或者增加其义务'),
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().state).toBe('drafting');
    // Sent back, the document cannot reach 集体审议.
    expect((await move(lead, id, 'deliberate')).json().title).toContain('合法性审核');
    expect((await fgc.post(`/api/normdocs/${id}/versions`, { text: doc.text, note: '无修改' })).statusCode).toBe(409);
    const v2 = await fgc.post(`/api/normdocs/${id}/versions`, { text: '第一条 为规范……（删除第五条）', note: '按审核意见删除第五条' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().versionNo).toBe(2);
    expect((await move(fgc, id, 'submit_review')).statusCode).toBe(200);
    day('2026-02-11');
    expect((await move(fgc, id, 'review_pass', { conclusion: '修改后通过', opinion: '文字修改', checklist: checklist() })).statusCode).toBe(400);
    const failing = await move(fgc, id, 'review_pass', { conclusion: '通过', opinion: '同意', checklist: checklist('符合公平竞争审查要求') });
    expect(failing.json().title).toContain('不符合');
    const passedOn = await passWhenDue(fgc, id, {
      conclusion: '修改后通过',
      opinion: '第三条文字修改',
      revisedText: '第一条 为规范……（审核修改稿）',
      checklist: checklist(),
    });
    expect(passedOn > '2026-02-11' && passedOn < '2026-02-16').toBe(true);

    // Without the heads' 会签 the meeting record alone is not 集体审议.
    expect((await fgc.post(`/api/normdocs/${id}/meeting`, { ...meeting, metOn: '2026-02-10' })).statusCode).toBe(400);
    expect((await fgc.post(`/api/normdocs/${id}/meeting`, { ...meeting, metOn: passedOn })).statusCode).toBe(201);
    expect((await move(lead, id, 'deliberate')).json().title).toContain('会签');
    await deliberateAndSign(id, passedOn);
    expect((await move(fgc, id, 'sign')).statusCode).toBe(403);
    expect((await move(lead, id, 'sign')).statusCode).toBe(200);
    day('2026-02-16');
    const numbered = await move(fgc, id, 'number');
    expect(numbered.statusCode, numbered.body).toBe(200);
    day('2026-02-20');
    const tooLong = await move(fgc, id, 'publish', {
      publishedOn: '2026-02-20',
      effectiveOn: '2026-03-01',
      validUntil: '2031-03-01',
      publishedIn: '厅门户网站',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().title).toContain('5 年');
    const pub = await move(fgc, id, 'publish', { publishedOn: '2026-02-20', effectiveOn: '2026-03-01', publishedIn: '厅门户网站' });
    expect(pub.statusCode, pub.body).toBe(200);
    // 30 日 from 02-20 end on Sunday 03-22, rolled to Monday.
    expect(pub.json().clocks.find((k: any) => k.name === 'filing')).toMatchObject({ state: 'running', dueDate: '2026-03-23' });
    day('2026-03-10');
    const filed = await move(fgc, id, 'file', { filedOn: '2026-03-10', filedWith: '自治区司法厅' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().state).toBe('filed');

    const d = (await fgc.get(`/api/normdocs/${id}`)).json();
    expect(d).toMatchObject({
      number: '宁民规发〔2026〕1号',
      signedBy: '王志强',
      effectiveOn: '2026-03-01',
      validUntil: '2031-02-28',
      filedWith: '自治区司法厅',
    });
    expect(d.versions.map((v: any) => [v.versionNo, v.source])).toEqual([
      [1, '起草'],
      [2, '起草'],
      [3, '审核修改'],
    ]);
    expect(d.reviews.map((r: any) => [r.round, r.versionNo, r.conclusion])).toEqual([
      [1, 1, '不予通过'],
      [2, 3, '修改后通过'],
    ]);
    expect(d.comments[0]).toMatchObject({ disposition: '部分采纳', content: expect.stringContaining('<script>') });
    expect(d.gates.every((g: any) => g.passed)).toBe(true);
    expect(d.gates.find((g: any) => g.gate === '合法性审核')).toMatchObject({ on: passedOn, by: '李文静' });
    expect(d.gates.find((g: any) => g.gate === '领导会签')).toMatchObject({ passed: true, by: '王志强同意' });
    expect(d.reviews[0].checklist.find((x: any) => !x.ok)).toMatchObject({ note: expect.stringContaining('第五条') });

    expect(await onDay('2026-02-28')).toEqual([]);
    expect(await onDay('2026-03-01')).toEqual(['宁民规发〔2026〕1号']);
    expect(await onDay('2031-03-01')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/normdocs?on=2026-13-01' })).statusCode).toBe(400);
  });

  it('a second document gets number 2 even after a rolled-back attempt', async () => {
    day('2026-03-25');
    const b = (await fgc.post('/api/normdocs', { title: '宁夏回族自治区特困人员认定暂行办法', text: '第一条 ……' })).json().id;
    b2 = b;
    expect((await move(fgc, b, 'consult', { way: '公开征求意见', startOn: '2026-03-25', endOn: '2026-04-24' })).statusCode).toBe(200);
    day('2026-04-27');
    expect((await move(fgc, b, 'submit_review')).statusCode).toBe(200);
    const passedB = await passWhenDue(fgc, b, { conclusion: '通过', opinion: '合法', checklist: checklist() });
    await deliberateAndSign(b, passedB);
    expect((await move(lead, b, 'sign')).statusCode).toBe(200);
    // The number is taken, then the transaction fails: it must not be consumed.
    await expect(
      withTx(t.ctx, async (tx) => {
        await runTransition(tx, SYSTEM_ACTOR, { caseId: b, name: 'number', skipWho: true });
        throw new Error('故障：登记编号后事务回滚');
      }),
    ).rejects.toThrow('回滚');
    expect((await fgc.get(`/api/normdocs/${b}`)).json()).toMatchObject({ state: 'signed', number: null });
    expect((await move(fgc, b, 'number')).statusCode).toBe(200);
    expect((await fgc.get(`/api/normdocs/${b}`)).json().number).toBe('宁民规发〔2026〕2号');
    // 暂行: 有效期 no more than 2 years.
    const long = await move(fgc, b, 'publish', { publishedOn: passedB, effectiveOn: '2026-06-01', validUntil: '2029-05-31', publishedIn: '厅门户网站' });
    expect(long.statusCode).toBe(400);
    expect(long.json().title).toContain('2 年');
    expect((await move(fgc, b, 'publish', { publishedOn: passedB, effectiveOn: '2026-06-01', publishedIn: '厅门户网站' })).statusCode).toBe(200);
    expect((await fgc.get(`/api/normdocs/${b}`)).json().validUntil).toBe('2028-05-31');
    const list = (await fgc.get(`/api/normdocs?q=${encodeURIComponent('宁民规发〔2026〕')}`)).json();
    expect(list.items.map((i: any) => i.number).sort()).toEqual(['宁民规发〔2026〕1号', '宁民规发〔2026〕2号']);
  });

  it('评估 by a third party concludes 修改: a linked draft; its 公布 replaces the old document from its 施行日期', async () => {
    day('2026-06-01');
    const evaluation = {
      evaluatedOn: '2026-06-01',
      evaluator: '宁夏大学社会治理研究院',
      method: '委托第三方评估',
      findings: '入户调查人数的规定与新修订的审核确认办法不一致',
      conclusion: '修改',
    };
    const future = await fgc.post(`/api/normdocs/${id}/evaluations`, { ...evaluation, evaluatedOn: '2026-06-02' });
    expect(future.statusCode).toBe(400);
    expect((await fgc.post(`/api/normdocs/${id}/evaluations`, { ...evaluation, conclusion: '保留' })).json().title).toContain('评估结论');
    expect((await yc.post(`/api/normdocs/${id}/evaluations`, evaluation)).statusCode).toBe(404);
    const ev = await fgc.post(`/api/normdocs/${id}/evaluations`, evaluation);
    expect(ev.statusCode, ev.body).toBe(201);
    const rev = ev.json().revisionCaseId;
    const evaluated = (await fgc.get(`/api/normdocs/${id}`)).json();
    expect(evaluated.evaluations).toEqual([
      expect.objectContaining({ thirdParty: true, conclusion: '修改', revisionCaseId: rev, evaluator: evaluation.evaluator }),
    ]);
    const report = (await fgc.get('/api/report/metrics?year=2026&section=normdocs')).json();
    const figure = (code: string) => report.sections.flatMap((x: any) => x.metrics).find((x: any) => x.code === code)?.value;
    expect([figure('normdocs.evaluated'), figure('normdocs.evaluated_third_party')]).toEqual([1, 1]);
    // The revision runs every gate; published, it takes number 3 and replaces number 1 from its 施行日期.
    expect((await fgc.get(`/api/normdocs/${rev}`)).json()).toMatchObject({ state: 'drafting', revises: { id, number: '宁民规发〔2026〕1号' } });
    expect((await move(fgc, rev, 'consult', { way: '公开征求意见', startOn: '2026-06-01', endOn: '2026-07-01' })).statusCode).toBe(200);
    day('2026-07-02');
    expect((await move(fgc, rev, 'submit_review')).statusCode).toBe(200);
    const passedR = await passWhenDue(fgc, rev, { conclusion: '通过', opinion: '合法', checklist: checklist() });
    await deliberateAndSign(rev, passedR);
    expect((await move(lead, rev, 'sign')).statusCode).toBe(200);
    expect((await move(fgc, rev, 'number')).statusCode).toBe(200);
    expect((await move(fgc, id, 'supersede', { byCaseId: b2 })).json().title).toContain('没有已公布的修改后文件');
    const pub = await move(fgc, rev, 'publish', { publishedOn: passedR, effectiveOn: '2026-08-01', publishedIn: '厅门户网站' });
    expect(pub.statusCode, pub.body).toBe(200);
    const old = (await fgc.get(`/api/normdocs/${id}`)).json();
    expect(old).toMatchObject({ state: 'revised', ended: { kind: '修改', on: '2026-08-01', replacedBy: { id: rev, number: '宁民规发〔2026〕3号' } } });
    expect(await onDay('2026-07-31')).toEqual(['宁民规发〔2026〕1号', '宁民规发〔2026〕2号']);
    expect(await onDay('2026-08-01')).toEqual(['宁民规发〔2026〕2号', '宁民规发〔2026〕3号']);
    expect((await fgc.get(`/api/normdocs?state=revised`)).json().items.map((i: any) => i.id)).toEqual([id]);
  });

  it('hostile input → 400 in Chinese; scope: another city sees nothing; a county office may not open the series', async () => {
    const bad = await fgc.post('/api/normdocs', { title: 123, text: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toMatch(/文件名称|草案文本/);
    expect((await fgc.get('/api/normdocs?state=nope')).statusCode).toBe(400);
    expect((await fgc.get('/api/normdocs/not-a-uuid')).statusCode).toBe(400);
    expect((await move(fgc, id, 'consult', { way: '微信', startOn: 'x', endOn: 'y' })).statusCode).toBe(409);

    const city = await yc.post('/api/normdocs', { title: '银川市城乡低保一体化实施细则', text: '第一条 ……' });
    expect(city.statusCode, city.body).toBe(201);
    const cityId = city.json().id;
    const badConsult = await move(yc, cityId, 'consult', { way: '微信', startOn: 'x', endOn: 'y' });
    expect(badConsult.statusCode).toBe(400);
    expect(badConsult.json().title).toMatch(/征求意见/);
    expect((await yc.get(`/api/normdocs/${id}`)).statusCode).toBe(404);
    expect((await pl.get(`/api/normdocs/${cityId}`)).statusCode).toBe(404);
    expect((await pl.get(`/api/cases/${cityId}`)).statusCode).toBe(404);
    expect((await pl.post(`/api/normdocs/${cityId}/versions`, { text: 'x', note: 'y' })).statusCode).toBe(404);
    expect((await pl.get('/api/normdocs')).json().total).toBe(0);
    expect((await yc.get('/api/normdocs')).json().items.map((i: any) => i.id)).toEqual([cityId]);
    expect((await fgc.get(`/api/normdocs/${cityId}`)).statusCode).toBe(200);
    const county = await ld.post('/api/normdocs', { title: '隆德县某某办法', text: '第一条' });
    expect(county.statusCode).toBe(409);
  });

  it('继续施行: evaluated 继续有效 within 6 months of the end, it is registered again with a new number and period; the register shows the chain', async () => {
    const reissue = (input: Record<string, string>) => move(fgc, b2, 'reissue', { publishedOn: '2027-12-10', publishedIn: '厅门户网站', ...input });
    day('2027-06-01');
    expect((await reissue({ effectiveOn: '2028-06-01' })).json().title).toContain('2027-11-30 起');
    day('2027-12-10');
    expect((await reissue({ effectiveOn: '2028-06-01' })).json().title).toContain('继续有效');
    const ev = { evaluatedOn: '2027-12-10', evaluator: '政策法规处', method: '自行评估', findings: '实施情况良好，上位法未变', conclusion: '继续有效' };
    expect((await fgc.post(`/api/normdocs/${b2}/evaluations`, ev)).statusCode).toBe(201);
    const gap = await reissue({ effectiveOn: '2028-06-02' });
    expect([gap.statusCode, gap.json().title]).toEqual([400, expect.stringContaining('2028-06-01')]);
    expect((await reissue({ effectiveOn: '2028-06-01', validUntil: '2030-06-01' })).json().title).toContain('2 年');
    const r = await reissue({ effectiveOn: '2028-06-01' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().state).toBe('continued');
    const old = (await fgc.get(`/api/normdocs/${b2}`)).json();
    expect(old.ended).toMatchObject({ kind: '重新登记', on: '2028-06-01', replacedBy: { number: '宁民规发〔2027〕1号' } });
    const n = (await fgc.get(`/api/normdocs/${old.ended.replacedBy.id}`)).json();
    expect(n).toMatchObject({ state: 'published', number: '宁民规发〔2027〕1号', effectiveOn: '2028-06-01', validUntil: '2030-05-31' });
    expect(n.previous).toEqual({ id: b2, number: '宁民规发〔2026〕2号', kind: '继续施行' });
    expect(n.versions.map((v: any) => v.text)).toEqual([old.versions.at(-1).text]);
    expect(n.gates.slice(0, 2)).toEqual([
      expect.objectContaining({ passed: true, by: '宁民规发〔2026〕2号' }),
      expect.objectContaining({ passed: true, on: '2027-12-10', by: '政策法规处（自行评估）' }),
    ]);
    expect(await onDay('2028-05-31')).toContain('宁民规发〔2026〕2号');
    expect(await onDay('2028-06-01')).toEqual(['宁民规发〔2026〕3号', '宁民规发〔2027〕1号']);
    const row = (await fgc.get(`/api/normdocs?q=${encodeURIComponent('宁民规发〔2026〕2号')}`)).json().items[0];
    expect(row.next).toEqual({ id: n.id, number: '宁民规发〔2027〕1号', kind: '重新登记' });
    const report = (await fgc.get('/api/report/metrics?year=2027&section=normdocs')).json();
    expect(report.sections.flatMap((x: any) => x.metrics).find((x: any) => x.code === 'normdocs.continued')?.value).toBe(1);
    // Once only; the continuation's own registration is never a short cut for an ordinary draft.
    expect((await reissue({ effectiveOn: '2028-06-01' })).statusCode).toBe(409);
    const draft = (await fgc.post('/api/normdocs', { title: '宁夏回族自治区某某办法', text: '第一条 ……' })).json().id;
    const shortcut = await move(fgc, draft, 'register_continuation', { publishedOn: '2027-12-10', effectiveOn: '2028-01-01', publishedIn: '厅门户网站' });
    expect(shortcut.statusCode).toBeGreaterThanOrEqual(403);
    expect((await fgc.get(`/api/normdocs/${draft}`)).json().state).toBe('drafting');
  });
});
