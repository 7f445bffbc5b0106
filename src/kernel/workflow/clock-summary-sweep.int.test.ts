import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { jobRegistry } from '../../platform/jobs/registry.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { createCase } from './create-case.ts';
import { CLOCK_SUMMARY_SWEEP_JOB, sweepClockSummaries } from './clock-summary-sweep.ts';

const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: TestApp;
/** As the demo loads past cases: no timer is queued. */
const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const summary = async (id: string) =>
  await t.ctx.db.selectFrom('core.case').select(['clock_state', 'due_date', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
const make = async (title: string) =>
  await createCase({ ...t.ctx, jobs: NO_JOBS }, SYSTEM_ACTOR, {
    type: SAMPLE_TYPE,
    title,
    orgUnitId: await org('640104-mzj'),
    input: { summary: 'x' },
    system: true,
  });

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t?.close());

describe('clock summary sweep (cases whose timers never fire)', () => {
  it('moves a timer-less case to 即将到期 on its warn day and to 已超期 after its due day, once, with no notice', async () => {
    const a = await make('无定时器的往年案件');
    const b = await make('同日登记、另一单位');
    await t.ctx.db
      .updateTable('core.case')
      .set({ org_unit_id: await org('640423-mzj') })
      .where('id', '=', b.id)
      .execute();
    expect(await summary(a.id)).toMatchObject({ clock_state: 'running', due_date: '2019-06-18' });
    expect(await sweepClockSummaries(t.ctx)).toBe(0);

    clock.set(new Date('2019-06-12T16:30:00Z')); // 06-13 00:30 Beijing: three working days before 06-18
    expect(await sweepClockSummaries(t.ctx)).toBe(2);
    expect(await summary(a.id)).toMatchObject({ clock_state: 'due_soon', due_date: '2019-06-18' });
    expect(await sweepClockSummaries(t.ctx)).toBe(0);

    clock.set(new Date('2019-06-18T15:00:00Z')); // 06-18 23:00: still the due day
    expect(await sweepClockSummaries(t.ctx)).toBe(0);
    clock.set(new Date('2019-06-18T16:05:00Z')); // 06-19 00:05
    expect(await sweepClockSummaries(t.ctx)).toBe(2);
    expect(await summary(a.id)).toMatchObject({ clock_state: 'overdue', due_date: '2019-06-18' });
    expect(await summary(b.id)).toMatchObject({ clock_state: 'overdue' });
    // Overdue cases are no longer candidates: a later sweep leaves them alone.
    expect(await sweepClockSummaries(t.ctx)).toBe(0);
    const notes = await t.ctx.db.selectFrom('core.notification').select('kind').where('case_id', 'in', [a.id, b.id]).execute();
    expect(notes).toEqual([]);
  });

  it('leaves a closed case and a far deadline alone', async () => {
    clock.set(new Date('2019-07-01T02:00:00Z'));
    const far = await make('期限尚远');
    const shut = await make('已不予受理');
    const s = await t.login('xq-mzj');
    expect((await s.post(`/api/cases/${shut.id}/transitions/refuse`, { comment: '不属于本机关受理范围' })).statusCode).toBe(200);
    const before = await summary(far.id);
    expect(await sweepClockSummaries(t.ctx)).toBe(0);
    expect(await summary(far.id)).toEqual(before);
    clock.set(new Date('2019-08-01T02:00:00Z'));
    expect(await sweepClockSummaries(t.ctx)).toBe(1);
    expect((await summary(shut.id)).clock_state).toBeNull();
  });

  it('runs daily just after midnight China time through the job queue', async () => {
    expect(jobRegistry.get(CLOCK_SUMMARY_SWEEP_JOB)?.daily?.hour).toBe(0);
    clock.set(new Date('2019-06-03T02:00:00Z'));
    const c = await make('由每日任务更新');
    clock.set(new Date('2019-06-19T01:00:00Z'));
    await t.ctx.jobs.send(t.ctx, CLOCK_SUMMARY_SWEEP_JOB, {});
    await t.test.jobs.runDue(t.ctx, { names: [CLOCK_SUMMARY_SWEEP_JOB] });
    expect((await summary(c.id)).clock_state).toBe('overdue');
  });
});
