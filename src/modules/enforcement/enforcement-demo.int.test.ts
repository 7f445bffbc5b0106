import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SYSTEM_ACTOR } from '../../kernel/identity/index.ts';
import { enforcementReportSection } from './report/section.ts';
import { seedEnforcementDemo } from './demo/seed-enforcement-demo.ts';

const clock = manualClock(new Date('2026-12-06T02:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t?.close());

describe('行政执法 demo data and report section', () => {
  it('seeds the report’s 43 officers (17 exam applicants) and cases in several areas, once', async () => {
    const r = await seedEnforcementDemo(t.ctx);
    expect(r).toMatchObject({ skipped: false, officers: 43 });
    expect((await seedEnforcementDemo(t.ctx)).skipped).toBe(true);
    const n = (
      await sql<{ all: number; exam: number; reviewers: number }>`select count(*)::int as all, count(*) filter (where exam_applicant)::int as exam,
      count(*) filter (where legal_reviewer)::int as reviewers from enforcement.officer`.execute(t.ctx.db)
    ).rows[0]!;
    expect(n).toEqual({ all: 43, exam: 17, reviewers: 4 });
    const areas = (await sql<{ n: number }>`select count(distinct area_code)::int as n from core.case where type = 'enforcement_penalty'`.execute(t.ctx.db))
      .rows[0]!.n;
    expect(areas).toBeGreaterThanOrEqual(5);
  });

  it('the city sees several districts’ officers; a county only its own', async () => {
    const yc = await t.login('yc-mzj');
    const paths = new Set((await yc.get('/api/enforcement/officers')).json().items.map((o: any) => o.areaPath));
    expect(paths.size).toBeGreaterThanOrEqual(2);
    expect([...paths].every((p) => String(p).startsWith('640000.640100'))).toBe(true);
    const xj = await t.login('xj-mzj');
    expect((await xj.get('/api/enforcement/officers')).json().items.every((o: any) => o.areaPath.endsWith('640422'))).toBe(true);
  });

  it('report metrics count the cases they name', async () => {
    const admin = await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const { loadGrants } = await import('../../kernel/identity/index.ts');
    const actor = { ...SYSTEM_ACTOR, userId: admin.id, grants: await loadGrants(t.ctx, admin.id, clock.now()) };
    const cases = enforcementReportSection.metrics.find((m) => m.code === 'enforcement.cases')!;
    const y2019 = await cases.query(t.ctx, { areaCode: '640000', areaPath: '640000', from: '2019-01-01', to: '2019-12-31', actor });
    expect(y2019.value).toBe(3);
    expect(y2019.recordIds).toHaveLength(3);
    const xq = await cases.query(t.ctx, { areaCode: '640104', areaPath: '640000.640100.640104', from: '2019-01-01', to: '2019-12-31', actor });
    expect(xq.value).toBe(1);
  });
});
