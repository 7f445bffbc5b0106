import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { applyAtWindow, applyOnline, elderlyCareApplication, publicPost } from './hall-test-data.ts';
import { demoUscc } from './demo/demo-forms.ts';
import { SOCIAL_GROUP_REGISTRATION } from './items.ts';

// 社会团体成立登记 at the 兴庆区 hall: 受理 files the registrar's 成立登记 case at the bureau in the same
// transaction (60-day clock from the day of 受理, the form mapped, linked both ways); the registrar's
// 准予登记 / 不予登记 moves the application on and the window delivers the 登记证书; a name the registrar's
// rules refuse refuses 受理 with nothing written; another county and the hall clerk's own 准予 are refused.
const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
let t: TestApp;
let xq: Session, pl: Session, fgc: Session;
const MATERIALS = ['登记申请书', '业务主管单位的批准文件', '验资报告、场所使用权证明', '发起人和拟任负责人的基本情况、身份证明', '章程草案'];
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ok = async (p: Promise<{ statusCode: number; body: string }>, code = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(code);
  return (r as any).json();
};
const groupApplication = (name: string) => ({
  itemCode: SOCIAL_GROUP_REGISTRATION,
  areaCode: '640104',
  applicant: `${name}筹备组`,
  phone: '13995110001',
  form: {
    orgName: name,
    sponsor: '兴庆区文化和旅游局',
    members: '62',
    funds: '3.5',
    residence: '兴庆区解放东街 12 号',
    leader: '马玉兰',
    businessScope: '剪纸艺术交流、展览、培训',
    contact: '马玉兰',
    phone: '13995110001',
  },
  materials: MATERIALS,
});
const orgsApplication = async (hallId: string) =>
  (await sql<any>`select payload, origin_case_id from orgs.application where origin_case_id = ${hallId}`.execute(t.ctx.db)).rows;

beforeAll(async () => {
  t = await createTestApp({
    clock,
    env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mz-hall-orgs-')) },
  });
  [xq, pl, fgc] = await Promise.all(['xq-mzj', 'pl-mzj', 'nx-fgc'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t?.close());

describe('社会团体成立登记 handed over to the registrar at 受理', () => {
  let hallId: string, refNo: string, queryCode: string, orgsId: string;

  it('受理 files the 成立登记 case at the bureau: 60 days from the day of 受理, the form mapped, linked both ways, in scope only', async () => {
    ({ id: hallId, refNo, queryCode } = await ok(applyOnline(t, groupApplication('兴庆区剪纸艺术协会')), 201));
    await ok(move(xq, hallId, 'accept'));
    const hall = await ok(xq.get(`/api/cases/${hallId}`));
    expect(hall).toMatchObject({ state: 'accepted', data: { orgsCase: { refNo: expect.stringMatching(/^SZCL-/), stateLabel: '审查中' } } });
    orgsId = hall.data.orgsCase.id;
    const orgsCase = await ok(xq.get(`/api/cases/${orgsId}`));
    expect(orgsCase).toMatchObject({
      type: 'orgs_establish',
      state: 'filed',
      orgUnitName: '兴庆区民政局',
      data: { origin: `${refNo}（政务服务办件，已受理办理中）` },
    });
    expect(orgsCase.clocks.find((k: any) => k.name === 'decide')).toMatchObject({ dueDate: '2026-07-31' });
    expect(orgsCase.events[0].comment).toContain(refNo);
    expect((await orgsApplication(hallId))[0].payload).toEqual({
      kind: 'social_group',
      name: '兴庆区剪纸艺术协会',
      supervisorUnit: '兴庆区文化和旅游局',
      domicile: '兴庆区解放东街 12 号',
      legalRepresentative: '马玉兰',
      businessScope: '剪纸艺术交流、展览、培训',
      capitalCents: 3_500_000,
      charity: false,
      publicFundraising: false,
      documentsCompleteOn: '2026-06-01',
    });
    // Scope: the registrar's and the hall's cases stay with 兴庆区 and those above it.
    expect((await pl.get(`/api/cases/${orgsId}`)).statusCode).toBe(404);
    expect((await pl.get(`/api/cases/${hallId}`)).statusCode).toBe(404);
    expect((await fgc.get(`/api/cases/${orgsId}`)).statusCode).toBe(200);
    // The hall does not decide a registration itself.
    const own = await move(xq, hallId, 'approve', {});
    expect(own.statusCode).toBe(409);
    expect(own.json().title).toContain('登记管理机关');
    const track = await ok(publicPost(t, '/api/public/hall/track', { refNo, queryCode }));
    expect(track.registration).toEqual({ refNo: hall.data.orgsCase.refNo, typeLabel: '社会组织成立登记', stateLabel: '审查中' });
  }, 60_000);

  it('准予登记 moves the application to 准予办理 under the registrar’s name; the window delivers the 登记证书', async () => {
    clock.set(new Date('2026-06-15T02:00:00Z'));
    await ok(move(xq, orgsId, 'approve', { uscc: demoUscc('640104', 31, '1') }));
    const hall = await ok(xq.get(`/api/cases/${hallId}`));
    expect(hall).toMatchObject({ state: 'approved', data: { decision: '准予', decidedOn: '2026-06-15', orgsCase: { stateLabel: '准予登记' } } });
    expect(hall.events.at(-1)).toMatchObject({ transition: 'approve', actorName: '刘海燕' });
    expect(hall.clocks.find((k: any) => k.name === 'promise').status).toBe('met');
    // No hall 电子证照 beside the registrar's 登记证书.
    expect((await ok(xq.get(`/api/cases/${hallId}/documents`))).items).toEqual([]);
    await ok(move(xq, hallId, 'deliver', { way: '电子送达' }));
    const track = await ok(publicPost(t, '/api/public/hall/track', { refNo, queryCode }));
    expect(track).toMatchObject({ state: 'delivered', registration: { stateLabel: '准予登记' }, certificate: { docNo: expect.stringContaining('社登证') } });
    const pdf = await publicPost(t, '/api/public/hall/certificate.pdf', { refNo, queryCode });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const org = (await ok(xq.get('/api/orgs?q=剪纸艺术'))).items;
    expect(org).toEqual([expect.objectContaining({ name: '兴庆区剪纸艺术协会' })]);
  }, 60_000);

  it('不予登记 becomes 不予办理 with the registrar’s reasons', async () => {
    const { id } = await ok(applyAtWindow(t, xq, groupApplication('兴庆区花儿文化研究会')), 201);
    await ok(move(xq, id, 'accept'));
    const orgsCase = (await ok(xq.get(`/api/cases/${id}`))).data.orgsCase.id;
    await ok(move(xq, orgsCase, 'refuse', { reason: '在同一行政区域内已有业务范围相似的社会团体，没有必要成立。' }));
    const hall = await ok(xq.get(`/api/cases/${id}`));
    expect(hall).toMatchObject({ state: 'refused', data: { decision: '不予', decisionReason: expect.stringContaining('没有必要成立') } });
  }, 60_000);

  it('a name the registrar refuses refuses 受理 in Chinese, nothing written; other items hand nothing over', async () => {
    for (const [name, why] of [
      ['宁夏剪纸协会', '兴庆区'],
      ['兴庆区剪纸艺术协会', '名称相同'],
      ['兴庆区中国结艺协会', '中国'],
    ]) {
      const { id } = await ok(applyAtWindow(t, xq, groupApplication(name!)), 201);
      const r = await move(xq, id, 'accept');
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().title).toContain('名称');
      expect(r.json().title).toContain(why);
      const c = await ok(xq.get(`/api/cases/${id}`));
      expect(c.state).toBe('submitted');
      expect(c.data.acceptedOn).toBeUndefined();
      expect(c.data.orgsCase).toBeUndefined();
      expect(await orgsApplication(id)).toEqual([]);
    }
    const other = await ok(applyAtWindow(t, xq, elderlyCareApplication('兴庆区康宁颐养院', true)), 201);
    await ok(move(xq, other.id, 'accept'));
    await ok(move(xq, other.id, 'approve', {}));
    expect((await ok(xq.get(`/api/cases/${other.id}`))).data.orgsCase).toBeUndefined();
  }, 60_000);
});
