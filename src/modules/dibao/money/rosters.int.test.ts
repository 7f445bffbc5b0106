import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { addBenefitChange, idOf, insertHousehold } from './test-fixtures.ts';

// Hand-made fixtures: 隆德县 (640423) townships 城关镇 640423100 / 沙塘镇 640423101, 平罗县 640221100.
const clock = manualClock(new Date('2019-06-10T02:00:00Z'));
let t: TestApp;
let ld: Session, pl: Session, lead: Session, ldTown: Session;
const id = (n: number) => idOf(`64042319800101${String(n).padStart(3, '0')}`);
const H: Record<string, { id: string; memberIds: string[] }> = {};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [ld, pl, lead, ldTown] = await Promise.all([t.login('ld-mzj'), t.login('pl-mzj'), t.login('nx-fgc-lead'), t.login('ld-cgz')]);
  const c = t.ctx;
  H.h1 = await insertHousehold(c, {
    areaCode: '640423100',
    benefitCents: 90000,
    insuredPersons: 3,
    members: [
      { id: id(1), name: '马一' },
      { id: id(2), name: '马二' },
      { id: id(3), name: '马三' },
    ],
  });
  H.h2 = await insertHousehold(c, { areaCode: '640423101', benefitCents: 34500, insuredPersons: 1, members: [{ id: id(4), name: '李四' }] });
  H.h3 = await insertHousehold(c, {
    areaCode: '640423100',
    benefitCents: 50000,
    insuredPersons: 1,
    benefitFrom: '2019-07-01',
    members: [{ id: id(5), name: '未到期' }],
  });
  H.h4 = await insertHousehold(c, {
    areaCode: '640423100',
    status: 'suspended',
    benefitCents: 50000,
    insuredPersons: 1,
    members: [{ id: id(6), name: '暂停户' }],
  });
  H.h5 = await insertHousehold(c, {
    areaCode: '640423100',
    benefitCents: 10000,
    insuredPersons: 1,
    gradualExitUntil: '2019-05-01',
    members: [{ id: id(7), name: '渐退户' }],
  });
  H.p1 = await insertHousehold(c, {
    areaCode: '640221100',
    benefitCents: 60000,
    insuredPersons: 2,
    members: [
      { id: id(8), name: '平罗户主' },
      { id: id(9), name: '王迁' },
    ],
  });
  await addBenefitChange(c, H.h5.id, { kind: '减发', before: 30000, after: 10000, month: '2019-05-01', reason: '收入增加,进入渐退期' });
});
afterAll(() => t?.close());

describe('发放名册: generate, check, approve (hand-computed fixtures)', () => {
  let may = '';
  it('generates the May roster of 隆德县 from active households paid from ≤ May, 渐退 included', async () => {
    const r = await ld.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-05' });
    expect(r.statusCode, r.body).toBe(201);
    // h1 900.00 (3 人) + h2 345.00 (1 人) + h5 100.00 (1 人, 渐退); h3 not yet, h4 suspended, p1 in 平罗
    expect(r.json()).toMatchObject({ households: 3, persons: 5, totalCents: 134500, version: 1, changes: 1 });
    expect((await ld.post('/api/dibao/rosters', { countyCode: '640423', month: '0001-01' })).statusCode).toBe(400);
    may = r.json().id;
    const d = (await ld.get(`/api/dibao/rosters/${may}`)).json();
    expect(d.lines.items.map((l: any) => l.householdId).sort()).toEqual([H.h1!.id, H.h2!.id, H.h5!.id].sort());
    expect(d.lines.items.find((l: any) => l.householdId === H.h5!.id)).toMatchObject({ gradualExit: true, amountCents: 10000 });
    expect(d.lines.items.find((l: any) => l.householdId === H.h1!.id)).toMatchObject({
      headName: '马一',
      headIdMasked: `640${'*'.repeat(11)}${id(1).slice(-4)}`,
      insuredPersons: 3,
    });
    // No April roster: the changes are the benefit changes effective in May.
    expect(d.changes.items).toEqual([
      { householdId: H.h5!.id, kind: '减发', beforeCents: 30000, afterCents: 10000, headName: '渐退户', reason: '收入增加,进入渐退期' },
    ]);
  });

  it('refuses approval before a check, then approves a clean roster (leader only) and freezes it', async () => {
    expect((await lead.post(`/api/dibao/rosters/${may}/approve`, {})).json().code).toBe('ROSTER_NOT_CHECKED');
    const c = await ld.post(`/api/dibao/rosters/${may}/check`, {});
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ problems: 0 });
    expect((await ld.post(`/api/dibao/rosters/${may}/approve`, {})).statusCode).toBe(403);
    const a = await lead.post(`/api/dibao/rosters/${may}/approve`, {});
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().status).toBe('approved');
    const again = await ld.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-05' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ROSTER_APPROVED');
  });

  let june = '';
  it('lists 新增/增发/停发 against May with the reasons from the benefit history', async () => {
    await sql`update dibao.household set benefit_cents = 40000 where id = ${H.h2!.id}`.execute(t.ctx.db);
    await addBenefitChange(t.ctx, H.h2!.id, { kind: '增发', before: 34500, after: 40000, month: '2019-06-01', reason: '保障标准提高' });
    H.h6 = await insertHousehold(t.ctx, {
      areaCode: '640423100',
      benefitCents: 20000,
      insuredPersons: 2,
      benefitFrom: '2019-06-01',
      members: [{ id: id(10), name: '新户' }],
    });
    await addBenefitChange(t.ctx, H.h6.id, { kind: '新增', before: 0, after: 20000, month: '2019-06-01', reason: '新申请经乡镇确认' });
    H.h7 = await insertHousehold(t.ctx, {
      areaCode: '640423101',
      benefitCents: 0,
      insuredPersons: 1,
      benefitFrom: '2019-06-01',
      members: [{ id: id(11), name: '零元户' }],
    });
    // 王迁 is paid in 平罗's June roster, then moves into h6 in 隆德 before 隆德's June roster is made.
    const pr = await pl.post('/api/dibao/rosters', { countyCode: '640221', month: '2019-06' });
    expect(pr.statusCode, pr.body).toBe(201);
    expect(pr.json()).toMatchObject({ households: 1, persons: 2, totalCents: 60000 });
    await sql`update dibao.member set active = false, left_reason = '迁出', left_on = '2019-06-05' where id = ${H.p1!.memberIds[1]!}`.execute(t.ctx.db);
    await sql`insert into dibao.member (id, household_id, name, id_number_enc, id_number_masked, id_hash, relation, insured)
      select gen_random_uuid(), ${H.h6.id}, name, id_number_enc, id_number_masked, id_hash, '配偶', true from dibao.member where id = ${H.p1!.memberIds[1]!}`.execute(
      t.ctx.db,
    );

    const r = await ld.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-06' });
    expect(r.statusCode, r.body).toBe(201);
    // h1 900.00 ×3 + h2 400.00 ×1 + h6 200.00 ×2 + h7 0.00 ×1; h5's 渐退 ended in May
    expect(r.json()).toMatchObject({ households: 4, persons: 7, totalCents: 150000 });
    june = r.json().id;
    const d = (await ld.get(`/api/dibao/rosters/${june}`)).json();
    expect(d.changes.counts).toEqual({ 新增: 2, 增发: 1, 停发: 1 });
    const by = (hid: string) => d.changes.items.find((c: any) => c.householdId === hid);
    expect(by(H.h2!.id)).toMatchObject({ kind: '增发', beforeCents: 34500, afterCents: 40000, reason: '保障标准提高' });
    expect(by(H.h6!.id)).toMatchObject({ kind: '新增', beforeCents: 0, afterCents: 20000, reason: '新申请经乡镇确认' });
    expect(by(H.h5!.id)).toMatchObject({ kind: '停发', beforeCents: 10000, afterCents: 0, reason: '收入增加,进入渐退期' });
    expect(by(H.h7!.id)).toMatchObject({ kind: '新增', afterCents: 0 });
  });

  it('check lists each problem on its line: paid twice, deceased counted, amount changed, zero amount, out of county', async () => {
    await sql`update dibao.member set active = false, left_reason = '死亡', left_on = '2019-06-02' where id = ${H.h1!.memberIds[2]!}`.execute(t.ctx.db);
    await sql`update dibao.household set benefit_cents = 45000 where id = ${H.h2!.id}`.execute(t.ctx.db);
    await sql`update dibao.household set area_code = '640221100', area_path = (select path from core.area where code = '640221100') where id = ${H.h7!.id}`.execute(
      t.ctx.db,
    );
    const c = await ld.post(`/api/dibao/rosters/${june}/check`, {});
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({
      problems: 5,
      byCode: { DUPLICATE_PERSON: 1, MEMBER_LEFT: 1, AMOUNT_MISMATCH: 1, NONPOSITIVE_AMOUNT: 1, OUT_OF_COUNTY: 1 },
    });
    const d = (await ld.get(`/api/dibao/rosters/${june}?problemsOnly=1`)).json();
    expect(d.lines.total).toBe(4);
    const probs = (hid: string) =>
      d.lines.items
        .find((l: any) => l.householdId === hid)
        .problems.map((p: any) => `${p.code}:${p.message}`)
        .sort();
    const masked = (n: number) => `640${'*'.repeat(11)}${id(n).slice(-4)}`;
    expect(probs(H.h1!.id)).toEqual([`MEMBER_LEFT:成员 马三（${masked(3)}）已死亡（2019-06-02），仍计入保障人数（名册 3 人，在册保障成员 2 人）`]);
    expect(probs(H.h2!.id)).toEqual(['AMOUNT_MISMATCH:名册金额 400.00 元与家庭当前待遇 450.00 元不一致']);
    expect(probs(H.h6!.id)).toEqual([`DUPLICATE_PERSON:成员 王迁（${masked(9)}）同时在平罗县本月名册第 1 行发放`]);
    expect(probs(H.h7!.id)).toEqual(['NONPOSITIVE_AMOUNT:发放金额为 0.00 元（应大于零）', 'OUT_OF_COUNTY:家庭户籍地「城关镇」不在本县（区）']);
    const a = await lead.post(`/api/dibao/rosters/${june}/approve`, {});
    expect(a.statusCode).toBe(409);
    expect(a.json()).toMatchObject({ code: 'ROSTER_PROBLEMS_OPEN' });
  });

  it('exports the roster as xlsx: Chinese headers, masked IDs, a totals row, the changes and problems', async () => {
    const r = await ld.get(`/api/dibao/rosters/${june}.xlsx`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.getWorksheet('发放名册')!;
    expect(ws.getCell('A1').value).toMatch(/城乡最低生活保障金发放名册$/);
    expect(String(ws.getCell('A2').value)).toMatch(/^填报单位：\S+/);
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '序号',
      '乡镇（街道）/村（社区）',
      '户主姓名',
      '身份证号（脱敏）',
      '城乡类别',
      '家庭住址',
      '保障人数（人）',
      '月保障金额（元）',
      '备注',
    ]);
    const rows = [4, 5, 6, 7].map((n) => ws.getRow(n));
    for (const row of rows) expect(String(row.getCell(4).value)).toMatch(/^640\*{11}\d{3}[\dX]$/);
    expect(rows.map((r) => r.getCell(8).value).reduce((s: number, v) => s + Number(v), 0)).toBe(1500);
    expect(rows[0]!.getCell(8).numFmt).toBe('#,##0.00');
    const total = ws.getRow(8);
    expect([total.getCell(1).value, total.getCell(7).value, total.getCell(8).value]).toEqual(['合计', 7, 1500]);
    const ch = wb.getWorksheet('变动情况')!;
    expect(ch.getRow(3).getCell(6).value).toBe('变动原因');
    expect(ch.rowCount).toBe(7); // title, 填报单位, header + 4 changes
    expect(wb.getWorksheet('校验问题')!.rowCount).toBe(8);
  });

  it('keeps counties apart: 平罗 cannot see or roster 隆德, a township cannot roster its county', async () => {
    expect((await pl.get(`/api/dibao/rosters/${june}`)).statusCode).toBe(404);
    expect((await pl.get(`/api/dibao/rosters/${june}.xlsx`)).statusCode).toBe(404);
    expect((await pl.post(`/api/dibao/rosters/${june}/check`, {})).statusCode).toBe(404);
    expect((await pl.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-06' })).statusCode).toBe(404);
    expect((await ldTown.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-06' })).statusCode).toBe(404);
    const list = (await pl.get('/api/dibao/rosters')).json();
    expect(list.items.map((r: any) => r.countyCode)).toEqual(['640221']);
    const all = (await lead.get('/api/dibao/rosters?month=2019-06')).json();
    expect(all.items.map((r: any) => r.countyCode).sort()).toEqual(['640221', '640423']);
    expect((await ld.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-13' })).json().title).toContain('「month」');
  });

  it('regenerates an unapproved roster in place: version 2, the lines, persons and changes replaced, the check cleared', async () => {
    // Since June was generated: h7 moved to 平罗, h2 is paid 450.00, 马三 died (h1 still counts 3 insured).
    const r = await ld.post('/api/dibao/rosters', { countyCode: '640423', month: '2019-06' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ id: june, version: 2, households: 3, persons: 6, totalCents: 155000, changes: 3 });
    const d = (await ld.get(`/api/dibao/rosters/${june}`)).json();
    expect(d.lines.items.map((l: any) => [l.householdId, l.amountCents]).sort()).toEqual(
      [
        [H.h1!.id, 90000],
        [H.h2!.id, 45000],
        [H.h6!.id, 20000],
      ].sort(),
    );
    expect(d.changes.counts).toEqual({ 新增: 1, 增发: 1, 停发: 1 });
    expect(d.changes.items.find((c: any) => c.householdId === H.h2!.id)).toMatchObject({ kind: '增发', beforeCents: 34500, afterCents: 45000 });
    const row = await sql<{ status: string; problems: number | null; checked_version: number | null; persons: number; problem_rows: number }>`
      select status, problems, checked_version, (select count(*)::int from dibao.roster_person where roster_id = r.id) as persons,
             (select count(*)::int from dibao.roster_problem where roster_id = r.id) as problem_rows
      from dibao.roster r where id = ${june}`.execute(t.ctx.db);
    // 马一, 马二 (马三 no longer active), 李四, 新户 and 王迁
    expect(row.rows[0]).toEqual({ status: 'generated', problems: null, checked_version: null, persons: 5, problem_rows: 0 });
    const audit = await sql<{ versions: number[] }>`select array_agg((after->>'version')::int order by seq) as versions from core.audit_event
      where action = 'dibao.roster.generate' and entity_id = ${june}`.execute(t.ctx.db);
    expect(audit.rows[0]!.versions).toEqual([1, 2]);
  });
});
