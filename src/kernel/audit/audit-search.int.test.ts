import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';

// The audit log's one search box: 操作人 (name or account), 案件编号 or id, the action's label (sent as codes).
let t: TestApp;
let admin: Session;
let fgc: Session;
const made: { id: string; refNo: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  fgc = await t.login('nx-fgc');
  admin = await t.login('admin');
  for (const title of ['审计搜索甲', '审计搜索乙']) {
    const r = await fgc.post('/api/cases', { type: SAMPLE_TYPE, title, orgUnitId: fgc.me.orgUnit.id, input: { summary: title } });
    expect(r.statusCode, r.body).toBe(201);
    made.push({ id: r.json().id, refNo: r.json().refNo });
  }
});
afterAll(() => t?.close());

type Item = { id: string; actorId: string | null; actorName: string | null; action: string; entityId: string | null };
const search = async (query: string) => {
  const r = await admin.get(`/api/audit/events?pageSize=100&${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: Item[]; total: number };
};

describe('GET /api/audit/events?q=', () => {
  it('finds a case by its reference number or its id, and nothing of the other case', async () => {
    const [a, b] = made as [{ id: string; refNo: string }, { id: string; refNo: string }];
    for (const q of [a.refNo, a.refNo.toLowerCase(), a.id]) {
      const page = await search(`q=${encodeURIComponent(q)}`);
      expect(page.total, q).toBeGreaterThan(0);
      expect(new Set(page.items.map((i) => i.entityId)), q).toEqual(new Set([a.id]));
    }
    expect((await search(`q=${encodeURIComponent(b.refNo)}`)).items.every((i) => i.entityId === b.id)).toBe(true);
  });

  it('finds the events of an actor by part of the name or the account', async () => {
    const me = fgc.me.user.id as string;
    for (const q of ['李文', 'nx-fgc']) {
      const page = await search(`q=${encodeURIComponent(q)}`);
      expect(page.items.length, q).toBeGreaterThan(0);
      expect(page.items.some((i) => i.actorId === me)).toBe(true);
      expect(
        page.items.every((i) => i.actorName?.includes('李文') || i.actorName?.includes('nx-fgc')),
        q,
      ).toBe(true);
    }
    // With the 操作人 picker, the search narrows that actor's events.
    const mine = await search(`q=${encodeURIComponent(made[0]!.refNo)}&actorId=${me}`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.actorId === me && i.entityId === made[0]!.id)).toBe(true);
  });

  it('finds the actions whose label matched in the console (codes), and nothing for text that matches nothing', async () => {
    const page = await search(`q=${encodeURIComponent('登录')}&qActions=auth.login`);
    expect(page.total).toBeGreaterThan(0);
    expect(new Set(page.items.map((i) => i.action))).toEqual(new Set(['auth.login']));
    expect((await search(`q=${encodeURIComponent('没有这样的人')}`)).total).toBe(0);
  });
});
