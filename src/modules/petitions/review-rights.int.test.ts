import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';
import { submitOnline } from './commands/submit-online.ts';
import { closeAfterWindow } from './commands/close-after-window.ts';

// The petitioner's 复查 / 复核 rights (《信访条例》(2005) 第三十四条、第三十五条 for these 2019 matters;
// 《信访工作条例》第三十五条、第三十六条): windows from the day of receipt in calendar days rolled over rest
// days, 办结 only after the window, 复查 by the level above the original body and 复核 by the level above
// the 复查 body, referral outside when there is none, decision clocks from the request, no pausing at will.
const clock = manualClock(new Date('2019-08-30T02:00:00Z')); // Friday 10:00 in Beijing
/** Set the clock to `hour` o'clock in Beijing on `day`. */
const at = (day: string, hour = 10) => clock.set(new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * 3_600_000));
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let fgc: Caller, fgcLead: Caller, yc: Caller, xq: Caller, xqLead: Caller;

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [fgc, fgcLead, yc, xq, xqLead] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'yc-mzj', 'xq-mzj', 'xq-mzj-lead'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};
const move = (who: Caller, id: string, name: string, input?: unknown) => who.post(`/api/cases/${id}/transitions/${name}`, input ? { input } : {});
const detail = async (id: string, who: Caller = xq) => (await who.get(`/api/cases/${id}`)).json();
const clockOf = async (id: string, name: string, who: Caller = xq) => (await detail(id, who)).clocks.find((k: any) => k.name === name);
const petition = async (id: string) => (await sql<any>`select * from petitions.petition where case_id = ${id}`.execute(t.ctx.db)).rows[0];
const orgId = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

let n = 0;
/** An online petition registered at `org`, answered and approved there (ready for 送达). */
async function approved(org: string, clerk: Caller, lead: Caller) {
  const { refNo, queryCode } = await submitOnline(
    t.ctx,
    {
      title: `低保复查权利 ${++n}`,
      category: '申诉求决',
      subject: '低保',
      concernedAreaCode: '640104',
      anonymous: false,
      content: '我家低保待遇被取消,请求查明原因并恢复低保待遇,说明取消的理由。',
      petitioners: [{ name: '马某', role: '信访人', phone: '13800001111' }],
    },
    org,
  );
  const id = (await t.ctx.db.selectFrom('core.case').select('id').where('ref_no', '=', refNo).executeTakeFirstOrThrow()).id;
  await ok(move(clerk, id, 'accept', {}));
  await ok(move(clerk, id, 'start'));
  await ok(move(clerk, id, 'draft', { opinion: '解释说明', text: '经核查,家庭收入超过标准,已向您说明核算口径。' }));
  await ok(move(lead, id, 'approve'));
  return { id, refNo, queryCode };
}
const track = async (refNo: string, queryCode: string) => (await t.publicPost('/api/public/petitions/track', { refNo, queryCode }, '10.77.0.1')).json();
const portal = (what: 'review' | 'recheck', refNo: string, queryCode: string) =>
  t.publicPost(`/api/public/petitions/${what}`, { refNo, queryCode, reason: '对答复不服,请求上一级机关复查或复核' }, `10.77.1.${++n}`);

describe('复查 and 复核 through the levels (兴庆区 → 银川市 → 民政厅)', () => {
  let c = { id: '', refNo: '', queryCode: '' };

  it('keeps the 60-day 办理 period running: it cannot be suspended at will', async () => {
    at('2019-08-30');
    c = await approved('640104-mzj', xq, xqLead);
    const s = await xq.post(`/api/cases/${c.id}/clocks/handle/suspend`, { kind: 'other', reason: '等待材料' });
    expect(s.statusCode).toBe(409);
    expect(s.json().code).toBe('CLOCK_NOT_SUSPENDABLE');
  });

  it('records the day the petitioner received the reply; counts 30 日 from it, a 国庆 last day rolled to the next working day', async () => {
    at('2019-09-02');
    expect((await move(xq, c.id, 'deliver', { method: '邮寄送达', date: '2019-09-03' })).statusCode).toBe(400); // not yet happened
    await ok(move(xq, c.id, 'deliver', { method: '邮寄送达', date: '2019-09-01' }));
    const tr = await track(c.refNo, c.queryCode);
    expect(tr).toMatchObject({ reply: { receivedOn: '2019-09-01' }, reviewReceivedOn: '2019-09-01', reviewDeadline: '2019-10-08', canRequestReview: true });
  });

  it('refuses 办结 while the 复查 window is open, naming its last day', async () => {
    const r = await move(xq, c.id, 'close');
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'PETITION_REQUEST_WINDOW_OPEN', title: expect.stringContaining('2019-10-08') });
  });

  it('takes a 复查 request on the last day (10-08, after the 国庆 holiday), not the day after', async () => {
    at('2019-10-09');
    expect((await track(c.refNo, c.queryCode)).canRequestReview).toBe(false);
    const late = await portal('review', c.refNo, c.queryCode);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'PETITION_REVIEW_WINDOW_CLOSED', title: expect.stringContaining('2019-10-08') });
    at('2019-10-08', 22);
    expect((await track(c.refNo, c.queryCode)).canRequestReview).toBe(true);
    const r = await portal('review', c.refNo, c.queryCode);
    expect(r.statusCode, r.body).toBe(200);
    // The 复查期限 runs from the day the request was received, before anyone accepts it.
    expect(await clockOf(c.id, 'review')).toMatchObject({ state: 'running', startDate: '2019-10-08', dueDate: '2019-11-07' });
    expect((await petition(c.id)).review_requested_on).toBe('2019-10-08');
  });

  it('lets only the level directly above the original body (银川市) do the 复查, and records it', async () => {
    at('2019-10-10');
    expect((await move(fgc, c.id, 'start_review')).json().code).toBe('NOT_ABOVE'); // 民政厅 is two levels up
    expect((await move(xq, c.id, 'start_review')).statusCode).toBe(403);
    await ok(move(yc, c.id, 'start_review'));
    expect(await clockOf(c.id, 'review')).toMatchObject({ state: 'running', startDate: '2019-10-08', dueDate: '2019-11-07' });
    const s = await xq.post(`/api/cases/${c.id}/clocks/review/suspend`, { kind: 'other', reason: '调查' });
    expect(s.json().code).toBe('CLOCK_NOT_SUSPENDABLE');
    await ok(move(yc, c.id, 'conclude_review', { opinion: '不予支持', text: '复查认为原处理意见正确,予以维持。' }));
    expect((await petition(c.id)).review_org_id).toBe(await orgId('640100-mzj'));
  });

  it('serves the 复查意见 (method and receipt); the 复核 window counts from that receipt', async () => {
    expect((await portal('recheck', c.refNo, c.queryCode)).json().code).toBe('PETITION_RECHECK_NOT_ALLOWED'); // not yet served
    at('2019-10-20');
    await ok(move(yc, c.id, 'deliver_review', { method: '当面送达', date: '2019-10-20' }));
    const tr = await track(c.refNo, c.queryCode);
    expect(tr).toMatchObject({
      state: 'review_delivered',
      reviewOpinion: { office: '银川市民政局', receivedOn: '2019-10-20' },
      recheckReceivedOn: '2019-10-20',
      recheckDeadline: '2019-11-19',
      canRequestRecheck: true,
    });
    expect((await move(xq, c.id, 'close')).json().title).toContain('2019-11-19');
  });

  it('takes a 复核 letter by its postmark; the 复核期限 counts from the day it arrived', async () => {
    at('2019-11-25');
    const body = { which: '复核', reason: '对复查意见不服,来信请求复核', receivedOn: '2019-11-25' };
    const late = await xq.post(`/api/petitions/${c.id}/review-request`, body);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('PETITION_RECHECK_WINDOW_CLOSED');
    const r = await xq.post(`/api/petitions/${c.id}/review-request`, { ...body, postmarkOn: '2019-11-19' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ postmarkOn: '2019-11-19', replyOn: '2019-10-20', lastDay: '2019-11-19', state: 'recheck_requested' });
    expect(await clockOf(c.id, 'recheck')).toMatchObject({ state: 'running', startDate: '2019-11-25', dueDate: '2019-12-25' });
  });

  it('lets only the level above the 复查 body (民政厅) do the 复核; only it may exclude hearing time', async () => {
    expect((await move(fgc, c.id, 'refer_recheck', { body: '宁夏回族自治区人民政府', referredOn: '2019-11-25' })).json().code).toBe('PETITION_RECHECK_INSIDE');
    expect((await move(yc, c.id, 'start_recheck')).json().code).toBe('NOT_ABOVE'); // the 复查 body itself
    await ok(move(fgc, c.id, 'start_recheck'));
    expect((await petition(c.id)).recheck_org_id).toBe(await orgId('640000-mzt-fgc'));
    const hearing = { kind: 'hearing', reason: '举行听证' };
    expect((await fgc.post(`/api/cases/${c.id}/clocks/recheck/suspend`, { kind: 'other', reason: '调查' })).json().code).toBe('CLOCK_SUSPEND_KIND');
    expect((await yc.post(`/api/cases/${c.id}/clocks/recheck/suspend`, hearing)).statusCode).toBe(403);
    expect((await xq.post(`/api/cases/${c.id}/clocks/recheck/suspend`, hearing)).statusCode).toBe(403);
    const s = await fgc.post(`/api/cases/${c.id}/clocks/recheck/suspend`, hearing);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().state).toBe('paused');
    at('2019-11-29');
    expect((await fgc.post(`/api/cases/${c.id}/clocks/recheck/resume`, {})).json()).toMatchObject({ state: 'running', dueDate: '2019-12-30' });
    await ok(move(fgc, c.id, 'conclude_recheck', { opinion: '不予支持', text: '复核认为复查意见正确,予以维持。' }));
    expect((await detail(c.id)).state).toBe('rechecked');
    await ok(move(fgc, c.id, 'deliver_recheck', { method: '邮寄送达', date: '2019-11-29' }));
    const tr = await track(c.refNo, c.queryCode);
    expect(tr).toMatchObject({ state: 'final', recheckOpinion: { office: '宁夏回族自治区民政厅政策法规处', receivedOn: '2019-11-29' } });
  });
});

describe('办结 after the window: a daily job closes as a system move', () => {
  it('leaves a case open through the last day and the post, then closes it', async () => {
    at('2019-08-30');
    const c = await approved('640104-mzj', xq, xqLead);
    at('2019-09-02');
    await ok(move(xq, c.id, 'deliver', { method: '当面送达', date: '2019-09-01' }));
    at('2019-10-10', 2);
    expect(await closeAfterWindow(t.ctx)).toBe(0); // letters posted by 10-08 may still arrive
    expect((await detail(c.id)).state).toBe('delivered');
    at('2019-10-16', 2);
    expect(await closeAfterWindow(t.ctx)).toBeGreaterThanOrEqual(1);
    const d = await detail(c.id);
    expect(d.state).toBe('closed');
    const e = d.events.at(-1);
    expect(e).toMatchObject({ transition: 'close', comment: expect.stringContaining('2019-10-08') });
    const row = (await sql<any>`select actor_id from core.case_event where case_id = ${c.id} order by seq desc limit 1`.execute(t.ctx.db)).rows[0];
    expect(row.actor_id).toBeNull();
    expect(await closeAfterWindow(t.ctx)).toBe(0);
  });

  it('lets staff close from the day after the last day', async () => {
    at('2019-08-30');
    const c = await approved('640104-mzj', xq, xqLead);
    at('2019-09-02');
    await ok(move(xq, c.id, 'deliver', { method: '当面送达', date: '2019-09-02' })); // last day 10-02 → 10-08
    at('2019-10-08');
    expect((await move(xq, c.id, 'close')).statusCode).toBe(409);
    at('2019-10-09');
    await ok(move(xq, c.id, 'close'));
  });
});

describe('matters held by 民政厅 itself: 复查 and 复核 referred to the outside body', () => {
  it('records the referral and the outside body’s opinion, its service, and ends in 终结', async () => {
    at('2019-08-30');
    const c = await approved('640000-mzt-fgc', fgc, fgcLead);
    at('2019-09-02');
    await ok(move(fgc, c.id, 'deliver', { method: '网上答复', date: '2019-09-02' }));
    expect((await portal('review', c.refNo, c.queryCode)).statusCode).toBe(200);
    const names = (await detail(c.id, fgc)).actions.transitions.map((x: any) => x.name);
    expect(names).toContain('refer_review');
    expect(names).not.toContain('start_review');
    expect((await move(fgc, c.id, 'start_review')).statusCode).toBe(403);
    expect((await move(yc, c.id, 'refer_review', { body: '民政部', referredOn: '2019-09-03' })).statusCode).toBe(404); // out of its sight
    at('2019-09-04');
    await ok(move(fgc, c.id, 'refer_review', { body: '宁夏回族自治区人民政府', referredOn: '2019-09-04' }));
    expect(await clockOf(c.id, 'review', fgc)).toMatchObject({ state: 'met' });
    expect((await petition(c.id)).review_referred_to).toBe('宁夏回族自治区人民政府');
    at('2019-09-30');
    await ok(move(fgc, c.id, 'record_review_outcome', { opinion: '不予支持', text: '维持原处理意见。', decidedOn: '2019-09-29' }));
    await ok(move(fgc, c.id, 'deliver_review', { method: '邮寄送达', date: '2019-09-30' }));
    expect((await track(c.refNo, c.queryCode)).reviewOpinion).toMatchObject({ office: '宁夏回族自治区人民政府', receivedOn: '2019-09-30' });
    expect((await portal('recheck', c.refNo, c.queryCode)).statusCode).toBe(200);
    await ok(move(fgc, c.id, 'refer_recheck', { body: '国家信访局', referredOn: '2019-09-30' }));
    await ok(move(fgc, c.id, 'record_recheck_outcome', { opinion: '不予支持', text: '复核维持。', decidedOn: '2019-09-30' }));
    await ok(move(fgc, c.id, 'deliver_recheck', { method: '邮寄送达', date: '2019-09-30' }));
    expect((await detail(c.id, fgc)).state).toBe('final');
  });
});
