import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { buildApp, type TypedApp } from '../../server/app.ts';
import { createUserAsSystem } from '../identity/commands/create-user.ts';
import { DEMO_PASSWORD } from '../identity/seed-demo-users.ts';
import { notify } from './notify.ts';
import { registerNotificationRoutes } from './routes.ts';

/**
 * The inbox API: own notifications plus those of the org units one holds a role at; never
 * another unit's (404 on marking one read); read state kept per user.
 */
let t: TestContext;
let app: TypedApp;
const ids: Record<string, string> = {};
const n: Record<string, string> = {};
type S = { get(u: string): Promise<any>; post(u: string, body?: unknown): Promise<any> };
const s: Record<string, S> = {};

async function login(username: string, i: number): Promise<S> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.88.0.${i}`, payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = `mz_session=${res.cookies.find((c) => c.name === 'mz_session')!.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, body) => app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, ...(body ? { payload: body as object } : {}) }),
  };
}
const titles = async (who: string, q = '') =>
  (await s[who]!.get(`/api/notifications${q}`))
    .json()
    .items.map((x: any) => x.title)
    .sort();
const unread = async (who: string) => (await s[who]!.get('/api/notifications/unread-count')).json().count as number;

beforeAll(async () => {
  t = await openTestContext();
  const ctx = t.ctx;
  for (const o of await ctx.db.selectFrom('core.org_unit').select(['id', 'code']).where('code', 'in', ['640000-mzt-fgc', '640100-mzj', '640104-mzj']).execute())
    ids[o.code] = o.id;
  for (const u of await ctx.db.selectFrom('core.app_user').select(['id', 'username']).where('username', 'in', ['nx-fgc', 'nx-fgc-lead', 'yc-mzj']).execute())
    ids[u.username] = u.id;
  // Start from an empty inbox: the demo data's own notifications are not what this file checks.
  await ctx.db.deleteFrom('core.notification_read').execute();
  await ctx.db.deleteFrom('core.notification').execute();
  // Works at 兴庆区民政局 and also holds a role at 法规处: sees both units' notifications.
  await createUserAsSystem(ctx, {
    username: 'two-units',
    displayName: '两处兼职',
    orgUnitId: ids['640104-mzj']!,
    password: DEMO_PASSWORD,
    mustChangePassword: false,
    roles: [
      { roleCode: 'clerk', scope: 'org' },
      { roleCode: 'clerk', scope: 'org', orgUnitId: ids['640000-mzt-fgc']! },
    ],
  });
  n.fgc = (await notify(ctx, { orgUnitId: ids['640000-mzt-fgc'], kind: 'deadline.remind', title: '法规处:案件即将到期' })).id;
  n.yc = (await notify(ctx, { orgUnitId: ids['640100-mzj'], kind: 'deadline.remind', title: '银川市:案件即将到期' })).id;
  n.xq = (await notify(ctx, { orgUnitId: ids['640104-mzj'], kind: 'case.assigned', title: '兴庆区:新案件' })).id;
  n.ycUser = (await notify(ctx, { userId: ids['yc-mzj'], kind: 'case.assigned', title: '张丽华:个人待办' })).id;
  // Names the unit but is addressed to one person: private to nx-fgc.
  n.fgcUser = (await notify(ctx, { userId: ids['nx-fgc'], orgUnitId: ids['640000-mzt-fgc'], kind: 'case.returned', title: '李文静:退回件' })).id;

  app = await buildApp(ctx, { serveWeb: false });
  if (!app.hasRoute({ method: 'GET', url: '/api/notifications' })) await registerNotificationRoutes(app, ctx);
  await app.ready();
  let i = 1;
  for (const u of ['nx-fgc', 'nx-fgc-lead', 'yc-mzj', 'two-units']) s[u] = await login(u, i++);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('notification inbox', () => {
  it('shows one’s own and one’s units’ notifications, nothing else', async () => {
    expect(await titles('nx-fgc')).toEqual(['李文静:退回件', '法规处:案件即将到期']);
    expect(await titles('nx-fgc-lead')).toEqual(['法规处:案件即将到期']);
    expect(await titles('yc-mzj')).toEqual(['张丽华:个人待办', '银川市:案件即将到期']);
    expect(await titles('two-units')).toEqual(['兴庆区:新案件', '法规处:案件即将到期']);
    const page = (await s['nx-fgc']!.get('/api/notifications?page=1&pageSize=1')).json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect((await s['nx-fgc']!.get('/api/notifications?page=3&pageSize=1')).json()).toMatchObject({ total: 2, items: [] });
    expect(page.items[0]).toMatchObject({ id: n.fgcUser, read: false, readAt: null, kind: 'case.returned', userId: ids['nx-fgc'] });
  });

  it('keeps read state per user', async () => {
    expect(await unread('nx-fgc')).toBe(2);
    expect((await s['nx-fgc']!.post(`/api/notifications/${n.fgc}/read`)).statusCode).toBe(204);
    expect((await s['nx-fgc']!.post(`/api/notifications/${n.fgc}/read`)).statusCode).toBe(204);
    expect(await unread('nx-fgc')).toBe(1);
    expect(await titles('nx-fgc', '?unread=true')).toEqual(['李文静:退回件']);
    expect(await unread('nx-fgc-lead')).toBe(1);
    expect(await titles('nx-fgc-lead', '?unread=true')).toEqual(['法规处:案件即将到期']);
    const read = (await s['nx-fgc']!.get('/api/notifications')).json().items.find((x: any) => x.id === n.fgc);
    expect(read.read).toBe(true);
    expect(new Date(read.readAt).getTime()).toBeGreaterThan(0);
  });

  it('answers 404 for marking another unit’s or another user’s notification, and changes nothing', async () => {
    for (const id of [n.yc, n.ycUser, n.xq, '00000000-0000-4000-8000-000000000000']) {
      const res = await s['nx-fgc-lead']!.post(`/api/notifications/${id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOTIFICATION_NOT_FOUND');
    }
    expect((await s['nx-fgc-lead']!.post(`/api/notifications/${n.fgcUser}/read`)).statusCode).toBe(404);
    expect(await unread('yc-mzj')).toBe(2);
  });

  it('read-all marks exactly the caller’s unread inbox', async () => {
    expect((await s['yc-mzj']!.post('/api/notifications/read-all')).json()).toEqual({ count: 2 });
    expect((await s['yc-mzj']!.post('/api/notifications/read-all')).json()).toEqual({ count: 0 });
    expect(await unread('yc-mzj')).toBe(0);
    expect(await unread('two-units')).toBe(2);
    expect(await unread('nx-fgc-lead')).toBe(1);
  });

  it('refuses bad input in Chinese and anonymous callers', async () => {
    const bad = await s['yc-mzj']!.post('/api/notifications/not-a-uuid/read');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('通知 id 格式不正确');
    const page = await s['yc-mzj']!.get('/api/notifications?pageSize=1000');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('每页最多 100 条');
    expect((await app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(401);
  });
});
