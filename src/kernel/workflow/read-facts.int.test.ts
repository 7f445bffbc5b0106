import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { applySystemTransition, createCase, defineWorkflow, transition } from './index.ts';

// Facts live in a module's tables or in case.data, not both: a workflow that reads its facts from
// its tables (readFacts) shows those on the case page, and a step that tries to copy them into
// case.data is refused with nothing written.
const seen = new Map<string, Record<string, unknown>>();
const FACTS_TYPE = 'facts_probe';
defineWorkflow({
  type: FACTS_TYPE,
  label: '事实所在测试',
  refPrefix: 'FP',
  readPermission: 'area.read',
  states: { open: { label: '办理中' }, done: { label: '办结', terminal: true } },
  initial: 'open',
  create: { label: '登记', who: { permission: 'area.read' }, creatable: false },
  facts: { decidedOn: '决定日期' },
  readFacts: async (_ctx, c) => seen.get(c.id) ?? {},
  transitions: {
    decide: transition({
      label: '决定',
      from: ['open'],
      to: 'done',
      who: { permission: 'area.read' },
      effect: async ({ case: c }) => void seen.set(c.id, { decidedOn: '2019-06-03' }),
    }),
    copy: transition({
      label: '抄入案件数据',
      from: ['open'],
      to: 'done',
      who: { permission: 'area.read' },
      effect: async () => ({ data: { decidedOn: '2019-06-03' } }),
    }),
  },
});

const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: TestApp;
let fgc: Session;
beforeAll(async () => {
  t = await createTestApp({ clock });
  fgc = await t.login('nx-fgc');
});
afterAll(() => t?.close());

const newCase = async () => (await createCase(t.ctx, SYSTEM_ACTOR, { type: FACTS_TYPE, title: '事实所在', orgUnitId: fgc.me.orgUnit.id, system: true })).id;

describe('facts with readFacts', () => {
  it('come from the module’s reader on the case page; case.data stays empty', async () => {
    const id = await newCase();
    await applySystemTransition(t.ctx, SYSTEM_ACTOR, { caseId: id, transition: 'decide' });
    const c = (await fgc.get(`/api/cases/${id}`)).json();
    expect(c.data).toEqual({ decidedOn: '2019-06-03' });
    const row = await t.ctx.db.selectFrom('core.case').select(['data', 'state']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.state).toBe('done');
    expect(typeof row.data === 'string' ? JSON.parse(row.data) : row.data).toEqual({});
  });

  it('may not also be written to case.data: the step is refused and nothing moves', async () => {
    const id = await newCase();
    await expect(applySystemTransition(t.ctx, SYSTEM_ACTOR, { caseId: id, transition: 'copy' })).rejects.toThrow(/readFacts/);
    const row = await t.ctx.db.selectFrom('core.case').select(['state', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'open', version: 1 });
  });
});
