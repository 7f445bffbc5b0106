import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';
import { petitionExtensions } from './queries/petition-extensions.ts';
import { submitOnline } from './commands/submit-online.ts';

// 甄别 outcomes, 简易办理 eligibility, the extension reason, 复查/复核 by letter, staff-recorded
// satisfaction and the automatic refusal after 复核 — through the HTTP API, on both databases.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 in Beijing
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let fgc: Caller, yc: Caller, xq: Caller, xqLead: Caller;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const row = async (id: string) =>
  (await sql<any>`select c.state, c.version, p.* from core.case c join petitions.petition p on p.case_id = c.id where c.id = ${id}`.execute(t.ctx.db)).rows[0];
const clockOf = async (id: string, name: string) =>
  (await sql<any>`select state, due_date from core.deadline_clock where case_id = ${id} and name = ${name}`.execute(t.ctx.db)).rows[0];

let seq = 10;
/** A letter registered by `who`, with a fresh petitioner unless `idNumber` is given. */
async function register(who: Caller, extra: Record<string, unknown> = {}, idNumber = idOf('64010419750301' + String(seq++).padStart(3, '0'))) {
  const r = await who.post('/api/petitions', {
    title: '反映低保待遇问题',
    channel: '来信',
    category: '申诉求决',
    subject: '低保',
    concernedAreaCode: '640104',
    content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇,说明取消的理由和依据。',
    petitioners: [{ name: '杨某', idNumber }],
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; refNo: string; state: string; refusal: any; flags: any };
}
const move = async (who: Caller, id: string, name: string, body: Record<string, unknown> = {}) => who.post(`/api/cases/${id}/transitions/${name}`, body);
const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};

/** Registered by 兴庆区, handled and delivered (approved by its head). */
async function delivered(idNumber?: string, content?: string) {
  const p = await register(xq, content ? { content } : {}, idNumber);
  await ok(move(xq, p.id, 'accept'));
  await ok(move(xq, p.id, 'start'));
  await ok(move(xq, p.id, 'draft', { input: { opinion: '解释说明', text: '经核查,已向信访人解释低保政策。' } }));
  await ok(move(xqLead, p.id, 'approve'));
  await ok(move(xq, p.id, 'deliver', { input: { method: '邮寄送达', date: '2026-06-01' } }));
  return p;
}

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [fgc, yc, xq, xqLead] = await Promise.all([t.login('nx-fgc'), t.login('yc-mzj'), t.login('xq-mzj'), t.login('xq-mzj-lead')]);
});
afterAll(() => t?.close());

describe('甄别: 受理 / 不予受理 / 交办', () => {
  it('不予受理 needs a statutory reason from the list; the reason, basis and guidance are stored and shown', async () => {
    const p = await register(fgc);
    const before = await row(p.id);
    const none = await move(fgc, p.id, 'refuse', { comment: '不予受理' });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'VALIDATION_FAILED', title: expect.stringContaining('法定理由') });
    const bogus = await move(fgc, p.id, 'refuse', { input: { reasonCode: 'because' } });
    expect(bogus.statusCode).toBe(400);
    expect(await row(p.id)).toMatchObject({ state: 'registered', version: before.version, refusal_code: null });

    const r = await move(fgc, p.id, 'refuse', { input: { reasonCode: 'statutory_route', detail: '已向人民法院起诉' } });
    expect(r.statusCode, r.body).toBe(200);
    const d = (await fgc.get(`/api/petitions/${p.id}`)).json();
    expect(d.state).toBe('refused');
    expect(d.petition.refusal).toMatchObject({
      reasonCode: 'statutory_route',
      reason: '已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决',
      legalBasis: expect.stringContaining('第三十一条'),
      guidance: expect.stringContaining('法定途径'),
      detail: '已向人民法院起诉',
      auto: false,
    });
    expect((await clockOf(p.id, 'triage')).state).not.toBe('running');
    // the refuse form lists the reasons
    const reg = (await fgc.get(`/api/petitions/${(await register(fgc)).id}`)).json();
    const form = reg.actions.transitions.find((x: any) => x.name === 'refuse');
    expect(JSON.stringify(form.inputSchema)).toContain('not_competent');
    expect(reg.refusalReasons).toContainEqual({
      code: 'rechecked_final',
      label: expect.stringContaining('复核终结'),
      legalBasis: '《信访工作条例》第三十六条第三款',
      guidance: expect.any(String),
    });
    expect(d.refusalReasons).toEqual([]);
  });

  it("受理 records the written notice: the handler's text, or the standard 告知书", async () => {
    const a = await register(xq);
    await ok(move(xq, a.id, 'accept'));
    const da = (await xq.get(`/api/petitions/${a.id}`)).json();
    expect(da.petition.acceptanceNotice).toContain(a.refNo);
    expect(da.petition.acceptanceNotice).toContain('60 日');
    expect(da.petition.acceptedAt).toBeTruthy();
    const b = await register(xq);
    await ok(move(xq, b.id, 'accept', { input: { notice: '您的信访事项已受理,我局将于60日内书面答复。' } }));
    expect((await xq.get(`/api/petitions/${b.id}`)).json().petition.acceptanceNotice).toBe('您的信访事项已受理,我局将于60日内书面答复。');
  });

  it('交办 carries a 报告期限: stored and shown, refused without one (nothing written), reported on 送达', async () => {
    const p = await register(fgc);
    const xqOrg = await org('640104-mzj');
    const bad = await fgc.post(`/api/petitions/${p.id}/assign`, { toOrgId: xqOrg });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', title: expect.stringContaining('报告期限'), details: { field: 'reportDays' } });
    expect((await fgc.post(`/api/petitions/${p.id}/assign`, { toOrgId: xqOrg, reportDays: 500 })).statusCode).toBe(400);
    const handoffs = async () => (await sql<any>`select count(*)::int as n from core.case_handoff where case_id = ${p.id}`.execute(t.ctx.db)).rows[0].n;
    expect(await handoffs()).toBe(0);

    const r = await fgc.post(`/api/petitions/${p.id}/assign`, { toOrgId: xqOrg, reportDays: 20, note: '请于期限内报送办结报告' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ reportDueDate: '2026-06-21', reportDays: 20 });
    const d = (await fgc.get(`/api/petitions/${p.id}`)).json();
    expect(d.pendingHandoff).toBe(true);
    expect(d.handoffs[0]).toMatchObject({ kind: 'assign', toOrgName: '兴庆区民政局' });
    expect(d.assignments).toEqual([
      expect.objectContaining({ toOrgName: '兴庆区民政局', reportDueDate: '2026-06-21', reportedAt: null, handoffStatus: 'pending', reportOverdue: false }),
    ]);

    await ok(xq.post(`/api/cases/${p.id}/acknowledge`, {}));
    await ok(move(xq, p.id, 'accept'));
    await ok(move(xq, p.id, 'start'));
    await ok(move(xq, p.id, 'draft', { input: { opinion: '支持', text: '经核查,予以恢复低保待遇。' } }));
    await ok(move(xqLead, p.id, 'approve'));
    await ok(move(xq, p.id, 'deliver', { input: { method: '当面送达', date: '2026-06-01' } }));
    const after = (await xq.get(`/api/petitions/${p.id}`)).json();
    expect(after.assignments[0]).toMatchObject({ handoffStatus: 'acknowledged', reportedAt: expect.any(String) });
  });
});

describe('简易办理 eligibility', () => {
  it('takes a first-time, clear individual item and starts the 10-working-day clock', async () => {
    const p = await register(xq);
    await ok(move(xq, p.id, 'accept'));
    expect((await xq.get(`/api/petitions/${p.id}`)).json().simpleEligibility).toEqual({ eligible: true, reasons: [] });
    const missing = await move(xq, p.id, 'simplify', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().title).toContain('事实清楚');
    const r = await move(xq, p.id, 'simplify', { input: { factsClear: true } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().state).toBe('simple');
    expect(r.json().clocks.find((k: any) => k.name === 'simple')).toMatchObject({ state: 'running', rule: { unit: 'workdays', n: 10 } });
  });

  it('counts the 10 工作日 from 受理, and goes back to the ordinary procedure with reasons, the 60 日 still from 受理', async () => {
    const p = await register(xq);
    await ok(move(xq, p.id, 'accept')); // Monday 2026-06-01
    clock.set(new Date('2026-06-04T02:00:00Z'));
    try {
      await ok(move(xq, p.id, 'simplify', { input: { factsClear: true } }));
      const simple = await clockOf(p.id, 'simple');
      expect(simple.state).toBe('running');
      expect(simple.due_date instanceof Date ? simple.due_date.toISOString().slice(0, 10) : String(simple.due_date)).toBe('2026-06-15');
      const due = async (name: string) => {
        const k = (await xq.get(`/api/petitions/${p.id}`)).json().clocks.find((c: any) => c.name === name);
        return k && { state: k.state, dueDate: k.dueDate };
      };
      expect(await due('handle')).toEqual({ state: 'running', dueDate: '2026-07-31' });

      clock.set(new Date('2026-06-10T02:00:00Z'));
      const bare = await move(xq, p.id, 'to_ordinary', {});
      expect(bare.statusCode).toBe(400);
      expect(bare.json().code).toBe('REASON_REQUIRED');
      await ok(move(xq, p.id, 'to_ordinary', { comment: '经核查涉及多个部门,情况复杂,转为普通程序办理' }));
      expect((await row(p.id)).state).toBe('handling');
      expect((await clockOf(p.id, 'simple')).state).not.toBe('running');
      expect(await due('handle')).toEqual({ state: 'running', dueDate: '2026-07-31' });
      const d = (await xq.get(`/api/petitions/${p.id}`)).json();
      expect(d.events.at(-1)).toMatchObject({ transition: 'to_ordinary', comment: expect.stringContaining('情况复杂') });
    } finally {
      clock.set(new Date('2026-06-01T02:00:00Z'));
    }
  });

  it('refuses 重信重访, not-first-time, group visits and unclear facts with the reasons, writing nothing', async () => {
    const id = idOf('64010419650707331');
    const first = await register(xq, {}, id);
    const again = await register(xq, { content: '我家低保待遇今年被取消了,请求查明原因并恢复低保待遇,说明取消的理由和依据!' }, id);
    expect(again.flags.repeat).toMatchObject({ refNo: first.refNo });
    await ok(move(xq, again.id, 'accept'));
    expect((await xq.get(`/api/petitions/${again.id}`)).json().simpleEligibility).toEqual({ eligible: false, reasons: ['不是初次信访', '属于重信重访'] });
    const before = await row(again.id);
    const r = await move(xq, again.id, 'simplify', { input: { factsClear: true } });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'PETITION_SIMPLE_NOT_ELIGIBLE' });
    expect(r.json().title).toContain('不是初次信访');
    expect(r.json().title).toContain('重信重访');
    expect(await row(again.id)).toMatchObject({ state: 'accepted', version: before.version });
    expect(await clockOf(again.id, 'simple')).toBeUndefined();
    expect((await clockOf(again.id, 'handle')).state).toBe('running');

    const group = await register(xq, { channel: '来访', visitBatch: 1, visitPersons: 8, representatives: 3 });
    await ok(move(xq, group.id, 'accept'));
    const g = await move(xq, group.id, 'simplify', { input: { factsClear: true } });
    expect(g.statusCode).toBe(409);
    expect(g.json().title).toContain('集体访');
    expect(g.json().title).not.toContain('不是初次信访');

    const unclear = await register(xq);
    await ok(move(xq, unclear.id, 'accept'));
    const u = await move(xq, unclear.id, 'simplify', { input: { factsClear: false } });
    expect(u.statusCode).toBe(409);
    expect(u.json().title).toContain('事实不清楚');
  });
});

describe('延期 reason, 复查/复核 by letter, staff satisfaction, refusal after 复核', () => {
  let final: { id: string; refNo: string };
  const ID = idOf('64010419580808441');
  const CONTENT = '我父亲的特困供养待遇被停止发放,请求恢复特困人员供养待遇并补发停发期间的供养金。';

  it('shows the head-approved extension with its reason in GET /api/petitions/:id', async () => {
    const p = await register(xq);
    await ok(move(xq, p.id, 'accept'));
    const ext = await xqLead.post(`/api/cases/${p.id}/clocks/handle/extend`, { n: 30, unit: 'days', reason: '需调取三年来的低保审核档案,情况复杂' });
    expect(ext.statusCode, ext.body).toBe(200);
    const d = (await xq.get(`/api/petitions/${p.id}`)).json();
    expect(d.extensions).toEqual([
      expect.objectContaining({
        clock: 'handle',
        days: 30,
        unit: 'days',
        reason: '需调取三年来的低保审核档案,情况复杂',
        at: '2026-06-01',
        approvedByName: '陈国庆',
      }),
    ]);
    expect(d.extensions[0].dueDate).toBe(d.clocks.find((k: any) => k.name === 'handle').dueDate);
    expect(await petitionExtensions(t.ctx, p.id)).toEqual([
      {
        clock: 'handle',
        clockLabel: '办理期限',
        days: 30,
        unit: 'days',
        reason: '需调取三年来的低保审核档案,情况复杂',
        at: '2026-06-01',
        dueDate: d.extensions[0].dueDate,
      },
    ]);
  });

  it('records satisfaction taken by phone once, only after delivery, with the channel', async () => {
    const open = await register(xq);
    expect((await xq.post(`/api/petitions/${open.id}/satisfaction`, { satisfaction: '满意', channel: '电话' })).json().code).toBe('PETITION_NOT_DELIVERED');
    const p = await delivered();
    const bad = await xq.post(`/api/petitions/${p.id}/satisfaction`, { satisfaction: '满意', channel: '微信' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('channel');
    expect((await yc.post(`/api/petitions/${p.id}/satisfaction`, { satisfaction: '满意', channel: '电话' })).statusCode).toBe(403);
    const r = await xq.post(`/api/petitions/${p.id}/satisfaction`, { satisfaction: '不满意', channel: '电话', comment: '电话回访,对答复不满意' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().hint).toContain('复查');
    const again = await xq.post(`/api/petitions/${p.id}/satisfaction`, { satisfaction: '满意', channel: '信函' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PETITION_ALREADY_RATED');
    expect((await xq.get(`/api/petitions/${p.id}`)).json().petition).toMatchObject({
      satisfaction: '不满意',
      satisfactionChannel: '电话',
      satisfactionComment: '电话回访,对答复不满意',
    });
  });

  it('registers 复查 and 复核 requests received by letter within 30 日 of the reply, up to 终结', async () => {
    const p = await delivered(ID, CONTENT);
    const body = { which: '复查', reason: '对处理意见不服,来信请求复查' };
    expect((await xq.post(`/api/petitions/${p.id}/review-request`, { ...body, which: '复核', receivedOn: '2026-06-01' })).json().code).toBe(
      'PETITION_RECHECK_NOT_ALLOWED',
    );
    expect((await xq.post(`/api/petitions/${p.id}/review-request`, { ...body, receivedOn: '2026-06-02' })).statusCode).toBe(400); // in the future
    expect((await xq.post(`/api/petitions/${p.id}/review-request`, { ...body, receivedOn: 'gestern' })).json().details.field).toBe('receivedOn');
    clock.set(new Date('2026-07-03T02:00:00Z'));
    const late = await xq.post(`/api/petitions/${p.id}/review-request`, { ...body, receivedOn: '2026-07-02' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'PETITION_REVIEW_WINDOW_CLOSED', title: expect.stringContaining('30 日') });
    expect((await row(p.id)).state).toBe('delivered');
    const r = await xq.post(`/api/petitions/${p.id}/review-request`, { ...body, receivedOn: '2026-07-01' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ which: '复查', state: 'review_requested', replyOn: '2026-06-01' });
    const d = (await xq.get(`/api/petitions/${p.id}`)).json();
    expect(d.reviewRequests).toEqual([expect.objectContaining({ which: '复查', channel: '来信', receivedOn: '2026-07-01', recordedByName: '刘海燕' })]);
    expect(d.events.at(-1)).toMatchObject({ transition: 'request_review', actorName: expect.stringContaining('刘海燕代为登记') });

    // 复查 by the level above 兴庆区 (银川市), served; 复核 by the level above 银川市 (民政厅), served: 终结.
    await ok(move(yc, p.id, 'start_review'));
    await ok(move(yc, p.id, 'conclude_review', { input: { opinion: '不予支持', text: '维持原处理意见。' } }));
    await ok(move(yc, p.id, 'deliver_review', { input: { method: '当面送达', date: '2026-07-03' } }));
    clock.set(new Date('2026-07-10T02:00:00Z'));
    const rr = await yc.post(`/api/petitions/${p.id}/review-request`, { which: '复核', reason: '对复查意见不服,来信请求复核', receivedOn: '2026-07-09' });
    expect(rr.statusCode, rr.body).toBe(201);
    expect(rr.json().state).toBe('recheck_requested');
    expect((await move(yc, p.id, 'start_recheck')).statusCode).toBe(403); // the 复查 body cannot also do the 复核
    await ok(move(fgc, p.id, 'start_recheck'));
    await ok(move(fgc, p.id, 'conclude_recheck', { input: { opinion: '不予支持', text: '复核维持复查意见,本事项终结。' } }));
    await ok(move(fgc, p.id, 'deliver_recheck', { input: { method: '邮寄送达', date: '2026-07-10' } }));
    expect((await row(p.id)).state).toBe('final');
    final = p;
  });

  it('never refuses a matter like one 复核终结 by itself: it flags the match, the handler refuses with reasons or takes a new fact as a new matter', async () => {
    expect(final).toBeDefined();
    const again = {
      title: '再次要求恢复特困供养',
      channel: '来访',
      category: '申诉求决',
      subject: '特困',
      concernedAreaCode: '640104',
      visitPersons: 1,
      content: '我父亲的特困供养待遇被停止发放,请求恢复特困人员供养待遇,并补发停发期间的供养金。',
      petitioners: [{ name: '杨某', idNumber: ID }],
    };
    // a per-request threshold no longer changes the check
    const r = await fgc.post('/api/petitions', { ...again, similarityThreshold: 1 });
    expect(r.statusCode, r.body).toBe(201);
    const b = r.json();
    expect(b.state).toBe('registered');
    expect(b).not.toHaveProperty('refusal');
    expect(b.flags.finalMatch).toMatchObject({ caseId: final.id, refNo: final.refNo, state: 'final' });
    expect(b.suggestions.join()).toContain(`已复核终结的信访事项 ${final.refNo}`);
    expect((await row(b.id)).final_match_of).toBe(final.id);
    expect((await clockOf(b.id, 'triage')).state).toBe('running');

    // the portal is never refused by the system either
    const online = await submitOnline(t.ctx, { ...again, title: '网上再次反映特困供养' } as never);
    const o =
      await sql<any>`select c.state, p.final_match_of from core.case c join petitions.petition p on p.case_id = c.id where c.ref_no = ${online.refNo}`.execute(
        t.ctx.db,
      );
    expect(o.rows[0]).toMatchObject({ state: 'registered', final_match_of: final.id });

    // 不再受理 needs the 复核终结 matter and the handler's reasons
    const bare = await move(fgc, b.id, 'refuse', { input: { reasonCode: 'rechecked_final' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().title).toMatch(/原信访事项编号|判断为同一事实和理由/);
    const notFinal = await move(fgc, b.id, 'refuse', {
      input: { reasonCode: 'rechecked_final', originalRefNo: b.refNo, detail: '与原事项请求、事实和理由相同,未提出新的事实。' },
    });
    expect(notFinal.statusCode).toBe(400);
    expect(notFinal.json()).toMatchObject({ details: { field: 'originalRefNo' }, title: expect.stringContaining('尚未复核终结') });
    expect((await row(b.id)).state).toBe('registered');
    await ok(
      move(fgc, b.id, 'refuse', {
        input: { reasonCode: 'rechecked_final', originalRefNo: final.refNo, detail: '与原事项请求、事实和理由相同,未提出新的事实。' },
      }),
    );
    const d = (await fgc.get(`/api/petitions/${b.id}`)).json();
    expect(d.petition.refusal).toMatchObject({
      reasonCode: 'rechecked_final',
      auto: false,
      detail: expect.stringContaining('未提出新的事实'),
      legalBasis: expect.stringContaining('第三十六条'),
    });
    expect(d.events.map((e: any) => e.transition)).toEqual(['create', 'refuse']);

    // a new fact (a new illness adding 刚性支出) is a new matter: registered, handled as such
    const fresh = await fgc.post('/api/petitions', {
      ...again,
      content: '我父亲今年新患尿毒症需长期透析,医疗刚性支出大增,特困供养待遇被停止发放,请求重新认定并恢复特困人员供养待遇。',
    });
    expect(fresh.json()).toMatchObject({ state: 'registered' });
    await ok(move(fgc, fresh.json().id, 'accept'));
  });
});
