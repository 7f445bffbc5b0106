import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { FOLLOW_UP_JOB } from './commands/follow-ups.ts';
import { DEMO_PASSWORD } from '../../kernel/identity/seed-demo-users.ts';
import { openPetitionsApp } from './petitions-test-setup.ts';

type Caller = {
  headers: Record<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};
let ip = 0;
/** A session with the CSRF header, able to PUT (the shared helper only GETs and POSTs). */
async function login(username: string): Promise<Caller> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.89.0.${++ip}`, payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const headers = { cookie: `mz_session=${res.cookies.find((c) => c.name === 'mz_session')!.value}`, 'x-csrf-token': res.json().csrfToken };
  return {
    headers,
    get: (url) => t.app.inject({ method: 'GET', url, headers }),
    post: (url, body) => t.app.inject({ method: 'POST', url, headers, payload: (body ?? {}) as object }),
    put: (url, body) => t.app.inject({ method: 'PUT', url, headers, payload: (body ?? {}) as object }),
  };
}

// 领导包案 with 回头看 (durable jobs), the settings table, attachments and replayed moves.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 in Beijing
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let fgc: Caller, fgcLead: Caller, xq: Caller, xqLead: Caller, ldCgz: Caller;
let files = '';
const stateOf = async (id: string) => (await sql<any>`select state, version from core.case where id = ${id}`.execute(t.ctx.db)).rows[0];

let seq = 100;
async function register(who: Caller, extra: Record<string, unknown> = {}, idNumber = idOf('64010419820202' + String(seq++).padStart(3, '0'))) {
  const r = await who.post('/api/petitions', {
    title: '反映养老服务补贴问题',
    channel: '来信',
    category: '申诉求决',
    subject: '养老服务',
    concernedAreaCode: '640104',
    content: '我母亲的高龄津贴从去年开始一直没有发放,请求查明原因并补发高龄津贴。',
    petitioners: [{ name: '王某', idNumber }],
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; refNo: string; flags: any };
}
const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  files = mkdtempSync(path.join(tmpdir(), 'mz-petition-att-'));
  (t.ctx.config as { dataDir: string }).dataDir = files;
  [fgc, fgcLead, xq, xqLead, ldCgz] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'xq-mzj', 'xq-mzj-lead', 'ld-cgz'].map(login));
});
afterAll(async () => {
  await t?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

describe('领导包案 and 回头看', () => {
  let id = '',
    refNo = '',
    fids: string[] = [];
  const notes = async () =>
    (
      await sql<any>`select n.title, n.body from core.notification n join core.app_user u on u.id = n.user_id
    where u.username = 'xq-mzj-lead' and n.kind = 'petition.follow_up' order by n.created_at`.execute(t.ctx.db)
    ).rows;

  it('lets a leader with petition.supervise take the case; one 包案领导 at a time', async () => {
    ({ id, refNo } = await register(xq));
    expect((await xq.post(`/api/petitions/${id}/lead`, {})).statusCode).toBe(403);
    const r = await xqLead.post(`/api/petitions/${id}/lead`, { note: '局长包案,一月内化解' });
    expect(r.statusCode, r.body).toBe(200);
    const other = await fgcLead.post(`/api/petitions/${id}/lead`, {});
    expect(other.statusCode).toBe(409);
    expect(other.json().title).toContain('陈国庆');
    expect((await ldCgz.post(`/api/petitions/${id}/lead`, {})).statusCode).toBe(404);
    expect((await xq.get(`/api/petitions/${id}`)).json().petition.lead).toMatchObject({ name: '陈国庆', note: '局长包案,一月内化解' });
  });

  it('schedules 回头看 dates as durable jobs; only the 包案领导, no past dates', async () => {
    expect((await fgcLead.post(`/api/petitions/${id}/follow-ups`, { dates: ['2026-06-10'] })).json().code).toBe('PETITION_NOT_LEADER');
    const past = await xqLead.post(`/api/petitions/${id}/follow-ups`, { dates: ['2026-06-10', '2026-05-30'] });
    expect(past.statusCode).toBe(400);
    expect(past.json().details.field).toBe('dates.1');
    expect((await xqLead.post(`/api/petitions/${id}/follow-ups`, {})).statusCode).toBe(400);
    const r = await xqLead.post(`/api/petitions/${id}/follow-ups`, { dates: ['2026-07-01', '2026-06-10'], note: '回访补发情况' });
    expect(r.statusCode, r.body).toBe(201);
    fids = r.json().items.map((x: any) => x.id);
    expect(r.json().items.map((x: any) => x.dueDate)).toEqual(['2026-06-10', '2026-07-01']);
    const jobs = await sql<any>`select data from pgboss.job where name = ${FOLLOW_UP_JOB} and state = 'created'`.execute(t.ctx.db);
    expect(jobs.rows.map((j: any) => j.data.followUpId).sort()).toEqual([...fids].sort());
    const d = (await xq.get(`/api/petitions/${id}`)).json();
    expect(d.followUps).toEqual([
      expect.objectContaining({ id: fids[0], dueDate: '2026-06-10', note: '回访补发情况', leaderName: '陈国庆', notifiedAt: null, result: null }),
      expect.objectContaining({ id: fids[1], dueDate: '2026-07-01' }),
    ]);
  });

  it('notifies the leader on the day, once, and not before', async () => {
    await t.test.jobs.runDue(t.ctx, { names: [FOLLOW_UP_JOB], includeFuture: true, singlePass: true });
    expect(await notes()).toEqual([]);
    clock.set(new Date('2026-06-10T02:00:00Z')); // 10:00 in Beijing on the day
    await t.test.jobs.runDue(t.ctx, { names: [FOLLOW_UP_JOB], includeFuture: true, singlePass: true });
    await t.test.jobs.runDue(t.ctx, { names: [FOLLOW_UP_JOB], includeFuture: true, singlePass: true });
    const n = await notes();
    expect(n).toHaveLength(1);
    expect(n[0].title).toContain(refNo);
    expect(n[0].body).toContain('回访补发情况');
    const d = (await xqLead.get(`/api/petitions/${id}`)).json();
    expect(d.followUps[0].notifiedAt).toBeTruthy();
    expect(d.followUps[1].notifiedAt).toBeNull();
  });

  it('records the 回头看 result once, by the 包案领导', async () => {
    const url = `/api/petitions/${id}/follow-ups/${fids[0]}/result`;
    expect((await xq.post(url, { result: '已补发' })).statusCode).toBe(403);
    const empty = await xqLead.post(url, { result: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().title).toContain('回头看结果');
    const r = await xqLead.post(url, { result: '已补发 6 个月高龄津贴,信访人表示满意,未再反映。' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await xqLead.post(url, { result: '再记一次' })).json().code).toBe('FOLLOW_UP_DONE');
    expect((await xqLead.post(`/api/petitions/${id}/follow-ups/${crypto.randomUUID()}/result`, { result: 'x' })).statusCode).toBe(404);
    const f = (await xq.get(`/api/petitions/${id}`)).json().followUps[0];
    expect(f).toMatchObject({ result: '已补发 6 个月高龄津贴,信访人表示满意,未再反映。', resultByName: '陈国庆' });
  });
});

describe('settings', () => {
  it('lists every setting with its default; only 自治区-level supervisors change them, validated per key, all or nothing, audited', async () => {
    const g = await xq.get('/api/petitions/settings');
    expect(g.statusCode, g.body).toBe(200);
    const items = g.json().items;
    expect(items.map((x: any) => x.key)).toEqual([
      'repeat.similarityThreshold',
      'intake.competentAreaLevel',
      'portal.intakeOrgCode',
      'review.requestDays',
      'satisfaction.rateWithinDays',
      'period.noticeDays',
      'period.handleDays',
      'period.extensionDays',
      'period.reviewDays',
      'period.recheckDays',
    ]);
    expect(items.find((x: any) => x.key === 'satisfaction.rateWithinDays')).toMatchObject({ unverified: true, value: 0, default: 0 });
    expect(items.find((x: any) => x.key === 'review.requestDays')).toMatchObject({ value: 30, basis: expect.stringContaining('第三十五条') });
    // The receiving unit is named, its code kept as the value (issue 19).
    expect(items.find((x: any) => x.key === 'portal.intakeOrgCode')).toMatchObject({
      value: '640000-mzt-fgc',
      valueLabel: '政策法规处',
      defaultLabel: '政策法规处',
    });
    expect(items.find((x: any) => x.key === 'review.requestDays').valueLabel).toBeNull();

    expect((await xqLead.put('/api/petitions/settings', { 'review.requestDays': 40 })).statusCode).toBe(403);
    expect((await fgc.put('/api/petitions/settings', { 'review.requestDays': 40 })).statusCode).toBe(403);
    // The 复查/复核 window is the petitioner's statutory right: a setting may lengthen it, never shorten it.
    const shorter = await fgcLead.put('/api/petitions/settings', { 'review.requestDays': 15 });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json()).toMatchObject({ title: expect.stringContaining('30 日'), details: { field: 'review.requestDays' } });
    const bad = await fgcLead.put('/api/petitions/settings', { 'repeat.similarityThreshold': 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ title: expect.stringContaining('相似度阈值'), details: { field: 'repeat.similarityThreshold' } });
    expect((await fgcLead.put('/api/petitions/settings', { 'no.such': 1 })).json().details.field).toBe('no.such');
    const half = await fgcLead.put('/api/petitions/settings', { 'review.requestDays': 40, 'portal.intakeOrgCode': 'no-such-org' });
    expect(half.statusCode).toBe(400);
    expect((await xq.get('/api/petitions/settings')).json().items.find((x: any) => x.key === 'review.requestDays').value).toBe(30);

    const r = await fgcLead.put('/api/petitions/settings', { 'review.requestDays': 40, 'satisfaction.rateWithinDays': 10 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.find((x: any) => x.key === 'review.requestDays')).toMatchObject({ value: 40, default: 30 });
    const audit = await sql<any>`select entity_id, before, after from core.audit_event where action = 'petition.setting.update' order by at, seq`.execute(
      t.ctx.db,
    );
    expect(audit.rows.map((a: any) => [a.entity_id, a.before.value, a.after.value])).toEqual([
      ['review.requestDays', 30, 40],
      ['satisfaction.rateWithinDays', 0, 10],
    ]);
  });

  it('is read at run time: the repeat threshold, the 复查 window and the rating window', async () => {
    const ID = idOf('64010419900303551');
    await register(xq, {}, ID);
    await ok(fgcLead.put('/api/petitions/settings', { 'repeat.similarityThreshold': 0.95 }));
    expect((await register(xq, { content: '我母亲的高龄津贴从去年开始就没有发放了,请求尽快查明原因,补发高龄津贴。' }, ID)).flags.repeat).toBeNull();
    await ok(fgcLead.put('/api/petitions/settings', { 'repeat.similarityThreshold': 0.5 }));
    expect((await register(xq, { content: '我母亲的高龄津贴从去年开始没有发放,请求尽快查明原因,并补发高龄津贴。' }, ID)).flags.repeat).not.toBeNull();

    const p = await register(xq);
    for (const [who, name, input] of [
      [xq, 'accept'],
      [xq, 'start'],
      [xq, 'draft', { opinion: '支持', text: '予以补发。' }],
      [xqLead, 'approve'],
      [xq, 'deliver', { method: '邮寄送达', date: '2026-06-10' }],
    ] as const) {
      await ok((who as Caller).post(`/api/cases/${p.id}/transitions/${name}`, input ? { input } : {}));
    }
    clock.set(new Date('2026-07-16T02:00:00Z'));
    const rate = await xq.post(`/api/petitions/${p.id}/satisfaction`, { satisfaction: '满意', channel: '信函' });
    expect(rate.statusCode).toBe(409);
    expect(rate.json()).toMatchObject({ code: 'PETITION_RATE_WINDOW_CLOSED', title: expect.stringContaining('10 日') });
    // 40 日 from the receipt on 06-10: 35 days later is still in time (30 日 would have ended on 07-10).
    const review = await xq.post(`/api/petitions/${p.id}/review-request`, { which: '复查', reason: '对答复不服,来信申请复查', receivedOn: '2026-07-15' });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json()).toMatchObject({ replyOn: '2026-06-10', lastDay: '2026-07-20' });
  });
});

describe('attachments and replayed moves', () => {
  const upload = async (who: Caller, caseId: string, name: string, type: string, bytes: Buffer) => {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const req = new Request('http://local/', { method: 'POST', body: fd });
    return t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/attachments`,
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { ...who.headers, 'content-type': req.headers.get('content-type')! },
    });
  };
  const stored = (bytes: Buffer) => {
    const key = createHash('sm3').update(bytes).digest('hex');
    return existsSync(path.join(files, 'attachments', key.slice(0, 2), key.slice(2, 4), key));
  };
  const rows = async (caseId: string) => (await sql<any>`select count(*)::int as n from core.attachment where case_id = ${caseId}`.execute(t.ctx.db)).rows[0].n;

  it('takes a PDF; refuses empty, oversized, wrong-type and out-of-scope uploads in Chinese, leaving nothing behind', async () => {
    const { id } = await register(xq);
    const pdf = Buffer.from(`%PDF-1.4\n% 信访材料 ${id}\n%%EOF\n`);
    const good = await upload(xq, id, '信访材料.pdf', 'application/pdf', pdf);
    expect(good.statusCode, good.body).toBe(201);
    expect(stored(pdf)).toBe(true);

    const empty = await upload(xq, id, '空白.pdf', 'application/pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'ATTACHMENT_EMPTY', title: '文件为空' });
    const exe = Buffer.from('MZ\x90\x00 not really a pdf');
    const fake = await upload(xq, id, '材料.pdf', 'application/pdf', exe);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().title).toContain('只接受');
    expect((await upload(xq, id, 'tool.exe', 'application/octet-stream', exe)).statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
    const large = await upload(xq, id, '大文件.pdf', 'application/pdf', big);
    expect(large.statusCode).toBe(413);
    expect(large.json().title).toContain('20 MB');
    const other = Buffer.from(`%PDF-1.4\n% 外县上传 ${id}\n%%EOF\n`);
    expect((await upload(ldCgz, id, '外县.pdf', 'application/pdf', other)).statusCode).toBe(404);

    expect(await rows(id)).toBe(1);
    for (const b of [exe, big, other]) expect(stored(b)).toBe(false);
    expect((await xq.get(`/api/petitions/${id}`)).json().attachments).toEqual([expect.objectContaining({ fileName: '信访材料.pdf', sizeBytes: pdf.length })]);
  });

  it('answers a replayed transition (same expected version twice) with a Chinese 409 and changes nothing', async () => {
    const { id } = await register(xq);
    const v = (await stateOf(id)).version;
    await ok(xq.post(`/api/cases/${id}/transitions/accept`, { expectedVersion: v }));
    const after = await stateOf(id);
    const replay = await xq.post(`/api/cases/${id}/transitions/accept`, { expectedVersion: v });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      title: expect.stringMatching(/[\u4e00-\u9fa5]/),
      details: { expectedVersion: v, currentVersion: after.version },
    });
    const again = await xq.post(`/api/cases/${id}/transitions/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toContain('不能执行「受理（书面告知）」');
    expect(await stateOf(id)).toEqual(after);
    const n = await sql<any>`select count(*)::int as n from core.case_event where case_id = ${id} and transition = 'accept'`.execute(t.ctx.db);
    expect(n.rows[0].n).toBe(1);
    const clocks = await sql<any>`select count(*)::int as n from core.deadline_clock where case_id = ${id} and name = 'handle'`.execute(t.ctx.db);
    expect(clocks.rows[0].n).toBe(1);
  });
});
