import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { attachmentStore } from '../../../kernel/workflow/attachments.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { seedDelegations } from '../delegation/regime.ts';
import { insertTestStandards, sampleApplication } from '../dibao-test-data.ts';

const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 Beijing
const DAY = 86_400_000;
let t: TestApp;
let ld: Session, ldLead: Session, pl: Session;

const move = (s: Session, id: string, name: string, input: unknown = {}) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};

/** 隆德 城关镇 (township approval): 登记 → 公示期满, ready for the township leader's decision. */
async function awaitingDecision(seq: number): Promise<string> {
  const reg = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', seq)));
  await ok(move(ld, reg.id, 'accept', { special: false }));
  await ok(move(ld, reg.id, 'verify'));
  await ok(move(ld, reg.id, 'investigate', { staff: '张三、李四', date: '2026-06-01', findings: '家中陈设简陋,与申报一致', incomeStable: '稳定' }));
  await ok(move(ld, reg.id, 'review', { opinion: '拟同意', text: '符合条件' }));
  await ok(move(ld, reg.id, 'publicize'));
  clock.advance(10 * DAY);
  await ok(move(ld, reg.id, 'end_publicity'));
  return reg.id;
}

const documents = async (s: Session, id: string) => ok(s.get(`/api/cases/${id}/documents`));
const storedMatches = async (docId: string) => {
  const row = (await sql<{ sm3: string; storage_key: string }>`select sm3, storage_key from core.document where id = ${docId}`.execute(t.ctx.db)).rows[0]!;
  return sm3Hex(await attachmentStore(t.ctx).get(row.storage_key)) === row.sm3;
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDelegations(t.ctx);
  await insertTestStandards(t.ctx, [{ area: '640423', kind: 'rural', cents: 50000 }]);
  [ld, ldLead, pl] = await Promise.all(['ld-cgz', 'ld-cgz-lead', 'pl-mzj'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t?.close());

describe('低保 notices (文书)', () => {
  it('确认同意 issues the 确认通知书 with the amount, the 行政复议/诉讼 remedy and the township as issuer', async () => {
    const id = await awaitingDecision(3);
    await ok(move(ldLead, id, 'confirm', { note: '同意' }));
    const { items, issuable } = await documents(ld, id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'dibao.confirmation',
      title: '最低生活保障确认通知书',
      docNo: expect.stringMatching(/^低保确〔2026〕\d+号$/),
      version: 1,
    });
    expect(issuable).toEqual([]); // the clerk may not re-issue a decision (dibao.confirm)
    expect(await storedMatches(items[0].id)).toBe(true);
    const content = (await sql<{ content: any }>`select content from core.document where id = ${items[0].id}`.execute(t.ctx.db)).rows[0]!.content;
    expect(content.issuer).toMatch(/城关镇/);
    expect(content.body.join('')).toMatch(/月最低生活保障金 \d+\.\d{2} 元/);
    expect(content.remedy).toMatch(/行政复议.*行政诉讼/);
    // The remedy names the 复议机关 and the court by the law in force on the decision day (documents/remedy.ts).
    expect(content.remedy).toContain('60 日内向隆德县人民政府申请行政复议');
    expect(content.remedy).toContain('6 个月内向隆德县人民法院提起行政诉讼');
    expect((await pl.get(items[0].pdfUrl)).statusCode).toBe(404);
  });

  it('送达不予确认通知书 serves and keeps the 不予确认通知书 with the reasons', async () => {
    const id = await awaitingDecision(4);
    await ok(move(ldLead, id, 'refuse', { reasons: '家庭有机动车一辆,不符合财产条件' }));
    expect((await documents(ld, id)).items).toEqual([]);
    await ok(move(ld, id, 'send_notice', { method: '当面送达', date: chinaToday() }));
    const { items } = await documents(ld, id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'dibao.refusal', title: '最低生活保障不予确认通知书', docNo: expect.stringMatching(/^低保不确〔2026〕1号$/) });
    expect(await storedMatches(items[0].id)).toBe(true);
    const pdf = await ld.get(items[0].pdfUrl);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const content = (await sql<{ content: any }>`select content from core.document where id = ${items[0].id}`.execute(t.ctx.db)).rows[0]!.content;
    expect(content.body.join('')).toContain('不符合财产条件');
  });

  it('一次性告知补齐材料 issues the 一次性告知书 listing every missing item, numbered, checkable, inside the case scope', async () => {
    const reg = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 5)));
    await ok(move(ld, reg.id, 'request_materials', { missing: '户口簿复印件、2025年度收入证明；残疾人证' }));
    const { items, issuable } = await documents(ld, reg.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'dibao.materials',
      title: '最低生活保障补齐材料一次性告知书',
      docNo: expect.stringMatching(/^低保补告〔2026〕\d+号$/),
      version: 1,
      issuer: expect.stringMatching(/城关镇/),
    });
    expect(issuable.map((d: any) => d.type)).toEqual(['dibao.materials']); // re-issue while 待补齐材料
    expect(await storedMatches(items[0].id)).toBe(true);
    const content = (await sql<{ content: any }>`select content from core.document where id = ${items[0].id}`.execute(t.ctx.db)).rows[0]!.content;
    expect(content.body).toEqual(expect.arrayContaining(['1．户口簿复印件。', '2．2025年度收入证明。', '3．残疾人证。']));
    expect(content.body[0]).toContain('《社会救助暂行办法》第十一条');
    expect(content.body[0]).toContain(reg.refNo);
    expect(content.remedy).toBeNull();
    const v = await t.app.inject({ method: 'GET', url: `/api/public/documents/verify?no=${encodeURIComponent(items[0].docNo)}&code=${items[0].verifyCode}` });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ genuine: true, title: '最低生活保障补齐材料一次性告知书' });
    expect(v.body).not.toContain('户口簿');
    expect((await pl.get(items[0].pdfUrl)).statusCode).toBe(404);
    expect((await pl.get(`/api/cases/${reg.id}/documents`)).statusCode).toBe(404);
    // Accepted once complete: no longer issuable, the issued one stays.
    await ok(move(ld, reg.id, 'accept'));
    const after = await documents(ld, reg.id);
    expect(after.items).toHaveLength(1);
    expect(after.issuable).toEqual([]);
  });
});

function chinaToday() {
  return new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
