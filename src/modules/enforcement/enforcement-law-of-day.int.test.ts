import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';

// A 2019 case (the 2017 text): 七日 and 三日 are calendar days rolled past rest days, not working
// days; the 2019 国庆 holiday (10-01…10-07, 09-29 a 调休 working Sunday) shows the difference.
const clock = manualClock(new Date('2019-09-20T02:00:00Z'));
let t: TestApp;
let xj: Session;
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
const userId = async (u: string) => (await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  xj = await t.login('xj-mzj');
});
afterAll(() => t?.close());

describe('the law of the day: a 2019 case under the 2017 text', () => {
  it('counts 先行登记保存 and the hearing request in calendar days, rolled past 国庆', async () => {
    const reg = (name: string, certNo: string, user?: string) =>
      xj.post('/api/enforcement/officers', { name, certNo, validFrom: '2018-01-01', validTo: '2021-12-31', ...(user ? { userId: user } : {}) });
    const a = (await reg('何建平', '64042219001', await userId('xj-mzj'))).json().id;
    const b = (await reg('苏有福', '64042219002')).json().id;
    const filing = {
      partyName: '西吉县某某协会',
      partyKind: 'org',
      actDate: '2019-08-01',
      discoveredOn: '2019-09-10',
      actDescription: '超出章程规定的业务范围开展活动',
      filedOn: '2019-09-20',
      filingStandard: '符合立案标准',
      powerCode: 'MZ-XZCF-001',
    };
    const filed = await xj.post('/api/enforcement/cases', filing);
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().law).toContain('2017年修正');
    const id = filed.json().id;
    const five = await xj.post('/api/enforcement/cases', { ...filing, partyName: '另一协会', fiveYearLimitation: true });
    expect(five.statusCode).toBe(400);
    expect((await xj.post(`/api/cases/${id}/transitions/assign`, { input: { officerIds: [a, b] } })).statusCode).toBe(200);
    day('2019-09-25');
    await xj.post(`/api/enforcement/cases/${id}/evidence`, { kind: '书证', title: '收据', collectedOn: '2019-09-25', officerIds: [a, b] });
    const pr = await xj.post(`/api/enforcement/cases/${id}/preserve`, { items: '收据 10 张', registeredOn: '2019-09-25', approvedBy: '马德福' });
    // 7 日 from 09-25 = 10-02 (国庆) → the first working day after: 10-08. (7 个工作日 would be 10-10.)
    expect(pr.json().dueOn).toBe('2019-10-08');
    day('2019-09-27');
    await xj.post(`/api/enforcement/cases/${id}/preserve_decide`, { preservationId: pr.json().id, decision: '返还', decidedOn: '2019-09-27' });
    day('2019-09-28');
    const n = await xj.post(`/api/cases/${id}/transitions/notify`, {
      input: { tier: 4, intendedKinds: ['撤销登记'], facts: 'f', reasons: 'r', basis: '《社会团体登记管理条例》第三十条', notifiedOn: '2019-09-28' },
    });
    expect(n.statusCode, n.body).toBe(200);
    const k = (await xj.get(`/api/cases/${id}`)).json().clocks.find((c: any) => c.name === 'party_period');
    // 3 日 (2017 第四十二条) from 09-28 = 10-01 (国庆) → 10-08. (5 个工作日 would be 10-11.)
    expect(k).toMatchObject({ dueDate: '2019-10-08' });
    expect(k.legalBasis).toContain('第四十二条');
    expect(k.legalBasis).not.toContain('第八十五条');
  }, 60_000); // one long scenario: give a loaded machine time
});
