import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { withTx } from '../../platform/context.ts';
import { emitPenaltyDecided, type PenaltyDecided } from '../enforcement/events.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';

// Links of the orgs module: 双随机 inspections → 互联网+监管 检查行为; enforcement's 行政处罚决定 → the orgs penalty record.
const clock = manualClock(new Date('2026-11-02T02:00:00Z'));
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
let t: TestApp;
let xj: Session, xjLead: Session, pl: Session;
const orgs: { id: string; uscc: string }[] = [];
const officers: Record<string, string> = {};
let xjUnit: string;
const items: string[] = [];

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const officer = async (s: Session, name: string, certNo: string, validTo = '2028-12-31') =>
  (await ok(s.post('/api/enforcement/officers', { name, certNo, validFrom: '2024-01-01', validTo }), 201)).id as string;
const inspect = (id: string, org: string, over: Record<string, unknown> = {}) =>
  xj.post(`/api/orgs/spot-checks/${id}/inspections`, {
    organizationId: org,
    method: 'onsite',
    inspectedOn: '2026-11-09',
    findings: '财务管理不规范，未按规定公开年度工作报告',
    problems: true,
    rectifyBy: '2026-12-31',
    ...over,
  });
const committed = async (body: Record<string, unknown>) => {
  const c = await ok(xj.post('/api/orgs/spot-checks', { kind: 'adhoc', year: 2026, title: '2026年西吉县社会组织不定期抽查', count: 2, ...body }), 201);
  await ok(xj.post(`/api/orgs/spot-checks/${c.id}/draw`, {}));
  return c.id as string;
};
const drawn = async (id: string) => (await ok(xj.get(`/api/orgs/spot-checks/${id}/items`))).items as any[];

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '100000000', SESSION_MAX_HOURS: '10000000' } });
  [xj, xjLead, pl] = await Promise.all(['xj-mzj', 'xj-mzj-lead', 'pl-mzj'].map((u) => t.login(u)));
  for (const [i, n] of ['剪纸', '花儿', '武术', '书画'].entries()) {
    const uscc = makeUscc('social_group', '640422', 81 + i);
    const body = sampleOrg({ name: `西吉县${n}协会`, uscc, supervisorUnit: '西吉县文化旅游广电局', domicile: '西吉县吉强镇', registeredOn: '2018-03-01' });
    orgs.push({ id: (await ok(xj.post('/api/orgs', body), 201)).id, uscc });
  }
  officers.a = await officer(xj, '杨志刚', 'XJ020001');
  officers.b = await officer(xj, '田玉梅', 'XJ020002', '2026-11-10');
  officers.c = await officer(xj, '马占山', 'XJ020003');
  officers.old = await officer(xj, '苏过期', 'XJ020004', '2026-01-01');
  officers.pl = await officer(pl, '平罗员', 'PL020001');
  // Two approved 检查实施清单 items of 西吉县民政局 for 社会组织, one for 养老机构 (the catalogue's own tests enter and review them).
  const unit = (await sql<{ id: string; area_path: string }>`select id, area_path from core.org_unit where code = '640422-mzj'`.execute(t.ctx.db)).rows[0]!;
  xjUnit = unit.id;
  const office = { id: randomUUID(), uscc: '11640422MB0000001X', area_path: unit.area_path };
  await sql`insert into catalogue.office (id, org_unit_id, name, uscc, level, area_code, area_path, created_at)
    values (${office.id}, ${unit.id}, '西吉县民政局', ${office.uscc}, '4', '640422', ${unit.area_path}, now())`.execute(t.ctx.db);
  for (const [i, objects] of ['社会组织', '社会组织', '养老机构'].entries()) {
    const catalogueCode = `6400000611009${i}`;
    const code = `${office.uscc}4${catalogueCode}`;
    items.push(code);
    await sql`insert into catalogue.supervision_item (id, kind, code, catalogue_code, name, office_id, area_path, objects, basis, check_category, status,
        entered_by_name, created_at)
      values (${randomUUID()}, '检查实施清单', ${code}, ${catalogueCode}, ${`对${objects}的检查（${i}）`}, ${office.id}, ${office.area_path}, ${objects},
        '《社会组织抽查暂行办法》第二条', '双随机抽查', 'approved', '测试', now())`.execute(t.ctx.db);
  }
});
afterAll(async () => t?.close());

describe('双随机 inspections go to 互联网+监管 as 检查行为', () => {
  it('with no pool given, the draw takes the authority’s certified officers (valid today, this area only), 执法证号 published', async () => {
    const id = await committed({});
    const pub = await ok(t.app.inject({ method: 'GET', url: `/api/public/orgs/spot-checks/${id}` }));
    expect(pub.inspectors.map((i: any) => i.certNo).sort()).toEqual(['XJ020001', 'XJ020002', 'XJ020003']);
    const other = await xj.post('/api/orgs/spot-checks', {
      kind: 'adhoc',
      year: 2026,
      title: '外县执法人员',
      count: 1,
      inspectors: [{ officerId: officers.a }, { officerId: officers.pl }],
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().title).toContain('不是西吉县');
    const expired = await xj.post('/api/orgs/spot-checks', {
      kind: 'adhoc',
      year: 2026,
      title: '过期',
      count: 1,
      inspectors: [{ officerId: officers.a }, { officerId: officers.old }],
    });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().title).toContain('苏过期');
    // what the plan form picks from: the same officers the commit accepts (this area, certificate valid today)
    const options = await ok(xj.get('/api/orgs/spot-checks/pool-options'));
    expect(options).toMatchObject({ authority: '西吉县民政局', day: '2026-11-02' });
    expect(options.officers.map((o: any) => [o.name, o.certNo])).toEqual([
      ['杨志刚', 'XJ020001'],
      ['田玉梅', 'XJ020002'],
      ['马占山', 'XJ020003'],
    ]);
    expect((await ok(pl.get('/api/orgs/spot-checks/pool-options'))).officers.map((o: any) => o.certNo)).toEqual(['PL020001']);
    expect((await xj.get(`/api/orgs/spot-checks/pool-options?authorityId=${randomUUID()}`)).statusCode).toBe(404);
  });

  it('an inspection by certified officers writes a pending 检查行为 against the item named; none named among two → 400; lapsed on the day → 422', async () => {
    const id = await committed({ inspectors: [{ officerId: officers.a }, { officerId: officers.b }] });
    day('2026-11-12');
    const [first, second] = await drawn(id);
    const which = await inspect(id, first.organizationId);
    expect(which.statusCode).toBe(400);
    expect(which.json().title).toContain(items[0]);
    expect(which.json().title).not.toContain(items[2]);
    const lapsed = await inspect(id, first.organizationId, { inspectedOn: '2026-11-12', inspectionCode: items[1] });
    expect(lapsed.statusCode).toBe(422);
    expect(lapsed.json().title).toContain('田玉梅');
    expect((await inspect(id, first.organizationId, { inspectionCode: 'X'.repeat(33) })).statusCode).toBe(400);
    const r = await ok(inspect(id, first.organizationId, { inspectionCode: items[1] }));
    expect(r.supervisionNote).toBe(null);
    const rec = (await sql<any>`select * from catalogue.inspection_record where id = ${r.inspectionRecordId}`.execute(t.ctx.db)).rows[0];
    expect(rec).toMatchObject({
      status: 'pending',
      inspection_code: items[1],
      plan_id: id,
      party_code: first.uscc,
      party_name: first.name,
      check_form: '现场检查',
      check_category: '双随机抽查',
      check_method: '不定期抽查',
      source_module: 'orgs',
    });
    expect(rec.measures).toContain(r.noticeNo);
    const inspectors = typeof rec.inspectors === 'string' ? JSON.parse(rec.inspectors) : rec.inspectors;
    expect(inspectors.map((i: any) => i.certificateNo).sort()).toEqual(['XJ020001', 'XJ020002']);
    // 谁录入、谁审核: the clerk who recorded the inspection entered it; the county's reviewer approves it on the catalogue side.
    expect((await ok(xjLead.post(`/api/catalogue/inspection-records/${r.inspectionRecordId}/review`, { approve: true }))).status).toBe('approved');
    const listed = (await drawn(id)).find((i) => i.organizationId === first.organizationId);
    expect(listed).toMatchObject({ inspectionCode: items[1], inspectionRecordId: r.inspectionRecordId, supervisionNote: null });
    // Only one 社会组织 item left approved at the office → it is the default.
    await sql`update catalogue.supervision_item set status = 'rejected' where code = ${items[0]}`.execute(t.ctx.db);
    const d = await ok(inspect(id, second.organizationId, { problems: false, rectifyBy: null }));
    expect(
      (await sql<any>`select inspection_code, check_result from catalogue.inspection_record where id = ${d.inspectionRecordId}`.execute(t.ctx.db)).rows[0],
    ).toEqual({
      inspection_code: items[1],
      check_result: '未发现问题',
    });
  });

  it('the clerk picks the officers who inspected (certified, of this authority, none to 回避) and the item, from the options listed', async () => {
    day('2026-11-09');
    const id = await committed({ count: 4, inspectors: [{ officerId: officers.a, conflicts: [orgs[0]!.uscc] }, { officerId: officers.c }, { name: '张明' }] });
    const org = orgs[0]!.id;
    const options = await ok(xj.get(`/api/orgs/spot-checks/${id}/inspection-options?organizationId=${org}&day=2026-11-09`));
    // 杨志刚 must 回避 this organization, so its drawn team is 马占山 and the free-text 张明; 田玉梅's certificate still holds on 11-09
    expect(options.officers.map((o: any) => [o.certNo, o.drawn, o.conflict])).toEqual([
      ['XJ020001', false, true],
      ['XJ020002', false, false],
      ['XJ020003', true, false],
    ]);
    expect(options.items.map((i: any) => i.code)).toEqual([items[1], items[2]]); // 社会组织 first; items[0] was withdrawn above
    expect((await pl.get(`/api/orgs/spot-checks/${id}/inspection-options?organizationId=${org}`)).statusCode).toBe(404);
    const conflict = await inspect(id, org, { officerIds: [officers.a, officers.c], inspectionCode: items[1] });
    expect(conflict.statusCode).toBe(400);
    expect(conflict.json().title).toContain('回避');
    expect((await inspect(id, org, { officerIds: [officers.c, officers.pl], inspectionCode: items[1] })).json().title).toContain('不是本登记管理机关');
    expect((await inspect(id, org, { officerIds: [officers.c], inspectionCode: items[1] })).statusCode).toBe(400);
    const r = await ok(inspect(id, org, { officerIds: [officers.b, officers.c], inspectionCode: items[1] }));
    const rec = (await sql<any>`select inspectors, inspection_code from catalogue.inspection_record where id = ${r.inspectionRecordId}`.execute(t.ctx.db))
      .rows[0];
    const reported = typeof rec.inspectors === 'string' ? JSON.parse(rec.inspectors) : rec.inspectors;
    expect(reported).toEqual([
      { name: '田玉梅', certificateNo: 'XJ020002' },
      { name: '马占山', certificateNo: 'XJ020003' },
    ]);
    const listed = (await drawn(id)).find((i) => i.organizationId === org);
    expect(listed.inspectors.sort()).toEqual(['张明', '马占山'].sort());
    expect(listed.inspectedBy).toEqual([
      { name: '田玉梅', certNo: 'XJ020002' },
      { name: '马占山', certNo: 'XJ020003' },
    ]);
    day('2026-11-12');
  });

  it('a pool of free-text names (as before) still records the inspection, not reported, and says why', async () => {
    const id = await committed({ inspectors: [{ name: '张明' }, { name: '李华' }, { officerId: officers.c }] });
    const [first] = await drawn(id);
    const r = await ok(inspect(id, first.organizationId, { inspectedOn: '2026-11-12', problems: false, rectifyBy: null }));
    expect(r.inspectionRecordId).toBe(null);
    expect(r.supervisionNote).toContain('没有执法证号');
    expect(
      (await xj.post('/api/orgs/spot-checks', { kind: 'adhoc', year: 2026, title: '空名', count: 1, inspectors: [{ conflicts: [] }, { name: '李华' }] }))
        .statusCode,
    ).toBe(400);
  });
});

const decided = (over: Partial<PenaltyDecided>): PenaltyDecided => ({
  caseId: randomUUID(),
  orgUnitId: xjUnit,
  decisionNo: '640422民罚决〔2026〕9号',
  decidedOn: '2026-11-12',
  party: '西吉县武术协会',
  partyUscc: orgs[2]!.uscc,
  powerName: '对社会团体超出章程规定的宗旨和业务范围进行活动的处罚',
  basis: '《社会团体登记管理条例》第三十条',
  facts: '超出章程规定的业务范围开展收费培训',
  penaltyKinds: ['警告', '没收违法所得'],
  fine: null,
  suspendedUntil: null,
  ...over,
});

describe('行政处罚决定 of enforcement cases are recorded against the organization', () => {
  it('a warning with confiscation: the penalty with its case, basis and date, and the 60号令 listing by rule', async () => {
    const e = decided({});
    await withTx(t.ctx, (tx) => emitPenaltyDecided(tx, e));
    const [p] = (await ok(xjLead.get(`/api/orgs/${orgs[2]!.id}/penalties`))).items;
    expect(p).toMatchObject({
      caseId: e.caseId,
      documentNo: e.decisionNo,
      decidedOn: '2026-11-12',
      basis: e.basis,
      warning: true,
      confiscated: true,
      confiscationCents: null,
      fineCents: null,
    });
    const org = await ok(xjLead.get(`/api/orgs/${orgs[2]!.id}`));
    expect(org.listings.map((l: any) => [l.list, l.reason])).toEqual([['abnormal', 'minor_penalty']]);
    // a person, or a code the registry does not hold, is not an organization of ours
    await withTx(t.ctx, (tx) => emitPenaltyDecided(tx, decided({ partyUscc: null, party: '马**' })));
    await withTx(t.ctx, (tx) => emitPenaltyDecided(tx, decided({ partyUscc: makeUscc('social_group', '640422', 99) })));
    const n = (await sql<{ n: number }>`select count(*)::int as n from orgs.penalty where case_id is not null`.execute(t.ctx.db)).rows[0]!.n;
    expect(n).toBe(1);
  });

  it('撤销登记 decided in enforcement revokes the registration and lists it on the 严重违法失信名单', async () => {
    await withTx(t.ctx, (tx) =>
      emitPenaltyDecided(tx, decided({ partyUscc: orgs[3]!.uscc, penaltyKinds: ['撤销登记'], decisionNo: '640422民罚决〔2026〕10号' })),
    );
    const org = await ok(xjLead.get(`/api/orgs/${orgs[3]!.id}`));
    expect(org.status).toBe('revoked');
    expect(org.listings.map((l: any) => [l.list, l.reason])).toEqual([['serious', 'revocation']]);
    expect((await ok(xjLead.get(`/api/orgs/${orgs[3]!.id}/penalties`))).items).toEqual([]);
  });
});
