import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { usersUnlockCommand } from '../../../server/cli/users-unlock.ts';
import type { CliIo } from '../../../server/cli/io.ts';

/** Issue 17: lockout is no weapon — throttling per account, source and pair with growing delays, alike for unknown users. */
const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
let t: TestApp;
// Two free tries per source and account pair, eight per source or per account.
beforeAll(async () => {
  t = await createTestApp({ clock, env: { LOGIN_MAX_FAILURES: '2' } });
});
afterAll(() => t?.close());

const PW = 'Minzheng@2019';
const strip = (r: { json(): any }) => r.json();

describe('login throttling', () => {
  it('answers an unknown and a known username identically, failure after failure, then 429 with Retry-After', async () => {
    const known: any[] = [];
    const unknown: any[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await t.tryLogin('admin', `Wrong@pass${i}x`, { ip: '192.0.2.1' });
      const b = await t.tryLogin('no-such-admin', `Wrong@pass${i}x`, { ip: '192.0.2.2' });
      known.push([a.statusCode, a.headers['retry-after'], strip(a)]);
      unknown.push([b.statusCode, b.headers['retry-after'], strip(b)]);
    }
    expect(known).toEqual(unknown);
    expect(known.map((x) => x[0])).toEqual([401, 401, 429]);
    expect(known[2][1]).toBe('30');
    expect(known[2][2]).toMatchObject({ code: 'LOGIN_THROTTLED', details: { retryAfterSeconds: 30 } });
    // Blocked means blocked: the right password from that source waits too.
    expect((await t.tryLogin('admin', PW, { ip: '192.0.2.1' })).statusCode).toBe(429);
  });

  it('does not lock the real user out: admin signs in from elsewhere while a stranger is throttled', async () => {
    expect((await t.tryLogin('admin', PW, { ip: '198.51.100.7' })).statusCode).toBe(200);
  });

  it('doubles the delay with each further failure', async () => {
    clock.advance(31_000);
    expect((await t.tryLogin('no-such-admin', 'Wrong@again1', { ip: '192.0.2.2' })).statusCode).toBe(401);
    const r = await t.tryLogin('no-such-admin', 'Wrong@again2', { ip: '192.0.2.2' });
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('60');
    clock.advance(61_000);
    await t.tryLogin('no-such-admin', 'Wrong@again3', { ip: '192.0.2.2' });
    expect((await t.tryLogin('no-such-admin', 'x', { ip: '192.0.2.2' })).headers['retry-after']).toBe('120');
  });

  it('throttles one source guessing many accounts', async () => {
    for (let i = 0; i < 8; i++) expect((await t.tryLogin(`spray-${i}`, 'Wrong@pass1x', { ip: '192.0.2.50' })).statusCode).toBe(401);
    const r = await t.tryLogin('yc-mzj', PW, { ip: '192.0.2.50' });
    expect(r.json().code).toBe('LOGIN_THROTTLED');
    expect((await t.tryLogin('yc-mzj', PW, { ip: '192.0.2.51' })).statusCode).toBe(200);
  });

  it('throttles many sources guessing one account; `minzheng users unlock` lifts it at once', async () => {
    for (let i = 0; i < 8; i++) await t.tryLogin('pl-mzj', 'Wrong@pass1x', { ip: `203.0.113.${i}` });
    expect((await t.tryLogin('pl-mzj', PW, { ip: '203.0.113.200' })).statusCode).toBe(429);
    const out: string[] = [];
    const io: CliIo = {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      open: async () => ({ ctx: t.ctx, handle: { ...t.test.handle, close: async () => {} } }),
    };
    expect(await usersUnlockCommand(['pl-mzj', '--reason', '测试解锁'], io)).toBe(0);
    expect(out.join('\n')).toContain('已解锁');
    expect((await t.tryLogin('pl-mzj', PW, { ip: '203.0.113.200' })).statusCode).toBe(200);
    const audit = await t.ctx.db.selectFrom('core.audit_event').select(['action', 'reason']).where('action', '=', 'user.unlock').execute();
    expect(audit).toContainEqual({ action: 'user.unlock', reason: '测试解锁' });
    expect(await usersUnlockCommand(['no-such-user'], io)).toBe(1);
  });
});

describe('change password', () => {
  it('counts a wrong old password toward throttling', async () => {
    const s = await t.login('xq-fhbj');
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await s.post('/api/me/password', { oldPassword: `Wrong@old${i}x`, newPassword: 'Fresh#Pass2026a' })).statusCode);
    expect(codes).toEqual([400, 400, 429]);
  });

  it('refuses going back to any of the last five passwords (no A→B→A)', async () => {
    const s = await t.login('ld-cgz');
    expect((await s.post('/api/me/password', { oldPassword: PW, newPassword: 'Second#Pass2026b' })).statusCode).toBe(204);
    const back = await s.post('/api/me/password', { oldPassword: 'Second#Pass2026b', newPassword: PW });
    expect(back.statusCode).toBe(400);
    expect(back.json().code).toBe('PASSWORD_REUSED');
    expect((await s.post('/api/me/password', { oldPassword: 'Second#Pass2026b', newPassword: 'Third#Pass2026c' })).statusCode).toBe(204);
  });
});
