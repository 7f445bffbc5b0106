import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { startCaseClock, stopCaseClock, type CaseRow } from './index.ts';

// The console guides the clerk (issue 19, items 1–4) on the kernel's sample type: the normal next
// step first, a period that runs out is 期满 (not 超期), worklist counts equal the row tags, 下一步.
const clock = manualClock(new Date('2019-06-03T02:00:00Z')); // Monday 10:00 in Beijing
let t: TestApp;
let fgc: Session; // 李文静, clerk of 政策法规处 (no audit.read: cannot approve the sample type)
let lead: Session; // 王志强, leader of the same unit
let yc: Session;
const runTimers = () => t.test.jobs.runDue(t.ctx, { names: ['deadline.remind', 'deadline.overdue'], includeFuture: true, singlePass: true });
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, lead, yc] = [await t.login('nx-fgc'), await t.login('nx-fgc-lead'), await t.login('yc-mzj')];
});
afterAll(() => t?.close());

async function newCase(title: string) {
  const r = await fgc.post('/api/cases', { type: SAMPLE_TYPE, title, orgUnitId: fgc.me.orgUnit.id, input: { summary: title } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const move = async (id: string, name: string, body: object = {}) => {
  const r = await fgc.post(`/api/cases/${id}/transitions/${name}`, body);
  expect(r.statusCode, r.body).toBe(200);
};
const page = async (s: Session, id: string) => (await s.get(`/api/cases/${id}`)).json();
const list = async (s: Session, query: string) => (await s.get(`/api/worklist?pageSize=100&${query}`)).json() as Promise<{ items: any[]; total: number }>;

describe('the console guides the clerk', () => {
  it('offers the normal next step first, marked primary; the exception defined before it is secondary', async () => {
    const id = await newCase('主按钮是正常下一步');
    await move(id, 'accept');
    const { transitions } = (await page(fgc, id)).actions;
    expect(transitions.map((x: any) => [x.name, x.primary])).toEqual([
      ['draft', true],
      ['correct', false],
    ]);
  });

  it('a period that has run out is 期满: not overdue, no 督办, stopped late it is still met, and the case is not overdue', async () => {
    const id = await newCase('公示期不是办理期限');
    const row = (await t.ctx.db.selectFrom('core.case').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as CaseRow;
    await startCaseClock(t.ctx, row, { name: 'objection_window', label: '异议期(5 日)', rule: { unit: 'days', n: 5 }, legalBasis: '测试', kind: 'period' });
    clock.set(new Date('2019-06-11T02:00:00Z')); // 06-08 is a Saturday after 端午: the last day rolls to Monday 06-10
    await runTimers();
    const c = await page(fgc, id);
    expect(c.clocks.find((k: any) => k.name === 'objection_window')).toMatchObject({ kind: 'period', status: 'elapsed', dueDate: '2019-06-10' });
    expect(c.clocks.find((k: any) => k.name === 'triage')).toMatchObject({ kind: 'deadline' });
    expect(c.clockState).not.toBe('overdue');
    expect(c.supervisions).toEqual([]);
    clock.set(new Date('2019-06-12T02:00:00Z'));
    await runTimers();
    await stopCaseClock(t.ctx, row, 'objection_window');
    const after = await page(fgc, id);
    expect(after.clocks.find((k: any) => k.name === 'objection_window')).toMatchObject({ state: 'met', status: 'met', stoppedOn: '2019-06-12' });
    expect(after.supervisions).toEqual([]);
    const inbox = (await fgc.get('/api/notifications?pageSize=50')).json().items.filter((n: any) => n.caseId === id);
    expect(inbox.map((n: any) => n.kind)).toEqual(['deadline.elapsed']);
    clock.set(new Date('2019-06-03T02:00:00Z'));
  });

  it('counts a 待签收 case tagged 即将到期 in the 即将到期 tab, in either view: the count and the tags come from one definition', async () => {
    const id = await newCase('待签收即将到期');
    const r = await fgc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640100-mzj') });
    expect(r.statusCode, r.body).toBe(200);
    const toAck = await list(yc, 'tab=to_acknowledge');
    expect(toAck.items.find((x) => x.id === id)).toMatchObject({ clockState: 'due_soon', pendingHandoff: true });
    for (const view of ['unit', 'mine']) {
      const of = async (tab: string) => (await list(yc, `tab=${tab}&view=${view}`)).items;
      const dueSoon = await list(yc, `tab=due_soon&view=${view}`);
      const tagged = new Set([...(await of('to_acknowledge')), ...(await of('todo'))].filter((x) => x.clockState === 'due_soon').map((x) => x.id));
      expect(dueSoon.items.map((x) => x.id).sort(), view).toEqual([...tagged].sort());
      expect(dueSoon.total).toBe(tagged.size);
      expect(tagged.has(id), view).toBe(true);
    }
    expect((await page(yc, id)).nextStep).toMatchObject({ text: '待 银川市民政局 签收', mine: true });
  });

  it('says who acts next, lists the case under 待我处理 for the approver only, and notifies her', async () => {
    const id = await newCase('待领导审批');
    await move(id, 'accept');
    await move(id, 'draft', { input: { opinion: '支持' } });
    const c = await page(fgc, id);
    expect(c.nextStep).toMatchObject({ step: '审批', mine: false, people: [{ name: '王志强', role: '分管领导/负责人' }] });
    expect(c.nextStep.text).toBe('待 王志强（分管领导/负责人） 审批');
    expect((await list(fgc, 'tab=todo&view=mine')).items.map((x) => x.id)).not.toContain(id);
    expect((await list(fgc, 'tab=todo&view=unit')).items.map((x) => x.id)).toContain(id);
    expect((await list(lead, 'tab=todo&view=mine')).items.map((x) => x.id)).toContain(id);
    expect((await page(lead, id)).nextStep).toMatchObject({ mine: true });
    const inbox = (await lead.get('/api/notifications?pageSize=50')).json().items.filter((n: any) => n.caseId === id);
    expect(inbox).toEqual([expect.objectContaining({ kind: 'case.handover', title: expect.stringMatching(/^待您审批：TS-/) })]);
  });
});
