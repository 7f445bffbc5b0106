import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TypedApp } from '../../../server/app.ts';
import { createTestApp, manualClock, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { AUTH_EPOCH_RECHECK_MS } from '../queries/session-cache.ts';

// Two app instances on one database: each keeps its own session cache. A write through either
// of them marks every cache in the process, as one server process's writes do; a change made
// straight in the tables stands for another process (or a script), seen within a bounded time.
let t: TestApp;
let other: TypedApp;
const clock = manualClock();
beforeAll(async () => {
  t = await createTestApp({ clock });
  other = await buildApp(t.ctx, { serveWeb: false });
  await other.ready();
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const onOther = (cookie: string, url: string) => other.inject({ method: 'GET', url, headers: { cookie } });

describe('session cache', () => {
  it('a logout ends the session at the very next request, on every app of the process', async () => {
    const s = await t.login('xq-mzj');
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200);
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200); // now served from the cache
    expect((await s.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(401);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });

  it('a role granted or revoked is seen at the very next request', async () => {
    const admin = await t.login('ld-mzj');
    const s = await t.login('ld-cgz');
    const roles = async () => (await onOther(s.cookie, '/api/me')).json().roles.map((r: any) => r.code);
    expect(await roles()).toEqual(['clerk']);
    expect(await roles()).toEqual(['clerk']);
    const userId = s.me.user.id;
    const granted = await admin.post(`/api/users/${userId}/roles`, {
      roleCode: 'useradmin',
      orgUnitId: s.me.orgUnit.id,
      scope: 'subtree',
      reason: '乡镇用户管理',
    });
    expect(granted.statusCode).toBe(201);
    expect(await roles()).toEqual(['clerk', 'useradmin']);
    expect((await admin.delete(`/api/users/${userId}/roles/${granted.json().id}`)).statusCode).toBeLessThan(300);
    expect(await roles()).toEqual(['clerk']);
  });

  it('当前用户 answers from the cached session, and an area or unit renamed is in it at the very next request', async () => {
    const admin = await t.login('admin');
    const s = await t.login('pl-mzj');
    const me = async () => (await onOther(s.cookie, '/api/me')).json();
    const before = await me();
    expect(before).toEqual(s.me);
    expect(await me()).toEqual(before); // from the cache
    const area = before.areaName as string;
    expect((await admin.patch(`/api/areas/${before.areaCode}`, { name: `${area}(更名)`, reason: '区划调整' })).statusCode).toBe(200);
    expect(await me()).toEqual({ ...before, areaName: `${area}(更名)` });
    expect((await admin.patch(`/api/areas/${before.areaCode}`, { name: area, reason: '恢复原名' })).statusCode).toBe(200);
    expect(await me()).toEqual(before);
    const unit = before.orgUnit.name as string;
    await t.ctx.db
      .updateTable('core.org_unit')
      .set({ name: `${unit}(更名)` })
      .where('id', '=', before.orgUnit.id)
      .execute();
    clock.advance(AUTH_EPOCH_RECHECK_MS); // a change by another process: seen at the latest at the re-check
    const renamed = await me();
    expect(renamed.orgUnit).toEqual({ ...before.orgUnit, name: `${unit}(更名)` });
    await t.ctx.db.updateTable('core.org_unit').set({ name: unit }).where('id', '=', before.orgUnit.id).execute();
  });

  it('a change made straight in the tables (another process, a script) is seen within the re-check interval', async () => {
    const s = await t.login('pl-mzj');
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200);
    await t.ctx.db.updateTable('core.session').set({ revoked_at: new Date() }).where('user_id', '=', s.me.user.id).execute();
    if (t.ctx.dbKind === 'postgres') {
      // The bump's NOTIFY reaches the listener without the clock moving: wait for it, bounded. /api/me reads no
      // table, so an injected request never waits on a socket: each try gives the listener's socket a turn first.
      const deadline = performance.now() + AUTH_EPOCH_RECHECK_MS;
      let status = 200;
      while (status === 200 && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
        status = (await onOther(s.cookie, '/api/me')).statusCode;
      }
      expect(status).toBe(401);
    } else {
      // No database read per request: the cached session still answers until the re-check is due…
      expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200);
      clock.advance(AUTH_EPOCH_RECHECK_MS - 1);
      expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200);
      // …and not a moment after.
      clock.advance(1);
      expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(401);
    }
  });

  it('an account disabled by an administrator is refused at once, its cached session included', async () => {
    const admin = await t.login('ld-mzj');
    const s = await t.login('ld-cgz');
    expect((await s.get('/api/me')).statusCode).toBe(200);
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200);
    const res = await admin.post(`/api/users/${s.me.user.id}/disable`, { reason: '调离岗位' });
    expect(res.statusCode).toBe(200);
    expect((await s.get('/api/me')).statusCode).toBe(401);
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(401);
  });

  it('the 信访 list and the worklist name a renamed area or unit at the very next request (names kept beside the sessions)', async () => {
    const admin = await t.login('admin');
    const s = await t.login('xq-mzj');
    const registered = await s.post('/api/petitions', {
      title: '反映低保待遇被取消',
      channel: '来信',
      category: '申诉求决',
      subject: '低保',
      concernedAreaCode: '640104',
      content: '我家低保待遇今年三月被无故取消，多次到社区反映都没有结果，请求恢复低保待遇。',
      petitioners: [{ name: '马某某', idNumber: '640104198001011235' }],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const id = registered.json().id as string;
    const listed = async () => (await onOther(s.cookie, '/api/petitions?pageSize=100')).json().items.find((i: any) => i.id === id);
    const inWorklist = async () => (await onOther(s.cookie, '/api/worklist?tab=todo&pageSize=100')).json().items.find((i: any) => i.id === id);
    const before = await listed();
    expect(before.concernedAreaName).toBe('兴庆区');
    expect(before.orgUnitName).toBe(s.me.orgUnit.name);
    expect((await inWorklist()).orgUnitName).toBe(s.me.orgUnit.name);
    expect(await listed()).toEqual(before); // the names now kept
    expect((await admin.patch('/api/areas/640104', { name: '兴庆区(更名)', reason: '区划调整' })).statusCode).toBe(200);
    expect((await listed()).concernedAreaName).toBe('兴庆区(更名)');
    expect((await admin.patch('/api/areas/640104', { name: '兴庆区', reason: '恢复原名' })).statusCode).toBe(200);
    expect((await listed()).concernedAreaName).toBe('兴庆区');

    // The unit holding it, renamed by another process: seen at the latest at the re-check, in both lists.
    const unit = s.me.orgUnit.name as string;
    await t.ctx.db
      .updateTable('core.org_unit')
      .set({ name: `${unit}(更名)` })
      .where('id', '=', s.me.orgUnit.id)
      .execute();
    clock.advance(AUTH_EPOCH_RECHECK_MS);
    expect((await listed()).orgUnitName).toBe(`${unit}(更名)`);
    expect((await inWorklist()).orgUnitName).toBe(`${unit}(更名)`);
    await t.ctx.db.updateTable('core.org_unit').set({ name: unit }).where('id', '=', s.me.orgUnit.id).execute();
    clock.advance(AUTH_EPOCH_RECHECK_MS);
    expect((await listed()).orgUnitName).toBe(unit);
  });
});
