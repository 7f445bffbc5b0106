import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedCommunityDemo } from './demo/seed-community-demo.ts';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;
let region: Session, xq: Session, xqLead: Session, xjLead: Session, ld: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedCommunityDemo(t.ctx);
  [region, xq, xqLead, xjLead, ld] = await Promise.all(['nx-fgc-lead', 'xq-mzj', 'xq-mzj-lead', 'xj-mzj-lead', 'ld-mzj'].map((u) => t.login(u)));
}, 600_000);
afterAll(async () => t?.close());

const request = (over: Record<string, unknown> = {}) => ({
  areaCode: '640104',
  title: '协助开展养犬登记宣传',
  aspect: '协助管理',
  content: '配合公安机关开展文明养犬和养犬登记宣传。',
  basis: '《宁夏回族自治区养犬管理条例》（演示）',
  assigningOffice: '兴庆区公安分局',
  reason: '养犬登记需社区协助宣传。',
  ...over,
});

describe('the community duty list and 依法准入', () => {
  it('lists the region’s 60 items in five aspects, in force in every county', async () => {
    const all = (await xq.get('/api/community/duties?areaCode=640104')).json();
    const regionItems = all.items.filter((d: any) => d.areaCode === '640000');
    expect(regionItems).toHaveLength(60);
    expect(new Set(regionItems.map((d: any) => d.aspect))).toEqual(new Set(['自我教育', '自我服务', '自我管理', '协助服务', '协助管理']));
    // 西吉县 admitted one more item in the demo; 兴庆区 does not see it
    const xj = (await xq.get('/api/community/duties?areaCode=640422')).json();
    expect(xj.total).toBe(61);
    expect(all.items.some((d: any) => d.title === '协助农村房屋安全隐患排查')).toBe(false);
  });

  it('a department files a request, the county reviews it, and the duty joins the county’s list', async () => {
    const noBasis = await xq.post('/api/community/duties/requests', request({ basis: '' }));
    expect([noBasis.statusCode, noBasis.json().title]).toEqual([400, expect.stringContaining('依据')]);
    const r = await xq.post('/api/community/duties/requests', request());
    expect(r.statusCode, r.body).toBe(201);
    expect((await xq.post('/api/community/duties/requests', request({ title: '协助开展 养犬登记宣传。' }))).statusCode).toBe(409);
    const listed = await xq.post('/api/community/duties/requests', request({ title: '协助受理最低生活保障申请' }));
    expect([listed.statusCode, listed.json().title]).toEqual([409, expect.stringContaining('已在本地区')]);
    expect((await ld.post('/api/community/duties/requests', request())).statusCode).toBe(403);

    const before = await xq.post('/api/community/duties/check', { areaCode: '640104011', title: '协助开展养犬登记宣传' });
    expect(before.statusCode).toBe(409);
    // another county's leader cannot decide; the clerk who filed it may not admit
    expect((await xjLead.post(`/api/cases/${r.json().id}/transitions/admit`, { input: { note: '' } })).statusCode).toBeGreaterThanOrEqual(403);
    expect((await xq.post(`/api/cases/${r.json().id}/transitions/admit`, { input: { note: '' } })).statusCode).toBe(403);
    const ok = await xqLead.post(`/api/cases/${r.json().id}/transitions/admit`, { input: { note: '依据充分' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = (await xq.get(`/api/community/duties/${r.json().id}`)).json();
    expect(d).toMatchObject({ state: 'listed', decisionNote: '依据充分', decidedOn: '2026-12-01' });
    expect((await xq.get(`/api/cases/${r.json().id}`)).json().nextStep).toBeNull(); // 已列入清单 rests: 移出清单 is not owed
    const after = await xq.post('/api/community/duties/check', { areaCode: '640104011', title: '协助开展养犬登记宣传' });
    expect(after.statusCode).toBe(200);
    expect((await region.get(`/api/community/duties/${r.json().id}`)).statusCode).toBe(200);
    expect((await ld.get(`/api/community/duties/${r.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a task that is not on the list, showing the list (减负)', async () => {
    const r = await xq.post('/api/community/duties/check', { areaCode: '640104', title: '为居民开具无犯罪记录证明' });
    expect(r.statusCode).toBe(409);
    const p = r.json();
    expect(p.title).toContain('不在本地区社区工作事项清单中');
    expect(p.details.list.length).toBeGreaterThanOrEqual(60);
    expect(p.details.list[0]).toMatchObject({ seq: 1, aspect: '自我教育' });
    const on = await xq.post('/api/community/duties/check', { areaCode: '640104', title: '协助受理最低生活保障申请' });
    expect(on.json().duty.seq).toBeGreaterThan(0);
  });

  it('lists the requests by scope and state', async () => {
    const mine = (await xq.get('/api/community/duties/requests')).json();
    expect(mine.items.every((d: any) => d.areaCode === '640104')).toBe(true);
    expect(mine.items.map((d: any) => d.stateLabel)).toContain('不予准入');
    const pending = (await region.get('/api/community/duties/requests?state=requested')).json();
    expect(pending.items.map((d: any) => d.title)).toEqual(expect.arrayContaining(['协助老旧小区改造意见征集', '协助农村人居环境整治检查']));
    expect((await region.get('/api/community/duties/requests?state=bogus')).statusCode).toBe(400);
  });
});
