import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { WORKLIST_TABS } from './contract.ts';

// 工作台: one call answers every tab's count (issue 18: the home page made one call per tab),
// and each count is what that tab's list reports as its total, under the same filters.
const clock = manualClock(new Date('2019-06-03T02:00:00Z')); // Monday 10:00 in Beijing
let t: TestApp;
let fgc: Session, lead: Session, yc: Session;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, lead, yc] = [await t.login('nx-fgc'), await t.login('nx-fgc-lead'), await t.login('yc-mzj')];
  const ids: string[] = [];
  for (const title of ['计数甲', '计数乙', '计数丙', '其他件']) {
    const r = await fgc.post('/api/cases', { type: SAMPLE_TYPE, title, orgUnitId: fgc.me.orgUnit.id, input: { summary: title } });
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
  }
  const moved = await fgc.post(`/api/cases/${ids[0]}/transitions/accept`, {});
  expect(moved.statusCode, moved.body).toBe(200);
  // One waits for the leader's 审批, its 60-day period counted from a letter received in March.
  for (const [name, body] of [
    ['accept', { input: { receivedOn: '2019-03-01' } }],
    ['draft', { input: { opinion: '支持' } }],
  ] as const) {
    const r = await fgc.post(`/api/cases/${ids[1]}/transitions/${name}`, body);
    expect(r.statusCode, r.body).toBe(200);
  }
  // Past the 15-day triage period: the untouched cases become overdue.
  clock.set(new Date('2019-07-01T02:00:00Z'));
  await t.test.jobs.runDue(t.ctx, { names: ['deadline.remind', 'deadline.overdue'], includeFuture: true, singlePass: true });
});
afterAll(() => t?.close());

const totals = async (s: Session, filter: string) => {
  const out: Record<string, number> = {};
  for (const tab of WORKLIST_TABS) {
    const r = await s.get(`/api/worklist?tab=${tab}&pageSize=1&${filter}`);
    expect(r.statusCode, r.body).toBe(200);
    out[tab] = r.json().total;
  }
  return out;
};

describe('GET /api/worklist/counts', () => {
  it("returns every tab's count in one call, each equal to that tab's list total", async () => {
    const filters = ['', `type=${SAMPLE_TYPE}`, `q=${encodeURIComponent('计数')}`, 'view=mine', 'view=unit', 'type=none'];
    for (const s of [fgc, lead, yc]) {
      for (const f of filters) {
        const r = await s.get(`/api/worklist/counts?${f}`);
        expect(r.statusCode, r.body).toBe(200);
        expect(Object.keys(r.json()).sort()).toEqual([...WORKLIST_TABS].sort());
        expect(r.json(), `${s.me.user.username} ${f}`).toEqual(await totals(s, f));
      }
    }
  });

  it('counts what the clerk has: open cases, the ones acted on, the overdue ones; a filter narrows them', async () => {
    const all = (await fgc.get('/api/worklist/counts')).json();
    expect(all.todo).toBeGreaterThanOrEqual(4);
    expect(all.done).toBeGreaterThanOrEqual(2);
    expect(all.overdue).toBeGreaterThanOrEqual(3);
    const some = (await fgc.get(`/api/worklist/counts?q=${encodeURIComponent('计数')}`)).json();
    expect(some.todo).toBe(all.todo - 1);
    expect((await fgc.get('/api/worklist/counts?type=none')).json()).toEqual(Object.fromEntries(WORKLIST_TABS.map((k) => [k, 0])));
  });

  it('待我处理 narrows every tab but 已办: never more than the whole unit, and the clerk loses the case waiting for her leader', async () => {
    const [unit, mine] = [(await fgc.get('/api/worklist/counts?view=unit')).json(), (await fgc.get('/api/worklist/counts?view=mine')).json()];
    for (const tab of WORKLIST_TABS) expect(mine[tab], tab).toBeLessThanOrEqual(unit[tab]);
    expect(mine.done).toBe(unit.done);
    expect([mine.todo, mine.overdue]).toEqual([unit.todo - 1, unit.overdue - 1]);
  });

  it('refuses a bad filter with a 400 naming it, and a caller without a session with 401', async () => {
    const bad = await fgc.get('/api/worklist/counts?view=everyone');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/view/);
    expect((await t.app.inject({ method: 'GET', url: '/api/worklist/counts' })).statusCode).toBe(401);
  });

  it("follows the user's roles at the very next request: a role at another unit brings its cases in, its revocation takes them out", async () => {
    // The list's statement is kept per session and query (actor-memo.ts): a change of grants must not find the old one.
    const admin = await t.login('admin');
    const ids = async (s: Session) => ((await s.get('/api/worklist?tab=todo&pageSize=100')).json().items as Array<{ id: string }>).map((i) => i.id);
    const before = await ids(yc);
    expect(await ids(yc)).toEqual(before);
    const held = await ids(fgc);
    expect(held.length).toBeGreaterThan(0);
    expect(before.filter((id) => held.includes(id))).toEqual([]);
    const granted = await admin.post(`/api/users/${yc.me.user.id}/roles`, {
      roleCode: 'clerk',
      orgUnitId: fgc.me.orgUnit.id,
      scope: 'subtree',
      reason: '借调',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect((await ids(yc)).sort()).toEqual([...before, ...held].sort());
    expect((await admin.delete(`/api/users/${yc.me.user.id}/roles/${granted.json().id}`)).statusCode).toBeLessThan(300);
    expect(await ids(yc)).toEqual(before);
  });
});
