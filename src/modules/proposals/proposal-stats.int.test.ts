import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoProposals } from './demo/seed-demo-proposals.ts';

// The report's figures come out of the demo seed through the real steps: 7 人大代表建议 (all 主办),
// 47 政协提案 (21 主办, 26 协办), answered on time, 100% 满意.
let t: TestApp;
let admin: Session, fgc: Session, pl: Session, yc: Session;

beforeAll(async () => {
  t = await createTestApp();
  const r = await seedDemoProposals(t.ctx);
  expect(r).toMatchObject({ skipped: false, created: 58 });
  expect((await seedDemoProposals(t.ctx)).skipped).toBe(true);
  [admin, fgc, pl, yc] = await Promise.all(['admin', 'nx-fgc', 'pl-mzj', 'yc-mzj'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t?.close());

describe('建议提案 statistics from the demo seed', () => {
  it('reproduces 7 / 47 / 21 / 26 / 100% for 2019', async () => {
    const s = (await admin.get('/api/proposals/stats?year=2019')).json();
    expect(s.byKind).toEqual([
      { key: '人大代表建议', count: 7 },
      { key: '政协提案', count: 47 },
    ]);
    expect(s.byKindRole).toEqual([
      { kind: '人大代表建议', role: '主办', count: 7 },
      { kind: '政协提案', role: '协办', count: 26 },
      { kind: '政协提案', role: '主办', count: 21 },
    ]);
    expect(s).toMatchObject({ total: 54, answered: 54, answeredOnTime: 54, onTimeRate: 1, rated: 54, satisfied: 54, satisfactionRate: 1 });
    expect(s.bySession.map((x: any) => x.count)).toEqual([7, 47]);
    expect(s.byOffice.length).toBeGreaterThan(4);
    expect(s.byCategory.map((x: any) => x.key)).toEqual(['A', 'B', 'C', 'D']);
    // B and C were answered again once carried out, so every 2019 item is 办结.
    expect((await admin.get('/api/proposals?year=2019&state=closed&pageSize=100')).json().total).toBe(54);
  });

  it('each office counts only what it may read; current items are in progress', async () => {
    // 政策法规处 holds a region-wide (subtree at 自治区 level) grant; 平罗县 and 银川市 see none of the 厅's items.
    expect((await fgc.get('/api/proposals/stats?year=2019')).json().total).toBe(54);
    expect((await yc.get('/api/proposals/stats?year=2019')).json().total).toBe(0);
    expect((await pl.get('/api/proposals/stats?year=2019')).json().total).toBe(0);
    const now = (await fgc.get('/api/proposals')).json();
    expect(
      now.items
        .filter((i: any) => i.state !== 'closed')
        .map((i: any) => i.stateLabel)
        .sort(),
    ).toEqual(['办理中', '已交办待签收', '已答复待征询意见', '答复待签发']);
    // 银川市民政局: its own 分办 item and the 协办 part it was sent.
    const ycItems = (await yc.get('/api/proposals')).json().items;
    expect(ycItems.map((i: any) => [i.role, i.stateLabel])).toEqual([['分办', '已答复待征询意见']]);
    const worklist = (await yc.get('/api/worklist?tab=todo')).json();
    expect(JSON.stringify(worklist)).toContain('协办');
  });
});
