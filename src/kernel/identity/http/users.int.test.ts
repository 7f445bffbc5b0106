import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';

let t: TestApp;
let ld: Session;
const ou: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  ld = await t.login('ld-mzj');
  for (const r of await t.ctx.db.selectFrom('core.org_unit').select(['id', 'code']).execute()) ou[r.code] = r.id;
});
afterAll(async () => {
  await t?.close();
});

const userId = async (username: string) =>
  (await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const auditFor = (entityId: string) =>
  t.ctx.db.selectFrom('core.audit_event').select(['action', 'before', 'after', 'actor_id']).where('entity_id', '=', entityId).orderBy('at').execute();

describe('user administration', () => {
  it('creates a user inside the manage scope with a generated password that must be changed', async () => {
    const r = await ld.post('/api/users', {
      username: 'LD-Liancai-01',
      displayName: '海文华',
      orgUnitId: ou['640423102-gov'],
      phone: '13909541234',
      roles: [{ roleCode: 'clerk', scope: 'org' }],
    });
    expect(r.statusCode).toBe(201);
    const { user, initialPassword } = r.json();
    expect(user).toMatchObject({ username: 'ld-liancai-01', phoneMasked: '139****1234', mustChangePassword: true, areaCode: '640423102', version: 1 });
    expect(initialPassword).toMatch(/^.{16}$/);
    const row = await t.ctx.db.selectFrom('core.app_user').select(['phone_enc', 'password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.phone_enc).toMatch(/^s4\./);
    expect(row.phone_enc).not.toContain('13909541234');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const ev = await auditFor(user.id);
    expect(ev.map((e) => e.action)).toEqual(['user.create']);
    expect(JSON.stringify(ev[0]!.after)).not.toContain('13909541234');

    const s = await t.login('ld-liancai-01', initialPassword);
    expect(s.me.user.mustChangePassword).toBe(true);
    expect((await s.get('/api/users')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await s.post('/api/me/password', { oldPassword: initialPassword, newPassword: 'Liancai#2026x' })).statusCode).toBe(204);
    expect((await s.get('/api/users')).statusCode).toBe(200);
  });

  it('refuses org units outside the manage scope and bad input, writing nothing', async () => {
    const out = await ld.post('/api/users', { username: 'pl-intruder', displayName: '某某', orgUnitId: ou['640221-mzj'] });
    expect(out.statusCode).toBe(404);
    expect(out.json().code).toBe('ORG_UNIT_NOT_FOUND');
    const weak = await ld.post('/api/users', { username: 'ld-weak', displayName: '某某', orgUnitId: ou['640423-mzj'], password: 'abc' });
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const esc = await ld.post('/api/users', {
      username: 'ld-escalate',
      displayName: '某某',
      orgUnitId: ou['640423-mzj'],
      roles: [{ roleCode: 'sysadmin', scope: 'subtree' }],
    });
    expect(esc.statusCode).toBe(403);
    expect(esc.json().code).toBe('GRANT_EXCEEDS_OWN');
    const dup = await ld.post('/api/users', { username: 'ld-cgz', displayName: '重复', orgUnitId: ou['640423-mzj'] });
    expect(dup.json().code).toBe('USERNAME_TAKEN');
    const badPhone = await ld.post('/api/users', { username: 'ld-phone', displayName: '某某', orgUnitId: ou['640423-mzj'], phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().details.fields[0].field).toBe('phone');
    const left = await t.ctx.db
      .selectFrom('core.app_user')
      .select('username')
      .where('username', 'in', ['pl-intruder', 'ld-weak', 'ld-escalate', 'ld-phone'])
      .execute();
    expect(left).toEqual([]);
    const clerk = await t.login('ld-cgz');
    expect((await clerk.post('/api/users', { username: 'x-y', displayName: '某某', orgUnitId: ou['640423100-gov'] })).statusCode).toBe(403);
  });

  it('lists masked phones; the detail shows the number and logs the PII read', async () => {
    const list = (await ld.get('/api/users?q=%E9%A9%AC%E5%B0%8F')).json(); // 马小
    expect(list.items.map((u: any) => u.username)).toEqual(['ld-cgz']);
    expect(list.items[0].phoneMasked).toBe('159****0106');
    // Each row names its area and the roles held today (issue 19: 用户管理 shows 所属区域 and 角色).
    expect(list.items[0].areaName).toBeTruthy();
    expect(list.items[0].areaName).not.toMatch(/^\d+$/);
    expect(list.items[0].roles).toEqual([expect.objectContaining({ code: 'clerk', scope: 'subtree', delegatedBy: null, validTo: null })]);
    expect(JSON.stringify(list)).not.toContain('15909540106');
    const id = list.items[0].id;
    const before = (await auditFor(id)).filter((e) => e.action === 'pii.read').length;
    const detail = (await ld.get(`/api/users/${id}`)).json();
    expect(detail.phone).toBe('15909540106');
    expect(detail.roles[0]).toMatchObject({ roleCode: 'clerk', scope: 'subtree', status: 'active' });
    const reads = (await auditFor(id)).filter((e) => e.action === 'pii.read');
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)!.after).toEqual({ fields: ['phone'] });
    // Another county's user: 404 on every route, the same as a missing id.
    const pl = await userId('pl-mzj');
    for (const url of [`/api/users/${pl}`, `/api/users/${pl}/roles`]) expect((await ld.get(url)).statusCode).toBe(404);
    expect((await ld.post(`/api/users/${pl}/disable`)).statusCode).toBe(404);
    expect((await ld.get('/api/users?orgUnitId=' + ou['640221-mzj'])).json().items).toEqual([]);
    expect((await ld.get('/api/users?q=pl-')).json().total).toBe(0);
  });

  it('updates with optimistic locking', async () => {
    const id = await userId('ld-cgz');
    const cur = (await ld.get(`/api/users/${id}`)).json();
    const ok = await ld.patch(`/api/users/${id}`, { version: cur.version, displayName: '马小兰(城关镇)', phone: '15909549999' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: cur.version + 1, displayName: '马小兰(城关镇)', phoneMasked: '159****9999' });
    const stale = await ld.patch(`/api/users/${id}`, { version: cur.version, displayName: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const moved = await ld.patch(`/api/users/${id}`, { version: cur.version + 1, orgUnitId: ou['640221100-gov'] });
    expect(moved.json().code).toBe('ORG_UNIT_NOT_FOUND');
    const ev = (await auditFor(id)).filter((e) => e.action === 'user.update');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.before).toMatchObject({ displayName: '马小兰', phoneMasked: '159****0106' });
    expect(ev[0]!.after).toMatchObject({ displayName: '马小兰(城关镇)', phoneMasked: '159****9999' });
  });

  it('disables (ending sessions), enables, unlocks and resets passwords', async () => {
    const id = await userId('ld-cgz');
    const victim = await t.login('ld-cgz');
    const dis = await ld.post(`/api/users/${id}/disable`, { reason: '调离' });
    expect(dis.json().status).toBe('disabled');
    expect((await victim.get('/api/me')).statusCode).toBe(401);
    expect((await t.tryLogin('ld-cgz', 'Minzheng@2019')).json().code).toBe('ACCOUNT_DISABLED');
    expect((await ld.post(`/api/users/${id}/enable`)).json().status).toBe('active');
    // Many sources guessing one account (4 × LOGIN_MAX_FAILURES) throttle the account itself.
    for (let i = 0; i < 20; i++) await t.tryLogin('ld-cgz', 'Wrong@pass99');
    expect((await ld.get(`/api/users?status=locked`)).json().items.map((u: any) => u.username)).toEqual(['ld-cgz']);
    expect((await ld.post(`/api/users/${id}/unlock`)).json()).toMatchObject({ locked: false, failedLogins: 0 });
    const reset = await ld.post(`/api/users/${id}/reset-password`, {});
    const pw = reset.json().initialPassword;
    expect(pw).toHaveLength(16);
    expect((await t.tryLogin('ld-cgz', 'Minzheng@2019')).statusCode).toBe(401);
    expect((await t.login('ld-cgz', pw)).me.user.mustChangePassword).toBe(true);
    expect((await ld.post(`/api/users/${await userId('ld-mzj')}/disable`)).json().code).toBe('CANNOT_CHANGE_SELF');
    const actions = (await auditFor(id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'user.lock', 'user.unlock', 'user.password.reset']));
  });
});

describe('role assignments', () => {
  it('grants only within the manage scope and never more than the granter holds', async () => {
    const id = await userId('ld-liancai-01');
    const audit = await ld.post(`/api/users/${id}/roles`, { roleCode: 'auditor', orgUnitId: ou['640423-mzj'], scope: 'subtree' });
    expect(audit.statusCode).toBe(403);
    expect(audit.json().code).toBe('GRANT_EXCEEDS_OWN');
    expect(audit.json().details.missing).toEqual(expect.arrayContaining(['audit.read', 'audit.verify']));
    const elsewhere = await ld.post(`/api/users/${id}/roles`, { roleCode: 'clerk', orgUnitId: ou['640221-mzj'], scope: 'subtree' });
    expect(elsewhere.json().code).toBe('ORG_UNIT_NOT_FOUND');
    const ok = await ld.post(`/api/users/${id}/roles`, { roleCode: 'useradmin', orgUnitId: ou['640423102-gov'], scope: 'subtree', reason: '乡镇用户管理' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ roleCode: 'useradmin', scope: 'subtree', status: 'active', orgUnit: { code: '640423102-gov' }, reason: '乡镇用户管理' });
    expect((await ld.post(`/api/users/${id}/roles`, { roleCode: 'useradmin', orgUnitId: ou['640423102-gov'], scope: 'subtree' })).json().code).toBe(
      'ASSIGNMENT_EXISTS',
    );
    const list = (await ld.get(`/api/users/${id}/roles`)).json().items;
    expect(list.map((a: any) => a.roleCode).sort()).toEqual(['clerk', 'useradmin']);
    const heldInList = async () =>
      (await ld.get('/api/users?q=ld-liancai-01'))
        .json()
        .items[0].roles.map((r: any) => r.code)
        .sort();
    expect(await heldInList()).toEqual(['clerk', 'useradmin']);

    // The new township user admin cannot widen their own reach, nor hand out a wider scope.
    const town = await t.login('ld-liancai-01', 'Liancai#2026x');
    expect(town.me.permissions).toContain('user.manage');
    expect((await town.post(`/api/users/${id}/roles`, { roleCode: 'useradmin', orgUnitId: ou['640423-mzj'], scope: 'subtree' })).json().code).toBe(
      'ORG_UNIT_NOT_FOUND',
    );
    const clerkOrg = list.find((a: any) => a.roleCode === 'clerk');
    expect(clerkOrg.scope).toBe('org');
    const cgzId = await userId('ld-cgz');
    expect((await town.get(`/api/users/${cgzId}`)).statusCode).toBe(404);

    const del = await ld.delete(`/api/users/${id}/roles/${ok.json().id}`);
    expect(del.statusCode).toBe(204);
    expect((await ld.get(`/api/users/${id}/roles`)).json().items.find((a: any) => a.id === ok.json().id).status).toBe('revoked');
    expect(await heldInList()).toEqual(['clerk']); // a revoked role is no longer listed
    expect((await town.get('/api/me')).json().permissions).not.toContain('user.manage');
    const other = await userId('pl-cgz');
    expect((await ld.delete(`/api/users/${other}/roles/${ok.json().id}`)).statusCode).toBe(404);
    expect((await auditFor(id)).map((e) => e.action)).toEqual(expect.arrayContaining(['role_assignment.grant', 'role_assignment.revoke']));
  });

  it('lists roles with the permission catalogue', async () => {
    const r = (await ld.get('/api/roles')).json();
    expect(r.items.map((x: any) => x.code)).toEqual(expect.arrayContaining(['sysadmin', 'leader', 'clerk', 'auditor']));
    expect(r.permissions.find((p: any) => p.code === 'user.manage').label).toContain('管理用户');
    expect(r.scopes).toEqual([
      { code: 'self', label: '本人' },
      { code: 'org', label: '本级' },
      { code: 'subtree', label: '本级及下级' },
    ]);
  });
});
