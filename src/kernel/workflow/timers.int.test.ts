import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { createCase } from './create-case.ts';
import { warnDate } from './timers.ts';
import { currentCalendar } from '../calendar/load-calendar.ts';

const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: TestApp;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const run = () => t.test.jobs.runDue(t.ctx, { names: ['deadline.remind', 'deadline.overdue'], includeFuture: true, singlePass: true });
const notes = async (caseId: string) =>
  await t.ctx.db.selectFrom('core.notification').select(['kind', 'org_unit_id']).where('case_id', '=', caseId).orderBy('created_at').execute();

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
});
afterAll(() => t?.close());

describe('durable deadline timers', () => {
  it('computes the reminder day N working days before the due date', async () => {
    const cal = await currentCalendar(t.ctx);
    // 2019-06-18 (Tue) − 3 working days = 06-13 (Thu). Nationally 06-12 − 3 skips 06-07 端午 → 06-06.
    expect(warnDate(cal, '2019-06-18', 3, '640000.640100.640104')).toBe('2019-06-13');
    expect(warnDate(cal, '2019-06-12', 3, '')).toBe('2019-06-06');
    // In Ningxia 06-05/06 are 开斋节 as well: 06-12 − 3 working days = 06-04.
    expect(warnDate(cal, '2019-06-12', 3, '640000.640400.640423')).toBe('2019-06-04');
  });

  it('reminds once on the warn day, marks overdue once after the due day, and supervises automatically', async () => {
    const c = await createCase(t.ctx, SYSTEM_ACTOR, {
      type: SAMPLE_TYPE,
      title: '定时测试',
      orgUnitId: await org('640104-mzj'),
      input: { summary: 'x' },
      system: true,
      supervisingOrgId: await org('640100-mzj'),
    });
    // Nothing fires before its day, however often the queue delivers.
    await run();
    expect(await notes(c.id)).toEqual([]);
    clock.set(new Date('2019-06-12T16:30:00Z')); // 06-13 00:30 in Beijing: the warn day
    await run();
    await run();
    expect((await notes(c.id)).map((n) => n.kind)).toEqual(['deadline.due_soon']);
    let row = await t.ctx.db.selectFrom('core.case').select(['clock_state', 'due_date']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ clock_state: 'due_soon', due_date: '2019-06-18' });
    clock.set(new Date('2019-06-18T15:00:00Z')); // 06-18 23:00: still the due day
    await run();
    expect((await notes(c.id)).map((n) => n.kind)).toEqual(['deadline.due_soon']);
    clock.set(new Date('2019-06-18T16:05:00Z')); // 06-19 00:05: overdue
    await run();
    await run();
    const kinds = (await notes(c.id)).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'deadline.overdue')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'case.supervised')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'case.overdue')).toHaveLength(1);
    row = await t.ctx.db.selectFrom('core.case').select(['clock_state', 'due_date']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.clock_state).toBe('overdue');
    const sup = await t.ctx.db.selectFrom('core.case_supervision').selectAll().where('case_id', '=', c.id).execute();
    expect(sup).toHaveLength(1);
    expect(sup[0]).toMatchObject({ kind: 'auto', from_org_id: await org('640100-mzj'), to_org_id: await org('640104-mzj') });
  });

  it('a stopped clock never fires its pending timers', async () => {
    clock.set(new Date('2019-06-03T02:00:00Z'));
    const c = await createCase(t.ctx, SYSTEM_ACTOR, {
      type: SAMPLE_TYPE,
      title: '已受理',
      orgUnitId: await org('640423-mzj'),
      input: { summary: 'x' },
      system: true,
    });
    const s = await t.login('ld-mzj');
    expect((await s.post(`/api/cases/${c.id}/transitions/accept`, {})).statusCode).toBe(200);
    clock.set(new Date('2019-06-20T02:00:00Z'));
    await run();
    expect((await notes(c.id)).map((n) => n.kind)).not.toContain('deadline.overdue');
  });
});
