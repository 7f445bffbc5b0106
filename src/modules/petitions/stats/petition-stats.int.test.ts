import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../../kernel/codes/index.ts';
import { seedDemoPetitions } from '../demo/seed-demo-petitions.ts';

/**
 * 信访统计 on a small fixture registered in 2024 (the demo data lives in 2019 and the current
 * year, so 2024 holds only these rows). Expected figures are computed by hand below.
 *
 * P1 2024-03-05 nx-fgc 来访 6 人 (代表 5) 自治区信访局 低保 @640104 → 银川市 → 兴庆区, accepted, 支持, delivered, 满意, closed after the 复查 window (on time)
 * P2 2024-04-10 xq-mzj 来信 2 人 养老服务 @640104001 → refused after 3 days (on time)
 * P3 2024-05-20 ld-mzj 电话 12345 殡葬 @640423 → refused after 20 days (甄别 15 日 missed: not on time)
 * P4 2024-06-03 xq-mzj 网上信访 低保 @640104 → still registered
 * P0 2023-12-20 xq-mzj 来信 (outside the period)
 */
const clock = manualClock(new Date('2023-12-20T02:00:00Z'));
const at = (iso: string) => clock.set(new Date(iso));
const ID = (first17: string) => first17 + residentIdCheckChar(first17);
let t: TestApp;
let fgc: Session, yc: Session, xq: Session, xqLead: Session, ld: Session;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const ok = async (p: Promise<{ statusCode: number; body: string }>, code = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(code);
  return r as any;
};
const petition = (over: Record<string, unknown>) => ({
  title: '统计测试事项',
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode: '640104',
  content: '统计测试：请求核查家庭经济状况并依法处理，内容足够长以通过校验。',
  ...over,
});
const YEAR = 'from=2024-01-01&to=2024-12-31';

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, yc, xq, xqLead, ld] = await Promise.all(['nx-fgc', 'yc-mzj', 'xq-mzj', 'xq-mzj-lead', 'ld-mzj'].map((u) => t.login(u)));

  await ok(xq.post('/api/petitions', petition({ channel: '来信', title: 'P0', petitioners: [{ name: '零某', idNumber: ID('64010419700101001') }] })), 201);

  at('2024-03-05T02:00:00Z');
  const p1 = (
    await ok(
      fgc.post(
        '/api/petitions',
        petition({
          title: 'P1',
          channel: '来访',
          sourceBody: '自治区信访局',
          sourceRef: '宁信转〔2024〕1号',
          visitBatch: 1,
          visitPersons: 6,
          representatives: 5,
          petitioners: [
            { name: '马某', idNumber: ID('64010419800101123') },
            { name: '杨某', idNumber: ID('64010419810202234'), role: '代表' },
          ],
        }),
      ),
      201,
    )
  ).json().id;
  at('2024-03-06T02:00:00Z');
  await ok(fgc.post(`/api/cases/${p1}/handoff`, { kind: 'transfer', toOrgId: await org('640100-mzj') }));
  await ok(yc.post(`/api/cases/${p1}/acknowledge`, {}));
  await ok(yc.post(`/api/cases/${p1}/handoff`, { kind: 'transfer', toOrgId: await org('640104-mzj') }));
  await ok(xq.post(`/api/cases/${p1}/acknowledge`, {}));
  at('2024-03-08T02:00:00Z');
  await ok(xq.post(`/api/cases/${p1}/transitions/accept`, { input: {} }));
  await ok(xq.post(`/api/cases/${p1}/transitions/start`, {}));
  at('2024-04-01T02:00:00Z');
  await ok(xq.post(`/api/cases/${p1}/transitions/draft`, { input: { opinion: '支持', text: '经核查，予以支持。' } }));
  await ok(xqLead.post(`/api/cases/${p1}/transitions/approve`, {}));
  await ok(xq.post(`/api/cases/${p1}/transitions/deliver`, { input: { method: '当面送达', date: '2024-04-01' } }));
  await sql`update petitions.petition set satisfaction = '满意', rated_at = ${clock.now()} where case_id = ${p1}`.execute(t.ctx.db);

  at('2024-04-10T02:00:00Z');
  const p2 = (
    await ok(xq.post('/api/petitions', petition({ title: 'P2', channel: '来信', visitPersons: 2, subject: '养老服务', concernedAreaCode: '640104001' })), 201)
  ).json().id;
  at('2024-04-13T02:00:00Z');
  await ok(xq.post(`/api/cases/${p2}/transitions/refuse`, { input: { reasonCode: 'statutory_route' }, comment: '应通过行政复议解决' }));

  at('2024-05-20T02:00:00Z');
  const p3 = (
    await ok(ld.post('/api/petitions', petition({ title: 'P3', channel: '电话', sourceBody: '12345', subject: '殡葬', concernedAreaCode: '640423' })), 201)
  ).json().id;
  at('2024-06-09T02:00:00Z');
  await ok(ld.post(`/api/cases/${p3}/transitions/refuse`, { input: { reasonCode: 'not_competent' }, comment: '不属于本机关职权' }));

  at('2024-06-03T02:00:00Z');
  await ok(xq.post('/api/petitions', petition({ title: 'P4', channel: '网上信访' })), 201);
  // 办结 once the 复查 window has run out: received 04-01, 30 日 → 05-01 (劳动节) rolled to 05-06.
  at('2024-05-07T02:00:00Z');
  await ok(xq.post(`/api/cases/${p1}/transitions/close`, {}));
  at('2024-07-01T02:00:00Z');
}, 120_000);
afterAll(() => t?.close());

const stats = async (s: Session, qs = YEAR) => (await ok(s.get(`/api/petitions/stats?${qs}`))).json();
const row = (rows: any[], key: string) => rows.find((r) => r.key === key);

describe('GET /api/petitions/stats', () => {
  it('counts 件，批/人次，办结，按期，满意 for the region as computed by hand', async () => {
    const s = await stats(fgc);
    expect(s).toMatchObject({ from: '2024-01-01', to: '2024-12-31', unit: 'month' });
    expect(s.summary).toEqual({
      items: 4,
      batches: 2,
      persons: 8,
      concluded: 3,
      concludedOnTime: 2,
      onTimeRate: 0.6667,
      rated: 1,
      satisfied: 1,
      satisfactionRate: 1,
      repeat: 0,
      skipLevel: 1,
      concludedRate: 0.75,
    });
  });

  it('splits every dimension', async () => {
    const d = (await stats(fgc)).dimensions;
    expect(d.period).toHaveLength(12);
    expect(d.period.filter((r: any) => r.items).map((r: any) => [r.key, r.items])).toEqual([
      ['2024-03', 1],
      ['2024-04', 1],
      ['2024-05', 1],
      ['2024-06', 1],
    ]);
    expect(row(d.channel, '来访')).toMatchObject({ items: 1, batches: 1, persons: 6 });
    expect(row(d.channel, '来信')).toMatchObject({ items: 1, batches: 1, persons: 2, concluded: 1, concludedOnTime: 1 });
    expect(row(d.channel, '电话')).toMatchObject({ items: 1, batches: 0, persons: 0, concluded: 1, concludedOnTime: 0, onTimeRate: 0 });
    expect(row(d.source, '自治区信访局').items).toBe(1);
    expect(row(d.source, '12345').items).toBe(1);
    expect(row(d.source, '直接受理').items).toBe(2);
    expect(row(d.source, '民政部').items).toBe(0);
    expect(d.outcome.map((r: any) => [r.key, r.items])).toEqual([
      ['支持', 1],
      ['解释说明', 0],
      ['不予支持', 0],
      ['不予受理', 2],
      ['未出结论', 1],
    ]);
    expect(d.area.map((r: any) => [r.key, r.label, r.items])).toEqual([
      ['640100', '银川市', 3],
      ['640400', '固原市', 1],
    ]);
    expect(row(d.subject, '低保').items).toBe(2);
    expect(row(d.state, 'closed')).toMatchObject({ label: '办结', items: 1 });
    expect(row(d.state, 'refused').items).toBe(2);
  });

  it('drills down one level at a time and by quarter', async () => {
    const s = await stats(fgc, `${YEAR}&area=640104&unit=quarter`);
    expect(s.area).toMatchObject({ code: '640104', name: '兴庆区', level: 3, parentCode: '640100' });
    expect(s.summary.items).toBe(3);
    expect(s.dimensions.area.map((r: any) => [r.label, r.items])).toEqual([
      ['兴庆区（本级）', 2],
      ['凤凰北街街道', 1],
    ]);
    expect(s.dimensions.period.map((r: any) => [r.key, r.items])).toEqual([
      ['2024-Q1', 1],
      ['2024-Q2', 2],
      ['2024-Q3', 0],
      ['2024-Q4', 0],
    ]);
  });

  it('narrows to one 信访类别 (drill-down by category)', async () => {
    const s = await stats(fgc, `${YEAR}&category=${encodeURIComponent('申诉求决')}`);
    expect(s).toMatchObject({ category: '申诉求决', area: null });
    expect(s.summary.items).toBe(4);
    expect(s.dimensions.category.map((r: any) => [r.key, r.items])).toEqual([
      ['建议意见', 0],
      ['检举控告', 0],
      ['申诉求决', 4],
      ['其他', 0],
    ]);
    expect((await stats(fgc, `${YEAR}&area=640104&category=${encodeURIComponent('建议意见')}`)).summary.items).toBe(0);
    const bad = await fgc.get(`/api/petitions/stats?${YEAR}&category=x`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('信访类别');
  });

  it("gives the report paragraph figures for the viewer's own level", async () => {
    expect((await stats(fgc)).report).toEqual({
      areaCode: '640000',
      areaName: '宁夏回族自治区',
      items: 1,
      letterVisitBatches: 1,
      letterVisitPersons: 6,
      fromXfj: 1,
      fromMca: 0,
      from12345: 0,
      concluded: 1,
      allConcluded: true,
      transferred: expect.any(Number),
      assigned: expect.any(Number),
      supervised: expect.any(Number),
      complainedOrgs: [],
      reception: { letters: { batches: 0, persons: 0 }, visits: { batches: 0, persons: 0 } },
    });
    expect((await stats(xq)).report).toMatchObject({
      areaCode: '640104',
      items: 2,
      letterVisitBatches: 1,
      letterVisitPersons: 2,
      concluded: 1,
      allConcluded: false,
    });
  });

  it('counts only what the user may read: a county never sees another county', async () => {
    const x = await stats(xq);
    expect(x.summary.items).toBe(3); // P1 (transferred to it), P2, P4 — not 隆德县's P3
    expect(x.dimensions.area.map((r: any) => [r.label, r.items])).toEqual([
      ['兴庆区（本级）', 2],
      ['凤凰北街街道', 1],
    ]);
    const l = await stats(ld);
    expect(l.summary.items).toBe(1);
    expect(l.summary.concludedOnTime).toBe(0);
    // drilling into another county answers 404, as for an unknown area (like 低保's statistics)
    const other = await ld.get(`/api/petitions/stats?${YEAR}&area=640104`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('AREA_NOT_FOUND');
    expect((await ld.get(`/api/petitions/stats.xlsx?${YEAR}&area=640104`)).statusCode).toBe(404);
    // the city sees what it handed on (P1) and its subtree
    expect((await stats(yc)).summary.items).toBe(3);
  });

  it('rejects bad input in Chinese, naming the field, and needs a session', async () => {
    const bad = await fgc.get('/api/petitions/stats?from=2024-13&to=2024-12-31');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('from');
    const rev = await fgc.get('/api/petitions/stats?from=2024-12-31&to=2024-01-01');
    expect(rev.statusCode).toBe(400);
    expect(rev.json().title).toContain('开始日期');
    expect((await fgc.get(`/api/petitions/stats?${YEAR}&area=999999`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/petitions/stats' })).statusCode).toBe(401);
  });
});

describe('GET /api/petitions/stats.xlsx', () => {
  it('exports a workbook with a summary sheet and one sheet per dimension, Chinese headers', async () => {
    const r = await ok(fgc.get(`/api/petitions/stats.xlsx?${YEAR}`));
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('信访统计_2024-01-01_2024-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按时间', '按渠道', '按来源', '按地区', '按类别', '按业务', '按处理结果', '按办理状态', '说明']);
    const sum = wb.getWorksheet('汇总')!;
    // A 统计报表's head: the title, the 填报单位（the exporter's unit) and 填报日期, then the header row.
    expect(sum.getCell('A1').value).toMatch(/^2024年度\S+信访事项统计表（汇总）$/);
    expect(sum.getCell('A2').value).toBe('填报单位：宁夏回族自治区民政厅政策法规处');
    expect(String(sum.getCell('C2').value)).toMatch(/^填报日期：20\d\d年\d{1,2}月\d{1,2}日$/);
    const row = (label: string) =>
      sum
        .getRows(4, sum.rowCount - 3)!
        .find((r) => r.getCell(1).value === label)!
        .getCell(2);
    expect(row('信访件数（件）').value).toBe(4);
    expect(row('来信来访人次（人次）').value).toBe(8);
    // Rates are numbers with a percent format, not text.
    expect(row('按期办结率').value).toBe(0.6667);
    expect(row('按期办结率').numFmt).toBe('0.0%');
    expect(row('自治区信访局转办交办（件）').value).toBe(1);
    expect(row('统计区间').value).toBe('2024年1月1日至2024年12月31日');
    const ch = wb.getWorksheet('按渠道')!;
    expect(ch.getCell('A1').value).toMatch(/^2024年度\S+信访事项统计表（按渠道）$/);
    expect((ch.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['信访渠道', '件数', '来信来访批次', '来信来访人次']);
    expect(ch.getRow(4).getCell(7).type).toBe(ExcelJS.ValueType.Number);
    expect(wb.getWorksheet('说明')!.getRow(5).getCell(2).type).toBe(ExcelJS.ValueType.Date);
    const visit = ch.getSheetValues().find((v: any) => v?.[1] === '来访') as unknown[];
    expect(visit.slice(2, 5)).toEqual([1, 1, 6]);
    expect((ch.getSheetValues().at(-1) as unknown[])[1]).toBe('合计');
  });

  it("exports only the caller's scope", async () => {
    const r = await ok(ld.get(`/api/petitions/stats.xlsx?${YEAR}`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload);
    const sum = wb.getWorksheet('汇总')!;
    expect((sum.getSheetValues().find((v: any) => v?.[1] === '信访件数（件）') as any)?.[2]).toBe(1);
    expect(sum.getCell('A2').value).toMatch(/^填报单位：隆德县/);
  });
});

describe('demo year 2019 (the demo history seed)', () => {
  beforeAll(async () => {
    const r = await seedDemoPetitions(t.ctx, { now: new Date('2026-11-30T02:00:00Z') });
    expect(r.failed).toEqual([]);
  }, 600_000);
  it('opens on the current year by the clock without a period, not the busiest year (2019)', async () => {
    const s = await stats(fgc, 'unit=month');
    const year = new Date(clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
    expect(s).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31` });
    expect(year).not.toBe(2019);
  });
  it('reproduces the report paragraph: 63 件，53 批 153 人次，40 + 19 transferred, all concluded', async () => {
    const s = await stats(fgc, 'from=2019-01-01&to=2019-12-31');
    expect(s.report).toMatchObject({
      areaCode: '640000',
      items: 63,
      letterVisitBatches: 53,
      letterVisitPersons: 153,
      fromXfj: 40,
      fromMca: 19,
      allConcluded: true,
    });
    const states = new Set(s.dimensions.state.map((r: any) => r.key));
    for (const st of [
      'registered',
      'accepted',
      'refused',
      'simple',
      'handling',
      'drafted',
      'approved',
      'delivered',
      'closed',
      'review_requested',
      'reviewing',
      'reviewed',
      'recheck_requested',
      'rechecking',
      'final',
    ]) {
      expect(states, st).toContain(st);
    }
    expect(s.summary.repeat).toBeGreaterThan(0);
    expect(s.summary.skipLevel).toBeGreaterThan(0);
    expect(s.summary.rated).toBeGreaterThan(0);
    const pending = await sql<{ n: number }>`select count(*)::int as n from core.case c join petitions.petition p on p.case_id = c.id
      where p.is_demo and c.pending_handoff and c.created_at < '2020-01-01'`.execute(t.ctx.db);
    expect(pending.rows[0]!.n).toBeGreaterThan(0);
  });

  it('has a previous year (2025) and this year to date over many areas, for 同比: concluded mostly in time, a few late', async () => {
    const y2025 = await stats(fgc, 'from=2025-01-01&to=2025-12-31');
    const y2026 = await stats(fgc, 'from=2026-01-01&to=2026-11-29');
    for (const s of [y2025, y2026]) {
      expect(s.summary.items).toBeGreaterThanOrEqual(20);
      expect(s.summary.concludedOnTime).toBeLessThan(s.summary.concluded);
      expect(s.summary.concludedOnTime / s.summary.concluded).toBeGreaterThan(0.75);
    }
    expect(y2025.summary.concluded).toBe(y2025.summary.items);
    // Each city has work in 2025, and the cities do not all move the same way.
    const cities = ['640100', '640200', '640300', '640400', '640500'];
    const byCity = async (from: string, to: string) => {
      const rows = await sql<{ city: string; n: number }>`select substr(c.area_code, 1, 4) || '00' as city, count(*)::int as n from core.case c
        join petitions.petition p on p.case_id = c.id where p.is_demo and c.created_at >= ${from}::date and c.created_at < ${to}::date group by 1`.execute(
        t.ctx.db,
      );
      return Object.fromEntries(cities.map((c) => [c, rows.rows.find((r) => r.city === c)?.n ?? 0]));
    };
    const a = await byCity('2025-01-01', '2026-01-01');
    const b = await byCity('2026-01-01', '2026-12-01');
    for (const c of cities) expect(a[c], c).toBeGreaterThan(0);
    expect(cities.some((c) => b[c]! > a[c]!) && cities.some((c) => b[c]! < a[c]!), JSON.stringify({ a, b })).toBe(true);
  });

  it('queued no timers and no supervision for 2019, and its clocks are settled', async () => {
    const open = await sql<{ n: number }>`select count(*)::int as n from core.deadline_clock k join petitions.petition p on p.case_id = k.case_id
      where p.is_demo and k.state in ('running','paused') and k.start_date < '2020-01-01' and (k.overdue_for is distinct from k.due_date)`.execute(t.ctx.db);
    expect(open.rows[0]!.n).toBe(0);
    const sup = await sql<{
      n: number;
    }>`select count(*)::int as n from core.case_supervision s join petitions.petition p on p.case_id = s.case_id where p.is_demo`.execute(t.ctx.db);
    expect(sup.rows[0]!.n).toBe(0);
    const notes = await sql<{ n: number }>`select count(*)::int as n from core.notification n join core.case c on c.id = n.case_id
      join petitions.petition p on p.case_id = c.id where p.is_demo and c.created_at < '2020-01-01'`.execute(t.ctx.db);
    expect(notes.rows[0]!.n).toBe(0);
  });
});
