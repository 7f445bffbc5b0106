import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';

// 主动公开: 拟公开 (索引号, the 20-working-day clock from 形成 over 春节 2019), 审核发布 by the 负责人 only,
// 撤回 with the record kept in the public 目录, search. Items other modules produce: disclosure-feeds.int.test.ts.
const clock = manualClock(new Date('2019-02-01T02:00:00Z'));
let t: TestApp;
let xq: Session, xqLead: Session, pl: Session;
const item = {
  title: '兴庆区2019年1月城乡低保资金发放情况公示',
  category: 11,
  office: '兴庆区民政局',
  formedOn: '2019-01-31',
  summary: '1月城乡低保资金发放情况。',
};
const inbox = async (s: Session, caseId: string) =>
  (await s.get('/api/notifications?pageSize=50'))
    .json()
    .items.filter((n: any) => n.caseId === caseId)
    .map((n: any) => n.title);
const catalogue = (q: string) => t.app.inject({ method: 'GET', url: `/api/public/disclosure/catalogue?${q}` });

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  [xq, xqLead, pl] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'pl-mzj'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('主动公开', () => {
  let id: string;
  it('拟公开登记: 索引号 and the 第二十六条 clock (春节 2019: 02-04–02-10 off, 02-02/02-03 调休 working days)', async () => {
    const bad = await xq.post('/api/disclosure/items', { ...item, category: 16 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('第二十条');
    const future = await xq.post('/api/disclosure/items', { ...item, formedOn: '2019-03-01' });
    expect(future.statusCode).toBe(400);
    const r = await xq.post('/api/disclosure/items', item);
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json().indexNo).toBe('640104-mzj/2019-00001');
    const k = (await xq.get(`/api/cases/${id}`)).json().clocks.find((c: any) => c.name === 'publish');
    // From 01-31: 02-01 1, 02-02 (Sat) 2, 02-03 (Sun) 3, 02-11…02-15 4–8, 02-18… → 03-05 is the 20th.
    expect(k.dueDate).toBe('2019-03-05');
    expect((await catalogue('q=%E5%85%B4%E5%BA%86%E5%8C%BA')).json().total).toBe(0); // drafts are not public
  });

  it('审核发布 is the 负责人’s act; another county sees nothing', async () => {
    expect((await xq.post(`/api/cases/${id}/transitions/publish`, {})).statusCode).toBe(403);
    expect((await pl.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await pl.get('/api/disclosure/items')).json().items.map((i: any) => i.id)).not.toContain(id);
    clock.set(new Date('2019-02-12T02:00:00Z'));
    const ok = await xqLead.post(`/api/cases/${id}/transitions/publish`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    const k = (await xq.get(`/api/cases/${id}`)).json().clocks.find((c: any) => c.name === 'publish');
    expect(k.state).toBe('met');
    // 已公开 rests: 变更 and 撤回 are open to the clerk but not owed, so nobody is told 「待您变更」.
    expect(await inbox(xq, id)).toEqual([]);
    expect((await xq.get(`/api/cases/${id}`)).json().nextStep).toBeNull();
    const pub = (await catalogue(`q=${encodeURIComponent('低保资金')}`)).json();
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ indexNo: '640104-mzj/2019-00001', publishedOn: '2019-02-12', categoryLabel: expect.stringContaining('社会保障') });
  });

  it('变更: reviewed, a fresh 第二十六条 clock from the change, the published text stays until approved, the earlier version on record', async () => {
    clock.set(new Date('2019-02-14T02:00:00Z'));
    const change = (s: Session, input: unknown) => s.post(`/api/cases/${id}/transitions/change`, { input });
    const next = { changedOn: '2019-02-13', reason: '补充发放户数', summary: '1月城乡低保资金发放情况（含补发 12 户）。' };
    expect((await change(xqLead, next)).statusCode).toBe(403);
    const future = await change(xq, { ...next, changedOn: '2019-02-15' });
    expect(future.statusCode).toBe(400);
    expect(future.json().title).toContain('变更日期');
    const early = await change(xq, { ...next, changedOn: '2019-02-11' });
    expect(early.statusCode).toBe(400);
    expect(early.json().title).toContain('2019-02-12');
    const same = await change(xq, { ...next, summary: item.summary });
    expect(same.statusCode).toBe(409);
    expect(same.json().title).toContain('无需变更');
    const ok = await change(xq, next);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('changing');
    // A change waits for the 负责人: that notice is owed.
    expect(await inbox(xqLead, id)).toEqual([expect.stringMatching(/^待您审核发布变更：ZDGK-/)]);
    // From 02-13: 02-14, 02-15, 02-18…22, 02-25…03-01, 03-04…08, 03-11, 03-12, 03-13 = 20 working days.
    expect(ok.json().clocks.find((k: any) => k.name === 'publish_change_1')).toMatchObject({ dueDate: '2019-03-13', state: 'running' });
    expect((await change(xq, { ...next, summary: '又一版' })).statusCode).toBe(409); // already awaiting review
    expect((await catalogue('q=%E8%A1%A5%E5%8F%91')).json().total).toBe(0); // the public still sees the published text
    expect((await xq.post(`/api/cases/${id}/transitions/publish_change`, {})).statusCode).toBe(403);
    const pub = await xqLead.post(`/api/cases/${id}/transitions/publish_change`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().clocks.find((k: any) => k.name === 'publish_change_1').state).toBe('met');
    expect(pub.json().data.changes).toContain('变更前：《兴庆区2019年1月城乡低保资金发放情况公示》');
    const shown = (await catalogue('q=%E8%A1%A5%E5%8F%91')).json().items;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ summary: next.summary, changedOn: '2019-02-13', publishedOn: '2019-02-12' });
    const old = await sql<{ p: string }>`select prev_summary as p from disclosure.item_change where case_id = ${id} and seq = 1`.execute(t.ctx.db);
    expect(old.rows[0]!.p).toBe(item.summary);
    // A second change, returned: the published text stays as it was.
    expect((await change(xq, { changedOn: '2019-02-14', reason: '更正', validity: '失效' })).statusCode).toBe(200);
    const back = await xqLead.post(`/api/cases/${id}/transitions/return_change`, { comment: '无需失效' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().state).toBe('published');
    expect((await catalogue('q=%E8%A1%A5%E5%8F%91')).json().items[0]).toMatchObject({ validity: '有效', changedOn: '2019-02-13' });
    // Back at rest twice (审核发布变更, 退回变更): no step is owed, but the clerk who asked for the change hears it was returned.
    expect(await inbox(xq, id)).toEqual([expect.stringMatching(/^变更被退回：ZDGK-/)]);
    const note = (await xq.get('/api/notifications?pageSize=50')).json().items.find((n: any) => n.caseId === id);
    expect(note.body).toContain('退回了第 2 次变更');
  });

  it('撤回 needs a reason; the 目录 keeps the record', async () => {
    expect((await xqLead.post(`/api/cases/${id}/transitions/withdraw`, { input: { reason: '' } })).statusCode).toBe(400);
    const w = await xqLead.post(`/api/cases/${id}/transitions/withdraw`, { input: { reason: '金额有误，更正后重新发布' } });
    expect(w.statusCode, w.body).toBe(200);
    const pub = (await catalogue('state=withdrawn')).json();
    expect(pub.items[0]).toMatchObject({ withdrawnOn: '2019-02-14', withdrawReason: '金额有误，更正后重新发布' });
  });
});
