import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoCatalogue } from './demo/seed-demo.ts';
import { findImplementation, listImplementations } from './queries/find-implementation.ts';
import { DEMO_USERS } from '../../kernel/identity/index.ts';
import { seedEnforcementDemo } from '../enforcement/demo/seed-enforcement-demo.ts';
import { seedDemoInspections } from './contract.ts';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  expect((await seedDemoCatalogue(t.ctx)).skipped).toBe(false);
  expect((await seedDemoCatalogue(t.ctx)).skipped).toBe(true);
});
afterAll(async () => t?.close());

describe('the demo catalogue, powers and 互联网+监管 lists (the 2019 report)', () => {
  it('publishes the 119-item catalogue, reviewed by someone other than its drafter', async () => {
    const s = await t.login('nx-fgc');
    const vs = (await s.get('/api/catalogue/versions')).json();
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ status: 'published', itemCount: 119, effectiveOn: '2019-06-01' });
    expect(vs[0].draftedBy).not.toBe(vs[0].reviewedBy);
  });

  it('lists 81 powers at the end of 2019 by type, the two 划转 ones only before their dates', async () => {
    const s = await t.login('nx-fgc');
    const end = (await s.get('/api/catalogue/powers?asOf=2019-12-31')).json();
    expect(end.total).toBe(81);
    const byType = Object.fromEntries(end.byType.map((b: any) => [b.label, b.count]));
    expect(byType).toEqual({ 行政许可: 7, 行政处罚: 62, 行政强制: 3, 行政检查: 2, 行政确认: 3, 行政奖励: 2, 行政裁决: 2 });
    const before = (await s.get('/api/catalogue/powers?asOf=2019-02-28')).json();
    expect(before.total).toBe(83);
    const transferred = (await s.get('/api/catalogue/powers?asOf=2019-12-31&includeTransferred=true')).json().items.filter((p: any) => p.transferredTo);
    expect(transferred.map((p: any) => p.transferredTo).sort()).toEqual(['宁夏回族自治区市场监督管理厅', '宁夏回族自治区自然资源厅']);
  });

  it('has 66 目录清单 and 19 检查实施清单 items approved, each tied to a power, and one awaiting review', async () => {
    const s = await t.login('nx-fgc');
    const items = (await s.get('/api/catalogue/supervision')).json();
    const approved = (kind: string) => items.filter((i: any) => i.kind === kind && i.status === 'approved');
    expect(approved('目录清单')).toHaveLength(66);
    expect(approved('检查实施清单')).toHaveLength(19);
    expect(items.filter((i: any) => i.status === 'pending')).toHaveLength(1);
    for (const i of items) {
      expect(i.powerCode).toBeTruthy();
      expect(i.enteredBy).not.toBe(i.reviewedBy);
    }
    expect(approved('目录清单').every((i: any) => /^\d{14}$/.test(i.code))).toBe(true);
    expect(approved('检查实施清单').every((i: any) => i.code.length === 33 && i.code.endsWith(i.catalogueCode))).toBe(true);
  });

  it('has 2019 检查行为 by certified officers over several districts: approved, one 退回, one awaiting review', async () => {
    await seedEnforcementDemo(t.ctx);
    expect(await seedDemoInspections(t.ctx)).toEqual({ skipped: false, records: 7 }); // none left out for want of an item or officers
    expect((await seedDemoInspections(t.ctx)).skipped).toBe(true);
    const recs = (await (await t.login('nx-fgc')).get('/api/catalogue/inspection-records')).json();
    expect(recs).toHaveLength(7);
    const count = (st: string) => recs.filter((r: any) => r.status === st).length;
    expect(count('approved')).toBeGreaterThanOrEqual(3);
    expect([count('rejected'), count('pending')]).toEqual([1, 1]);
    const certs = new Map(
      (
        await t.ctx.db
          .selectFrom('enforcement.officer' as any)
          .select(['cert_no', 'name', 'valid_from', 'valid_to', 'status'] as any)
          .execute()
      ).map((o: any) => [o.cert_no, o]),
    );
    for (const r of recs) {
      expect(r.checkedAt.slice(0, 4)).toBe('2019');
      expect(r.inspectors.length).toBeGreaterThanOrEqual(2);
      for (const i of r.inspectors) expect(certs.get(i.certificateNo)).toMatchObject({ name: i.name, status: 'valid' });
      if (r.status !== 'pending') expect(r.reviewedBy).not.toBe(r.enteredBy);
    }
    expect(recs.find((r: any) => r.status === 'rejected').reviewNote).toBeTruthy();
    // 银川市 sees its own records and 兴庆区's, over several districts; 兴庆区 only its own; the region's are not theirs.
    const city = (await (await t.login('yc-mzj')).get('/api/catalogue/inspection-records')).json();
    const areas = new Set(
      (
        await t.ctx.db
          .selectFrom('catalogue.inspection_record' as any)
          .select(['id', 'area_code'] as any)
          .execute()
      ).map((r: any) => `${r.id}:${r.area_code}`),
    );
    const districts = new Set([...areas].filter((a) => city.some((c: any) => a.startsWith(c.id))).map((a) => a.split(':')[1]));
    expect(districts.size).toBeGreaterThanOrEqual(3);
    expect(city.length).toBeLessThan(recs.length);
    const county = (await (await t.login('xq-mzj-lead')).get('/api/catalogue/inspection-records')).json();
    expect(county.every((r: any) => r.officeName.includes('兴庆区'))).toBe(true);
    const pending = county.find((r: any) => r.status === 'pending');
    expect((await (await t.login('xq-mzj-lead')).post(`/api/catalogue/inspection-records/${pending.id}/review`, { approve: true })).statusCode).toBe(200);
  });

  it('the 四级四同 check of the region finds the planted 漏项, 重项 and 错项 (naming the field)', async () => {
    const s = await t.login('nx-fgc');
    const d = (await s.get('/api/catalogue/diff?areaCode=640000')).json();
    expect(d.summary.areas).toBe(8);
    expect(d.missing.map((m: any) => `${m.areaName}:${m.name}`).sort()).toEqual(['西吉县:复婚登记', '西吉县:离婚登记预约', '西吉县:结婚登记']);
    expect(d.duplicates).toEqual([
      expect.objectContaining({ areaName: '兴庆区', name: '社会团体成立登记', offices: expect.arrayContaining(['银川市兴庆区行政审批服务局']) }),
    ]);
    expect(d.wrong.map((w: any) => `${w.areaName}:${w.fieldLabel}:${w.actual}`).sort()).toEqual([
      '平罗县:事项名称:结婚登记（含补办）',
      '平罗县:事项类型:20',
      '隆德县:法律依据:《社会团体登记管理条例》第三条、第六条、第三十二条',
    ]);
    const county = (await s.get('/api/catalogue/diff?areaCode=640221')).json();
    expect(county.summary.wrong).toBe(2);
    expect(county.missing).toEqual([]);
  });

  it('makes 不见面 (全程网办, no visit) about 91.3% of the demo list rows', async () => {
    const s = await t.login('nx-fgc');
    const offices = (await s.get('/api/catalogue/offices')).json();
    let all = 0;
    let none = 0;
    for (const o of offices) {
      const rows = (await s.get(`/api/catalogue/offices/${o.id}/list`)).json().rows.filter((r: any) => r.status === 'active');
      all += rows.length;
      none += rows.filter((r: any) => r.depth === '全程网办' && r.visits === 0).length;
    }
    expect(Math.round((none / all) * 1000) / 10).toBeGreaterThan(90);
    expect(Math.round((none / all) * 1000) / 10).toBeLessThan(93);
  });

  it('gives the hall its read contract: one item at an office or an area, and an area’s whole list', async () => {
    const xq = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow();
    const byOrg = await findImplementation(t.ctx.db, { orgUnitId: xq.id, baseCode: '002011035001' });
    expect(byOrg).toMatchObject({ name: '养老机构备案', typeCode: '20', baseCode: '002011035001', depth: expect.any(String), areaCode: '640104' });
    expect(byOrg!.implCode).toHaveLength(31);
    expect(byOrg!.implCode.endsWith('4002011035001')).toBe(true);
    expect(await findImplementation(t.ctx.db, { areaCode: '640422', baseCode: '000711008001' })).toBeNull();
    const pl = await listImplementations(t.ctx.db, { areaCode: '640221' });
    expect(pl.length).toBeGreaterThan(50);
    expect(pl.every((r) => r.areaCode === '640221')).toBe(true);
  });

  it('answers the report section catalogue.* with the figures and the records behind them', async () => {
    const lead = await t.login('nx-fgc-lead');
    const r = await lead.get('/api/report/metrics?year=2019&section=catalogue');
    expect(r.statusCode, r.body).toBe(200);
    const f = Object.fromEntries(
      r
        .json()
        .sections.flatMap((s: any) => s.metrics)
        .map((m: any) => [m.code.replace('catalogue.', ''), m.value]),
    );
    expect(f).toMatchObject({ items: 119, powers: 81, powers_xk: 7, powers_cf: 62, powers_qz: 3, powers_jc: 2, powers_qr: 3, powers_jl: 2, powers_cj: 2 });
    expect(f).toMatchObject({ powers_transferred: 2, supervision_items: 66, inspection_items: 19 });
    expect(f.no_visit_rate).toBeGreaterThan(90);
    const recs = await lead.get('/api/report/records?metric=catalogue.powers_cf&year=2019&pageSize=100');
    expect(recs.statusCode, recs.body).toBe(200);
    expect(recs.json().total).toBe(62);
    const county = await (await t.login('xj-mzj-lead')).get('/api/report/metrics?year=2019&section=catalogue&area=640422');
    expect(county.statusCode, county.body).toBe(200);
    const c = Object.fromEntries(
      county
        .json()
        .sections.flatMap((s: any) => s.metrics)
        .map((m: any) => [m.code, m.value]),
    );
    expect(c['catalogue.powers']).toBe(0);
    expect(c['catalogue.items']).toBe(119);
  });

  it('every demo account sees only offices, powers and 监管 items in its scope, and gets 404 for other offices’ lists', async () => {
    const all = (await t.ctx.db
      .selectFrom('catalogue.office' as any)
      .select(['id', 'area_path', 'org_unit_id'] as any)
      .execute()) as any[];
    for (const u of DEMO_USERS) {
      const s = await t.login(u.username);
      const grants = s.me.roles.filter((g: any) => g.permissions.includes('catalogue.read'));
      const sees = (r: { areaPath: string; orgUnitId: string }) =>
        grants.some((g: any) =>
          g.scope === 'subtree' ? r.areaPath === g.areaPath || r.areaPath.startsWith(g.areaPath + '.') : g.scope === 'org' && r.orgUnitId === g.orgUnitId,
        );
      const offices = await s.get('/api/catalogue/offices');
      if (!grants.length) {
        expect(offices.statusCode, u.username).toBe(403);
        continue;
      }
      const got = offices.json();
      expect(got.every(sees), u.username).toBe(true);
      expect(got.length, u.username).toBe(all.filter((o) => sees({ areaPath: o.area_path, orgUnitId: o.org_unit_id })).length);
      expect((await s.get('/api/catalogue/powers')).json().items.every(sees), u.username).toBe(true);
      expect((await s.get('/api/catalogue/supervision')).json().every(sees), u.username).toBe(true);
      const hidden = all.find((o) => !sees({ areaPath: o.area_path, orgUnitId: o.org_unit_id }));
      if (hidden) expect((await s.get(`/api/catalogue/offices/${hidden.id}/list`)).statusCode, u.username).toBe(404);
    }
  });
});
