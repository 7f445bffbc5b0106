import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { base32Decode, totp } from '../totp.ts';

const clock = manualClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { ADMIN_TOTP: 'required' } });
});
afterAll(async () => {
  await t?.close();
});

const code = (secret: string) => totp(base32Decode(secret), clock.now());

describe('administrator TOTP', () => {
  it('refuses admin functions until an administrator enrols, then requires the code at login', async () => {
    const s = await t.login('ld-mzj');
    expect(s.me.totpEnrolmentRequired).toBe(true);
    const blocked = await s.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TOTP_ENROLMENT_REQUIRED');
    // Writes anywhere are refused too, except enrolment itself.
    expect((await s.patch('/api/users/00000000-0000-0000-0000-000000000001', { version: 1 })).json().code).toBe('TOTP_ENROLMENT_REQUIRED');

    const setup = await s.post('/api/me/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    const stored = await t.ctx.db
      .selectFrom('core.app_user')
      .select(['totp_secret_enc', 'totp_enabled_at'])
      .where('username', '=', 'ld-mzj')
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret_enc).toMatch(/^s4\./);
    expect(stored.totp_secret_enc).not.toContain(secret);
    expect(stored.totp_enabled_at).toBeNull();

    expect((await s.post('/api/me/totp/enable', { code: '000000' === code(secret) ? '111111' : '000000' })).json().code).toBe('TOTP_INVALID');
    expect((await s.post('/api/me/totp/enable', { code: code(secret) })).statusCode).toBe(204);
    const again = await t.login('ld-mzj', undefined, { totp: (clock.advance(30_000), code(secret)) });
    expect(again.me.user.totpEnabled).toBe(true);
    expect(again.me.totpEnrolmentRequired).toBe(false);
    expect((await again.get('/api/users')).statusCode).toBe(200);

    const noCode = await t.tryLogin('ld-mzj', 'Minzheng@2019');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('TOTP_REQUIRED');
    // The code just used cannot be replayed.
    const replay = await t.tryLogin('ld-mzj', 'Minzheng@2019', { totp: code(secret) });
    expect(replay.json().code).toBe('TOTP_INVALID');
    clock.advance(30_000);
    const bad = await t.tryLogin('ld-mzj', 'Minzheng@2019', { totp: code(secret) === '123456' ? '654321' : '123456' });
    expect(bad.json().code).toBe('TOTP_INVALID');
    // A wrong password with a right code still says only INVALID_CREDENTIALS.
    expect((await t.tryLogin('ld-mzj', 'Wrong@pass99', { totp: code(secret) })).json().code).toBe('INVALID_CREDENTIALS');
    const outcomes = (await t.ctx.db.selectFrom('core.login_log').select('outcome').where('username', '=', 'ld-mzj').execute()).map((r) => r.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['totp_required', 'bad_totp', 'bad_password', 'success']));

    // Disabling needs the password and a fresh code.
    const s2 = await t.login('ld-mzj', undefined, { totp: code(secret) });
    clock.advance(30_000);
    expect((await s2.post('/api/me/totp/disable', { password: 'nope', code: code(secret) })).json().code).toBe('PASSWORD_INCORRECT');
    expect((await s2.post('/api/me/totp/disable', { password: 'Minzheng@2019', code: code(secret) })).statusCode).toBe(204);
    clock.advance(30_000);
    expect((await t.tryLogin('ld-mzj', 'Minzheng@2019')).statusCode).toBe(200);
    const actions = (await t.ctx.db.selectFrom('core.audit_event').select('action').where('action', 'like', 'user.totp.%').execute()).map((r) => r.action);
    expect(actions.sort()).toEqual(['user.totp.disable', 'user.totp.enable', 'user.totp.setup']);
  });

  it('does not ask non-administrators to enrol', async () => {
    const s = await t.login('ld-cgz');
    expect(s.me.totpEnrolmentRequired).toBe(false);
    expect((await s.get('/api/users')).statusCode).toBe(200);
  });

  it('lets a user manager reset a lost authenticator', async () => {
    const admin = await t.login('admin');
    const { secret } = (await admin.post('/api/me/totp/setup')).json();
    expect((await admin.post('/api/me/totp/enable', { code: code(secret) })).statusCode).toBe(204);
    clock.advance(30_000);
    const a2 = await t.login('admin', undefined, { totp: code(secret) });
    // pl-cgz enrols voluntarily, loses the phone; the admin resets it.
    const pl = await t.login('pl-cgz');
    const plSecret = (await pl.post('/api/me/totp/setup')).json().secret;
    expect((await pl.post('/api/me/totp/enable', { code: code(plSecret) })).statusCode).toBe(204);
    clock.advance(30_000);
    expect((await t.tryLogin('pl-cgz', 'Minzheng@2019')).json().code).toBe('TOTP_REQUIRED');
    const u = await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', 'pl-cgz').executeTakeFirstOrThrow();
    const r = await a2.post(`/api/users/${u.id}/reset-totp`, { reason: '手机丢失' });
    expect(r.statusCode).toBe(200);
    expect(r.json().totpEnabled).toBe(false);
    expect((await t.tryLogin('pl-cgz', 'Minzheng@2019')).statusCode).toBe(200);
  });
});
