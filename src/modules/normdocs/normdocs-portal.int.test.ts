import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';

// 公开征求意见 on the portal: only open public consultations listed; a citizen's comment pays with a
// proof of work, is kept as plain text with its channel, and waits for the drafter's disposition;
// a targeted-only consultation takes no portal comment; 定向征求 comments registered by the drafter.
const clock = manualClock(new Date('2026-03-02T02:00:00Z'));
let t: TestApp;
let fgc: Session;
let ip = 0;
const nextIp = () => `10.55.0.${++ip}`;
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const list = async () => (await t.app.inject({ method: 'GET', url: '/api/public/normdocs/consultations', remoteAddress: nextIp() })).json();
const comment = (id: string, body: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/public/normdocs/consultations/${id}/comments`, remoteAddress: nextIp(), payload: body as object });
const draft = async (title: string) => {
  const r = await fgc.post('/api/normdocs', { title, text: '第一条 为规范……\n第二条 本办法适用于……' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  fgc = await t.login('nx-fgc');
});
afterAll(() => t?.close());

describe('公开征求意见 on the portal', () => {
  let pub: string, targeted: string;

  it('lists only public consultations running today', async () => {
    pub = await draft('宁夏回族自治区临时救助实施办法（征求意见稿）');
    targeted = await draft('宁夏回族自治区民政系统内部审计规定');
    expect((await list()).items.map((x: { id: string }) => x.id)).not.toContain(pub);
    expect((await move(fgc, pub, 'consult', { way: '公开征求意见', startOn: '2026-03-02', endOn: '2026-04-01' })).statusCode).toBe(200);
    expect((await move(fgc, targeted, 'consult', { way: '定向征求意见', targets: '各市民政局', startOn: '2026-03-02', endOn: '2026-04-01' })).statusCode).toBe(
      200,
    );
    const l = await list();
    const ids = l.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(pub);
    expect(ids).not.toContain(targeted);
    expect(l.items.find((x: { id: string }) => x.id === pub)).toMatchObject({ endOn: '2026-04-01', versionNo: 1, text: expect.stringContaining('第二条') });
  });

  it('a citizen comments with a proof of work; markup is kept as text; no proof, no comment', async () => {
    const noPow = await comment(pub, { content: '建议增加申请材料清单' });
    expect(noPow.statusCode).toBe(400);
    expect(noPow.json().title).toContain('安全校验');
    const empty = await comment(pub, { content: '', pow: await solvedPow(t.app, nextIp()) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().title).toContain('意见内容');
    const xss = '<img src=x onerror=alert(1)>建议明确急难型临时救助的先行救助时限';
    const ok = await comment(pub, { name: '马先生', content: xss, pow: await solvedPow(t.app, nextIp()) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ receivedOn: '2026-03-02' });
    const dr = await fgc.get(`/api/normdocs/${pub}`);
    expect(dr.statusCode, dr.body).toBe(200);
    const d = dr.json();
    expect(d.comments).toEqual([expect.objectContaining({ commenter: '马先生', content: xss, channel: '门户网站', disposition: null })]);
    expect((await list()).items.find((x: { id: string }) => x.id === pub).comments).toBe(1);
  });

  it('refuses portal comments on a targeted consultation, an unknown id and after the period', async () => {
    const tg = await comment(targeted, { content: '建议补充审计范围', pow: await solvedPow(t.app, nextIp()) });
    expect(tg.statusCode).toBe(409);
    expect(tg.json().title).toContain('不在公开征求意见期内');
    const unknown = await comment('0190aaaa-0000-7000-8000-000000000000', { content: '建议补充审计范围', pow: await solvedPow(t.app, nextIp()) });
    expect(unknown.statusCode).toBe(409);
    expect((await comment('not-an-id', { content: '建议补充审计范围' })).statusCode).toBe(400);
    clock.set(new Date('2026-04-02T02:00:00Z'));
    const late = await comment(pub, { content: '逾期的意见', pow: await solvedPow(t.app, nextIp()) });
    expect(late.statusCode).toBe(409);
    expect((await list()).items.map((x: { id: string }) => x.id)).not.toContain(pub);
    const n = (await sql<{ n: number }>`select count(*)::int as n from normdocs.comment where case_id = ${pub}`.execute(t.ctx.db)).rows[0]!.n;
    expect(Number(n)).toBe(1);
    clock.set(new Date('2026-03-02T02:00:00Z'));
  });

  it('a named body answers a targeted consultation; 定向征求 on a public-only one is refused', async () => {
    const r = await fgc.post(`/api/normdocs/${targeted}/comments`, {
      commenter: '银川市民政局',
      content: '无意见',
      receivedOn: '2026-03-02',
      channel: '定向征求',
    });
    expect(r.statusCode, r.body).toBe(201);
    const bad = await fgc.post(`/api/normdocs/${pub}/comments`, {
      commenter: '银川市民政局',
      content: '无意见',
      receivedOn: '2026-03-02',
      channel: '定向征求',
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().title).toContain('未定向征求意见');
    expect((await fgc.get(`/api/normdocs/${targeted}`)).json().comments[0]).toMatchObject({ channel: '定向征求', commenter: '银川市民政局' });
  });
});
