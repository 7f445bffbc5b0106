import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TypedApp } from '../../../server/app.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';

// Two app instances on one database stand for two server processes: each keeps its own
// session cache, so what one of them changes must reach the other on its very next request.
let t: TestApp;
let other: TypedApp;
beforeAll(async () => {
  t = await createTestApp();
  other = await buildApp(t.ctx, { serveWeb: false });
  await other.ready();
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const onOther = (cookie: string, url: string) => other.inject({ method: 'GET', url, headers: { cookie } });

describe('session cache', () => {
  it('a logout on one process ends the session on the other at the very next request', async () => {
    const s = await t.login('xq-mzj');
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200);
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200); // now served from the cache
    expect((await s.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(401);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });

  it('a role revoked on one process is gone from the other at the very next request', async () => {
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

  it('a change made straight in the tables (another process, a script) is seen at the next request', async () => {
    const s = await t.login('pl-mzj');
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(200);
    await t.ctx.db.updateTable('core.session').set({ revoked_at: new Date() }).where('user_id', '=', s.me.user.id).execute();
    expect((await onOther(s.cookie, '/api/me')).statusCode).toBe(401);
  });
});
