import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedPow } from '../../../../tests/helpers/portal-pow.ts';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { seedDelegations } from '../delegation/regime.ts';
import { insertTestStandards, residentId, sampleApplication } from '../dibao-test-data.ts';

/** Issue 17: the portal tells strangers nothing, a stranger cannot squat a person's slot, clerks learn nothing outside their scope. */
const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
let t: TestApp;
let ld: Session, xj: Session, fhbj: Session;
const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};
const portal = (payload: Record<string, unknown>, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/public/dibao/applications', remoteAddress: ip, payload });

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDelegations(t.ctx);
  await insertTestStandards(t.ctx, [
    { area: '640423', kind: 'rural', cents: 50000 },
    { area: '640422', kind: 'rural', cents: 50000 },
    { area: '640104', kind: 'urban', cents: 70000 },
  ]);
  [ld, xj, fhbj] = await Promise.all(['ld-cgz', 'xj-jqz', 'xq-fhbj'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t?.close());

describe('the anonymous 低保 application', () => {
  let enrolled: { id: string; refNo: string; householdId: string };
  beforeAll(async () => {
    enrolled = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 11)));
  });

  it('names nobody else: an ID already in a household is accepted and flagged for the township, not refused with its details', async () => {
    const r = await portal({ ...sampleApplication('640423100201', 11, { address: '另一处 1 号' }), pow: await solvedPow(t.app, '10.96.0.1') }, '10.96.0.1');
    expect(r.statusCode, r.body).toBe(201);
    for (const secret of [enrolled.refNo, enrolled.householdId, '测试村 11 号', '申请中', '在保']) expect(r.body).not.toContain(secret);
    const list = await ok(ld.get(`/api/dibao/applications?q=${r.json().refNo}`));
    expect(list.items[0].duplicateFlag).toContain('已在另一户低保家庭登记');
    expect(list.items[0].duplicateFlag).not.toContain(enrolled.refNo);
    const page = await ok(ld.get(`/api/cases/${list.items[0].id}`));
    expect(JSON.stringify(page)).toContain('受理前请核实');
    // 受理 is where the duplicate is resolved: the township clerk (in scope) learns which household.
    const accept = await ld.post(`/api/cases/${list.items[0].id}/transitions/accept`, { input: {} });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().title).toContain(enrolled.refNo);
  });

  it('spends the proof on any failure after it is checked (one proof, one attempt)', async () => {
    const pow = await solvedPow(t.app, '10.96.0.2');
    const bad = await portal({ ...sampleApplication('640423100201', 12), areaCode: '640423999999', pow }, '10.96.0.2');
    expect(bad.statusCode).toBe(400);
    const again = await portal({ ...sampleApplication('640423100201', 12), pow }, '10.96.0.2');
    expect(again.json().code).toBe('POW_REPLAYED');
  });

  it('cannot squat: an unaccepted portal application does not block the real one at the window', async () => {
    const squat = await portal({ ...sampleApplication('640423100201', 13), pow: await solvedPow(t.app, '10.96.0.3') }, '10.96.0.3');
    expect(squat.statusCode, squat.body).toBe(201);
    const real = await ld.post('/api/dibao/applications', sampleApplication('640423100201', 13, { channel: '窗口' }));
    expect(real.statusCode, real.body).toBe(201);
    // The squatter's application is the one the township cannot accept.
    const list = await ok(ld.get(`/api/dibao/applications?q=${squat.json().refNo}`));
    expect((await ld.post(`/api/cases/${list.items[0].id}/transitions/accept`, { input: {} })).json().code).toBe('DIBAO_PERSON_IN_OTHER_HOUSEHOLD');
    expect((await ld.post(`/api/cases/${real.json().id}/transitions/accept`, { input: {} })).statusCode).toBe(200);
  });
});

describe('duplicate-person messages stay within the clerk scope', () => {
  it('a clerk in another county learns only that the person is enrolled elsewhere and whom to ask', async () => {
    const there = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 14)));
    const other = sampleApplication('640422100201', 15);
    const stranger = { name: '马14强', idNumber: residentId('640423', '19750314', '101'), relation: '子女', hukouAreaCode: '640423', workAbility: '有' };
    const r = await xj.post('/api/dibao/applications', { ...other, members: [other.members[0], stranger] });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().code).toBe('DIBAO_PERSON_IN_OTHER_HOUSEHOLD');
    expect(r.json().title).toContain('请与其所在县（区）民政部门核实');
    for (const secret of [there.refNo, there.householdId, '隆德', '城关', '申请中', '测试村 14 号']) expect(r.body).not.toContain(secret);
    // Within scope the clerk is told which household, to resolve it.
    const mine = sampleApplication('640423100201', 16);
    const inScope = await ld.post('/api/dibao/applications', { ...mine, members: [mine.members[0], stranger] });
    expect(inScope.statusCode).toBe(409);
    expect(inScope.json().title).toContain(there.refNo);
    // The roster import says no more: no village, no 户主 of the other county's household.
    const csv = `\uFEFF序号,户主姓名,户主身份证号,成员姓名,身份证号,与户主关系,户籍地区划代码,城乡类别,保障人数,月保障金额(元),保障起始月份,地址\n1,某某,${stranger.idNumber},某某,${stranger.idNumber},户主,640422100,农村,1,300,2019-03,某村\n`;
    const boundary = '----mzPrivacyBoundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(csv, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imp = await t.app.inject({
      method: 'POST',
      url: '/api/dibao/imports',
      headers: { cookie: xj.cookie, 'x-csrf-token': xj.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(imp.statusCode, imp.body).toBeLessThan(300);
    expect(imp.body).toContain('请与其所在县（区）民政部门核实');
    for (const secret of ['马14强', '红崖村', '隆德', there.refNo]) expect(imp.body).not.toContain(secret);
  });
});

describe('scope of the low items', () => {
  it('a 本级 (org-scope) township clerk reads the household behind its own application', async () => {
    const reg = await ok(fhbj.post('/api/dibao/applications', sampleApplication('640104001001', 17, { kind: 'urban' })));
    const h = await fhbj.get(`/api/dibao/households/${reg.householdId}`);
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().members).toHaveLength(3);
    // Another township's household stays out of reach.
    expect(
      (await fhbj.get(`/api/dibao/households/${(await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 18)))).householdId}`)).statusCode,
    ).toBe(404);
  });

  it('GET /api/dibao/delegations needs a login', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/dibao/delegations', remoteAddress: '10.96.0.9' });
    expect(anon.statusCode).toBe(401);
    expect((await ld.get('/api/dibao/delegations')).statusCode).toBe(200);
  });
});
