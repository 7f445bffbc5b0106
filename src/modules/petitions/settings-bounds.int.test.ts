import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../kernel/identity/seed-demo-users.ts';
import { openPetitionsApp } from './petitions-test-setup.ts';

// Settings may make the law stricter, never looser: periods at most the statute's, the request window at least 30 日.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 in Beijing
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
type Caller = { post(url: string, body?: unknown): Promise<LightMyRequestResponse>; put(url: string, body?: unknown): Promise<LightMyRequestResponse> };
let ip = 0;
async function login(username: string): Promise<Caller & { get(url: string): Promise<LightMyRequestResponse> }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.87.0.${++ip}`, payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const headers = { cookie: `mz_session=${res.cookies.find((c) => c.name === 'mz_session')!.value}`, 'x-csrf-token': res.json().csrfToken };
  return {
    get: (url) => t.app.inject({ method: 'GET', url, headers }),
    post: (url, body) => t.app.inject({ method: 'POST', url, headers, payload: (body ?? {}) as object }),
    put: (url, body) => t.app.inject({ method: 'PUT', url, headers, payload: (body ?? {}) as object }),
  };
}
let admin: Awaited<ReturnType<typeof login>>, xq: Awaited<ReturnType<typeof login>>, xqLead: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [admin, xq, xqLead] = await Promise.all([login('nx-fgc-lead'), login('xq-mzj'), login('xq-mzj-lead')]);
}, 120_000);
afterAll(() => t?.close());

describe('信访 settings only make the law stricter', () => {
  it.each([
    ['period.noticeDays', 16, '《信访工作条例》第二十三条第二款、第三款规定的期限为 15 日'],
    ['period.handleDays', 61, '《信访工作条例》第三十四条规定的期限为 60 日'],
    ['period.extensionDays', 31, '《信访工作条例》第三十四条规定的期限为 30 日'],
    ['period.reviewDays', 31, '《信访工作条例》第三十五条规定的期限为 30 日'],
    ['period.recheckDays', 45, '《信访工作条例》第三十六条规定的期限为 30 日'],
    ['review.requestDays', 29, '《信访工作条例》第三十五条、第三十六条享有的申请期限'],
  ])('refuses %s = %i with a 400 naming the article', async (key, value, article) => {
    const r = await admin.put('/api/petitions/settings', { [key]: value });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ title: expect.stringContaining(article), details: { field: key } });
  });

  it('lists the periods with their statutory caps', async () => {
    const items = (await xq.get('/api/petitions/settings')).json().items;
    expect(items.find((x: { key: string }) => x.key === 'period.handleDays')).toMatchObject({
      value: 60,
      default: 60,
      basis: '《信访工作条例》第三十四条（法定上限 60 日）',
    });
  });

  it('a shorter period is stricter: accepted, and the clocks and the extension limit follow it', async () => {
    const set = await admin.put('/api/petitions/settings', { 'period.noticeDays': 10, 'period.handleDays': 45, 'period.extensionDays': 20 });
    expect(set.statusCode, set.body).toBe(200);
    const reg = await xq.post('/api/petitions', {
      title: '反映低保待遇问题',
      channel: '来信',
      category: '申诉求决',
      subject: '低保',
      concernedAreaCode: '640104',
      content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇。',
      petitioners: [{ name: '马某某' }],
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json().id;
    const clocks = async () => Object.fromEntries((await xq.get(`/api/cases/${id}`)).json().clocks.map((k: any) => [k.name, [k.rule.n, k.dueDate]]));
    expect(await clocks()).toEqual({ triage: [10, '2026-06-11'] });
    expect((await xq.post(`/api/cases/${id}/transitions/accept`, { input: {} })).statusCode).toBe(200);
    expect((await clocks()).handle).toEqual([45, '2026-07-16']);
    const tooLong = await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 30, unit: 'days', reason: '情况复杂' });
    expect(tooLong.statusCode, tooLong.body).toBe(400);
    expect(tooLong.json().title).toContain('最多延长 20日');
    const ok = await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 20, unit: 'days', reason: '情况复杂，需征求有关部门意见' });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
