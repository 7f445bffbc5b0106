import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';

const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday
const DAY = 86_400_000;
let t: TestApp;
let xq: Session, pl: Session;

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const move = (s: Session, id: string, name: string, input: unknown = {}) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const establishment = (over: Record<string, unknown> = {}) => {
  const { uscc: _u, registeredOn: _r, ...rest } = sampleOrg({ name: '兴庆区围棋协会', ...over });
  return { ...rest, documentsCompleteOn: '2026-05-20' };
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [xq, pl] = await Promise.all(['xq-mzj', 'pl-mzj'].map((u) => t.login(u)));
});
afterAll(async () => t?.close());

describe('登记 cases on the workflow kernel', () => {
  it('成立登记: 60 days from complete documents (rest day rolled forward); 准予登记 creates the row with a 登记证书 number per authority and year', async () => {
    const filed = await ok(xq.post('/api/orgs/establishments', establishment()), 201);
    expect(filed.nameCheck).toContain('符合名称规则');
    const c = await ok(xq.get(`/api/cases/${filed.id}`));
    expect(c.clocks[0]).toMatchObject({ name: 'decide', dueDate: '2026-07-20' }); // 2026-07-19 is a Sunday
    expect((await pl.get(`/api/cases/${filed.id}`)).statusCode).toBe(404);

    const bad = await move(xq, filed.id, 'approve', { uscc: makeUscc('social_group', '640221', 11) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('640104');
    await ok(move(xq, filed.id, 'approve', { uscc: makeUscc('social_group', '640104', 11) }));
    const list = await ok(xq.get('/api/orgs?q=%E5%9B%B4%E6%A3%8B'));
    expect(list.items).toHaveLength(1);
    const org = await ok(xq.get(`/api/orgs/${list.items[0].id}`));
    expect(org).toMatchObject({ name: '兴庆区围棋协会', registeredOn: '2026-06-01', certificateNo: '兴庆社证字〔2026〕第1号', status: 'normal' });
    const facts = (await ok(xq.get(`/api/cases/${filed.id}`))).data;
    expect(facts).toMatchObject({ decision: '准予登记', certificateNo: '兴庆社证字〔2026〕第1号' });
    // the 登记证书 as a kernel 文书: numbered, a PDF, checkable by number and code on the portal
    const docs = (await ok(xq.get(`/api/cases/${filed.id}/documents`))).items;
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ type: 'orgs_establish.certificate', title: '社会组织登记证书', docNo: '社登证〔2026〕1号' });
    expect((await xq.get(docs[0].pdfUrl)).rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const verify = (code: string) =>
      t.app.inject({ method: 'GET', url: `/api/public/documents/verify?no=${encodeURIComponent(docs[0].docNo)}&code=${encodeURIComponent(code)}` });
    expect((await ok(verify(docs[0].verifyCode))).title).toBe('社会组织登记证书');
    expect((await verify('AAAA-AAAA')).statusCode).toBe(404);
    expect((await pl.get(docs[0].pdfUrl)).statusCode).toBe(404);

    const second = await ok(xq.post('/api/orgs/establishments', establishment({ name: '兴庆区象棋协会', kind: 'social_group' })), 201);
    await ok(move(xq, second.id, 'approve', { uscc: makeUscc('social_group', '640104', 12) }));
    expect((await ok(xq.get('/api/orgs?q=%E8%B1%A1%E6%A3%8B'))).items[0].id).toBeTruthy();
    const d2 = await ok(xq.get(`/api/orgs/${(await ok(xq.get('/api/orgs?q=%E8%B1%A1%E6%A3%8B'))).items[0].id}`));
    expect(d2.certificateNo).toBe('兴庆社证字〔2026〕第2号');
  });

  it('不予登记 needs reasons; a name that fails the rules cannot be approved', async () => {
    const filed = await ok(xq.post('/api/orgs/establishments', establishment({ name: '中华围棋协会' })), 201);
    expect(filed.nameCheck).toContain('不得使用“中华”字样');
    const r = await move(xq, filed.id, 'approve', { uscc: makeUscc('social_group', '640104', 13) });
    expect(r.json()).toMatchObject({ status: 409, code: 'ORG_NAME_REJECTED' });
    expect((await move(xq, filed.id, 'refuse', {})).statusCode).toBe(400);
    await ok(move(xq, filed.id, 'refuse', { reason: '名称不符合规定' }));
    expect((await ok(xq.get(`/api/cases/${filed.id}`))).data).toMatchObject({ decision: '不予登记', decisionReason: '名称不符合规定' });
  });

  it('变更登记 (更名) and 注销登记 change the registry on approval; late filing is marked', async () => {
    const org = await ok(xq.post('/api/orgs', sampleOrg({ name: '兴庆区太极拳协会', uscc: makeUscc('social_group', '640104', 21) })), 201);
    const ch = await ok(xq.post(`/api/orgs/${org.id}/change-requests`, { changes: { name: '兴庆区武术协会' }, supervisorApprovedOn: '2026-04-01' }), 201);
    expect(ch.late).toBe(true); // 30 days from 2026-04-01: 2026-05-01, a 劳动节 rest day, rolls forward — still long before 06-01
    expect((await xq.post(`/api/orgs/${org.id}/deregistrations`, { clearanceEndedOn: '2026-05-30', reason: '会员大会决议解散' })).statusCode).toBe(409);
    await ok(move(xq, ch.id, 'approve'));
    const d = await ok(xq.get(`/api/orgs/${org.id}`));
    expect(d.name).toBe('兴庆区武术协会');
    expect(d.history.at(-1)).toMatchObject({ act: '更名', before: '兴庆区太极拳协会', after: '兴庆区武术协会', changedOn: '2026-06-01' });

    clock.advance(DAY);
    const de = await ok(xq.post(`/api/orgs/${org.id}/deregistrations`, { clearanceEndedOn: '2026-05-30', reason: '会员大会决议解散' }), 201);
    expect(de.late).toBe(false);
    await ok(move(xq, de.id, 'approve'));
    const gone = await ok(xq.get(`/api/orgs/${org.id}`));
    expect(gone).toMatchObject({ status: 'deregistered', statusOn: '2026-06-02' });
    expect(gone.history.at(-1)).toMatchObject({ act: '注销登记', after: '注销' });
    const again = await xq.post(`/api/orgs/${org.id}/change-requests`, { changes: { domicile: '银川市' } });
    expect(again.json()).toMatchObject({ status: 409, code: 'ORG_NOT_ACTIVE' });
    expect((await pl.post(`/api/orgs/${org.id}/deregistrations`, { clearanceEndedOn: '2026-05-30', reason: '解散' })).statusCode).toBe(404);
  });
  it('the yearly 政务公开 report counts every 登记 decision of the year as 行政许可, drillable to its cases', async () => {
    const decided = await t.ctx.db
      .selectFrom('orgs.application' as never)
      .select('case_id' as never)
      .where(sql<boolean>`decision is not null and decided_on between '2026-01-01' and '2026-12-31'`)
      .execute();
    const ids = (decided as Array<{ case_id: string }>).map((r) => r.case_id).sort();
    expect(ids.length).toBeGreaterThanOrEqual(4); // 2 准予, 1 不予, 变更, 注销
    const acts = (await ok(xq.get('/api/disclosure/annual?year=2026&area=640104'))).acts;
    expect(acts.decisions.find((r: any) => r.label === '行政许可').decisions).toEqual({ value: ids.length, ids });
    const other = (await ok(pl.get('/api/disclosure/annual?year=2026&area=640221'))).acts;
    expect(other.decisions.find((r: any) => r.label === '行政许可').decisions.ids.some((x: string) => ids.includes(x))).toBe(false);
  });
});
