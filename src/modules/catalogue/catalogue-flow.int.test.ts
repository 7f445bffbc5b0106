import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoCatalogue } from './demo/seed-demo.ts';
import { recordInspection } from './commands/inspection-record.ts';
import { implCodeProblem } from './contracts/codes.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;
let fgc: Session, lead: Session, admin: Session, xj: Session, xjLead: Session, pl: Session;

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const NEW_ITEM = { baseCode: '002011060000', name: '社会救助家庭经济状况核对', typeCode: '20', legalBasis: '《社会救助暂行办法》第六十条', levels: ['3', '4'] };

// A one-text law library: legal bases naming it link to it, others stay plain text.
const LAWS_DIR = mkdtempSync(path.join(tmpdir(), 'laws-'));
writeFileSync(path.join(LAWS_DIR, '社会救助暂行办法(2019-03-02).md'), '# 社会救助暂行办法\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第六十条 申请社会救助……\n');

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000', LAWS_DIR } });
  await seedDemoCatalogue(t.ctx);
  [fgc, lead, admin, xj, xjLead, pl] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'admin', 'xj-mzj', 'xj-mzj-lead', 'pl-mzj'].map((u) => t.login(u)));
});
afterAll(async () => t?.close());

const officeOf = async (s: Session, area: string) => (await ok(s.get('/api/catalogue/offices'))).find((o: any) => o.areaCode === area);

describe('catalogue versions: drafted by one person, published by another', () => {
  let v2: string;
  it('refuses bad items with a 400 naming the problem in Chinese', async () => {
    const r = await fgc.post('/api/catalogue/versions', { title: '2020年版', effectiveOn: '2020-01-01', items: [{ ...NEW_ITEM, baseCode: '0020110600' }] });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('基本编码应为12位');
    const bad = await fgc.post('/api/catalogue/versions', { title: '2020年版', effectiveOn: '2020-01-01', items: [{ ...NEW_ITEM, typeCode: '11' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('事项类型代码');
    expect((await xj.post('/api/catalogue/versions', { title: '县里的目录', effectiveOn: '2020-01-01' })).statusCode).toBe(403);
  });

  it('copies the published version, adds an item, and only another person may publish it', async () => {
    const v1 = (await ok(fgc.get('/api/catalogue/versions')))[0];
    v2 = (await ok(fgc.post('/api/catalogue/versions', { title: '2020年版', effectiveOn: '2020-01-01', copyFrom: v1.id, items: [NEW_ITEM] }), 201)).id;
    expect((await ok(fgc.post(`/api/catalogue/versions/${v2}/submit`))).items).toBe(120);
    expect((await fgc.post(`/api/catalogue/versions/${v2}/review`, { approve: true })).statusCode).toBe(403); // clerk: no publish permission
    expect((await ok(lead.post(`/api/catalogue/versions/${v2}/review`, { approve: true, note: '同意' }))).status).toBe('published');
    expect((await lead.post(`/api/catalogue/versions/${v2}/review`, { approve: true })).statusCode).toBe(409);
  });

  it('the drafter cannot approve their own version even holding both permissions', async () => {
    const v = (await ok(admin.post('/api/catalogue/versions', { title: '测试版', effectiveOn: '2030-01-01', items: [NEW_ITEM] }), 201)).id;
    await ok(admin.post(`/api/catalogue/versions/${v}/submit`));
    const r = await admin.post(`/api/catalogue/versions/${v}/review`, { approve: true });
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('编制人不能审核');
  });

  it('a county adopts the new version; the diff then shows only what it still lacks', async () => {
    const before = await ok(xj.get('/api/catalogue/diff?areaCode=640422'));
    expect(before.missing.map((m: any) => m.name)).toContain('社会救助家庭经济状况核对');
    const office = await officeOf(xj, '640422');
    const r = await ok(xj.post(`/api/catalogue/offices/${office.id}/adopt`, {}));
    expect(r).toMatchObject({ added: 1 });
    const after = await ok(xj.get('/api/catalogue/diff?areaCode=640422'));
    expect(after.missing.map((m: any) => m.name).sort()).toEqual(['复婚登记', '离婚登记预约', '结婚登记']);
    const xlsx = await xj.get('/api/catalogue/diff.xlsx?areaCode=640422');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    expect(wb.getWorksheet('漏项')!.rowCount).toBe(6);
    expect(wb.getWorksheet('漏项')!.getCell('A1').value).toBe('西吉县政务服务事项“四级四同”比对表（漏项）');
    expect(wb.getWorksheet('漏项')!.getRow(4).getCell(2).value).toBe('西吉县');
  });
});

describe('implementation lists: the office edits its own fields, nobody else’s', () => {
  it('edits local fields with checks, and keeps the 31-character code valid', async () => {
    const office = await officeOf(xj, '640422');
    const list = await ok(xj.get(`/api/catalogue/offices/${office.id}/list`));
    const row = list.rows.find((r: any) => r.name === '养老机构备案');
    expect(implCodeProblem(row.implCode)).toBeNull();
    const body = {
      promiseDays: 5,
      legalDays: 10,
      caseKind: '承诺件',
      depth: '全程网办',
      visits: 0,
      materials: ['备案书', '消防验收材料'],
      serviceWindow: '3号窗口',
    };
    await ok(xj.put(`/api/catalogue/implementations/${row.id}`, body));
    const bad = await xj.put(`/api/catalogue/implementations/${row.id}`, { ...body, visits: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('全程网办的事项跑动次数应为0');
    const late = await xj.put(`/api/catalogue/implementations/${row.id}`, { ...body, promiseDays: 30 });
    expect(late.body).toContain('承诺时限不能长于法定时限');
    const again = await ok(xj.get(`/api/catalogue/offices/${office.id}/list`));
    expect(again.rows.find((r: any) => r.id === row.id)).toMatchObject({ promiseDays: 5, serviceWindow: '3号窗口', materials: ['备案书', '消防验收材料'] });
    const other = await officeOf(pl, '640221');
    expect((await xj.get(`/api/catalogue/offices/${other.id}/list`)).statusCode).toBe(404);
    const plRow = (await ok(pl.get(`/api/catalogue/offices/${other.id}/list`))).rows[0];
    expect((await xj.put(`/api/catalogue/implementations/${plRow.id}`, body)).statusCode).toBe(404);
  });

  it('answers 403 for the diff of an area outside the caller’s scope', async () => {
    expect((await xj.get('/api/catalogue/diff?areaCode=640221')).statusCode).toBe(403);
    expect((await xj.get('/api/catalogue/diff?areaCode=640000')).statusCode).toBe(403);
    expect((await xj.get('/api/catalogue/diff?areaCode=999999')).statusCode).toBe(404);
    expect((await xj.get('/api/catalogue/diff?areaCode=abc')).statusCode).toBe(400);
  });

  it('refuses an office with an invalid USCC', async () => {
    const org = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640422100-gov').executeTakeFirstOrThrow();
    const r = await xj.post('/api/catalogue/offices', { orgUnitId: org.id, name: '将台堡镇人民政府', uscc: '11640422MB1234567X' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('统一社会信用代码');
  });
});

describe('power list 划转 and 互联网+监管', () => {
  it('transfers a power on a date as an audited act; the list as of dates before and after differs', async () => {
    const list = await ok(fgc.get('/api/catalogue/powers?asOf=2026-12-01&typeCode=08'));
    const p = list.items[0];
    const bad = await fgc.post(`/api/catalogue/powers/${p.id}/transfer`, {
      toBody: '自治区人力资源和社会保障厅',
      transferredOn: '2018-01-01',
      basis: '机构改革',
    });
    expect(bad.statusCode).toBe(400);
    await ok(
      fgc.post(`/api/catalogue/powers/${p.id}/transfer`, { toBody: '自治区人力资源和社会保障厅', transferredOn: '2026-06-01', basis: '表彰奖励职责调整' }),
    );
    expect((await ok(fgc.get('/api/catalogue/powers?asOf=2026-05-31&typeCode=08'))).total).toBe(2);
    expect((await ok(fgc.get('/api/catalogue/powers?asOf=2026-06-01&typeCode=08'))).total).toBe(1);
    expect((await fgc.post(`/api/catalogue/powers/${p.id}/transfer`, { toBody: '另一单位', transferredOn: '2026-07-01', basis: '再次划转' })).statusCode).toBe(
      409,
    );
    const audit = await t.ctx.db
      .selectFrom('core.audit_event' as any)
      .select('action' as any)
      .where('entity_id' as any, '=', p.id)
      .execute();
    expect(audit.map((a: any) => a.action)).toContain('catalogue.power.transfer');
  });

  it('谁录入、谁审核: the county enters an inspection-list item, only another person approves it', async () => {
    const office = await officeOf(xj, '640422');
    const power = (await ok(fgc.get('/api/catalogue/powers?typeCode=06'))).items[0];
    const body = {
      kind: '检查实施清单',
      catalogueCode: '64000006119001',
      name: '对养老机构的监督检查',
      powerId: power.id,
      officeId: office.id,
      objects: '养老机构',
      basis: power.legalBasis,
    };
    expect((await xj.post('/api/catalogue/supervision', { ...body, catalogueCode: '6400000611900' })).body).toContain('14位数字');
    const s = await ok(xj.post('/api/catalogue/supervision', body), 201);
    expect(s.code).toBe(`${office.uscc}4${body.catalogueCode}`);
    // Returned without a reason → 400; the list shows it pending, entered by whom.
    const noReason = await xjLead.post(`/api/catalogue/supervision/${s.id}/review`, { approve: false, note: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('退回须说明理由');
    const listed = (await ok(xj.get('/api/catalogue/supervision'))).find((i: any) => i.id === s.id);
    expect(listed).toMatchObject({ status: 'pending', enteredBy: expect.any(String), enteredById: expect.any(String) });
    expect((await xjLead.post(`/api/catalogue/supervision/${s.id}/review`, { approve: true })).statusCode).toBe(200);
    const mine = await ok(admin.post('/api/catalogue/supervision', { ...body, catalogueCode: '64000006119002' }), 201);
    const self = await admin.post(`/api/catalogue/supervision/${mine.id}/review`, { approve: true });
    expect(self.statusCode).toBe(403);
    expect(self.body).toContain('谁监管、谁录入、谁审核');
    expect((await lead.post(`/api/catalogue/supervision/${s.id}/review`, { approve: false, note: '已审核，不再退回' })).statusCode).toBe(409);
  });

  it('records a 检查行为 against an approved inspection-list item, refusing a report before the check', async () => {
    const items = await ok(xj.get('/api/catalogue/supervision'));
    const item = items.find((i: any) => i.kind === '检查实施清单' && i.status === 'approved');
    const actor = { ...(await import('../../kernel/identity/index.ts')).SYSTEM_ACTOR, displayName: '西吉县民政局' };
    const input = {
      number: 'JC-640422-2026-001',
      name: '养老机构双随机抽查',
      inspectionCode: item.code,
      objectType: '养老机构',
      objectName: '西吉县中心敬老院',
      partyName: '西吉县中心敬老院',
      partyNature: '法人',
      partyIdType: '统一社会信用代码',
      partyCode: '12640422MB00000007',
      areaCode: '640422',
      checkForm: '现场检查',
      checkCategory: '双随机抽查',
      checkMethod: '现场检查',
      checkResult: '未发现问题',
      checkedAt: '2026-11-20T09:00:00+08:00',
      inspectors: [
        { name: '何建平', certificateNo: '64042200101' },
        { name: '马德福', certificateNo: '64042200102' },
      ],
      reportedAt: '2026-11-21T09:00:00+08:00',
    };
    await expect(recordInspection(t.ctx, actor, { ...input, reportedAt: '2026-11-19T09:00:00+08:00' })).rejects.toThrow('报送时间必须晚于检查时间');
    await expect(recordInspection(t.ctx, actor, { ...input, inspectors: [input.inspectors[0]] })).rejects.toThrow('两名以上');
    await expect(recordInspection(t.ctx, actor, { ...input, partyCode: '12640422MB0000000X' })).rejects.toThrow('相对人编码：校验码错误：应为 7，实为 X');
    const r = await recordInspection(t.ctx, actor, input);
    expect(r.id).toBeTruthy();
    await expect(recordInspection(t.ctx, actor, input)).rejects.toThrow('已存在');

    // The console's form: 检查人员 picked from certified officers (≥ 2, valid on the day), 谁录入、谁审核.
    const officer = async (name: string, certNo: string, validTo: string) =>
      (await ok(xj.post('/api/enforcement/officers', { name, certNo, validFrom: '2025-01-01', validTo }), 201)).id as string;
    const [a, b, old] = [
      await officer('杨检查', 'XJ000901', '2030-12-31'),
      await officer('田检查', 'XJ000902', '2030-12-31'),
      await officer('过期', 'XJ000903', '2026-01-01'),
    ];
    const { inspectors: _i, reportedAt: _r, ...entry } = input;
    const form = { ...entry, number: 'JC-640422-2026-002', measures: '责令限期整改', officerIds: [a, b] };
    const expired = await xj.post('/api/catalogue/inspection-records', { ...form, officerIds: [a, old] });
    expect([expired.statusCode, expired.json().title]).toEqual([422, expect.stringContaining('已于 2026-01-01 过期')]);
    const one = await xj.post('/api/catalogue/inspection-records', { ...form, officerIds: [a] });
    expect([one.statusCode, one.json().title]).toEqual([400, expect.stringContaining('两名以上')]);
    expect((await pl.post('/api/catalogue/inspection-records', form)).statusCode).toBe(400);
    const made = await ok(xj.post('/api/catalogue/inspection-records', form), 201);
    const listed = (await ok(xj.get('/api/catalogue/inspection-records'))).find((x: any) => x.id === made.id);
    expect(listed).toMatchObject({
      status: 'pending',
      measures: '责令限期整改',
      enteredBy: '何建平',
      inspectors: [
        { name: '杨检查', certificateNo: 'XJ000901' },
        { name: '田检查', certificateNo: 'XJ000902' },
      ],
    });
    expect((await pl.get('/api/catalogue/inspection-records')).json().some((x: any) => x.id === made.id)).toBe(false);
    expect((await xj.post(`/api/catalogue/inspection-records/${made.id}/review`, { approve: true })).statusCode).toBe(404);
    expect((await xjLead.post(`/api/catalogue/inspection-records/${made.id}/review`, { approve: false })).statusCode).toBe(400);
    expect((await ok(xjLead.post(`/api/catalogue/inspection-records/${made.id}/review`, { approve: true }))).status).toBe('approved');
    const mine = await ok(admin.post('/api/catalogue/inspection-records', { ...form, number: 'JC-640422-2026-003' }), 201);
    const self = await admin.post(`/api/catalogue/inspection-records/${mine.id}/review`, { approve: true });
    expect([self.statusCode, self.json().title]).toEqual([403, expect.stringContaining('谁监管、谁录入、谁审核')]);
  });
});

describe('法规库: the texts legal bases link to', () => {
  it('lists the texts present and serves one by its listed name, never a path', async () => {
    expect((await ok(xj.get('/api/laws'))).items).toEqual(['社会救助暂行办法(2019-03-02)']);
    const law = await ok(xj.get(`/api/laws/${encodeURIComponent('社会救助暂行办法(2019-03-02)')}`));
    expect(law.title).toBe('社会救助暂行办法');
    expect(law.paragraphs).toContain('第六十条 申请社会救助……');
    expect(law.paragraphs.some((p: string) => p.includes('INFO END'))).toBe(false);
    const missing = await xj.get(`/api/laws/${encodeURIComponent('../社会救助暂行办法(2019-03-02)')}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('法规库中没有');
    expect((await t.app.inject({ method: 'GET', url: '/api/laws' })).statusCode).toBe(401);
  });
});
