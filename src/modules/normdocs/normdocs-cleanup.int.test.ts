import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { loadGrants, SYSTEM_ACTOR } from '../../kernel/identity/index.ts';
import { seedDemoNormdocs } from './demo/seed-demo-normdocs.ts';
import { addMonths } from './commands/dates.ts';
import { remindEvaluations } from './evaluation/remind-evaluation.ts';
import { onNormdocChange, type NormdocChange } from './events.ts';
import { normdocReportSection } from './report/section.ts';

// 清理 on the demo register (the 厅's 2019 clean-up is in the demo), the evaluation reminder and the
// report section. Today is 2026-12-06 (China): 宁民规发〔2026〕1号 and 2号 are in force.
const clock = manualClock(new Date('2026-12-06T02:00:00Z'));
let t: TestApp;
let fgc: Session;
let yc: Session;
const byNumber = async (n: string) => (await fgc.get(`/api/normdocs?q=${encodeURIComponent(n)}`)).json().items[0];
const publicCleanups = async () => (await t.app.inject({ method: 'GET', url: '/api/public/normdocs/cleanups' })).json().items;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  await seedDemoNormdocs(t.ctx);
  fgc = await t.login('nx-fgc');
  yc = await t.login('yc-mzj');
});
afterAll(() => t?.close());

describe('规范性文件清理', () => {
  it('the demo’s 2019 clean-up is public: every 宁民规发 document in force then, all 继续有效', async () => {
    const [k] = await publicCleanups();
    expect(k).toMatchObject({ name: '2019年度自治区民政厅行政规范性文件清理', issuer: '宁夏回族自治区民政厅', asOf: '2019-12-16', closedOn: '2019-12-27' });
    expect(k.items.map((i: any) => i.number)).toEqual(['宁民规发〔2019〕1号', '宁民规发〔2019〕2号', '宁民规发〔2019〕3号', '宁民规发〔2019〕4号']);
    expect(k.items.every((i: any) => i.conclusion === '继续有效' && i.reason.length > 2)).toBe(true);
  });

  it('refuses bad input, a clerk, a second open campaign, and closing with documents left open', async () => {
    expect((await yc.post('/api/normdocs/cleanups', { name: '银川市清理', basis: '通知', asOf: '2026-12-01' })).statusCode).toBe(403);
    const future = await fgc.post('/api/normdocs/cleanups', { name: '2026年度清理', basis: '通知', asOf: '2026-12-07' });
    expect(future.statusCode).toBe(400);
    expect(future.json().title).toContain('清理基准日');
    const pastDue = await fgc.post('/api/normdocs/cleanups', { name: '2026年度清理', basis: '通知', asOf: '2026-12-06', dueOn: '2026-12-05' });
    expect(pastDue.json().title).toContain('完成期限');
    const opened = await fgc.post('/api/normdocs/cleanups', { name: '2026年度清理', basis: '自治区司法厅通知', asOf: '2026-12-06' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().documents).toBe(2);
    const id = opened.json().id;
    expect((await fgc.post('/api/normdocs/cleanups', { name: '又一次清理', basis: '通知', asOf: '2026-12-06' })).statusCode).toBe(409);
    const d = (await fgc.get(`/api/normdocs/cleanups/${id}`)).json();
    expect(d.items.map((i: any) => i.number)).toEqual(['宁民规发〔2026〕1号', '宁民规发〔2026〕2号']);
    const bad = await fgc.put(`/api/normdocs/cleanups/${id}/items/${d.items[0].caseId}`, { conclusion: '保留', reason: '理由' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('清理结论');
    const other = (await byNumber('宁民规发〔2019〕1号')).id;
    expect((await fgc.put(`/api/normdocs/cleanups/${id}/items/${other}`, { conclusion: '继续有效', reason: '理由充分' })).statusCode).toBe(404);
    expect((await fgc.put(`/api/normdocs/cleanups/${id}/items/${d.items[0].caseId}`, { conclusion: '修改', reason: '与新修订的办法不一致' })).statusCode).toBe(
      200,
    );
    const early = await fgc.post(`/api/normdocs/cleanups/${id}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('尚有 1 件');
    // Past its 完成期限 with a document undecided, the campaign shows as 停滞 and still cannot be closed (nor published) half-done.
    expect((await fgc.get(`/api/normdocs/cleanups/${id}`)).json()).toMatchObject({ dueOn: '2027-02-04', stalled: false });
    clock.set(new Date('2027-02-05T02:00:00Z'));
    expect((await fgc.get('/api/normdocs/cleanups')).json().items.find((k: any) => k.id === id)).toMatchObject({ stalled: true, concluded: 1, documents: 2 });
    const half = await fgc.post(`/api/normdocs/cleanups/${id}/close`, {});
    expect(half.statusCode).toBe(409);
    expect(half.json().title).toContain('清理停滞');
    expect((await publicCleanups()).map((k: any) => k.id)).not.toContain(id);
    clock.set(new Date('2026-12-06T02:00:00Z'));
    // Not public until closed; not visible to 银川 at all.
    expect((await publicCleanups()).map((k: any) => k.id)).not.toContain(id);
    expect((await yc.get('/api/normdocs/cleanups')).json().items.map((k: any) => k.id)).not.toContain(id);
    expect((await yc.get(`/api/normdocs/cleanups/${id}`)).statusCode).toBe(404);
  });

  it('closing: 修改 opens a linked draft at the drafting office; 继续有效 changes nothing', async () => {
    const [k] = (await fgc.get('/api/normdocs/cleanups')).json().items;
    const d = (await fgc.get(`/api/normdocs/cleanups/${k.id}`)).json();
    await fgc.put(`/api/normdocs/cleanups/${k.id}/items/${d.items[1].caseId}`, { conclusion: '继续有效', reason: '符合实际，继续有效' });
    const closed = await fgc.post(`/api/normdocs/cleanups/${k.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ closedOn: '2026-12-06', counts: { 修改: 1, 继续有效: 1 } });
    expect((await fgc.put(`/api/normdocs/cleanups/${k.id}/items/${d.items[1].caseId}`, { conclusion: '废止', reason: '改主意了' })).statusCode).toBe(409);
    const after = (await fgc.get(`/api/normdocs/cleanups/${k.id}`)).json();
    const revId = after.items[0].revisionCaseId;
    const rev = (await fgc.get(`/api/normdocs/${revId}`)).json();
    const old = (await fgc.get(`/api/normdocs/${d.items[0].caseId}`)).json();
    expect(rev).toMatchObject({ state: 'drafting', title: old.title, orgUnitId: old.orgUnitId, revises: { id: old.id, number: '宁民规发〔2026〕1号' } });
    expect(rev.versions[0].text).toBe(old.versions.at(-1).text);
    expect(old.state).toBe('filed');
    expect(old.cleanups.at(-1)).toMatchObject({ conclusion: '修改', closedOn: '2026-12-06' });
    const told =
      await sql`select 1 from core.notification where kind = 'normdocs.cleanup.revise' and case_id = ${revId} and org_unit_id = ${old.orgUnitId}`.execute(
        t.ctx.db,
      );
    expect(told.rows).toHaveLength(1);
    expect((await publicCleanups())[0].items.map((i: any) => i.conclusion)).toEqual(['修改', '继续有效']);
  });

  it('废止 and 宣布失效 run the documents’ own moves: listeners hear them, 政策问答 is flagged, the public list drops them', async () => {
    const one = await byNumber('宁民规发〔2026〕1号');
    const two = await byNumber('宁民规发〔2026〕2号');
    const qa = await fgc.post('/api/policyqa', {
      category: '特困人员供养',
      question: '特困人员如何认定？',
      answer: '按照《宁夏回族自治区特困人员认定办法》的规定，向户籍所在地乡镇人民政府提出申请。',
      documentId: one.id,
    });
    expect(qa.statusCode, qa.body).toBe(201);
    const heard: NormdocChange[] = [];
    const off = onNormdocChange(async (_tx, c) => void heard.push(c));
    // 宣布失效 outside a closed 清理 is refused.
    expect((await fgc.post(`/api/cases/${two.id}/transitions/expire`, { input: {} })).statusCode).toBe(409);
    const id = (await fgc.post('/api/normdocs/cleanups', { name: '专项清理', basis: '上位法修改', asOf: '2026-12-06' })).json().id;
    await fgc.put(`/api/normdocs/cleanups/${id}/items/${one.id}`, { conclusion: '废止', reason: '已被新办法代替' });
    await fgc.put(`/api/normdocs/cleanups/${id}/items/${two.id}`, { conclusion: '宣布失效', reason: '调整对象已消失' });
    const closed = await fgc.post(`/api/normdocs/cleanups/${id}/close`, {});
    off();
    expect(closed.statusCode, closed.body).toBe(200);
    expect(heard.map((h) => [h.number, h.kind, h.on])).toEqual([
      ['宁民规发〔2026〕1号', '废止', '2026-12-06'],
      ['宁民规发〔2026〕2号', '失效', '2026-12-06'],
    ]);
    expect(heard[1]!.reason).toContain('调整对象已消失');
    expect((await fgc.get(`/api/cases/${one.id}`)).json().state).toBe('repealed');
    expect((await fgc.get(`/api/cases/${two.id}`)).json().state).toBe('expired');
    const flagged = (await fgc.get(`/api/policyqa/${qa.json().id}`)).json();
    expect(flagged.status).toBe('flagged');
    expect(flagged.flagReason).toContain('已废止');
    const inForce = (await t.app.inject({ method: 'GET', url: '/api/public/normdocs?on=2026-12-06' })).json().items;
    expect(inForce).toEqual([]);
  });
});

describe('有效期届满前评估提醒', () => {
  it('reminds the drafting office once, from 6 months before 有效期至', async () => {
    const doc = (await fgc.get(`/api/normdocs?q=${encodeURIComponent('宁民规发〔2019〕2号')}`)).json().items[0];
    const from = addMonths(doc.validUntil, -6);
    const kinds = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from core.notification where kind = 'normdocs.evaluation.remind' and case_id = ${doc.id}
        and org_unit_id = ${doc.orgUnitId}`.execute(t.ctx.db)
      ).rows[0]!.n;
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await remindEvaluations(t.ctx, dayBefore);
    expect(await kinds()).toBe(0);
    expect(await remindEvaluations(t.ctx, from)).toBeGreaterThanOrEqual(1);
    expect(await remindEvaluations(t.ctx, from)).toBe(0);
    expect(await kinds()).toBe(1);
  });
});

describe('规范性文件 report section', () => {
  it('2019 from the demo data: each figure counts the documents it names', async () => {
    const admin = await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = { ...SYSTEM_ACTOR, userId: admin.id, grants: await loadGrants(t.ctx, admin.id, clock.now()) };
    const got: Record<string, number> = {};
    for (const m of normdocReportSection.metrics) {
      const r = await m.query(t.ctx, { areaCode: '640000', areaPath: '640000', from: '2019-01-01', to: '2019-12-31', actor });
      expect(r.recordIds).toHaveLength(r.value);
      got[m.code.slice('normdocs.'.length)] = r.value;
    }
    expect(got).toEqual({
      drafted: 5,
      review_passed: 5,
      continued: 0,
      review_returned: 0,
      published: 5,
      filed: 5,
      repealed: 0,
      expired: 0,
      cleaned: 4,
      evaluated: 0,
      evaluated_third_party: 0,
    });
    const yc = await normdocReportSection.metrics[0]!.query(t.ctx, {
      areaCode: '640100',
      areaPath: '640000.640100',
      from: '2019-01-01',
      to: '2019-12-31',
      actor,
    });
    expect(yc.value).toBe(1);
    const res = await fgc.get('/api/report/metrics?year=2019&section=normdocs');
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json())).toContain('normdocs.cleaned');
  });
});
