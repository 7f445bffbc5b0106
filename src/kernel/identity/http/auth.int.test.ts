import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { purgeSessions } from '../purge-sessions.ts';
import { sessionIdOf } from '../session.ts';

const clock = manualClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t?.close();
});

const MIN = 60_000;
const logOutcomes = async (username: string) =>
  (await t.ctx.db.selectFrom('core.login_log').select(['outcome', 'at']).where('username', '=', username).orderBy('at').orderBy('id').execute()).map(
    (r) => r.outcome,
  );

describe('login', () => {
  it('signs in, sets an httpOnly SameSite=Strict cookie and answers like /api/me plus csrfToken', async () => {
    const res = await t.tryLogin('ld-mzj', 'Minzheng@2019');
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'mz_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(c.path).toBe('/');
    expect(c.secure).toBeFalsy();
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.areaCode).toBe('640423');
    // The token is not stored: the session row is keyed by its SM3 hash.
    const rows = await t.ctx.db.selectFrom('core.session').select('id').where('id', '=', c.value).execute();
    expect(rows).toHaveLength(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `mz_session=${c.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('/api/me as ld-mzj is 隆德县 640423 with a 本级及下级 clerk role', async () => {
    const s = await t.login('ld-mzj');
    const me = (await s.get('/api/me')).json();
    expect(me.areaCode).toBe('640423');
    expect(me.areaName).toBe('隆德县');
    expect(me.orgUnit.code).toBe('640423-mzj');
    expect(me.user).toMatchObject({ username: 'ld-mzj', displayName: '杨志明', mustChangePassword: false, totpEnabled: false });
    expect(me.roles.find((r: any) => r.code === 'clerk')).toMatchObject({ scope: 'subtree', orgUnitName: '隆德县民政局', delegatedBy: null, validTo: null });
    expect(me.permissions).toContain('user.read');
  });

  it('answers unknown user and wrong password alike, but logs the true outcome', async () => {
    const a = await t.tryLogin('no-such-user', 'Minzheng@2019');
    const b = await t.tryLogin('pl-cgz', 'Wrong@password1');
    clock.advance(1000);
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('INVALID_CREDENTIALS');
    expect(a.json().title).toBe(b.json().title);
    expect(await logOutcomes('no-such-user')).toEqual(['unknown_user']);
    expect(await logOutcomes('pl-cgz')).toEqual(['bad_password']);
    await t.login('pl-cgz');
    expect(await logOutcomes('pl-cgz')).toEqual(['bad_password', 'success']);
  });

  it('never locks an account from a handful of sources (no 423): failures are throttled, the right password then works', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await t.tryLogin('xq-fhbj', `Wrong@pass${i}x`)).statusCode);
      clock.advance(1000);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    expect(await logOutcomes('xq-fhbj')).toEqual(['bad_password', 'bad_password', 'bad_password', 'bad_password', 'bad_password']);
    const s = await t.login('xq-fhbj');
    expect(s.me.user.username).toBe('xq-fhbj');
    const u = await t.ctx.db.selectFrom('core.app_user').select(['failed_logins', 'locked_until']).where('username', '=', 'xq-fhbj').executeTakeFirstOrThrow();
    expect(u).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('refuses disabled users (after the password check, so it reveals nothing to guessers)', async () => {
    await t.ctx.db.updateTable('core.app_user').set({ status: 'disabled' }).where('username', '=', 'pl-mzj').execute();
    const r = await t.tryLogin('pl-mzj', 'Minzheng@2019');
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('ACCOUNT_DISABLED');
    expect((await t.tryLogin('pl-mzj', 'Wrong@pass12')).json().code).toBe('INVALID_CREDENTIALS');
    await t.ctx.db.updateTable('core.app_user').set({ status: 'active' }).where('username', '=', 'pl-mzj').execute();
  });

  it('rate-limits logins per IP (20 a minute)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await t.tryLogin(`nobody-${i}`, 'x', { ip: '192.0.2.99' })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    expect((await t.tryLogin('nobody', 'x', { ip: '192.0.2.100' })).statusCode).toBe(401);
  });

  it('validates the body with a Chinese message naming the field', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ld-mzj' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toContain('password');
  });
});

describe('sessions', () => {
  it('requires the CSRF header on state-changing requests', async () => {
    const s = await t.login('ld-mzj');
    const no = await t.app.inject({ method: 'POST', url: '/api/me/totp/setup', headers: { cookie: s.cookie } });
    expect(no.statusCode).toBe(403);
    expect(no.json().code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf.slice(1) + 'A' } });
    expect(wrong.json().code).toBe('CSRF_INVALID');
    expect((await s.get('/api/me')).statusCode).toBe(200);
    const other = await t.login('ld-mzj');
    const crossed = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': other.csrf } });
    expect(crossed.statusCode).toBe(403);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('expires after the idle timeout; activity within it keeps the session alive', async () => {
    const s = await t.login('ld-cgz');
    clock.advance(20 * MIN);
    expect((await s.get('/api/me')).statusCode).toBe(200);
    clock.advance(20 * MIN);
    expect((await s.get('/api/me')).statusCode).toBe(200);
    clock.advance(30 * MIN);
    const r = await s.get('/api/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('SESSION_EXPIRED');
    expect(r.cookies.find((c) => c.name === 'mz_session')?.value).toBe('');
    clock.advance(-60 * MIN);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });

  it('expires after the absolute lifetime even when active', async () => {
    const s = await t.login('ld-cgz');
    for (let h = 0; h < 12 * 2 - 1; h++) {
      clock.advance(30 * MIN - 1000);
      expect((await s.get('/api/me')).statusCode).toBe(200);
    }
    clock.advance(30 * MIN);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });

  it('logout revokes the session row; a new login rotates the session', async () => {
    const s = await t.login('nx-fgc');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: s.cookie },
      remoteAddress: '10.9.9.9',
      payload: { username: 'nx-fgc', password: 'Minzheng@2019' },
    });
    expect(again.statusCode).toBe(200);
    expect((await s.get('/api/me')).statusCode).toBe(401);
    const cookie = `mz_session=${again.cookies.find((c) => c.name === 'mz_session')!.value}`;
    clock.advance(1000);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': again.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().code).toBe('UNAUTHENTICATED');
    expect((await logOutcomes('nx-fgc')).slice(-1)).toEqual(['logout']);
  });

  it('the daily purge deletes session rows a day after they stopped working, and keeps live ones', async () => {
    const idOf = (cookie: string) => sessionIdOf(cookie.replace(/^mz_session=/, ''));
    const exists = async (cookie: string) => !!(await t.ctx.db.selectFrom('core.session').select('id').where('id', '=', idOf(cookie)).executeTakeFirst());
    const idle = await t.login('pl-mzj');
    const out = await t.login('xq-mzj');
    expect((await out.post('/api/auth/logout')).statusCode).toBe(204);
    await purgeSessions(t.ctx);
    expect([await exists(idle.cookie), await exists(out.cookie)]).toEqual([true, true]);
    clock.advance(25 * 60 * MIN);
    const live = await t.login('pl-mzj');
    expect(await purgeSessions(t.ctx)).toBeGreaterThanOrEqual(2);
    expect([await exists(idle.cookie), await exists(out.cookie), await exists(live.cookie)]).toEqual([false, false, true]);
    expect((await live.get('/api/me')).statusCode).toBe(200);
  });

  it('anonymous requests get 401 UNAUTHENTICATED', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('password change', () => {
  it('checks the old password and the policy, and ends the other sessions', async () => {
    const a = await t.login('nx-fgc-lead');
    const b = await t.login('nx-fgc-lead');
    const wrong = await a.post('/api/me/password', { oldPassword: 'nope', newPassword: 'Better#Pass2026' });
    expect(wrong.json().code).toBe('PASSWORD_INCORRECT');
    const weak = await a.post('/api/me/password', { oldPassword: 'Minzheng@2019', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    expect(weak.json().title).toContain('长度至少 10 位');
    const named = await a.post('/api/me/password', { oldPassword: 'Minzheng@2019', newPassword: 'nx-fgc-lead#2026A' });
    expect(named.json().title).toContain('不能包含用户名');
    const same = await a.post('/api/me/password', { oldPassword: 'Minzheng@2019', newPassword: 'Minzheng@2019' });
    expect(same.json().code).toBe('PASSWORD_REUSED');
    expect((await a.post('/api/me/password', { oldPassword: 'Minzheng@2019', newPassword: 'Better#Pass2026' })).statusCode).toBe(204);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await t.tryLogin('nx-fgc-lead', 'Minzheng@2019')).statusCode).toBe(401);
    await t.login('nx-fgc-lead', 'Better#Pass2026');
    const ev = await t.ctx.db.selectFrom('core.audit_event').select('action').where('action', '=', 'user.password.change').execute();
    expect(ev.length).toBe(1);
  });
});

describe('secure cookies', () => {
  // A second app with its own settings: opened in a hook (its database takes seconds on a busy machine).
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ env: { TRUST_PROXY: '10.8.8.8' } });
  });
  afterAll(async () => {
    await proxied?.close();
  });

  it('marks the cookie Secure behind a trusted https proxy in auto mode, and not for an untrusted one', async () => {
    const login = (remoteAddress: string) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress,
        payload: { username: 'admin', password: 'Minzheng@2019' },
      });
    expect((await login('10.8.8.8')).cookies.find((c) => c.name === 'mz_session')!.secure).toBe(true);
    expect((await login('10.9.9.9')).cookies.find((c) => c.name === 'mz_session')!.secure).toBeFalsy();
  });
});
