import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { seedEnforcementDemo } from '../demo/seed-enforcement-demo.ts';
import { seedStudyDemo } from '../demo/seed-study.ts';
import { DEMO_QUESTIONS } from '../demo/demo-study.ts';

// 2026-12-07 10:00 in China.
const clock = manualClock(new Date('2026-12-07T02:00:00Z'));
let t: TestApp;
let fgc: Session;
let xj: Session;
let bank: Array<{ id: string; stem: string; answer: string[] }>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedEnforcementDemo(t.ctx);
  await seedStudyDemo(t.ctx);
  fgc = await t.login('nx-fgc');
  xj = await t.login('xj-mzj');
  bank = (await fgc.get('/api/enforcement/study/questions')).json().items;
});
afterAll(() => t?.close());

const keyOf = (stem: string) => DEMO_QUESTIONS.find((q) => q.stem === stem)!.answer;

describe('学法用法: demo 2019', () => {
  it('seeds the bank, sessions and the qualification exam of the 17 applicants, once', async () => {
    expect(bank.length).toBeGreaterThanOrEqual(20);
    expect(bank.every((q) => /《.+》.*第.+条/.test((q as any).basis))).toBe(true);
    const q = (
      await sql<{ sat: number; passed: number; marked: number }>`select count(*)::int as sat, count(*) filter (where a.passed)::int as passed,
        (select count(*)::int from enforcement.officer where qualification_passed_on is not null) as marked
      from enforcement.exam_attempt a join enforcement.exam e on e.id = a.exam_id where e.qualification`.execute(t.ctx.db)
    ).rows[0]!;
    expect(q).toEqual({ sat: 17, passed: 15, marked: 15 });
    expect((await seedStudyDemo(t.ctx)).skipped).toBe(true);
  });

  it('the officer page shows a passed qualification exam', async () => {
    const items = (await fgc.get('/api/enforcement/officers')).json().items;
    const passed = items.filter((o: any) => o.qualificationPassedOn);
    expect(passed).toHaveLength(15);
    expect(passed[0]).toMatchObject({ qualificationPassedOn: '2019-11-16', examApplicant: true });
    expect(passed[0].qualificationScore).toBeGreaterThanOrEqual(80);
  });
});

describe('taking an exam', () => {
  let examId: string;
  it('the paper never carries the key; the bank is refused to a candidate', async () => {
    const exams = (await xj.get('/api/enforcement/exams')).json();
    const open = exams.items.find((e: any) => !e.closed);
    examId = open.id;
    const res = await xj.get(`/api/enforcement/exams/${examId}/paper`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/"answer"|"basis"/);
    expect(res.json().questions.length).toBe(6);
    const refused = await xj.get('/api/enforcement/study/questions');
    expect(refused.statusCode).toBe(403);
  });

  it('scores on the server, issues the 结业证明 and reveals the key only after submission', async () => {
    const paper = (await xj.get(`/api/enforcement/exams/${examId}/paper`)).json();
    const answers: Record<string, string[]> = {};
    for (const [i, q] of paper.questions.entries()) answers[q.id] = i === 0 ? ['D'] : keyOf(q.stem);
    const res = await xj.post(`/api/enforcement/exams/${examId}/submit`, { answers });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ correct: 5, total: 6, score: 83, passed: true, officerName: '何建平' });
    expect(r.certificate.no).toMatch(/^宁民学结〔2026〕1号$/);
    expect(r.questions[0]).toMatchObject({ right: false, given: ['D'] });
    expect(r.questions[0].basis).toMatch(/《社会救助暂行办法》第十一条/);
    const again = await xj.post(`/api/enforcement/exams/${examId}/submit`, { answers });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toMatch(/已参加过/);
    const mine = (await xj.get('/api/enforcement/exams')).json().items.find((e: any) => e.id === examId);
    expect(mine.myAttempt).toMatchObject({ score: 83, certificateNo: '宁民学结〔2026〕1号' });
    expect((await xj.get(`/api/enforcement/exam-attempts/${r.id}`)).statusCode).toBe(200);
    const pl = await t.login('pl-mzj');
    expect((await pl.get(`/api/enforcement/exam-attempts/${r.id}`)).statusCode).toBe(404);
    // the 结业证明 is a kernel document: PDF for the officer's unit only, checked on the portal by number and code
    const pdf = await xj.get(`/api/documents/${r.certificate.documentId}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect((await pl.get(`/api/documents/${r.certificate.documentId}.pdf`)).statusCode).toBe(404);
    const doc = (
      await sql<{ content: any; subject_id: string }>`select content, subject_id from core.document where id = ${r.certificate.documentId}`.execute(t.ctx.db)
    ).rows[0]!;
    const content = typeof doc.content === 'string' ? JSON.parse(doc.content) : doc.content;
    expect(doc.subject_id).toBe(r.id);
    expect(content).toMatchObject({ title: '结业证明', docNo: r.certificate.no, issuer: '宁夏回族自治区民政厅' });
    expect(content.body.join('')).toContain('何建平');
    const checked = await t.app.inject({
      method: 'GET',
      url: `/api/public/documents/verify?no=${encodeURIComponent(r.certificate.no)}&code=${content.verifyCode}`,
    });
    expect(checked.json()).toMatchObject({ genuine: true, title: '结业证明' });
  });

  it('a failing paper gets no certificate; a closed exam and a qualification exam without applying are refused', async () => {
    const made = await fgc.post('/api/enforcement/exams', { title: '测试卷', year: 2026, passMark: 60, questionIds: bank.slice(0, 4).map((q) => q.id) });
    expect(made.statusCode, made.body).toBe(201);
    const pl = await t.login('pl-mzj');
    const r = (await pl.post(`/api/enforcement/exams/${made.json().id}/submit`, { answers: { [bank[0]!.id]: bank[0]!.answer } })).json();
    expect(r).toMatchObject({ score: 25, passed: false, certificate: null });
    const closed = (await xj.get('/api/enforcement/exams')).json().items.find((e: any) => e.closed);
    const late = await xj.post(`/api/enforcement/exams/${closed.id}/submit`, { answers: {} });
    expect(late.statusCode).toBe(422);
    expect(late.json().title).toMatch(/截止/);
    const qual = await fgc.post('/api/enforcement/exams', {
      title: '资格考试(补考)',
      year: 2026,
      qualification: true,
      passMark: 80,
      questionIds: [bank[0]!.id],
    });
    const applicant = (await sql<{ a: boolean }>`select exam_applicant as a from enforcement.officer where name = '赵红梅'`.execute(t.ctx.db)).rows[0]!.a;
    const res = await pl.post(`/api/enforcement/exams/${qual.json().id}/submit`, { answers: { [bank[0]!.id]: bank[0]!.answer } });
    if (applicant) expect(res.statusCode).toBe(201);
    else expect(res.json().title).toMatch(/未报名/);
  });

  it('bad input is refused with the problem in Chinese', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['/api/enforcement/exams', { title: '卷', year: 2026, passMark: 120, questionIds: [bank[0]!.id] }, /及格分/],
      ['/api/enforcement/exams', { title: '卷', year: 2026, passMark: 60, questionIds: ['018f0000-0000-7000-8000-000000000000'] }, /不在题库中/],
      [
        '/api/enforcement/study/questions',
        { kind: 'single', stem: '题', options: ['甲', '乙'], answer: ['A', 'B'], basis: '《行政处罚法》第八条' },
        /只能有一个正确答案/,
      ],
      [
        '/api/enforcement/study/questions',
        { kind: 'single', stem: '题', options: ['甲', '乙'], answer: ['C'], basis: '《行政处罚法》第八条' },
        /不在选项范围内/,
      ],
      ['/api/enforcement/study/questions', { kind: 'judge', stem: '题', answer: ['A'], basis: '行政处罚法' }, /法律依据/],
      [`/api/enforcement/exams/${examId}/submit`, { answers: { x: ['A'] } }, /不属于本试卷/],
      [`/api/enforcement/exams/${examId}/submit`, { answers: { [bank[0]!.id]: ['Z'] } }, /答案/],
      [
        '/api/enforcement/study/sessions',
        { heldOn: '2099-01-01', topic: '学', lawTitle: '法', presenter: '甲', hours: 2, attendeeIds: [bank[0]!.id] },
        /不能晚于今天/,
      ],
      [
        '/api/enforcement/study/sessions',
        { heldOn: '2026-12-01', topic: '学', lawTitle: '法', presenter: '甲', hours: 2, attendeeIds: [bank[0]!.id] },
        /不是.*执法人员/,
      ],
    ];
    for (const [url, body, msg] of cases) {
      const res = await fgc.post(url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(JSON.stringify(res.json()), url).toMatch(msg);
    }
    const xjStray = await xj.post(`/api/enforcement/exams/${examId}/submit`, { answers: { [bank[0]!.id]: ['A'] } });
    expect(xjStray.statusCode).toBeLessThan(500);
  });
});

describe('sessions and statistics, scoped', () => {
  it('a county records a session of its own staff; another county’s officer is refused', async () => {
    const mine = (await xj.get('/api/enforcement/officers')).json().items.map((o: any) => o.id);
    const other = (await (await t.login('pl-mzj')).get('/api/enforcement/officers')).json().items[0].id;
    const body = {
      heldOn: '2026-12-03',
      topic: '《行政处罚法》第八十五条期限计算',
      lawTitle: '《中华人民共和国行政处罚法》',
      lawRef: '行政处罚法(2021-01-22)',
      presenter: '马德福',
      hours: 2,
    };
    const stats = async () => (await xj.get('/api/enforcement/study/stats?year=2026')).json();
    const before = await stats();
    const materials = '《行政处罚法》释义第八章；课件《期限的计算》';
    const ok = await xj.post('/api/enforcement/study/sessions', { ...body, materials, attendeeIds: mine.slice(0, 3) });
    expect(ok.statusCode, ok.body).toBe(201);
    // The statistics count it: one more session held by the unit, one more (2 hours) for each who attended.
    const after = await stats();
    expect(after.units[0].sessionsHeld).toBe(before.units[0].sessionsHeld + 1);
    for (const id of mine.slice(0, 3)) {
      const [b, a] = [before, after].map((x) => x.people.find((p: any) => p.id === id));
      expect([a.sessions - b.sessions, a.hours - b.hours]).toEqual([1, 2]);
    }
    expect(after.people.find((p: any) => p.id === mine[3])?.sessions).toBe(before.people.find((p: any) => p.id === mine[3])?.sessions);
    const bad = await xj.post('/api/enforcement/study/sessions', { ...body, attendeeIds: [mine[0], other] });
    expect(bad.statusCode).toBe(400);
    const s = (await xj.get(`/api/enforcement/study/sessions/${ok.json().id}`)).json();
    expect(s.attendees).toHaveLength(3);
    expect(s.materials).toBe(materials);
    expect((await (await t.login('pl-mzj')).get(`/api/enforcement/study/sessions/${ok.json().id}`)).statusCode).toBe(404);
  });

  it('a county sees its own unit’s figures; the region sees every unit', async () => {
    const county = (await xj.get('/api/enforcement/study/stats?year=2019')).json();
    expect(county.units.map((u: any) => u.orgName)).toEqual(['西吉县民政局']);
    expect(county.units[0].sessionsHeld).toBe(3);
    expect(county.people.every((p: any) => p.areaPath.endsWith('640422'))).toBe(true);
    const region = (await fgc.get('/api/enforcement/study/stats?year=2019')).json();
    expect(region.units.length).toBeGreaterThanOrEqual(6);
    const passed = region.people.reduce((n: number, p: any) => n + p.examsPassed, 0);
    const inDb = (
      await sql<{ n: number }>`select count(*)::int as n from enforcement.exam_attempt a join enforcement.exam e on e.id = a.exam_id
      where a.passed and e.year = 2019`.execute(t.ctx.db)
    ).rows[0]!.n;
    expect(passed).toBe(inDb);
    const hours = region.people.find((p: any) => p.hours > 0);
    expect(hours.sessions).toBeGreaterThan(0);
  });
});

describe('editing plans, questions and papers', () => {
  it('a plan is edited by its unit; another county gets 404; a year the unit already has is 409', async () => {
    const plan = (await xj.get('/api/enforcement/study/plans?year=2019')).json().items[0];
    const ok = await xj.patch(`/api/enforcement/study/plans/${plan.id}`, { targetHours: 48, title: '2019年度学法计划(修订)' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await xj.get('/api/enforcement/study/plans?year=2019')).json().items[0]).toMatchObject({ targetHours: 48, title: '2019年度学法计划(修订)' });
    expect((await (await t.login('pl-mzj')).patch(`/api/enforcement/study/plans/${plan.id}`, { targetHours: 10 })).statusCode).toBe(404);
    await xj.post('/api/enforcement/study/plans', { year: 2026, title: '2026年度学法计划', targetHours: 40, content: '行政处罚法' });
    const dup = await xj.patch(`/api/enforcement/study/plans/${plan.id}`, { year: 2026 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().title).toContain('2026年度的学法计划已登记');
    expect((await xj.patch(`/api/enforcement/study/plans/${plan.id}`, { targetHours: 0 })).json().title).toContain('计划学时');
  });

  it('a question nobody answered is corrected in place; one on a taken paper becomes a new version, untaken papers follow', async () => {
    const q = {
      kind: 'single',
      stem: '行政处罚的实施机关是？',
      options: ['任何机关', '具有行政处罚权的行政机关'],
      answer: ['A'],
      basis: '《中华人民共和国行政处罚法》第十七条',
    };
    const qid = (await fgc.post('/api/enforcement/study/questions', q)).json().id;
    const fixed = await fgc.patch(`/api/enforcement/study/questions/${qid}`, { stem: '行政处罚由谁实施？' });
    expect(fixed.json()).toEqual({ id: qid, version: 1, newVersion: false, papersMoved: 0 });
    const paper = async (title: string) =>
      (await fgc.post('/api/enforcement/exams', { title, year: 2026, passMark: 60, questionIds: [qid, bank[1]!.id] })).json().id as string;
    const [open, taken] = [await paper('未考卷'), await paper('已考卷')];
    const pl = await t.login('pl-mzj');
    const sat = (await pl.post(`/api/enforcement/exams/${taken}/submit`, { answers: { [qid]: ['A'] } })).json();
    expect(sat.correct).toBe(1);
    expect((await xj.patch(`/api/enforcement/study/questions/${qid}`, { answer: ['B'] })).statusCode).toBe(403);
    const v2 = (await fgc.patch(`/api/enforcement/study/questions/${qid}`, { answer: ['B'] })).json();
    expect(v2).toMatchObject({ version: 2, newVersion: true, papersMoved: 1 });
    expect(v2.id).not.toBe(qid);
    const ids = (await fgc.get('/api/enforcement/study/questions')).json().items.map((i: any) => i.id);
    expect(ids).toContain(v2.id);
    expect(ids).not.toContain(qid);
    expect((await fgc.get(`/api/enforcement/exams/${open}/paper`)).json().questions[0].id).toBe(v2.id);
    expect((await fgc.get(`/api/enforcement/exams/${taken}/paper`)).json().questions[0].id).toBe(qid);
    // The candidate's result still shows the key they were scored against.
    expect((await pl.get(`/api/enforcement/exam-attempts/${sat.id}`)).json().questions[0]).toMatchObject({ answer: ['A'], right: true });
    const stale = await fgc.patch(`/api/enforcement/study/questions/${qid}`, { stem: '再改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().title).toContain('新版本');
    expect((await fgc.post('/api/enforcement/exams', { title: '旧题', year: 2026, passMark: 60, questionIds: [qid] })).json().title).toContain('已有新版本');
    const judge = await fgc.patch(`/api/enforcement/study/questions/${v2.id}`, { kind: 'judge', answer: ['A', 'B'] });
    expect(judge.json().title).toContain('只能有一个正确答案');

    // A taken paper keeps what decided its scores (409 in Chinese); its name and closing day may change.
    const refused = await fgc.patch(`/api/enforcement/exams/${taken}`, { questionIds: [bank[1]!.id], passMark: 80 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toMatch(/已有 1 人交卷，试卷的试题、及格分不能再修改/);
    const renamed = await fgc.patch(`/api/enforcement/exams/${taken}`, { title: '已考卷(更名)', closesOn: '2026-12-31' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const edited = await fgc.patch(`/api/enforcement/exams/${open}`, { questionIds: [bank[2]!.id, v2.id], passMark: 80, qualification: false });
    expect(edited.json()).toEqual({ id: open, taken: 0 });
    const list = (await fgc.get('/api/enforcement/exams')).json().items;
    expect(list.find((e: any) => e.id === open)).toMatchObject({ passMark: 80, questionIds: [bank[2]!.id, v2.id], taken: 0 });
    expect(list.find((e: any) => e.id === taken)).toMatchObject({ title: '已考卷(更名)', closesOn: '2026-12-31', taken: 1 });
    expect((await xj.patch(`/api/enforcement/exams/${open}`, { title: 'x' })).statusCode).toBe(403);
    expect((await fgc.patch(`/api/enforcement/exams/${open}`, { questionIds: [v2.id, v2.id] })).json().title).toContain('重复');
  });
});
