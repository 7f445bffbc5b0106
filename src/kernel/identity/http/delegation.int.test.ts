import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../../tests/helpers/test-app.ts';

const clock = manualClock();
let t: TestApp;
const uid: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ clock });
  for (const r of await t.ctx.db.selectFrom('core.app_user').select(['id', 'username']).execute()) uid[r.username] = r.id;
});
afterAll(async () => {
  await t?.close();
});

const HOUR = 3600_000;
const iso = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

describe('代管 (delegation)', () => {
  it('the holder lends a role; the delegate holds it only inside the window', async () => {
    const holder = await t.login('ld-mzj');
    const clerkGrant = holder.me.roles.find((r: any) => r.code === 'useradmin');
    const res = await holder.post('/api/delegations', {
      fromAssignmentId: clerkGrant.assignmentId,
      toUserId: uid['ld-cgz'],
      validFrom: iso(1 * HOUR),
      validTo: iso(25 * HOUR),
      reason: '休假期间代管用户管理',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      roleCode: 'useradmin',
      status: 'pending',
      delegatedBy: { id: uid['ld-mzj'], displayName: '杨志明' },
      delegatedFrom: clerkGrant.assignmentId,
    });

    const before = await t.login('ld-cgz');
    expect(before.me.roles.map((r: any) => r.code)).toEqual(['clerk']);
    expect((await before.get('/api/users')).json().items.every((u: any) => u.areaPath.startsWith('640000.640400.640423.640423100'))).toBe(true);

    clock.advance(2 * HOUR); // sessions idle out meanwhile: sign in again
    const during = await t.login('ld-cgz');
    const me = (await during.get('/api/me')).json();
    const lent = me.roles.find((r: any) => r.code === 'useradmin');
    expect(lent).toMatchObject({ delegatedBy: '杨志明', delegatedById: uid['ld-mzj'], orgUnitName: '隆德县民政局', scope: 'subtree' });
    expect(lent.validTo).toBe(res.json().validTo);
    expect(me.permissions).toContain('user.manage');
    // With the county role the delegate now sees the county's users — and only those.
    const seen = (await during.get('/api/users?pageSize=100')).json().items.map((u: any) => u.username);
    expect(seen).toContain('ld-mzj');
    expect(seen).not.toContain('pl-mzj');
    // Other users see nothing new.
    expect((await t.login('pl-cgz')).me.roles.map((r: any) => r.code)).toEqual(['clerk']);

    clock.advance(23 * HOUR - 60_000);
    const last = await t.login('ld-cgz');
    expect(last.me.roles.map((r: any) => r.code)).toContain('useradmin');
    clock.advance(2 * 60_000);
    const after = (await last.get('/api/me')).json();
    expect(after.roles.map((r: any) => r.code)).toEqual(['clerk']);
    expect((await last.get(`/api/users/${uid['ld-mzj']}`)).statusCode).toBe(404);
    const ev = await t.ctx.db.selectFrom('core.audit_event').select(['action', 'reason']).where('action', '=', 'role_assignment.delegate').execute();
    expect(ev).toEqual([{ action: 'role_assignment.delegate', reason: '休假期间代管用户管理' }]);
  });

  it('ends when revoked early, or when the source assignment is revoked', async () => {
    const holder = await t.login('ld-mzj');
    const g = holder.me.roles.find((r: any) => r.code === 'clerk');
    const d = (
      await holder.post('/api/delegations', {
        fromAssignmentId: g.assignmentId,
        toUserId: uid['ld-cgz'],
        validFrom: iso(0),
        validTo: iso(48 * HOUR),
        reason: '出差',
      })
    ).json();
    const cgz = await t.login('ld-cgz');
    expect(cgz.me.roles.filter((r: any) => r.delegatedById).length).toBe(1);
    expect((await holder.delete(`/api/delegations/${d.id}`)).statusCode).toBe(204);
    expect((await cgz.get('/api/me')).json().roles.filter((r: any) => r.delegatedById)).toEqual([]);

    const d2 = (
      await holder.post('/api/delegations', {
        fromAssignmentId: g.assignmentId,
        toUserId: uid['ld-cgz'],
        validFrom: iso(0),
        validTo: iso(48 * HOUR),
        reason: '出差',
      })
    ).json();
    expect(d2.status).toBe('active');
    const admin = await t.login('admin');
    expect((await admin.delete(`/api/users/${uid['ld-mzj']}/roles/${g.assignmentId}`)).statusCode).toBe(204);
    expect((await cgz.get('/api/me')).json().roles.filter((r: any) => r.delegatedById)).toEqual([]);
    const rows = await t.ctx.db.selectFrom('core.role_assignment').select('revoked_at').where('id', '=', d2.id).executeTakeFirstOrThrow();
    expect(rows.revoked_at).not.toBeNull();
  });

  it('refuses delegations without a reason, too long, outside the area, re-delegated, or by strangers', async () => {
    const holder = await t.login('ld-mzj');
    const g = holder.me.roles.find((r: any) => r.code === 'useradmin');
    const base = { fromAssignmentId: g.assignmentId, toUserId: uid['ld-cgz'], validFrom: iso(0), validTo: iso(24 * HOUR), reason: '休假' };
    const noReason = await holder.post('/api/delegations', { ...base, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().title).toContain('reason');
    expect((await holder.post('/api/delegations', { ...base, validTo: iso(200 * 24 * HOUR) })).json().title).toContain('180');
    expect((await holder.post('/api/delegations', { ...base, validTo: iso(-HOUR) })).json().code).toBe('DELEGATION_INVALID');
    expect((await holder.post('/api/delegations', { ...base, validFrom: iso(-2 * HOUR) })).json().code).toBe('DELEGATION_INVALID');
    const far = await holder.post('/api/delegations', { ...base, toUserId: uid['pl-cgz'] });
    expect(far.json().code).toBe('DELEGATION_INVALID');
    expect(far.json().title).toContain('辖区');
    expect((await holder.post('/api/delegations', { ...base, toUserId: uid['ld-mzj'] })).json().code).toBe('DELEGATION_INVALID');
    // A stranger (another county's clerk) cannot even see the assignment.
    const pl = await t.login('pl-mzj');
    expect((await pl.post('/api/delegations', base)).statusCode).toBe(404);
    // A delegation cannot be passed on.
    const d = (await holder.post('/api/delegations', base)).json();
    const cgz = await t.login('ld-cgz');
    const again = await cgz.post('/api/delegations', { ...base, fromAssignmentId: d.id, toUserId: uid['ld-mzj'] });
    expect(again.json().code).toBe('DELEGATION_INVALID');
    expect(again.json().title).toContain('不能再次代管');
    const none = await t.ctx.db.selectFrom('core.role_assignment').select('id').where('delegated_from', '=', d.id).execute();
    expect(none).toEqual([]);
  });

  it('a user manager may set up a delegation for someone in their scope', async () => {
    const admin = await t.login('admin');
    const pl = await t.login('pl-mzj');
    const g = pl.me.roles[0];
    const r = await admin.post('/api/delegations', {
      fromAssignmentId: g.assignmentId,
      toUserId: uid['pl-cgz'],
      validFrom: iso(0),
      validTo: iso(HOUR),
      reason: '病假代岗',
    });
    expect(r.statusCode).toBe(201);
    expect((await t.login('pl-cgz')).me.roles.find((x: any) => x.delegatedById === uid['pl-mzj'])).toBeTruthy();
    // ld-mzj manages users only in 隆德县: not allowed for 平罗县's role.
    const ld = await t.login('ld-mzj');
    expect(
      (await ld.post('/api/delegations', { fromAssignmentId: g.assignmentId, toUserId: uid['pl-cgz'], validFrom: iso(0), validTo: iso(HOUR), reason: '越权' }))
        .statusCode,
    ).toBe(404);
  });
});
