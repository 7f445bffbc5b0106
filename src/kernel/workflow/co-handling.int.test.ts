import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';

// 主办 / 协办 / 会办: parts are cases of their own, held by their org units, with their own clocks.
const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: TestApp;
let fgc: Session, yc: Session, ld: Session;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, yc, ld] = await Promise.all([t.login('nx-fgc'), t.login('yc-mzj'), t.login('ld-mzj')]);
});
afterAll(() => t?.close());

describe('parallel co-handling', () => {
  it('opens linked parts with their own holders and clocks; the parent sees each part’s state', async () => {
    const r = await fgc.post('/api/cases', { type: SAMPLE_TYPE, title: '联合答复', orgUnitId: fgc.me.orgUnit.id, input: { summary: '联合答复' } });
    const id = r.json().id as string;
    const early = await fgc.post(`/api/cases/${id}/parts`, { parts: [{ orgUnitId: await org('640100-mzj'), role: 'lead' }] });
    expect(early.statusCode).toBe(409);
    expect((await fgc.post(`/api/cases/${id}/transitions/accept`, {})).statusCode).toBe(200);
    const twoLeads = await fgc.post(`/api/cases/${id}/parts`, {
      parts: [
        { orgUnitId: await org('640100-mzj'), role: 'lead' },
        { orgUnitId: await org('640423-mzj'), role: 'lead' },
      ],
    });
    expect(twoLeads.statusCode).toBe(400);
    const made = await fgc.post(`/api/cases/${id}/parts`, {
      parts: [
        { orgUnitId: await org('640100-mzj'), role: 'lead' },
        { orgUnitId: await org('640423-mzj'), role: 'assist' },
      ],
      note: '请按分工办理',
    });
    expect(made.statusCode, made.body).toBe(201);
    const [lead, assist] = made.json().parts;

    let parent = (await fgc.get(`/api/cases/${id}`)).json();
    expect(parent.parts.map((p: any) => [p.roleLabel, p.orgUnitName, p.stateLabel])).toEqual([
      ['主办', '银川市民政局', '待办'],
      ['协办', expect.any(String), '待办'],
    ]);
    expect(parent.parts.every((p: any) => /^2019-06-\d\d$/.test(p.dueDate) && p.clockState === 'running')).toBe(true);
    expect(parent.events.at(-1)).toMatchObject({ transition: 'parts.open', auditEventId: expect.any(String) });

    // Each part is its own case at its own holder.
    const part = (await yc.get(`/api/cases/${lead.id}`)).json();
    expect(part).toMatchObject({ orgUnitName: '银川市民政局', partOf: { id, roleLabel: '主办' } });
    expect(part.clocks).toEqual([expect.objectContaining({ name: 'part', state: 'running' })]);
    expect((await ld.get(`/api/cases/${lead.id}`)).statusCode).toBe(404);
    expect((await yc.post(`/api/cases/${assist.id}/transitions/finish`, {})).statusCode).toBe(404);
    expect((await yc.post(`/api/cases/${lead.id}/transitions/finish`, {})).statusCode).toBe(200);

    parent = (await fgc.get(`/api/cases/${id}`)).json();
    expect(parent.parts.map((p: any) => [p.roleLabel, p.stateLabel, p.terminal])).toEqual([
      ['主办', '已办', true],
      ['协办', '待办', false],
    ]);
  });
});
