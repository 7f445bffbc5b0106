import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';

// 会签 outcomes go through the same step as any move: the outcome transition's `from` is checked,
// its effect runs, and the sign-off events are on the audit chain.
const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: TestApp;
let fgc: Session;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  fgc = await t.login('nx-fgc');
});
afterAll(() => t?.close());

async function newCase(title: string, moves: Array<[string, unknown?]>) {
  const r = await fgc.post('/api/cases', { type: SAMPLE_TYPE, title, orgUnitId: fgc.me.orgUnit.id, input: { summary: title } });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  for (const [name, input] of moves) {
    const m = await fgc.post(`/api/cases/${id}/transitions/${name}`, input ? { input } : {});
    expect(m.statusCode, m.body).toBe(200);
  }
  return id;
}

const openReview = (id: string) => fgc.post(`/api/cases/${id}/signoffs`, { step: 'review', mode: 'any', parties: [{ orgUnitId: fgc.me.orgUnit.id }] });

describe('sign-off outcomes', () => {
  it('run the outcome transition’s effect and audit every sign-off event', async () => {
    const id = await newCase('会签后审批', [['accept'], ['draft', { opinion: '支持' }]]);
    expect((await openReview(id)).statusCode).toBe(200);
    const d = await fgc.post(`/api/cases/${id}/signoffs/review/decide`, { decision: 'approve' });
    expect(d.statusCode, d.body).toBe(200);
    const c = (await fgc.get(`/api/cases/${id}`)).json();
    expect(c.state).toBe('approved');
    expect(c.data).toMatchObject({ approvedFrom: 'drafted' });
    const ev = c.events.filter((e: any) => ['signoff.open', 'signoff.decide', 'approve'].includes(e.transition));
    expect(ev.map((e: any) => e.transition)).toEqual(['signoff.open', 'signoff.decide', 'approve']);
    expect(ev.every((e: any) => e.auditEventId)).toBe(true);
  });

  it('check the outcome transition’s `from`: nothing moves from a state it does not leave', async () => {
    const id = await newCase('未拟办即会签', [['accept']]);
    expect((await openReview(id)).statusCode).toBe(200);
    const d = await fgc.post(`/api/cases/${id}/signoffs/review/decide`, { decision: 'approve' });
    expect(d.statusCode).toBe(409);
    expect(d.json().code).toBe('STATE_NOT_ALLOWED');
    const c = (await fgc.get(`/api/cases/${id}`)).json();
    expect(c.state).toBe('accepted');
    expect(c.signoffs.every((s: any) => s.decision === null)).toBe(true);
  });
});
