import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDelegations } from './delegation/regime.ts';
import { sampleApplication } from './dibao-test-data.ts';

// The law of the day: a 2019 act cites 民发〔2012〕220号 and the Ningxia 试行办法, a 2026 act 民发〔2021〕57号.
const clock = manualClock(new Date('2019-06-03T02:00:00Z')); // Monday 10:00 Beijing
let t: TestApp;
let ld: Session;

const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};
const totalBasis = async (caseId: string) =>
  (await sql<{ legal_basis: string }>`select legal_basis from core.deadline_clock where case_id = ${caseId} and name = 'total'`.execute(t.ctx.db)).rows[0]
    ?.legal_basis;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDelegations(t.ctx);
  ld = await t.login('ld-cgz');
}, 120_000);
afterAll(() => t?.close());

it('cites the procedure in force on the day the clock starts, and the in-force day is a setting', async () => {
  const old = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 11)));
  await ok(ld.post(`/api/cases/${old.id}/transitions/accept`, { input: {} }));
  const basis2019 = await totalBasis(old.id);
  expect(basis2019).toContain('民发〔2012〕220号');
  expect(basis2019).toContain('宁夏回族自治区最低生活保障审核审批办法');
  expect(basis2019).not.toContain('57号');

  clock.set(new Date('2026-06-01T02:00:00Z'));
  ld = await t.login('ld-cgz');
  const now = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 12)));
  await ok(ld.post(`/api/cases/${now.id}/transitions/accept`, { input: {} }));
  expect(await totalBasis(now.id)).toMatch(/^《最低生活保障审核确认办法》（民发〔2021〕57号）[:：]自受理之日起 30 个工作日/);

  // A region administrator who finds 57号 took effect later moves the day: acts before it cite the 2012 rules.
  await sql`insert into dibao.setting (key, value) values ('measures2021From', ${JSON.stringify('2027-01-01')}::jsonb)`.execute(t.ctx.db);
  const later = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 13)));
  await ok(ld.post(`/api/cases/${later.id}/transitions/accept`, { input: {} }));
  expect(await totalBasis(later.id)).toContain('民发〔2012〕220号');
}, 120_000);
