import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { ANSWER_KEYS, ANSWER_KINDS, APPLICANT_KINDS, RESULT_GROUPS } from '../contracts/labels.ts';
import { seedDemoDisclosure } from '../demo/seed-demo-disclosure.ts';
import { answeredOn, demoItems2019, demoRequests } from '../demo/demo-plan.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { NO_FEES_NOTE } from '../report/annual-acts.ts';

// The demo history (189 items in 2019, requests of 2018–2019) and the 国办公开办函〔2021〕30号 tables
// built from it: every figure recomputed here from the plan, the 一+二=三+四 check, the files, scope.
let t: TestApp;
let lead: Session, xj: Session, pl: Session;
const annual = (s: Session, q: string) => s.get(`/api/disclosure/annual?${q}`);
const row = (tables: any, label: string) => tables.requestRows.find((r: any) => r.label === label);

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  await seedDemoDisclosure(t.ctx);
  [lead, xj, pl] = await Promise.all(['nx-fgc-lead', 'xj-mzj', 'pl-mzj'].map((u) => t.login(u)));
}, 900_000);
afterAll(() => t?.close());

describe('政务公开 yearly report', () => {
  it('the region published 189 items in 2019; the report section names them', async () => {
    const tb = (await annual(lead, 'year=2019&area=640000')).json();
    const published = tb.proactive.reduce((n: number, r: any) => n + r.published.value, 0);
    expect(published).toBe(demoItems2019().length);
    expect(published).toBe(189);
    const withdrawn = tb.proactive.reduce((n: number, r: any) => n + r.withdrawn.value, 0);
    expect(withdrawn).toBe(demoItems2019().filter((i) => i.withdraw).length);
    const m = await lead.get('/api/report/metrics?year=2019&area=640000&section=disclosure');
    expect(m.statusCode, m.body).toBe(200);
    const fig = m.json().sections[0].metrics.find((f: any) => f.code === 'disclosure.published');
    expect(fig.value).toBe(189);
    const recs = await lead.get('/api/report/records?metric=disclosure.published&year=2019&area=640000&pageSize=5');
    expect(recs.statusCode, recs.body).toBe(200);
    expect(recs.json().total).toBe(189);
  });

  it('the request table: columns by applicant, rows by result, 一+二=三+四 in every column', async () => {
    const tb = (await annual(lead, 'year=2019&area=640000')).json();
    const plan = demoRequests();
    const fresh = plan.filter((p) => p.receivedOn.startsWith('2019'));
    expect(row(tb, '一、本年新收政府信息公开申请数量').cells.at(-1).value).toBe(fresh.length);
    expect(row(tb, '二、上年结转政府信息公开申请数量').cells.at(-1).value).toBe(plan.filter((p) => p.receivedOn < '2019').length);
    APPLICANT_KINDS.forEach((k, i) =>
      expect(row(tb, '一、本年新收政府信息公开申请数量').cells[i].value).toBe(fresh.filter((p) => p.applicantKind === k).length),
    );
    const answered = plan.filter((p) => answeredOn(p)?.startsWith('2019'));
    RESULT_GROUPS.forEach((g, gi) => expect(row(tb, g).cells.at(-1).value, g).toBe(answered.filter((p) => ANSWER_KINDS[p.answer!].group === gi).length));
    expect(row(tb, '（七）总计').cells.at(-1).value).toBe(answered.length);
    expect(row(tb, '四、结转下年度继续办理').cells.at(-1).value).toBe(plan.filter((p) => !answeredOn(p) || answeredOn(p)! > '2019-12-31').length);
    expect(tb.crossCheck.ok).toBe(true);
    tb.requestColumns.forEach((_: string, i: number) => {
      const v = (l: string) => row(tb, l).cells[i].value;
      expect(v('一、本年新收政府信息公开申请数量') + v('二、上年结转政府信息公开申请数量')).toBe(v('（七）总计') + v('四、结转下年度继续办理'));
    });
    // Each figure drills down to its records: the 部分公开 cell lists exactly those requests.
    const partial = row(tb, RESULT_GROUPS[1]).cells.at(-1);
    expect(partial.ids).toHaveLength(partial.value);
  });

  it('every answer kind counts in its row and applicant column; each issues an 答复书', async () => {
    const today = chinaDate(new Date());
    const base = { applicantName: '测试申请人', contact: '13900000000', content: '西吉县2019年临时救助标准文件', form: '电子数据', channel: '当面提交' };
    const ids: Record<string, string> = {};
    for (const [i, kind] of ANSWER_KEYS.entries()) {
      const applicantKind = APPLICANT_KINDS[i % APPLICANT_KINDS.length];
      const r = await xj.post('/api/disclosure/requests', { ...base, applicantKind, receivedOn: today });
      expect(r.statusCode, r.body).toBe(201);
      ids[kind] = r.json().id;
      if (kind === 'no_correction')
        expect((await xj.post(`/api/cases/${r.json().id}/transitions/ask_correction`, { input: { text: '请写明文件名称。' } })).statusCode).toBe(200);
      const k = ANSWER_KINDS[kind];
      const input = {
        kind: k.label,
        text: '特此告知。',
        reasons: k.needsReasons ? '理由' : undefined,
        disclosedPart: kind === 'partial' ? '标准' : undefined,
        withheldPart: kind === 'partial' ? '个人信息' : undefined,
      };
      const a = await xj.post(`/api/cases/${r.json().id}/transitions/answer`, { input });
      expect(a.statusCode, `${kind}: ${a.body}`).toBe(200);
      const docs = (await xj.get(`/api/cases/${r.json().id}/documents`)).json();
      expect(JSON.stringify(docs), kind).toContain('政府信息公开申请答复书');
    }
    const tb = (await annual(xj, `year=${today.slice(0, 4)}&area=640422`)).json();
    for (const [i, kind] of ANSWER_KEYS.entries()) {
      const k = ANSWER_KINDS[kind];
      const cells = row(tb, k.row || RESULT_GROUPS[k.group]).cells;
      expect(cells[i % APPLICANT_KINDS.length].ids, kind).toContain(ids[kind]);
      expect(row(tb, RESULT_GROUPS[k.group]).cells.at(-1).ids, kind).toContain(ids[kind]);
    }
    expect(tb.crossCheck.ok).toBe(true);
  }, 120_000);

  it('docx and xlsx: the 30号 tables; the xlsx lists the records behind each figure', async () => {
    const d = await lead.get('/api/disclosure/annual.docx?year=2019&area=640000');
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const x = await lead.get('/api/disclosure/annual.xlsx?year=2019&area=640000');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const s3 = wb.getWorksheet('三、依申请公开')!;
    const labels: string[] = [];
    s3.eachRow((r) => labels.push(String(r.getCell(1).value)));
    expect(labels).toContain('（二）部分公开');
    expect(labels).toContain('四、结转下年度继续办理');
    expect(wb.getWorksheet('数据来源')!.rowCount).toBeGreaterThan(10);
  });

  it('二 and 四 from records entered through the routes: 复议/诉讼, 行政强制, 收费; 规章 0 with its reason', async () => {
    const q = 'year=2019&area=640422';
    const before = (await annual(xj, q)).json();
    expect(before.acts.documents[0].note).toContain('不享有规章制定权');
    expect(before.acts.charges.note).toBe(NO_FEES_NOTE);
    expect(before.remedies.review.at(-1).value).toBe(0);
    const answered = (await xj.get('/api/disclosure/requests?year=2019&state=answered')).json().items[0];
    const base = { applicant: '杨某', body: '西吉县人民政府', acceptedOn: '2019-05-10' };
    const post = async (body: object) => {
      const r = await xj.post('/api/enforcement/remedies', body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const review = await post({
      ...base,
      kind: '行政复议',
      ...(answered ? { decisionCaseId: answered.id } : { matter: '政府信息公开', decisionText: '答复书' }),
      result: '结果纠正',
      resultOn: '2019-06-20',
    });
    const sued = await post({
      ...base,
      kind: '行政诉讼',
      afterReview: true,
      matter: '政府信息公开',
      decisionText: '西民公开答〔2019〕3号',
      body: '西吉县人民法院',
      acceptedOn: '2019-07-01',
      result: '尚未审结',
    });
    // Decided after the year's end: still 尚未审结 in 2019.
    const direct = await post({
      ...base,
      kind: '行政诉讼',
      matter: '政府信息公开',
      decisionText: '答复书',
      acceptedOn: '2019-11-20',
      result: '结果维持',
      resultOn: '2020-02-01',
    });
    await post({ ...base, kind: '行政复议', matter: '行政处罚', decisionText: '警告', result: '结果维持', resultOn: '2019-06-01' });
    const bad = await xj.post('/api/enforcement/remedies', { ...base, kind: '行政复议', matter: '其他', decisionText: 'x', result: '结果维持' });
    expect([bad.statusCode, bad.json().details?.field]).toEqual([400, 'resultOn']);
    const notSuit = await xj.post('/api/enforcement/remedies', {
      ...base,
      kind: '行政复议',
      afterReview: true,
      matter: '其他',
      decisionText: 'x',
      result: '尚未审结',
    });
    expect(notSuit.statusCode).toBe(400);
    expect(
      (await pl.put(`/api/enforcement/remedies/${sued}`, { ...base, kind: '行政诉讼', matter: '其他', decisionText: 'x', result: '尚未审结' })).statusCode,
    ).toBe(404);
    const k = await xj.post('/api/enforcement/coercions', {
      party: '西吉县某联谊会',
      measure: '扣押财物',
      object: '宣传资料',
      basis: '《取缔非法民间组织暂行办法》',
      decidedOn: '2019-08-01',
    });
    expect(k.statusCode, k.body).toBe(201);
    const fee = await xj.post('/api/disclosure/fee-items', { year: 2019, name: '测试收费', basis: '宁价费发〔2019〕1号', amount: 1.25 });
    expect(fee.statusCode, fee.body).toBe(201);
    expect((await xj.post('/api/disclosure/fee-items', { year: 2019, name: '测试收费', basis: 'x', amount: 1 })).statusCode).toBe(409);

    const tb = (await annual(xj, q)).json();
    const { review: r, direct: d, afterReview: a } = tb.remedies;
    expect([r[1].ids, r[4].value]).toEqual([[review], 1]);
    expect([d[3].ids, d[0].value, d[4].value]).toEqual([[direct], 0, 1]);
    expect([a[3].ids, a[4].value]).toEqual([[sued], 1]);
    expect(r[1].href).toBe('/enforcement/remedies?id=');
    const coercion = tb.acts.decisions.find((x: any) => x.label === '行政强制').decisions;
    expect([coercion.value, coercion.ids]).toEqual([1, [k.json().id]]);
    expect([tb.acts.charges.tenThousandYuan.value, tb.acts.charges.tenThousandYuan.ids]).toEqual([1.25, [fee.json().id]]);
    expect(tb.acts.charges.note).toContain('1 项');
    // A result entered later moves the case; the region sees the county's figures.
    const upd = await xj.put(`/api/enforcement/remedies/${sued}`, {
      ...base,
      kind: '行政诉讼',
      afterReview: true,
      matter: '政府信息公开',
      decisionText: 'x',
      body: '法院',
      acceptedOn: '2019-07-01',
      result: '结果维持',
      resultOn: '2019-12-01',
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const region = (await annual(lead, 'year=2019&area=640000')).json();
    expect(region.remedies.afterReview[0].ids).toContain(sued);
    expect(region.remedies.afterReview[3].ids).not.toContain(sued);
    const x = await xj.get(`/api/disclosure/annual.xlsx?${q}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.getWorksheet('四、复议诉讼')!.getRow(5).values).toEqual([undefined, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]);
  }, 120_000);

  it('another county or a bad year: 403 / 400 in Chinese', async () => {
    const other = await pl.get('/api/disclosure/annual?year=2019&area=640422');
    expect(other.statusCode).toBe(403);
    expect(other.json().title).toContain('无权查看');
    const year = await pl.get('/api/disclosure/annual?year=1999');
    expect(year.statusCode).toBe(400);
    expect(year.json().title).toContain('年度');
    const own = (await pl.get('/api/disclosure/annual?year=2019')).json();
    const plItems = demoItems2019().filter((i) => i.org === '640221-mzj').length;
    expect(own.proactive.reduce((n: number, r: any) => n + r.published.value, 0)).toBe(plItems);
  });
});
