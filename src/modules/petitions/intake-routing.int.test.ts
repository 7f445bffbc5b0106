import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';

// Intake and routing (issue 10 B): the clocks count from the day received and, after 转送/交办, from the
// receiver's own receipt; 异议 within 5 个工作日 of receipt, returned only with the sender's agreement.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 in Beijing
const at = (day: string) => clock.set(new Date(`${day}T02:00:00Z`));
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let fgc: Caller, yc: Caller, xq: Caller;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const clockOf = async (id: string, name: string) =>
  (
    await sql<any>`select state, start_date::text as start_date, due_date::text as due_date, restarts from core.deadline_clock where case_id = ${id} and name = ${name}`.execute(
      t.ctx.db,
    )
  ).rows[0];
const caseRow = async (id: string) =>
  (await sql<any>`select c.state, o.code as org from core.case c join core.org_unit o on o.id = c.org_unit_id where c.id = ${id}`.execute(t.ctx.db)).rows[0];

let seq = 100;
async function register(who: Caller, extra: Record<string, unknown> = {}) {
  const r = await who.post('/api/petitions', {
    title: '反映低保待遇问题',
    channel: '来信',
    category: '申诉求决',
    subject: '低保',
    concernedAreaCode: '640104',
    content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇,说明取消的理由和依据。',
    petitioners: [{ name: '马某', idNumber: idOf('64010419760401' + String(seq++).padStart(3, '0')) }],
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; refNo: string; state: string; flags: any; suggestions: string[] };
}
const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [fgc, yc, xq] = await Promise.all([t.login('nx-fgc'), t.login('yc-mzj'), t.login('xq-mzj')]);
});
afterAll(() => t?.close());

describe('clocks from the day received', () => {
  it('counts the 15 日 from the letter’s receipt date, not the day it was registered; refuses a future date', async () => {
    at('2026-06-01');
    const future = await fgc.post('/api/petitions', {
      title: '来信',
      channel: '来信',
      category: '建议意见',
      subject: '其他',
      concernedAreaCode: '640104',
      content: '建议简化低保申请材料,方便群众办理。',
      receivedOn: '2026-06-02',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ details: { field: 'receivedOn' } });
    const p = await register(fgc, { receivedOn: '2026-05-27' });
    expect(await clockOf(p.id, 'triage')).toMatchObject({ state: 'running', start_date: '2026-05-27', due_date: '2026-06-11' });
  });

  it('gives the receiving unit its own 15 日 from its 签收 after a 转送 (第二十三条第三款)', async () => {
    at('2026-06-01');
    const p = await register(fgc);
    expect((await clockOf(p.id, 'triage')).due_date).toBe('2026-06-16');
    await ok(fgc.post(`/api/cases/${p.id}/handoff`, { kind: 'transfer', toOrgId: await org('640100-mzj') }));
    at('2026-06-03');
    await ok(yc.post(`/api/cases/${p.id}/acknowledge`, {}));
    const k = await clockOf(p.id, 'triage');
    expect(k).toMatchObject({ state: 'running', due_date: '2026-06-18' });
    expect(k.restarts).toEqual([expect.objectContaining({ at: '2026-06-03', reason: expect.stringContaining('第二十三条第三款') })]);
    const d = (await yc.get(`/api/petitions/${p.id}`)).json();
    expect(d.clocks.find((c: any) => c.name === 'triage').dueDate).toBe('2026-06-18');
  });
});

describe('异议 of the receiving unit', () => {
  it('is raised within 5 个工作日 of receipt and returns the case only when the sender agrees', async () => {
    at('2026-06-01');
    const p = await register(fgc);
    await ok(fgc.post(`/api/cases/${p.id}/handoff`, { kind: 'transfer', toOrgId: await org('640100-mzj') }));
    at('2026-06-02');
    await ok(yc.post(`/api/cases/${p.id}/acknowledge`, {}));
    // the kernel's direct 异议 (which sends the case straight back) is closed for 信访
    const direct = await yc.post(`/api/cases/${p.id}/object`, { reason: '不属于本单位职责范围' });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().code).toBe('HANDOFF_OBJECTION_NEEDS_AGREEMENT');
    expect((await yc.get(`/api/cases/${p.id}`)).json().actions.canObject).toBe(false);
    // not by the sender, not without reasons
    expect((await fgc.post(`/api/petitions/${p.id}/objection`, { reason: '不属于本单位职权范围,应由兴庆区办理。' })).statusCode).toBe(403);
    expect((await yc.post(`/api/petitions/${p.id}/objection`, { reason: '不对' })).statusCode).toBe(400);

    at('2026-06-04');
    const r = await yc.post(`/api/petitions/${p.id}/objection`, { reason: '该事项属兴庆区民政局职权范围,且已在区级办理中。' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ receivedOn: '2026-06-02', dueDate: '2026-06-09', raisedOn: '2026-06-04' });
    expect(await caseRow(p.id)).toMatchObject({ state: 'registered', org: '640100-mzj' }); // nothing moves yet
    expect((await yc.post(`/api/petitions/${p.id}/objection`, { reason: '再次提出异议,理由同上,请核实。' })).json().code).toBe('PETITION_OBJECTION_PENDING');

    // the receiver cannot decide its own objection; the sender disagrees first
    expect((await yc.post(`/api/petitions/${p.id}/objection/decide`, { agree: true, note: '同意' })).statusCode).toBe(403);
    await ok(fgc.post(`/api/petitions/${p.id}/objection/decide`, { agree: false, note: '经核实,问题发生地在银川市辖区,由银川市民政局办理。' }));
    expect(await caseRow(p.id)).toMatchObject({ org: '640100-mzj' });

    // raised again within the window, then agreed: the case and its materials go back to the sender
    await ok(yc.post(`/api/petitions/${p.id}/objection`, { reason: '补充理由:该低保户户籍已迁至外省,不属本市职权范围。' }));
    at('2026-06-12'); // the sender's agreement may come after the window; the objection was raised in time
    await ok(fgc.post(`/api/petitions/${p.id}/objection/decide`, { agree: true, note: '经核实同意,收回另行处理。' }));
    expect(await caseRow(p.id)).toMatchObject({ state: 'registered', org: '640000-mzt-fgc' });
    const h = (await sql<any>`select status from core.case_handoff where case_id = ${p.id}`.execute(t.ctx.db)).rows;
    expect(h).toEqual([{ status: 'objected' }]);
    const events = (await fgc.get(`/api/cases/${p.id}`)).json().events.map((e: any) => e.transition);
    expect(events).toEqual(expect.arrayContaining(['raise_objection', 'decide_objection', 'object']));
  });

  it('is refused after the 5 个工作日, counted from receipt', async () => {
    at('2026-06-01');
    const p = await register(fgc);
    await ok(fgc.post(`/api/petitions/${p.id}/assign`, { toOrgId: await org('640104-mzj'), reportDays: 30 }));
    const assign = await register(fgc);
    await ok(fgc.post(`/api/petitions/${assign.id}/assign`, { toOrgId: await org('640104-mzj'), reportDays: 30 }));
    at('2026-06-02');
    await ok(xq.post(`/api/cases/${assign.id}/acknowledge`, {}));
    at('2026-06-10');
    const late = await xq.post(`/api/petitions/${assign.id}/objection`, { reason: '不属于本单位职权范围,请收回。' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'HANDOFF_OBJECTION_LATE', title: expect.stringContaining('2026-06-09') });
    // not yet signed for: counted from the day it was sent
    const early = await xq.post(`/api/petitions/${p.id}/objection`, { reason: '不属于本单位职权范围,请收回。' });
    expect(early.json()).toMatchObject({ code: 'HANDOFF_OBJECTION_LATE', title: expect.stringContaining('2026-06-01') });
  });
});
