import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';
import { forwardedTo } from './queries/forwarding.ts';

// Issue 19 items 5–6: every 信访 hand-off has a way out (the level above, other units, bodies outside
// the platform with a recorded hand-over), and an opinion drafted where nobody can approve it goes
// to the 代管 or the level above instead of waiting forever.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 in Beijing
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
let seq = 100;
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let xq: Caller, xqLead: Caller, street: Caller, cgz: Caller, cgzLead: Caller;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [xq, xqLead, street, cgz, cgzLead] = await Promise.all([
    t.login('xq-mzj'),
    t.login('xq-mzj-lead'),
    t.login('xq-fhbj'),
    t.login('ld-cgz'),
    t.login('ld-cgz-lead'),
  ]);
});
afterAll(() => t?.close());

async function register(who: Caller, area = '640104') {
  const r = await who.post('/api/petitions', {
    title: '反映低保待遇问题',
    channel: '来信',
    category: '申诉求决',
    subject: '低保',
    concernedAreaCode: area,
    content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇,说明取消的理由和依据。',
    petitioners: [{ name: '马某', idNumber: idOf('64010419760401' + String(seq++).padStart(3, '0')) }],
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const targets = async (who: Caller, id: string) => {
  const r = await who.get(`/api/cases/${id}/handoff-targets`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { targets: Array<{ id: string; name: string; relation: string; relationLabel: string }>; outside: any };
};
const move = (who: Caller, id: string, name: string, input?: unknown) => who.post(`/api/cases/${id}/transitions/${name}`, input ? { input } : {});

/** A petition held by the 凤凰北街 street office, signed for, accepted and in 办理中. */
async function atStreetOffice() {
  const id = await register(xq);
  expect((await xq.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640104001-gov') })).statusCode).toBe(200);
  expect((await street.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
  return id;
}

describe('转送 targets: the competent bodies, never the holder itself', () => {
  it('the county sees the level above first, its street offices below, no 村(居)委会, and outside bodies named after its area', async () => {
    const id = await register(xq);
    const { targets: list, outside } = await targets(xq, id);
    expect(list[0]).toMatchObject({ name: '银川市民政局', relation: 'above', relationLabel: '上一级' });
    expect(list.map((o) => o.id)).not.toContain(await org('640104-mzj'));
    expect(list.find((o) => o.name === '凤凰北街街道办事处')).toMatchObject({ relation: 'below' });
    const kinds = await sql<{ kind: string }>`select kind from core.org_unit where id = any(${list.map((o) => o.id)}::uuid[])`.execute(t.ctx.db);
    expect(kinds.rows.map((k) => k.kind)).not.toContain('community_committee');
    expect(outside).toMatchObject({ transition: 'forward_out', suggestions: expect.arrayContaining(['兴庆区人力资源和社会保障局']) });
  });

  it('after 签收 the street office can send the matter back up to the county, which signs for it', async () => {
    const id = await atStreetOffice();
    const { targets: list } = await targets(street, id);
    expect(list[0]).toMatchObject({ name: '兴庆区民政局', relation: 'above' });
    expect(list.map((o) => o.id)).not.toContain(await org('640104001-gov'));
    const up = await street.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: list[0]!.id, note: '属区级职责' });
    expect(up.statusCode, up.body).toBe(200);
    expect((await xq.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
    expect((await xq.get(`/api/cases/${id}`)).json()).toMatchObject({ orgUnitId: await org('640104-mzj'), state: 'registered' });
  });

  it('转送 to a body outside the platform records the body, day and method, ends 甄别 and tells the petitioner where it went', async () => {
    const id = await register(xq);
    const future = await move(xq, id, 'forward_out', { body: '兴庆区人力资源和社会保障局', sentOn: '2026-06-02', method: '公文交换' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ details: { field: 'sentOn' } });
    const r = await move(xq, id, 'forward_out', { body: '兴庆区人力资源和社会保障局', sentOn: '2026-06-01', method: '公文交换', note: '属劳动报酬争议' });
    expect(r.statusCode, r.body).toBe(200);
    const c = (await xq.get(`/api/cases/${id}`)).json();
    expect(c).toMatchObject({ state: 'forwarded_out', terminal: true });
    expect(c.clocks.find((k: any) => k.name === 'triage').state).not.toBe('running');
    const ev = c.events.find((e: any) => e.transition === 'forward_out');
    expect(ev.input).toMatchObject({ body: '兴庆区人力资源和社会保障局', sentOn: '2026-06-01', method: '公文交换' });
    expect((await targets(xq, id)).outside).toBeNull();
    expect(await forwardedTo(t.ctx, id)).toEqual([{ kind: '转送', office: '兴庆区人力资源和社会保障局', on: '2026-06-01', returned: false }]);
  });

  it('the 转送 step issues the 转送告知书: filled from the record (no 【】), downloadable, checkable by its code', async () => {
    const id = await register(xq);
    expect((await move(xq, id, 'forward_out', { body: '兴庆区住房和城乡建设局', sentOn: '2026-06-01', method: '邮寄' })).statusCode).toBe(200);
    const docs = (await xq.get(`/api/cases/${id}/documents`)).json();
    const doc = docs.items.find((d: any) => d.type === 'petition.forward');
    expect(doc).toMatchObject({ title: '信访事项转送告知书', docNo: expect.stringMatching(/^信转告〔2026〕\d+号$/), issuer: '兴庆区民政局' });
    const row = await sql<{ content: any }>`select content from core.document where id = ${doc.id}`.execute(t.ctx.db);
    const text = JSON.stringify(row.rows[0]!.content);
    expect(text).toContain('2026年6月1日将该事项以邮寄方式转送兴庆区住房和城乡建设局处理');
    expect(text).toContain('《信访工作条例》第二十二条');
    expect(text).not.toMatch(/【|】/);
    const pdf = await xq.get(`/api/documents/${doc.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const v = await t.app.inject({ method: 'GET', url: `/api/public/documents/verify?no=${encodeURIComponent(doc.docNo)}&code=${doc.verifyCode}` });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ genuine: true, docNo: doc.docNo });
  });
});

describe('转送 on the platform tells the petitioner where it went (第二十三条第一款)', () => {
  it('the 转送 issues the 转送告知书 in the sender’s name: the receiver, the day, its 15 日; numbered, checkable, inside the case scope', async () => {
    const id = await register(xq);
    expect((await xq.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640104001-gov') })).statusCode).toBe(200);
    const docs = (await xq.get(`/api/cases/${id}/documents`)).json();
    const doc = docs.items.find((d: any) => d.type === 'petition.transfer');
    expect(doc).toMatchObject({ title: '信访事项转送告知书', docNo: expect.stringMatching(/^信转送告〔2026〕\d+号$/), version: 1, issuer: '兴庆区民政局' });
    expect(docs.issuable.map((d: any) => d.type)).not.toContain('petition.transfer'); // only the hand-off issues it
    const content = (await sql<{ content: any }>`select content from core.document where id = ${doc.id}`.execute(t.ctx.db)).rows[0]!.content;
    const body = content.body.join('');
    expect(body).toContain('2026年6月1日将该事项转送凤凰北街街道办事处办理');
    expect(body).toContain('属于凤凰北街街道办事处的职责范围');
    expect(body).toContain('15 日内书面告知您接收情况以及处理途径和程序（《信访工作条例》第二十三条第三款）');
    expect(body).toContain('《信访工作条例》第二十三条第一款');
    expect(content.recipient).toBe('马某');
    expect(JSON.stringify(content)).not.toMatch(/【|】/);
    // The receiver (now holding the case) and the sender read it; another county does not.
    expect((await street.get(`/api/documents/${doc.id}.pdf`)).statusCode).toBe(200);
    expect((await xq.get(`/api/documents/${doc.id}.pdf`)).headers['content-type']).toContain('application/pdf');
    expect((await cgz.get(`/api/documents/${doc.id}.pdf`)).statusCode).toBe(404);
    const v = await t.app.inject({ method: 'GET', url: `/api/public/documents/verify?no=${encodeURIComponent(doc.docNo)}&code=${doc.verifyCode}` });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ genuine: true, docNo: doc.docNo, title: '信访事项转送告知书', issuer: '兴庆区民政局' });
  });

  it('a 转送 withdrawn and sent elsewhere is a new version of the same number naming the new receiver; a 交办 outside its own action is refused', async () => {
    const id = await register(xq);
    expect((await xq.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640104001-gov') })).statusCode).toBe(200);
    expect((await xq.post(`/api/cases/${id}/withdraw-handoff`, { reason: '转错单位' })).statusCode).toBe(200);
    const second = (await targets(xq, id)).targets.find((x) => x.relation === 'below' && x.name !== '凤凰北街街道办事处')!;
    expect((await xq.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: second.id })).statusCode).toBe(200);
    const items = (await xq.get(`/api/cases/${id}/documents`)).json().items.filter((d: any) => d.type === 'petition.transfer');
    expect(items.map((d: any) => d.version)).toEqual([2, 1]);
    expect(items[0].docNo).toBe(items[1].docNo);
    const latest = (await sql<{ content: any }>`select content from core.document where id = ${items[0].id}`.execute(t.ctx.db)).rows[0]!.content;
    expect(latest.body.join('')).toContain(`转送${second.name}办理`);
    const other = await register(xq);
    // 交办 goes only through its own action (report deadline, 交办单): the generic hand-off refuses it and writes nothing.
    const generic = await xq.post(`/api/cases/${other}/handoff`, { kind: 'assign', toOrgId: await org('640104001-gov') });
    expect(generic.json()).toMatchObject({ status: 409, code: 'ASSIGN_VIA_MODULE', title: expect.stringContaining('交办（定报告期限）') });
    expect((await xq.get(`/api/cases/${other}`)).json()).toMatchObject({ pendingHandoff: false });
    expect((await xq.get(`/api/cases/${other}/documents`)).json().items).toEqual([]);
  });

  it('交办 with its 报告期限 issues the 交办单 to the receiver: the deadline, the article; numbered and checkable', async () => {
    const id = await register(xq);
    const a = await xq.post(`/api/petitions/${id}/assign`, { toOrgId: await org('640104001-gov'), reportDays: 20, note: '请核实后报告' });
    expect(a.statusCode, a.body).toBe(200);
    const doc = (await xq.get(`/api/cases/${id}/documents`)).json().items.find((d: any) => d.type === 'petition.assign');
    expect(doc).toMatchObject({ title: '信访事项交办单', docNo: expect.stringMatching(/^信交办〔2026〕\d+号$/), issuer: '兴庆区民政局' });
    const content = (await sql<{ content: any }>`select content from core.document where id = ${doc.id}`.execute(t.ctx.db)).rows[0]!.content;
    const body = content.body.join('');
    expect(content.recipient).toBe('凤凰北街街道办事处');
    expect(body).toContain(`于2026年6月21日前将办理结果报告本机关`);
    expect(body).toContain('《信访工作条例》第二十二条第一款第（三）项');
    expect(body).toContain('交办要求：请核实后报告。');
    expect(body).not.toMatch(/【|】/);
    expect((await street.get(`/api/documents/${doc.id}.pdf`)).headers['content-type']).toContain('application/pdf');
    const v = await t.app.inject({ method: 'GET', url: `/api/public/documents/verify?no=${encodeURIComponent(doc.docNo)}&code=${doc.verifyCode}` });
    expect(v.json()).toMatchObject({ genuine: true, docNo: doc.docNo, title: '信访事项交办单' });
  });
});

describe('an opinion nobody at the unit can approve', () => {
  it('warns at drafting and goes to the level above, whose leader approves it', async () => {
    const id = await atStreetOffice();
    expect((await move(street, id, 'accept', { notice: '已受理,书面告知信访人' })).statusCode).toBe(200);
    expect((await move(street, id, 'start')).statusCode).toBe(200);
    const routes = (await street.get(`/api/cases/${id}/approval-routes`)).json().items;
    expect(routes.find((r: any) => r.transition === 'draft')).toMatchObject({
      kind: 'above',
      orgName: '兴庆区民政局',
      people: [expect.objectContaining({ name: '陈国庆' })],
      message: expect.stringContaining('送上一级兴庆区民政局'),
    });
    const d = await move(street, id, 'draft', { opinion: '支持', text: '经核查,取消低保依据不足,予以恢复。' });
    expect(d.statusCode, d.body).toBe(200);
    const c = (await street.get(`/api/cases/${id}`)).json();
    expect(c.nextStep.text).toBe('待 上一级 兴庆区民政局 陈国庆（分管领导/负责人） 审批');
    const todo = (await xqLead.get('/api/worklist?tab=todo&view=mine&pageSize=100')).json();
    expect(todo.items.map((x: any) => x.id)).toContain(id);
    const note = await sql<{ n: number }>`select count(*)::int as n from core.notification where case_id = ${id} and kind = 'case.handover'`.execute(t.ctx.db);
    expect(note.rows[0]!.n).toBe(1);
    const ok = await move(xqLead, id, 'approve');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await street.get(`/api/cases/${id}`)).json().state).toBe('approved');
    // The level above's part ends with its approval: the case is the street office's again.
    const row = await t.ctx.db.selectFrom('core.case').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.assignee_id).toBeNull();
    expect((await move(street, id, 'deliver', { method: '当面送达', date: '2026-06-01' })).statusCode).toBe(200);
  });

  it('撤回 by the drafter or 退回 by the level above gives the case back to the street office', async () => {
    const id = await atStreetOffice();
    expect((await move(street, id, 'accept', { notice: '已受理,书面告知信访人' })).statusCode).toBe(200);
    expect((await move(street, id, 'start')).statusCode).toBe(200);
    const assignee = async () => (await t.ctx.db.selectFrom('core.case').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_id;
    const lead = xqLead.me.user.id as string;
    const inStreetTodo = async () => (await street.get('/api/worklist?tab=todo&pageSize=100')).json().items.some((x: any) => x.id === id);
    expect((await move(street, id, 'draft', { opinion: '支持', text: '予以恢复。' })).statusCode).toBe(200);
    expect(await assignee()).toBe(lead);
    const w = await street.post(`/api/cases/${id}/withdraw`, { reason: '补充核实' });
    expect(w.statusCode, w.body).toBe(200);
    expect(await assignee()).toBeNull();
    expect(await inStreetTodo()).toBe(true);
    expect((await move(street, id, 'draft', { opinion: '支持', text: '经补充核实,予以恢复。' })).statusCode).toBe(200);
    expect(await assignee()).toBe(lead);
    const r = await xqLead.post(`/api/cases/${id}/return`, { toState: 'handling', reason: '请补充入户核实记录' });
    expect(r.statusCode, r.body).toBe(200);
    expect(await assignee()).toBeNull();
    expect(await inStreetTodo()).toBe(true);
  });

  it('with the leader’s role 代管 to a colleague, the approval goes to the 代管, not the absent leader', async () => {
    const leaderGrant = cgzLead.me.roles.find((g: any) => g.code === 'leader');
    const dlg = await cgzLead.post('/api/delegations', {
      fromAssignmentId: leaderGrant.assignmentId,
      toUserId: cgz.me.user.id,
      validFrom: new Date(clock.now().getTime() + 1000).toISOString(),
      validTo: '2026-06-20T00:00:00Z',
      reason: '外出学习',
    });
    expect(dlg.statusCode, dlg.body).toBe(201);
    clock.advance(60_000);
    const id = await register(cgz, '640423100');
    const routes = (await cgz.get(`/api/cases/${id}/approval-routes`)).json().items;
    expect(routes).toEqual([]);
    expect((await move(cgz, id, 'accept', { notice: '已受理,书面告知信访人' })).statusCode).toBe(200);
    expect((await move(cgz, id, 'start')).statusCode).toBe(200);
    const r = (await cgz.get(`/api/cases/${id}/approval-routes`)).json().items.find((x: any) => x.transition === 'draft');
    expect(r).toMatchObject({ kind: 'delegate', people: [{ name: '马小兰', role: '代管海文斌' }] });
    expect((await move(cgz, id, 'draft', { opinion: '支持', text: '予以恢复。' })).statusCode).toBe(200);
    expect((await cgz.get(`/api/cases/${id}`)).json().nextStep.text).toBe('待 马小兰（代管海文斌） 审批');
  });
});
