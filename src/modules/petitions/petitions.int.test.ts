import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';
import { submitOnline } from './commands/submit-online.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';

const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 in Beijing
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
const ID = idOf('64010419800101123');
const CONTENT = '我家的低保待遇今年三月被无故取消,多次到社区反映没有结果,请求恢复低保待遇并说明取消理由。';
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let fgc: Caller, yc: Caller, xq: Caller, xqLead: Caller, ld: Caller;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  const admin = await t.login('admin');
  const created = await admin.post('/api/users', {
    username: 'xq-lead-p',
    displayName: '兴庆区局长',
    orgUnitId: await org('640104-mzj'),
    password: 'Lead@Xq2026!x',
    roles: [{ roleCode: 'leader', scope: 'subtree' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const first = await t.login('xq-lead-p', 'Lead@Xq2026!x');
  expect((await first.post('/api/me/password', { oldPassword: 'Lead@Xq2026!x', newPassword: 'Lead@Xq2026!y' })).statusCode).toBe(204);
  [fgc, yc, xq, ld, xqLead] = await Promise.all([
    t.login('nx-fgc'),
    t.login('yc-mzj'),
    t.login('xq-mzj'),
    t.login('ld-cgz'),
    t.login('xq-lead-p', 'Lead@Xq2026!y'),
  ]);
});
afterAll(() => t?.close());

describe('信访 journey: portal → 自治区 → 市 → 县 → reply → 评价 → 复查', () => {
  let refNo = '',
    queryCode = '',
    id = '';

  it('takes an online petition without a session and returns the ref and a one-time query code', async () => {
    const r = await t.publicPost('/api/public/petitions', {
      title: '关于恢复低保待遇的诉求',
      category: '申诉求决',
      subject: '低保',
      concernedAreaCode: '640104',
      content: CONTENT,
      petitioners: [{ name: '马某某', idNumber: ID, phone: '13912345678', address: '兴庆区某小区' }],
      pow: await solvedPow(t.app),
    });
    expect(r.statusCode, r.body).toBe(201);
    ({ refNo, queryCode } = r.json());
    expect(refNo).toMatch(/^XF-640000-2026-\d{6}$/);
    expect(queryCode).toMatch(/^[A-Z2-9]{12}$/);
    const row = (
      await sql<any>`select c.id, p.query_code_hash, p.is_skip_level, r.id_number_enc, r.id_number_masked, r.phone_enc from core.case c
      join petitions.petition p on p.case_id = c.id join petitions.petitioner r on r.case_id = c.id where c.ref_no = ${refNo}`.execute(t.ctx.db)
    ).rows[0];
    id = row.id;
    expect(row.query_code_hash).not.toContain(queryCode);
    expect(row.id_number_enc).not.toContain(ID);
    expect(row.phone_enc).not.toContain('13912345678');
    expect(row.id_number_masked).toBe(`640***********${ID.slice(-4)}`);
    expect(row.is_skip_level).toBe(false); // online items are routed by the platform: not 越级走访
  });

  it('shows the full ID only to the holder, logs the read, masks it in the list', async () => {
    const d = await fgc.get(`/api/petitions/${id}`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().petitioners[0]).toMatchObject({ idNumber: ID, phone: '13912345678' });
    const log = await sql<any>`select count(*)::int as n from core.audit_event where action = 'pii.read' and entity_id = ${id}`.execute(t.ctx.db);
    expect(log.rows[0].n).toBeGreaterThan(0);
    const list = (await fgc.get(`/api/petitions?channel=${encodeURIComponent('网上信访')}&subject=${encodeURIComponent('低保')}`)).json();
    const item = list.items.find((x: any) => x.id === id);
    expect(item.petitioners[0]).toEqual({ name: '马某某', idNumberMasked: `640***********${ID.slice(-4)}`, phoneMasked: '139****5678' });
    expect(JSON.stringify(list)).not.toContain(ID);
  });

  it('is triaged and transferred down to 兴庆区, each hop signed for', async () => {
    expect((await fgc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640100-mzj'), note: '请银川市民政局办理' })).statusCode).toBe(
      200,
    );
    expect((await yc.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
    expect((await yc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640104-mzj') })).statusCode).toBe(200);
    expect((await xq.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
    // the sender keeps read-only sight, but no longer sees the unmasked ID
    const old = (await fgc.get(`/api/petitions/${id}`)).json();
    expect(old.piiShown).toBe(false);
    expect(old.petitioners[0].idNumber).toBeUndefined();
  });

  it('is accepted (60 日), drafted, approved by the leader and delivered', async () => {
    const acc = await xq.post(`/api/cases/${id}/transitions/accept`, { input: { notice: '已受理,书面告知信访人' } });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json().clocks.find((k: any) => k.name === 'handle')).toMatchObject({ state: 'running', legalBasis: expect.stringContaining('第三十四条') });
    expect((await xq.post(`/api/cases/${id}/transitions/start`, {})).statusCode).toBe(200);
    const bad = await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '随便', text: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect((await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '支持', text: '经核查,取消低保依据不足,予以恢复。' } })).statusCode).toBe(
      200,
    );
    expect((await xq.post(`/api/cases/${id}/transitions/approve`, {})).statusCode).toBe(403);
    expect((await xqLead.post(`/api/cases/${id}/transitions/approve`, {})).statusCode).toBe(200);
    const del = await xq.post(`/api/cases/${id}/transitions/deliver`, { input: { method: '网上答复', date: '2026-06-01' } });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().state).toBe('delivered');
    // Facts live in petitions.petition only (Kernel 2.0): the case page reads them from there, case.data stays empty.
    expect(del.json().data).toEqual({ opinion: '支持', deliveryMethod: '网上答复', deliveredOn: '2026-06-01' });
    const row = (
      await sql<any>`select c.data, p.delivery_method, p.delivered_on::text as delivered_on from core.case c join petitions.petition p on p.case_id = c.id where c.id = ${id}`.execute(
        t.ctx.db,
      )
    ).rows[0];
    expect(row).toMatchObject({ delivery_method: '网上答复', delivered_on: '2026-06-01' });
    expect(typeof row.data === 'string' ? JSON.parse(row.data) : row.data).toEqual({});
  });

  it('lets the citizen track by ref + code, without staff names', async () => {
    expect((await t.publicPost('/api/public/petitions/track', { refNo, queryCode: 'WRONGCODE234' })).statusCode).toBe(404);
    const r = await t.publicPost('/api/public/petitions/track', { refNo, queryCode });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({
      state: 'delivered',
      holderOrgName: '兴庆区民政局',
      reply: { opinion: '支持', text: expect.stringContaining('予以恢复') },
      canRate: true,
      canRequestReview: true,
    });
    expect(b.progress.map((p: any) => p.action)).toEqual(expect.arrayContaining(['登记', '转送', '签收', '受理（书面告知）', '送达']));
    for (const name of ['李文静', '张丽华', '刘海燕', '兴庆区局长']) expect(r.body).not.toContain(name);
  });

  it('takes one rating, then a 复查 request that the level above takes up', async () => {
    const rate = await t.publicPost('/api/public/petitions/rate', { refNo, queryCode, satisfaction: '不满意' });
    expect(rate.statusCode, rate.body).toBe(200);
    expect(rate.json().hint).toContain('复查');
    expect((await t.publicPost('/api/public/petitions/rate', { refNo, queryCode, satisfaction: '满意' })).statusCode).toBe(409);
    const rv = await t.publicPost('/api/public/petitions/review', { refNo, queryCode, reason: '对恢复时间有异议,要求补发' });
    expect(rv.statusCode, rv.body).toBe(200);
    expect(rv.json().state).toBe('review_requested');
    expect((await t.publicPost('/api/public/petitions/review', { refNo, queryCode, reason: '再次申请复查' })).statusCode).toBe(409);
    expect((await xq.post(`/api/cases/${id}/transitions/start_review`, {})).statusCode).toBe(403);
    const sr = await yc.post(`/api/cases/${id}/transitions/start_review`, {});
    expect(sr.statusCode, sr.body).toBe(200);
    expect(sr.json().clocks.find((k: any) => k.name === 'review')).toMatchObject({ state: 'running', legalBasis: expect.stringContaining('第三十五条') });
  });

  it('hides the case from a township clerk of another county', async () => {
    expect((await ld.get(`/api/petitions/${id}`)).statusCode).toBe(404);
    expect((await ld.get('/api/petitions')).json().items.map((x: any) => x.id)).not.toContain(id);
  });

  it('flags 重信重访 for the same person and matter at staff intake', async () => {
    const r = await fgc.post('/api/petitions', {
      title: '再次反映低保被取消',
      channel: '来访',
      category: '申诉求决',
      subject: '低保',
      concernedAreaCode: '640104',
      content: '我家低保待遇今年三月被无故取消,多次到社区反映都没有结果,请求恢复低保待遇。',
      visitPersons: 1,
      petitioners: [{ name: '马某某', idNumber: ID }],
    });
    expect(r.statusCode, r.body).toBe(201);
    const b = r.json();
    expect(b.flags.repeat).toMatchObject({ refNo });
    expect(b.flags.skipLevel).toBe(true);
    expect(b.suggestions.join()).toContain('重信重访');
    const other = await fgc.post('/api/petitions', {
      title: '建议增设养老服务站',
      channel: '来信',
      category: '建议意见',
      subject: '养老服务',
      concernedAreaCode: '640104',
      content: '建议在我们小区附近增设社区养老服务站点,方便老年人就近用餐和日间照料。',
      petitioners: [{ name: '马某某', idNumber: ID }],
    });
    expect(other.json().flags.repeat).toBeNull();
  });

  it('gives first-time skip-level guidance, and none for the city level', async () => {
    const body = (id17: string) => ({
      title: '咨询特困供养',
      channel: '来访',
      category: '申诉求决',
      subject: '特困',
      concernedAreaCode: '640104',
      content: '咨询特困人员供养的申请条件和办理流程,希望尽快得到答复。',
      petitioners: [{ name: '杨某', idNumber: idOf(id17) }],
    });
    const top = (await fgc.post('/api/petitions', body('64010419700505221'))).json();
    expect(top.flags).toMatchObject({ skipLevel: true, firstTime: true, repeat: null });
    expect(top.suggestions.join()).toContain('逐级走访');
    const letter = (await fgc.post('/api/petitions', { ...body('64010419700505223'), channel: '来信' })).json();
    expect(letter.flags.skipLevel).toBe(false);
    expect((await fgc.get('/api/petitions?flag=skip_level')).json().items.map((x: any) => x.refNo)).toEqual(expect.arrayContaining([top.refNo]));
    const city = (await yc.post('/api/petitions', body('64010419700505222'))).json();
    expect(city.flags.skipLevel).toBe(false);
    expect(city.suggestions).toEqual([]);
  });

  it('refuses an invalid 身份证号 with a 400 naming the field, leaving nothing behind', async () => {
    const r = await fgc.post('/api/petitions', {
      title: '身份证号错误的登记',
      channel: '来信',
      category: '其他',
      subject: '其他',
      concernedAreaCode: '640104',
      content: '这是一条用于测试身份证号校验的信访内容。',
      petitioners: [{ name: '王某', idNumber: '640104198001011230' === ID ? '640104198001011231' : '640104198001011230' }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'ID_NUMBER_INVALID', title: expect.stringContaining('身份证号'), details: { field: 'petitioners.0.idNumber' } });
    const left = await sql<any>`select count(*)::int as n from core.case where title = '身份证号错误的登记'`.execute(t.ctx.db);
    expect(left.rows[0].n).toBe(0);
    expect(
      (
        await t.publicPost('/api/public/petitions', {
          title: 'x',
          category: '其他',
          subject: '其他',
          concernedAreaCode: '640104',
          content: '内容内容内容内容内容内容',
          petitioners: [{ name: '王某', idNumber: '123' }],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('rate-limits the public form per address', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await t.publicPost('/api/public/petitions', { title: '' }, '10.99.7.7')).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('requires a session for staff routes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/petitions' })).statusCode).toBe(401);
  });
});

describe('信访 time limits', () => {
  it('refuses 不予受理 without a reason, extends 办理期限 once by the head, and closes the 复查 window after 30 日', async () => {
    const { refNo, queryCode } = await submitOnline(
      t.ctx,
      {
        title: '婚姻登记档案查询',
        category: '申诉求决',
        subject: '婚姻登记',
        concernedAreaCode: '640104',
        anonymous: false,
        content: '申请查询本人婚姻登记档案,窗口答复档案缺失,请求查明并出具证明。',
        petitioners: [{ name: '李某', role: '信访人', phone: '13800001111' }],
      },
      '640104-mzj',
    );
    const id = (await t.ctx.db.selectFrom('core.case').select('id').where('ref_no', '=', refNo).executeTakeFirstOrThrow()).id;
    const noReason = await xq.post(`/api/cases/${id}/transitions/refuse`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', title: expect.stringContaining('法定理由') });
    const acc = (await xq.post(`/api/cases/${id}/transitions/accept`, {})).json();
    const due = acc.clocks.find((k: any) => k.name === 'handle').dueDate;
    expect((await xq.post(`/api/cases/${id}/clocks/handle/extend`, { n: 30, unit: 'days', reason: '情况复杂' })).statusCode).toBe(403);
    expect((await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 31, unit: 'days', reason: '情况复杂' })).statusCode).toBe(400);
    const ext = await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 30, unit: 'days', reason: '需调取档案,情况复杂' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().dueDate > due).toBe(true);
    expect((await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 5, unit: 'days', reason: '再延' })).json().code).toBe('EXTENSION_LIMIT');
    expect((await xq.post(`/api/cases/${id}/transitions/start`, {})).statusCode).toBe(200);
    expect(
      (await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '解释说明', text: '档案已补录,可凭身份证到窗口查询。' } })).statusCode,
    ).toBe(200);
    expect((await xqLead.post(`/api/cases/${id}/transitions/approve`, {})).statusCode).toBe(200);
    expect((await xq.post(`/api/cases/${id}/transitions/deliver`, { input: { method: '邮寄送达', date: '2026-06-01' } })).statusCode).toBe(200);
    clock.advance(31 * 24 * 3600_000);
    const late = await t.publicPost('/api/public/petitions/review', { refNo, queryCode, reason: '对答复不满意,申请复查' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('PETITION_REVIEW_WINDOW_CLOSED');
  });
});
