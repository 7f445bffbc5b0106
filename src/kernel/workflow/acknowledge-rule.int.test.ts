import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { DEMO_PASSWORD } from '../identity/seed-demo-users.ts';
import { createUserAsSystem } from '../identity/index.ts';

// 签收 is one rule on the case page, the worklist's 「待我处理」 and the server: who signs for a case acts on it next.
let t: TestApp;
let fgc: Session;
let clerk: Session;
let reader: Session;
let id: string;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  // A reader at the receiving unit: sees the sample type's cases (area.read) but may take none of its steps (org.read).
  await t.ctx.db
    .insertInto('core.role')
    .values({ code: 'case_reader', name: '案件查阅', permissions: ['area.read'] })
    .execute();
  await createUserAsSystem(t.ctx, {
    username: 'yc-reader',
    displayName: '查阅员',
    orgUnitId: await org('640100-mzj'),
    password: DEMO_PASSWORD,
    roles: [{ roleCode: 'case_reader', scope: 'subtree' }],
    mustChangePassword: false,
  });
  fgc = await t.login('nx-fgc');
  clerk = await t.login('yc-mzj');
  reader = await t.login('yc-reader');
  const c = await fgc.post('/api/cases', { type: SAMPLE_TYPE, title: '签收规则', orgUnitId: fgc.me.orgUnit.id, input: { summary: '签收规则' } });
  expect(c.statusCode, c.body).toBe(201);
  id = c.json().id;
  const h = await fgc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640100-mzj') });
  expect(h.statusCode, h.body).toBe(200);
});
afterAll(() => t?.close());

const mine = async (s: Session) => (await s.get('/api/worklist?tab=to_acknowledge&view=mine')).json().items.map((x: { id: string }) => x.id);

describe('签收', () => {
  it('is offered and refused alike to someone at the receiving unit who may not act on the state', async () => {
    const c = await reader.get(`/api/cases/${id}`);
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().actions.canAcknowledge).toBe(false);
    expect(c.json().nextStep.mine).toBe(false);
    expect(await mine(reader)).not.toContain(id);
    const r = await reader.post(`/api/cases/${id}/acknowledge`, {});
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'ACKNOWLEDGE_NOT_YOURS' });
    expect(r.json().title).toContain('「已登记」');
  });

  it('is offered to and taken by who may act on the state, as the worklist lists it', async () => {
    expect(await mine(clerk)).toContain(id);
    expect((await clerk.get(`/api/cases/${id}`)).json().actions.canAcknowledge).toBe(true);
    const r = await clerk.post(`/api/cases/${id}/acknowledge`, {});
    expect(r.statusCode, r.body).toBe(200);
  });
});
