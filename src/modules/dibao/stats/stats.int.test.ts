import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { addBenefitChange, idOf, insertHousehold } from '../money/test-fixtures.ts';

const clock = manualClock(new Date('2019-06-28T02:00:00Z'));
let t: TestApp;
let ld: Session, lead: Session, pl: Session;
const id = (n: number, year = '1980') => idOf(`640423${year}0101${String(n).padStart(3, '0')}`);
const P = 'from=2019-01-01&to=2019-06-30';

async function application(householdId: string, county: string, authority: 'county' | 'township', acceptedOn: string, decidedOn: string, special = false) {
  const area = await t.ctx.db.selectFrom('core.area').select('path').where('code', '=', county).executeTakeFirstOrThrow();
  const org = await t.ctx.db.selectFrom('core.org_unit').select('id').where('area_code', '=', county).executeTakeFirstOrThrow();
  const caseId = uuidv7();
  await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, terminal)
    values (${caseId}, 'dibao', ${'DB-T-' + caseId.slice(-12)}, '低保申请', 'confirmed', ${county}, ${area.path}, ${org.id}, true)`.execute(t.ctx.db);
  await sql`insert into dibao.application (case_id, household_id, authority, county_code, township_org_id, channel, accepted_on, decided_on, decision, special)
    values (${caseId}, ${householdId}, ${authority}, ${county}, ${org.id}, '窗口', ${acceptedOn}, ${decidedOn}, '确认', ${special})`.execute(t.ctx.db);
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [ld, lead, pl] = await Promise.all([t.login('ld-mzj'), t.login('nx-fgc-lead'), t.login('pl-mzj')]);
  const c = t.ctx;
  // 隆德县: h1 重残 (3 人, 1000.00), h2 老年 (申请人 born 1950, 1 人, 550.00), h3 一般 (2 人, 200.00), h4 stopped.
  const h1 = await insertHousehold(c, {
    areaCode: '640423100',
    kind: 'rural',
    benefitCents: 100000,
    insuredPersons: 3,
    members: [
      { id: id(1), name: '甲' },
      { id: id(2), name: '乙', disability: '一级' },
      { id: id(3), name: '丙' },
    ],
  });
  const h2 = await insertHousehold(c, {
    areaCode: '640423101',
    kind: 'urban',
    benefitCents: 55000,
    insuredPersons: 1,
    members: [{ id: id(4, '1950'), name: '老' }],
  });
  const h3 = await insertHousehold(c, {
    areaCode: '640423100',
    kind: 'rural',
    benefitCents: 20000,
    insuredPersons: 2,
    members: [
      { id: id(5), name: '丁' },
      { id: id(6), name: '戊' },
    ],
  });
  await insertHousehold(c, { areaCode: '640423100', status: 'stopped', benefitCents: 0, insuredPersons: 0, members: [{ id: id(7), name: '停' }] });
  // 平罗县: p1 一般 (2 人, 600.00).
  const p1 = await insertHousehold(c, {
    areaCode: '640221100',
    kind: 'rural',
    benefitCents: 60000,
    insuredPersons: 2,
    members: [
      { id: id(8), name: '平' },
      { id: id(9), name: '罗' },
    ],
  });
  // Benefit history of 隆德县 (分): Jan–Feb 500.00; Mar–Apr 1,500.00; May 1,800.00; Jun 1,700.00.
  await addBenefitChange(c, h2.id, { kind: '存量', before: 0, after: 50000, month: '2019-01-01', reason: '存量' });
  await addBenefitChange(c, h1.id, { kind: '新增', before: 0, after: 100000, month: '2019-03-01', reason: '新增' });
  await addBenefitChange(c, h3.id, { kind: '新增', before: 0, after: 30000, month: '2019-05-01', reason: '新增' });
  await addBenefitChange(c, h3.id, { kind: '减发', before: 30000, after: 20000, month: '2019-06-01', reason: '收入增加' });
  // Processing times (working days after 受理, decision day counted), on the 2019 calendar:
  // pilot A 04-26 → 05-10: 04-28 (调休上班), 04-29, 04-30, [05-01..05-04 劳动节], 05-05 (调休上班), 05-06..05-10 = 9
  // pilot B 06-03 → 06-14: 06-04, [06-05, 06-06 开斋节 (宁夏)], [06-07 端午], 06-10..06-14 = 6
  // other C 04-01 → 04-12: 04-02..04-04, [04-05 清明], 04-08..04-12 = 8
  // other E 03-01 → 04-19: 03-04..03-29 = 20, 04-01..04-04 = 4, 04-08..04-19 = 10 → 34 (> 30: late)
  // other F decided 2018-12-28: outside the period, not counted.
  await application(h1.id, '640423', 'township', '2019-04-26', '2019-05-10');
  await application(h3.id, '640423', 'township', '2019-06-03', '2019-06-14');
  await application(p1.id, '640221', 'county', '2019-04-01', '2019-04-12');
  await application(p1.id, '640221', 'county', '2019-03-01', '2019-04-19');
  await application(p1.id, '640221', 'county', '2018-12-01', '2018-12-28');
});
afterAll(() => t?.close());

describe('低保统计 (hand-computed)', () => {
  it('compares pilot (township-confirmed) and other cases in working days, with the on-time rate', async () => {
    const r = await lead.get(`/api/dibao/stats?${P}`);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json().processing;
    expect(p.pilot).toEqual({ cases: 2, avgWorkdays: 7.5, medianWorkdays: 7.5, onTime: 2, onTimeRate: 1 });
    expect(p.others).toEqual({ cases: 2, avgWorkdays: 21, medianWorkdays: 21, onTime: 1, onTimeRate: 0.5 });
    expect(p.all).toMatchObject({ cases: 4, onTime: 3, onTimeRate: 0.75 });
    // (21 − 7.5) = 13.5 working days; 13.5 / 21 = 64.3 %
    expect([p.differenceWorkdays, p.differencePct]).toEqual([13.5, 64.3]);
    expect(p.statement).toContain('平均 7.5 个工作日');
    expect(p.statement).toContain('试点平均缩短 13.5 个工作日（64.3%）');
    expect(p.byCounty).toEqual([
      { code: '640221', name: '平罗县', authority: 'county', cases: 2, avgWorkdays: 21, onTimeRate: 0.5 },
      { code: '640423', name: '隆德县', authority: 'township', cases: 2, avgWorkdays: 7.5, onTimeRate: 1 },
    ]);
  });

  it('counts a special case against the longer limit', async () => {
    await sql`update dibao.application set special = true where accepted_on = '2019-03-01'`.execute(t.ctx.db);
    const p = (await lead.get(`/api/dibao/stats?${P}`)).json().processing;
    expect(p.others).toMatchObject({ onTime: 2, onTimeRate: 1 }); // 34 ≤ 45
    await sql`update dibao.application set special = false where accepted_on = '2019-03-01'`.execute(t.ctx.db);
  });

  it('counts households and persons by area one level down, urban/rural and type', async () => {
    const s = (await lead.get(`/api/dibao/stats?area=640400&${P}`)).json();
    expect(s.byArea).toEqual([{ code: '640423', name: '隆德县', households: 3, persons: 6, monthlyCents: 175000 }]);
    expect(s.totals).toEqual({ households: 3, persons: 6, monthlyCents: 175000 });
    expect(s.byKind).toEqual([
      { kind: 'urban', households: 1, persons: 1 },
      { kind: 'rural', households: 2, persons: 5 },
    ]);
    expect(s.byType).toEqual([
      { type: '重残重病户', households: 1, persons: 3 },
      { type: '老年户', households: 1, persons: 1 },
      { type: '一般户', households: 1, persons: 2 },
    ]);
    const region = (await lead.get(`/api/dibao/stats?${P}`)).json();
    expect(region.byArea.map((a: any) => [a.code, a.households])).toEqual([
      ['640200', 1],
      ['640400', 3],
    ]);
  });

  it('scopes to the county: 隆德 sees only its pilot cases and its households; 平罗 cannot ask for 隆德', async () => {
    const s = (await ld.get(`/api/dibao/stats?${P}`)).json();
    expect(s.area.code).toBe('640423');
    expect(s.totals.households).toBe(3);
    expect(s.processing.pilot.cases).toBe(2);
    expect(s.processing.others.cases).toBe(0);
    expect(s.processing.differenceWorkdays).toBeNull();
    expect((await pl.get('/api/dibao/stats?area=640423')).statusCode).toBe(404);
  });

  it('refuses a date that does not exist or lies outside the calendar with 400, naming the field', async () => {
    for (const q of ['to=2019-02-30', 'to=1800-06-30', 'from=2019-13-01']) {
      const r = await ld.get(`/api/dibao/stats?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.body).toContain(q.split('=')[0]);
    }
  });

  it('takes spending from the benefit history, and from the roster where one exists', async () => {
    const s = (await ld.get(`/api/dibao/stats?${P}`)).json();
    expect(s.spending).toEqual([
      { month: '2019-01', cents: 50000, source: '待遇记录' },
      { month: '2019-02', cents: 50000, source: '待遇记录' },
      { month: '2019-03', cents: 150000, source: '待遇记录' },
      { month: '2019-04', cents: 150000, source: '待遇记录' },
      { month: '2019-05', cents: 180000, source: '待遇记录' },
      { month: '2019-06', cents: 170000, source: '待遇记录' },
    ]);
    expect((await ld.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-06' })).statusCode).toBe(201);
    const after = (await ld.get(`/api/dibao/stats?${P}`)).json();
    // June roster: h1 1,000.00 + h2 550.00 (its current benefit) + h3 200.00 = 1,750.00
    expect(after.spending.at(-1)).toEqual({ month: '2019-06', cents: 175000, source: '名册' });
  });

  it('exports the statistics as xlsx with the pilot statement', async () => {
    const r = await lead.get(`/api/dibao/stats.xlsx?${P}`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const sum = wb.getWorksheet('汇总')!;
    const rows = new Map<string, unknown>();
    sum.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('试点平均办理工作日')).toBe(7.5);
    expect(rows.get('其他平均办理工作日')).toBe(21);
    expect(String(rows.get('试点对比'))).toContain('试点平均缩短 13.5 个工作日');
    expect(sum.getCell('A1').value).toMatch(/最低生活保障统计表（汇总）$/);
    expect(String(sum.getCell('A2').value)).toMatch(/^填报单位：\S+/);
    const times = wb.getWorksheet('办理时长')!;
    expect(times.getRow(3).getCell(1).value).toBe('县（区）');
    expect(times.getRow(4).values).toEqual([undefined, '平罗县', '县级', 2, 21, 0.5]);
    expect(times.getRow(4).getCell(5).numFmt).toBe('0.0%');
    const spend = wb.getWorksheet('月支出')!.getRow(4);
    expect([spend.getCell(1).type, spend.getCell(2).type]).toEqual([ExcelJS.ValueType.Date, ExcelJS.ValueType.Number]);
  });
});
