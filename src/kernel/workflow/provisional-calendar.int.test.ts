import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { loadSessionActor } from '../identity/queries/load-session-actor.ts';
import { createCase } from './create-case.ts';

// December 2026: chinese-days 1.5.7 ends with 2026 and the 2027 notice is not entered.
const clock = manualClock(new Date('2026-12-17T02:00:00Z')); // Thursday, 10:00 in Beijing
const NOTE = '2027 年：该年放假安排未发布，按法定节日推算';
let t: TestApp;
let fgc: Session, admin: Session;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, admin] = await Promise.all([t.login('nx-fgc'), t.login('admin')]);
});
afterAll(() => t?.close());

async function register(title: string): Promise<string> {
  const r = await loadSessionActor(t.ctx, fgc.cookie.split('=')[1]!, null);
  if (r.kind !== 'ok') throw new Error('session not ok');
  return (await createCase(t.ctx, r.actor, { type: SAMPLE_TYPE, title, orgUnitId: fgc.me.orgUnit.id, input: { summary: title } })).id;
}
const triage = async (id: string) => (await fgc.get(`/api/cases/${id}`)).json().clocks.find((k: { name: string }) => k.name === 'triage');
const reminders = async () =>
  (await admin.get('/api/notifications?pageSize=100')).json().items.filter((n: { title: string }) => n.title === '请录入 2027 年国务院节假日安排');

describe('a year whose State Council holiday notice is not out yet (2027)', () => {
  let a = '';
  let b = '';

  it('counts 元旦 as a rest day by statute and flags the deadline, in the clock and in 「为什么是这一天」', async () => {
    a = await register('跨年的来信');
    // 15 日 from 2026-12-17 ends on Friday 2027-01-01, 元旦 by 《全国年节及纪念日放假办法》第二条 → Monday 01-04.
    expect(await triage(a)).toMatchObject({ startDate: '2026-12-17', dueDate: '2027-01-04', calendarNote: NOTE });
    const why = (await fgc.get(`/api/cases/${a}/clocks/triage/explain`)).json();
    expect(why.text).toContain(`注意：${NOTE}`);
    expect(why.text).toContain('2027-01-01 周五 休息日，顺延：法定节假日：元旦（该年放假安排未发布，按法定节日推算）');
  });

  it('reminds the region’s calendar administrator once for the year, however many deadlines depend on it', async () => {
    await register('又一件跨年的来信');
    const got = await reminders();
    expect(got).toHaveLength(1);
    expect(got[0].body).toContain('《全国年节及纪念日放假办法》第二条');
    // The registering clerk has no calendar.manage: no reminder for them.
    const mine = (await fgc.get('/api/notifications?pageSize=100')).json().items;
    expect(mine.filter((n: { title: string }) => n.title.includes('节假日安排'))).toEqual([]);
  });

  it('春节 by statute is 除夕 to 初三; entering the notice recomputes open deadlines and drops the flag', async () => {
    clock.set(new Date('2027-01-21T02:00:00Z'));
    b = await register('春节前的来信');
    // 15 日 → Friday 02-05 (除夕), 02-06/07 weekend, 02-08 初三 → Tuesday 02-09.
    expect(await triage(b)).toMatchObject({ dueDate: '2027-02-09', calendarNote: NOTE });
    const notice = { areaCode: null, source: '国办发明电〔2026〕N号', reason: '录入 2027 年部分节假日安排' };
    for (const body of [
      { ...notice, date: '2027-01-01', kind: 'rest', name: '元旦' },
      { ...notice, date: '2027-02-07', kind: 'work', name: '春节' },
    ]) {
      const r = await admin.put('/api/calendar/days', body);
      expect(r.statusCode, r.body).toBe(200);
    }
    // The notice's 调休上班 Sunday 02-07 ends the rolled-forward period.
    expect(await triage(b)).toMatchObject({ dueDate: '2027-02-07', calendarNote: null });
    expect(await triage(a)).toMatchObject({ dueDate: '2027-01-04', calendarNote: null });
  });
});
