import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';
import { submitOnline } from './commands/submit-online.ts';
import { trackPetition } from './commands/track-petition.ts';

// Intake safeguards (issue 10 B): source and form, 重大紧急, more than five representatives, 被投诉机关,
// 检举控告 (never to the accused, informant hidden), the refusal codes' limits, notices served, 第三十一条
// routing, 去向 told to the petitioner, 接待登记 and the 第四十一条 report figures.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 in Beijing
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let fgc: Caller, yc: Caller, xq: Caller;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
let seq = 200;
const base = () => ({
  title: '反映低保待遇问题',
  channel: '来信',
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode: '640104',
  content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇,说明取消的理由和依据。',
  petitioners: [{ name: '何某', idNumber: idOf('64010419770501' + String(seq++).padStart(3, '0')), phone: '13900001111' }],
});
async function register(who: Caller, extra: Record<string, unknown> = {}) {
  const r = await who.post('/api/petitions', { ...base(), ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; refNo: string; state: string; flags: any; suggestions: string[] };
}
const move = (who: Caller, id: string, name: string, body: Record<string, unknown> = {}) => who.post(`/api/cases/${id}/transitions/${name}`, body);
const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [fgc, yc, xq] = await Promise.all([t.login('nx-fgc'), t.login('yc-mzj'), t.login('xq-mzj')]);
});
afterAll(() => t?.close());

describe('registration', () => {
  it('keeps the source and the original form apart; knows 国家信访局, 自治区政府, 人大 and 政协', async () => {
    const none = await fgc.post('/api/petitions', { ...base(), channel: '上级转来', sourceBody: '国家信访局' });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ details: { field: 'originalForm' } });
    expect((await fgc.post('/api/petitions', { ...base(), channel: '上级转来', originalForm: '来信' })).json().details.field).toBe('sourceBody');
    for (const [sourceBody, originalForm] of [
      ['国家信访局', '网上信访'],
      ['自治区政府', '来信'],
      ['人大', '来访'],
      ['政协', '来信'],
      ['民政部', '来访'],
    ]) {
      const p = await register(fgc, { channel: '上级转来', sourceBody, originalForm, sourceRef: '转〔2026〕1号' });
      const d = (await fgc.get(`/api/petitions/${p.id}`)).json();
      expect(d.petition).toMatchObject({ channel: '上级转来', sourceBody, originalForm });
    }
    const letter = await register(fgc);
    expect((await fgc.get(`/api/petitions/${letter.id}`)).json().petition).toMatchObject({ channel: '来信', originalForm: '来信', sourceBody: null });
  });

  it('registers a visit with more than five representatives, with a warning', async () => {
    const p = await register(xq, { channel: '来访', visitBatch: 1, visitPersons: 30, representatives: 8 });
    expect(p.state).toBe('registered');
    expect(p.suggestions.join()).toContain('超过 5 人');
    expect((await xq.get(`/api/petitions/${p.id}`)).json().petition.representatives).toBe(8);
  });

  it('flags 重大紧急 with its circumstances and reports it to the level above at once', async () => {
    const bare = await xq.post('/api/petitions', { ...base(), urgent: true });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ details: { field: 'urgentNote' } });
    const p = await register(xq, { urgent: true, urgentNote: '信访人扬言采取极端行为,情况紧急。', complainedOrg: '兴庆区某街道办事处' });
    expect(p.suggestions.join()).toContain('银川市民政局');
    const d = (await xq.get(`/api/petitions/${p.id}`)).json();
    expect(d.petition.urgent).toMatchObject({
      note: expect.stringContaining('极端'),
      reportedAt: expect.any(String),
      report: expect.stringContaining('第二十五条'),
    });
    expect(d.petition.complainedOrg).toBe('兴庆区某街道办事处');
    const n =
      await sql<any>`select o.code from core.notification n join core.org_unit o on o.id = n.org_unit_id where n.case_id = ${p.id} and n.kind = 'petition.urgent'`.execute(
        t.ctx.db,
      );
    expect(n.rows.map((r: any) => r.code)).toContain('640100-mzj');
    const urgentList = (await xq.get('/api/petitions?flag=urgent')).json();
    expect(urgentList.items.map((i: any) => i.id)).toEqual([p.id]);
    expect(urgentList.items[0].urgent).toBe(true);
  });
});

describe('检举控告', () => {
  it('never goes to the accused unit, and the informant stays with the handler', async () => {
    const ycOrg = await org('640100-mzj');
    const own = await fgc.post('/api/petitions', { ...base(), category: '建议意见', accusedName: '某科长' });
    expect(own.json()).toMatchObject({ details: { field: 'accusedName' } });
    const p = await register(fgc, { category: '检举控告', accusedName: '银川市民政局某科室', accusedOrgId: ycOrg });
    for (const kind of ['transfer', 'assign']) {
      const r = await fgc.post(`/api/cases/${p.id}/handoff`, { kind, toOrgId: ycOrg });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: 'PETITION_ACCUSED_ORG', title: expect.stringContaining('第三十条第三款') });
    }
    expect((await fgc.post(`/api/petitions/${p.id}/assign`, { toOrgId: ycOrg, reportDays: 10 })).json().code).toBe('PETITION_ACCUSED_ORG');
    // the holder sees the informant
    const mine = (await fgc.get(`/api/petitions/${p.id}`)).json();
    expect(mine).toMatchObject({ informantHidden: false, petition: { accused: { name: '银川市民政局某科室', orgUnitName: '银川市民政局' } } });
    expect(mine.petitioners[0].name).toBe('何某');
    // sent to 兴庆区 for handling: the sender, no longer the handler, reads no identity any more
    await ok(fgc.post(`/api/cases/${p.id}/handoff`, { kind: 'transfer', toOrgId: await org('640104-mzj') }));
    await ok(xq.post(`/api/cases/${p.id}/acknowledge`, {}));
    const other = (await fgc.get(`/api/petitions/${p.id}`)).json();
    expect(other.informantHidden).toBe(true);
    expect(other.petitioners[0]).toMatchObject({ name: '检举人（信息保密）', idNumberMasked: null, phoneMasked: null });
    expect(JSON.stringify(other.petitioners)).not.toContain('何某');
    const list = (await fgc.get(`/api/petitions?q=${p.refNo}`)).json();
    expect(list.items[0].petitioners[0].name).toBe('检举人（信息保密）');
    expect((await xq.get(`/api/petitions/${p.id}`)).json().petitioners[0].name).toBe('何某');
    expect((await xq.get(`/api/petitions?q=${p.refNo}`)).json().items[0].petitioners[0].name).toBe('何某');
  });
});

describe('甄别 limits, notices and routing', () => {
  it('refuses 越级走访 only for visits, and 不属于本机关职权范围 while a lower 民政 bureau is competent', async () => {
    const letter = await register(fgc);
    const skip = await move(fgc, letter.id, 'refuse', { input: { reasonCode: 'skip_level_visit' } });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().title).toContain('只适用于来访');
    const nc = await move(fgc, letter.id, 'refuse', { input: { reasonCode: 'not_competent' } });
    expect(nc.statusCode).toBe(409);
    expect(nc.json()).toMatchObject({ code: 'PETITION_REFUSAL_NOT_ALLOWED', title: expect.stringMatching(/兴庆区民政局[\s\S]*转送、交办/) });
    expect((await fgc.get(`/api/petitions/${letter.id}`)).json().state).toBe('registered');
    // a matter of the whole region has no lower bureau: the refusal stands
    const region = await register(fgc, { concernedAreaCode: '640000' });
    await ok(move(fgc, region.id, 'refuse', { input: { reasonCode: 'not_competent', servedMethod: '邮寄送达', servedOn: '2026-06-01' } }));
    expect((await fgc.get(`/api/petitions/${region.id}`)).json().petition.refusalServed).toEqual({ method: '邮寄送达', on: '2026-06-01' });
    const visit = await register(fgc, { channel: '来访', visitPersons: 1 });
    await ok(move(fgc, visit.id, 'refuse', { input: { reasonCode: 'skip_level_visit' } }));
  });

  it('records how and when the 受理 notice was served, at 受理 or afterwards', async () => {
    const half = await register(xq);
    const r = await move(xq, half.id, 'accept', { input: { servedMethod: '当场书面告知' } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ details: { field: 'servedOn' } });
    await ok(move(xq, half.id, 'accept', { input: { servedMethod: '当场书面告知', servedOn: '2026-06-01' } }));
    expect((await xq.get(`/api/petitions/${half.id}`)).json().petition.acceptanceServed).toEqual({ method: '当场书面告知', on: '2026-06-01' });

    const later = await register(xq);
    expect((await xq.post(`/api/petitions/${later.id}/notice-service`, { servedMethod: '邮寄送达', servedOn: '2026-06-01' })).statusCode).toBe(409);
    await ok(move(xq, later.id, 'accept'));
    expect((await xq.post(`/api/petitions/${later.id}/notice-service`, { servedMethod: '邮寄送达', servedOn: '2026-06-02' })).statusCode).toBe(400);
    const s = await xq.post(`/api/petitions/${later.id}/notice-service`, { servedMethod: '邮寄送达', servedOn: '2026-06-01' });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toEqual({ notice: '受理告知书', servedMethod: '邮寄送达', servedOn: '2026-06-01' });
    expect((await xq.get(`/api/petitions/${later.id}`)).json().petition.acceptanceServed).toEqual({ method: '邮寄送达', on: '2026-06-01' });
  });

  it('routes a 申诉求决 matter into its proper procedure (第三十一条), once, with the outcome recorded', async () => {
    const idea = await register(xq, { category: '建议意见' });
    expect((await xq.post(`/api/petitions/${idea.id}/routing`, { target: '行政复议', note: '已引导' })).statusCode).toBe(409);
    const p = await register(xq);
    await ok(move(xq, p.id, 'accept'));
    expect((await xq.post(`/api/petitions/${p.id}/routing`, { target: '复印' })).statusCode).toBe(400);
    const r = await xq.post(`/api/petitions/${p.id}/routing`, { target: '低保申请', note: '已指导信访人向所在街道提出低保申请,街道已受理。' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await xq.post(`/api/petitions/${p.id}/routing`, { target: '行政复议', note: '再次' })).json().code).toBe('PETITION_ROUTING_EXISTS');
    expect((await xq.get(`/api/petitions/${p.id}`)).json().petition.routing).toMatchObject({ target: '低保申请', note: expect.stringContaining('街道已受理') });
  });

  it('tells the petitioner where the matter was 转送 / 交办, on the case and in 办理查询', async () => {
    const online = await submitOnline(t.ctx, { ...base(), title: '网上反映低保' } as never);
    const id = (await sql<any>`select id from core.case where ref_no = ${online.refNo}`.execute(t.ctx.db)).rows[0].id;
    await ok(fgc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640100-mzj') }));
    await ok(yc.post(`/api/cases/${id}/acknowledge`, {}));
    await ok(yc.post(`/api/petitions/${id}/assign`, { toOrgId: await org('640104-mzj'), reportDays: 20 }));
    const track = await trackPetition(t.ctx, online.refNo, online.queryCode);
    expect(track.forwardedTo).toEqual([
      { kind: '转送', office: '银川市民政局', on: '2026-06-01', returned: false },
      { kind: '交办', office: '兴庆区民政局', on: '2026-06-01', returned: false },
    ]);
    const d = (await yc.get(`/api/petitions/${id}`)).json();
    expect(d.forwarding.map((f: any) => `${f.kind}:${f.toOrgName}`)).toEqual(['转送:银川市民政局', '交办:兴庆区民政局']);
  });
});

describe('接待登记 and the 第四十一条 report figures', () => {
  it('logs 批/人次 of letters and visits apart from 件, in scope, and reports 转送/交办/督办 and 被投诉机关', async () => {
    expect((await xq.post('/api/petitions/reception-log', { day: '2026-06-01', kind: '来访', batches: 3, persons: 2 })).json().details.field).toBe('persons');
    expect((await xq.post('/api/petitions/reception-log', { day: '2026-06-02', kind: '来访', batches: 1, persons: 1 })).statusCode).toBe(400);
    expect((await xq.post('/api/petitions/reception-log', { day: '2026-06-01', kind: '来电', batches: 1, persons: 1 })).statusCode).toBe(400);
    const a = await xq.post('/api/petitions/reception-log', { day: '2026-06-01', kind: '来访', batches: 2, persons: 9, note: '集体访一批 7 人' });
    expect(a.statusCode, a.body).toBe(201);
    await ok(xq.post('/api/petitions/reception-log', { day: '2026-06-01', kind: '来信', batches: 4, persons: 4 }));
    await ok(fgc.post('/api/petitions/reception-log', { day: '2026-06-01', kind: '来访', batches: 1, persons: 1 }));
    expect(
      (await yc.post('/api/petitions/reception-log', { day: '2026-06-01', kind: '来访', batches: 1, persons: 1, orgUnitId: await org('640104-mzj') }))
        .statusCode,
    ).toBe(403);
    const mine = (await xq.get('/api/petitions/reception-log')).json();
    expect(mine.totals).toEqual({ letters: { batches: 4, persons: 4 }, visits: { batches: 2, persons: 9 } });
    expect(mine.items.every((i: any) => i.orgUnitName === '兴庆区民政局')).toBe(true);
    const all = (await fgc.get('/api/petitions/reception-log?from=2026-06-01&to=2026-06-01')).json();
    expect(all.totals.visits).toEqual({ batches: 3, persons: 10 });

    const report = (await xq.get('/api/petitions/stats?from=2026-01-01&to=2026-12-31&unit=year')).json().report;
    expect(report.reception).toEqual({ letters: { batches: 4, persons: 4 }, visits: { batches: 2, persons: 9 } });
    expect(report.complainedOrgs).toContainEqual({ name: '兴庆区某街道办事处', items: 1 });
    const region = (await fgc.get('/api/petitions/stats?from=2026-01-01&to=2026-12-31&unit=year')).json().report;
    expect(region.transferred).toBeGreaterThanOrEqual(2);
    expect(region.assigned).toBe(0);
    expect(region.supervised).toBe(0);
    const city = (await yc.get('/api/petitions/stats?from=2026-01-01&to=2026-12-31&unit=year')).json().report;
    expect(city.assigned).toBe(1);
  });
});
