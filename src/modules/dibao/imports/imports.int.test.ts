import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { idOf, insertHousehold } from '../money/test-fixtures.ts';
import { parseMonth, parseYuan } from './parse-import.ts';

const clock = manualClock(new Date('2019-06-10T02:00:00Z'));
let t: TestApp;
let ld: Session, pl: Session;
const id = (n: number) => idOf(`64042319850203${String(n).padStart(3, '0')}`);
const badCheck = (n: number) => {
  const s = id(n);
  return s.slice(0, 17) + (s[17] === '0' ? '1' : '0');
};
// The header of a file made from the template before its headers became full-width: 月保障金额(元) still imports.
const HEAD = '序号,户主姓名,户主身份证号,成员姓名,身份证号,与户主关系,户籍地区划代码,城乡类别,保障人数,月保障金额(元),保障起始月份,地址';
const ALREADY = idOf('64042319700101001');

// Rows 2–16 of the file (row numbers as in the spreadsheet: the header is row 1).
const lines = [
  `1,马甲,${id(1)},马甲,${id(1)},户主,640423100,农村,2,"1,234.50",2019-03,城关镇甲村`, // 2  A ok
  `2,马甲,${id(1)},马甲妻,${id(2)},配偶,,,,,,`, //                                         3  A ok
  `3,李乙,${id(3)},李乙,${id(3)},户主,640423101,城市,1,345,2019年4月,沙塘镇乙社区`, //       4  B ok (1 member)
  `4,王丙,${id(4)},王丙,${id(4)},户主,640423100,农村,2,500,2019-03,丙村`, //                5  C: member row bad → whole household out
  `5,王丙,${id(4)},王丙子,${badCheck(5)},子女,,,,,,`, //                                     6  C bad check digit
  `6,赵丁,${id(6)},赵丁,${id(6)},户主,640221100,农村,1,300,2019-03,平罗某村`, //             7  D out of scope (平罗)
  `7,钱戊,${id(7)},钱戊,${id(7)},户主,640499999,农村,1,300,2019-03,未知村`, //               8  E unknown area
  `8,孙己,${id(8)},孙己,${id(8)},户主,640423100,农村,1,五百元,2019-03,己村`, //              9  F text amount
  `9,周庚,${id(9)},周庚,${id(9)},户主,640423100,农村,1,120.555,2019-03,庚村`, //             10 G 3 decimals
  `10,吴辛,${id(10)},吴辛,${id(10)},户主,640423100,农村,2,400,2019-03,辛村`, //              11 H: duplicate member with I
  `11,吴辛,${id(10)},吴辛女,${id(12)},子女,,,,,,`, //                                        12 H dup
  `12,郑壬,${id(11)},郑壬,${id(11)},户主,640423100,城市,2,400,2019-03,壬社区`, //            13 I
  `13,郑壬,${id(11)},吴辛女,${id(12)},其他,,,,,,`, //                                        14 I dup
  `14,冯癸,${ALREADY},冯癸,${ALREADY},户主,640423100,农村,1,300,2019-03,癸村`, //           15 J already in a household
  `15,陈子,${id(13)},,${id(13)},户主,640423100,农村,1,-20,2019-03,子村`, //                  16 K missing name, negative amount
];
const csv = (ls: string[]) => Buffer.from(`\uFEFF${HEAD}\n${ls.join('\n')}\n`, 'utf8');

function multipart(fileName: string, bytes: Buffer, contentType = 'text/csv') {
  const boundary = '----mzTestBoundary7MA4YWxkTrZu0gW';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(s: Session, fileName: string, bytes: Buffer, contentType?: string) {
  const m = multipart(fileName, bytes, contentType);
  return t.app.inject({ method: 'POST', url: '/api/dibao/imports', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...m.headers }, payload: m.body });
}
const count = async (q: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(q)}`.execute(t.ctx.db)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [ld, pl] = await Promise.all([t.login('ld-mzj'), t.login('pl-mzj')]);
  await insertHousehold(t.ctx, { areaCode: '640423100', benefitCents: 10000, insuredPersons: 1, members: [{ id: ALREADY, name: '冯癸' }] });
});
afterAll(() => t?.close());

describe('parse helpers', () => {
  it('reads amounts exactly and months in the usual spellings', () => {
    expect([parseYuan('1,234.50'), parseYuan('345'), parseYuan('0.07'), parseYuan('120.555'), parseYuan('五百'), parseYuan('-20')]).toEqual([
      123450,
      34500,
      7,
      null,
      null,
      null,
    ]);
    expect([parseMonth('2019-03'), parseMonth('2019年4月'), parseMonth('2019/12/01'), parseMonth('201905'), parseMonth('2019-13')]).toEqual([
      '2019-03-01',
      '2019-04-01',
      '2019-12-01',
      '2019-05-01',
      null,
    ]);
  });
});

describe('名册导入 with a malformed file', () => {
  let batchId = '';
  const before = { households: 0, members: 0 };
  it('reports per-row errors and commits only the valid households', async () => {
    before.households = await count('dibao.household');
    before.members = await count('dibao.member');
    const r = await upload(ld, '隆德存量名册.csv', csv(lines));
    expect(r.statusCode, r.body).toBe(201);
    const b = r.json();
    batchId = b.batchId;
    // 15 rows; households by 户主身份证号: A B C D E F G H I J K = 11; persons: 15 rows, 吴辛女 twice → 14
    expect(b).toMatchObject({
      alreadyImported: false,
      rows: 15,
      households: 11,
      members: 14,
      acceptedRows: 3,
      rejectedRows: 12,
      acceptedHouseholds: 2,
      hasErrorReport: true,
    });
    const err = Object.fromEntries(b.errors.map((e: any) => [e.row, e.message]));
    expect(Object.keys(err).map(Number)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(err[6]).toMatch(/^「身份证号」\d{17}[\dX]：.*校验/);
    expect(err[5]).toBe('同户第 6 行有错误，整户未导入');
    expect(err[7]).toBe('「户籍地区划代码」640221100（城关镇）不在您的管辖范围内');
    expect(err[8]).toBe('「户籍地区划代码」640499999 不是已知的县（区）、乡镇（街道）或村（社区）代码');
    expect(err[9]).toBe('「月保障金额（元）」「五百元」不是金额（数字，最多两位小数）');
    expect(err[10]).toBe('「月保障金额（元）」「120.555」不是金额（数字，最多两位小数）');
    expect(err[12]).toBe('「身份证号」在文件中重复出现（第 12、14 行）');
    expect(err[14]).toBe('「身份证号」在文件中重复出现（第 12、14 行）');
    expect(err[11]).toBe('同户第 12 行有错误，整户未导入');
    expect(err[13]).toBe('同户第 14 行有错误，整户未导入');
    expect(err[15]).toMatch(/^该人员已在低保家庭中（城关镇，户主 冯癸）/);
    expect(err[16]).toBe('「成员姓名」不能为空；「月保障金额（元）」「-20」不是金额（数字，最多两位小数）');
    expect((await count('dibao.household')) - before.households).toBe(2);
    expect((await count('dibao.member')) - before.members).toBe(3);
    const hh = (
      await sql<any>`select h.area_code, h.kind, h.status, h.source, h.benefit_cents, h.insured_persons, to_char(h.benefit_from, 'YYYY-MM-DD') as f,
        bc.kind as bc_kind, bc.after_cents, bc.import_batch_id
      from dibao.household h join dibao.benefit_change bc on bc.household_id = h.id where h.source = 'import' order by h.benefit_cents desc`.execute(t.ctx.db)
    ).rows;
    expect(hh).toEqual([
      {
        area_code: '640423100',
        kind: 'rural',
        status: 'active',
        source: 'import',
        benefit_cents: 123450,
        insured_persons: 2,
        f: '2019-03-01',
        bc_kind: '存量',
        after_cents: 123450,
        import_batch_id: batchId,
      },
      {
        area_code: '640423101',
        kind: 'urban',
        status: 'active',
        source: 'import',
        benefit_cents: 34500,
        insured_persons: 1,
        f: '2019-04-01',
        bc_kind: '存量',
        after_cents: 34500,
        import_batch_id: batchId,
      },
    ]);
    const m = (
      await sql<any>`select m.name, m.relation, m.id_number_masked, m.id_number_enc from dibao.member m join dibao.household h on h.id = m.household_id where h.source = 'import' order by m.name`.execute(
        t.ctx.db,
      )
    ).rows;
    expect(m.map((x: any) => `${x.name}/${x.relation}`)).toEqual(['李乙/申请人', '马甲/申请人', '马甲妻/配偶']);
    for (const x of m) {
      expect(x.id_number_masked).toMatch(/^640\*{11}/);
      expect(x.id_number_enc).toMatch(/^s4\./);
    }
  });

  it('offers the file back with a 错误说明 column', async () => {
    const r = await ld.get(`/api/dibao/imports/${batchId}/errors.xlsx`);
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(13).value).toBe('错误说明');
    expect(ws.getRow(1).getCell(5).value).toBe('身份证号');
    expect(ws.getRow(1).getCell(10).value).toBe('月保障金额（元）'); // the old half-width header comes back full-width
    expect(ws.rowCount).toBe(16);
    expect(ws.getRow(2).getCell(13).value).toBe('已导入');
    expect(ws.getRow(2).getCell(5).value).toBe(id(1));
    expect(ws.getRow(9).getCell(13).value).toBe('「月保障金额（元）」「五百元」不是金额（数字，最多两位小数）');
    expect(ws.getRow(9).getCell(10).value).toBe('五百元');
    // Other counties cannot fetch it.
    expect((await pl.get(`/api/dibao/imports/${batchId}/errors.xlsx`)).statusCode).toBe(404);
    expect((await pl.get(`/api/dibao/imports/${batchId}`)).statusCode).toBe(404);
    const hist = (await ld.get('/api/dibao/imports')).json();
    expect(hist.items[0]).toMatchObject({ batchId, acceptedRows: 3, rejectedRows: 12, hasErrorReport: true });
  });

  it('changes nothing when the same file comes again, and refuses already-imported persons in another file', async () => {
    const h = await count('dibao.household');
    const again = await upload(ld, '隆德存量名册(再次).csv', csv(lines));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ alreadyImported: true, batchId, earlier: { batchId }, acceptedRows: 3 });
    const other = await upload(ld, '另一份.csv', csv(lines.slice(0, 3)));
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json()).toMatchObject({ acceptedRows: 0, rejectedRows: 3 });
    expect(other.json().errors[0].message).toMatch(/^已导入过（2019-06-10 批次《隆德存量名册\.csv》，户主 马甲）$/);
    expect(await count('dibao.household')).toBe(h);
  });

  it('imports the published xlsx template once filled in', async () => {
    const tpl = await ld.get('/api/dibao/imports/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as never);
    const ws = wb.getWorksheet('低保名册')!;
    expect(ws.getRow(1).getCell(3).value).toBe('户主身份证号');
    expect(ws.getRow(1).getCell(10).value).toBe('月保障金额（元）');
    expect(ws.rowCount).toBe(1); // examples are on their own sheet
    expect(wb.getWorksheet('示例')!.rowCount).toBe(3);
    ws.addRow(['1', '沈丑', id(20), '沈丑', id(20), '户主', '640423100', '农村', '1', '280.00', '2019-05', '城关镇丑村', '是']);
    const r = await upload(ld, '模板.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ rows: 1, acceptedRows: 1, rejectedRows: 0, hasErrorReport: false });
  });

  it('rejects a file without the required columns, naming them', async () => {
    const r = await upload(ld, 'x.csv', Buffer.from('姓名,身份证号\n张三,640423198502030011\n'));
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toContain('缺少列：户主姓名、户主身份证号、成员姓名');
  });
});

describe('名册导入 of persons already in a household', () => {
  it("names the household within the importer's scope and only says 其他地区 outside it", async () => {
    // Two members of one household in 隆德 (in scope), one person in 平罗 (another county).
    await insertHousehold(t.ctx, {
      areaCode: '640423100',
      benefitCents: 20000,
      insuredPersons: 2,
      members: [
        { id: id(40), name: '白寅' },
        { id: id(41), name: '白寅妻', relation: '配偶' },
      ],
    });
    await insertHousehold(t.ctx, { areaCode: '640221100', benefitCents: 10000, insuredPersons: 1, members: [{ id: id(42), name: '黄卯' }] });
    const r = await upload(
      ld,
      '已在户.csv',
      csv([
        `1,白寅,${id(40)},白寅,${id(40)},户主,640423100,农村,2,400,2019-03,寅村`,
        `2,白寅,${id(40)},白寅妻,${id(41)},配偶,,,,,,`,
        `3,黄卯,${id(42)},黄卯,${id(42)},户主,640423100,农村,1,300,2019-03,卯村`,
        `4,邱辰,${id(43)},邱辰,${id(43)},户主,640423100,农村,1,300,2019-03,辰村`,
      ]),
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ rows: 4, acceptedRows: 1, rejectedRows: 3, acceptedHouseholds: 1 });
    expect(r.json().errors).toEqual([
      { row: 2, message: '该人员已在低保家庭中（城关镇，户主 白寅），一人只能在一个有效家庭中' },
      { row: 3, message: '该人员已在低保家庭中（城关镇，户主 白寅），一人只能在一个有效家庭中' },
      { row: 4, message: '此人已在其他地区纳入低保家庭，一人只能在一个有效家庭中，请与其所在县（区）民政部门核实' },
    ]);
  });
});
