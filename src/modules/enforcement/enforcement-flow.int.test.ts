import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePath, filesRoot, fileStore } from '../../platform/files/file-store.ts';
import { chunkFile, uploadDir } from './penalty/upload-area.ts';
import { sweepEvidenceUploads } from './penalty/upload-sweep.ts';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { loadGrants, SYSTEM_ACTOR } from '../../kernel/identity/index.ts';
import { reversalMetric } from './report/reversal-metric.ts';
import { makeUscc, sampleOrg } from '../orgs/orgs-test-data.ts';

// A 西吉县 penalty case against a 社会团体 under the 2021 law, across the 2026 国庆 holiday:
// two certified officers, evidence with SM3, 先行登记保存, notice, hearing requested and held,
// 法制审核, 集体讨论, decision, service, publication and a late payment with the 3% charge.
const clock = manualClock(new Date('2026-09-01T02:00:00Z'));
let t: TestApp;
let xj: Session, lead: Session, yc: Session, ld: Session, fgc: Session;
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const act = (s: Session, id: string, name: string, input: unknown) => s.post(`/api/enforcement/cases/${id}/${name}`, input);
const userId = async (u: string) => (await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
const officer = (s: Session, o: Record<string, unknown>) =>
  s.post('/api/enforcement/officers', { validFrom: '2024-01-01', validTo: '2027-12-31', trainingHours: 40, ...o });
const clocks = async (id: string) => Object.fromEntries((await xj.get(`/api/cases/${id}`)).json().clocks.map((k: any) => [k.name, k]));
const facts = async (id: string) => (await xj.get(`/api/cases/${id}`)).json().data;

const filing = {
  partyName: '西吉县乡村文化促进会',
  partyKind: 'org',
  partyCode: makeUscc('social_group', '640422', 1),
  actDate: '2026-08-20',
  discoveredOn: '2026-08-28',
  actDescription: '超出章程规定的宗旨和业务范围开展收费培训',
  filedOn: '2026-09-01',
  filingStandard: '有证据初步证明存在违法事实，属于本机关管辖，在追责时效内(《行政处罚法》第五十四条)',
  powerCode: 'MZ-XZCF-001',
};
const checklist = { authority: '合法', procedure: '合法', facts: '清楚', law: '准确，档次适当', competence: '未超越', documents: '完备', crime: '不涉嫌犯罪' };

beforeAll(async () => {
  // Chunked uploads with 256 KiB chunks and a 4 MiB limit (the defaults are 8 MiB and 2 GiB).
  const env = { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000', UPLOAD_CHUNK_BYTES: String(256 * 1024), UPLOAD_MAX_BYTES: String(4 << 20) };
  t = await createTestApp({ clock, env });
  [xj, lead, yc, ld, fgc] = await Promise.all(['xj-mzj', 'xj-mzj-lead', 'yc-mzj', 'ld-mzj', 'nx-fgc'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('行政处罚 flow (2021 law, working days)', () => {
  let id: string;
  const o: Record<string, string> = {};

  it('registers officers with their certificates; the public looks one up by number; another county does not see them', async () => {
    const a = await officer(xj, { name: '何建平', certNo: '64042200101', userId: await userId('xj-mzj') });
    expect(a.statusCode, a.body).toBe(201);
    o.a = a.json().id;
    o.b = (await officer(xj, { name: '苏有福', certNo: '64042200102' })).json().id;
    o.c = (await officer(xj, { name: '马成林', certNo: '64042200103' })).json().id;
    o.host = (await officer(xj, { name: '杨海军', certNo: '64042200104' })).json().id;
    const noQual = await officer(lead, { name: '马德福', certNo: '64042200105', userId: await userId('xj-mzj-lead'), legalReviewer: true });
    expect(noQual.statusCode).toBe(400);
    expect(noQual.json().title).toContain('法律职业资格');
    const r = await officer(lead, {
      name: '马德福',
      certNo: '64042200105',
      userId: await userId('xj-mzj-lead'),
      legalReviewer: true,
      legalQualification: 'A20186404220001',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await officer(xj, { name: '重复', certNo: '64042200101' })).statusCode).toBe(409);
    expect((await xj.post(`/api/enforcement/officers/${o.c}/status`, { status: 'suspended', reason: '年度考核不合格' })).statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: '/api/public/enforcement/officers/64042200103' });
    expect(pub.json()).toMatchObject({ name: '马成林', statusLabel: '暂扣', mayEnforce: false, area: '西吉县', expired: false });
    expect(Object.keys(pub.json()).sort()).toEqual(
      ['area', 'certNo', 'expired', 'mayEnforce', 'name', 'org', 'problem', 'status', 'statusLabel', 'validFrom', 'validTo'].sort(),
    );
    expect(pub.json().userId).toBeUndefined();
    const mine = (await ld.get('/api/enforcement/officers')).json();
    expect(mine.items.some((x: any) => x.certNo.startsWith('640422'))).toBe(false);
    expect((await ld.get(`/api/enforcement/officers/${o.a}`)).statusCode).toBe(404);
    expect((await xj.get('/api/enforcement/officers?reviewers=true')).json().items.map((x: any) => x.name)).toEqual(['马德福']);
    day('2027-11-15');
    const exp = (await xj.get('/api/enforcement/officers/expiring?days=60')).json();
    expect(exp.items.map((x: any) => x.certNo)).toContain('64042200101');
    expect(exp.items.find((x: any) => x.certNo === '64042200101').daysLeft).toBe(46);
    day('2028-01-02');
    const gone = (await t.app.inject({ method: 'GET', url: '/api/public/enforcement/officers/64042200101' })).json();
    expect(gone).toMatchObject({ status: 'valid', expired: true, mayEnforce: false });
    expect(gone.problem).toContain('已于 2027-12-31 过期');
    day('2026-09-01');
  });

  it('立案 within the limitation period; an act discovered after 2 years is refused; 5 years did not exist in 2020', async () => {
    const old = await xj.post('/api/enforcement/cases', { ...filing, actDate: '2024-08-27' });
    expect(old.statusCode).toBe(422);
    expect(old.json().title).toContain('第三十六条');
    const five = await xj.post('/api/enforcement/cases', { ...filing, actDate: '2020-08-27', fiveYearLimitation: true });
    expect(five.statusCode).toBe(400);
    const bad = await xj.post('/api/enforcement/cases', { ...filing, powerCode: 'X' });
    expect(bad.statusCode).toBe(400);
    const code = await xj.post('/api/enforcement/cases', { ...filing, partyCode: '51640422MJX000001A' });
    expect(code.statusCode).toBe(400);
    expect(code.json().title).toContain('校验码');
    // The party is a 社会团体 of 西吉县's registry: the decision will reach it by its 统一社会信用代码.
    await xj.post('/api/orgs', sampleOrg({ name: filing.partyName, uscc: filing.partyCode, supervisorUnit: '西吉县文化旅游广电局', domicile: '西吉县吉强镇' }));
    const r = await xj.post('/api/enforcement/cases', filing);
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json().refNo).toMatch(/^XZCF-640422-2026-/);
    expect((await clocks(id)).decide).toMatchObject({ dueDate: '2026-11-30' }); // 90 日 from 09-01
  });

  it('only valid certificate holders are named; ≥ 2 officers; an uncertified officer is refused with the reason', async () => {
    day('2026-09-02');
    const one = await move(xj, id, 'assign', { officerIds: [o.a] });
    expect(one.statusCode).toBe(422);
    expect(one.json().title).toContain('不得少于两人');
    const susp = await move(xj, id, 'assign', { officerIds: [o.a, o.c] });
    expect(susp.statusCode).toBe(422);
    expect(susp.json().title).toMatch(/马成林.*暂扣/);
    const ok = await move(xj, id, 'assign', { officerIds: [o.a, o.b] });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('collects evidence (SM3 of the bytes) by two officers; a suspended officer cannot act; 先行登记保存 due in 7 working days', async () => {
    day('2026-09-03');
    const content = Buffer.from('现场照片 JPEG bytes').toString('base64');
    await xj.post(`/api/enforcement/officers/${o.a}/status`, { status: 'suspended', reason: '待核查' });
    const refused = await act(xj, id, 'evidence', {
      kind: '视听资料',
      title: '现场照片',
      collectedOn: '2026-09-03',
      officerIds: [o.a, o.b],
      contentBase64: content,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toMatch(/何建平.*暂扣/);
    await xj.post(`/api/enforcement/officers/${o.a}/status`, { status: 'valid', reason: '核查无误，恢复' });
    const notMine = await act(lead, id, 'evidence', { kind: '书证', title: 'x', collectedOn: '2026-09-03', officerIds: [o.a, o.b] });
    expect(notMine.statusCode).toBe(403);
    const ev = await act(xj, id, 'evidence', {
      kind: '视听资料',
      title: '现场照片',
      collectedOn: '2026-09-03',
      officerIds: [o.a, o.b],
      contentBase64: content,
    });
    expect(ev.statusCode, ev.body).toBe(201);
    expect(ev.json().sm3).toMatch(/^[0-9a-f]{64}$/);
    const pr = await act(xj, id, 'preserve', { items: '收费收据 35 张', registeredOn: '2026-09-03', approvedBy: '马德福' });
    expect(pr.statusCode, pr.body).toBe(201);
    expect(pr.json().dueOn).toBe('2026-09-14'); // 7 个工作日: 09-04 … 09-14
    const early = await move(xj, id, 'notify', {
      tier: 3,
      intendedKinds: ['罚款'],
      intendedFine: 60000,
      facts: 'f',
      reasons: 'r',
      basis: 'b',
      notifiedOn: '2026-09-03',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('先行登记保存');
    day('2026-09-10');
    const d = await act(xj, id, 'preserve_decide', { preservationId: pr.json().id, decision: '予以返还', decidedOn: '2026-09-10' });
    expect(d.json()).toMatchObject({ onTime: true });
  });

  it('分片上传: a multi-chunk video resumes after a missing chunk; SM3 of the whole file; content, size and scope checked', async () => {
    const CHUNK = 256 * 1024;
    const put = (s: Session, uid: string, i: number, b: Buffer) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/enforcement/evidence-uploads/${uid}/chunks/${i}`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
        payload: b,
      });
    const start = (s: Session, f: Record<string, unknown>) =>
      s.post('/api/enforcement/evidence-uploads', {
        caseId: id,
        kind: '视听资料',
        title: '现场执法记录仪视频',
        collectedOn: '2026-09-03',
        officerIds: [o.a, o.b],
        ...f,
      });
    const video = Buffer.concat([Buffer.from('00000018667479706973366d', 'hex'), randomBytes(3 * CHUNK * 4 + 1234)]); // 'ftypisom' + 3 MiB
    const mp4 = { fileName: '执法记录.mp4', mimeType: 'video/mp4', sizeBytes: video.length };
    expect((await start(ld, mp4)).statusCode).toBe(404); // another county: the case does not exist for it
    expect((await start(lead, mp4)).statusCode).toBe(403); // in scope, not an investigator
    const big = await start(xj, { ...mp4, sizeBytes: (4 << 20) + 1 });
    expect(big.statusCode).toBe(413);
    expect(big.json().title).toContain('4 MiB');
    expect((await start(xj, { ...mp4, fileName: 'x.exe' })).statusCode).toBe(415);
    const s0 = await start(xj, mp4);
    expect(s0.statusCode, s0.body).toBe(201);
    const up = s0.json();
    expect(up).toMatchObject({ chunkBytes: CHUNK, chunkCount: 13, received: [], receivedBytes: 0 });
    const part = (i: number) => video.subarray(i * CHUNK, (i + 1) * CHUNK);
    expect((await put(xj, up.id, 0, video.subarray(0, 100))).statusCode).toBe(400); // short chunk
    expect((await put(ld, up.id, 0, part(0))).statusCode).toBe(404);
    expect((await lead.get(`/api/enforcement/evidence-uploads/${up.id}`)).statusCode).toBe(404); // someone else's upload
    for (let i = 0; i < 13; i++) if (i !== 5) expect((await put(xj, up.id, i, part(i))).statusCode).toBe(200);
    expect((await stat(chunkFile(uploadDir(t.ctx.config, up.id), 12))).mode & 0o777).toBe(0o600);
    const early = await xj.post(`/api/enforcement/evidence-uploads/${up.id}/complete`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('第 5 片');
    // The connection broke: the client asks what arrived and sends only the missing chunk.
    const st = (await xj.get(`/api/enforcement/evidence-uploads/${up.id}`)).json();
    expect(st.missing).toEqual([5]);
    expect(st.receivedBytes).toBe(video.length - CHUNK);
    expect((await put(xj, up.id, 5, part(5))).json().missing).toEqual([]);
    const done = await xj.post(`/api/enforcement/evidence-uploads/${up.id}/complete`, {});
    expect(done.statusCode, done.body).toBe(201);
    const sm3 = createHash('sm3').update(video).digest('hex');
    expect(done.json()).toMatchObject({ sm3, sizeBytes: video.length });
    expect((await fileStore(t.ctx).get(sm3)).equals(video)).toBe(true);
    expect(await stat(uploadDir(t.ctx.config, up.id)).catch(() => null)).toBe(null);
    expect((await xj.get(`/api/enforcement/evidence-uploads/${up.id}`)).statusCode).toBe(404);
    const detail = (await xj.get(`/api/enforcement/cases/${id}`)).json();
    expect(detail.investigatorIds.sort()).toEqual([o.a, o.b].sort());
    const ev = detail.evidence.find((e: any) => e.sm3 === sm3);
    expect(ev).toMatchObject({ title: '现场执法记录仪视频', fileName: '执法记录.mp4', mimeType: 'video/mp4', sizeBytes: video.length });
    // Downloaded by whoever reads the case (streamed, decrypted), with its SM3; another county gets 404; logged.
    const file = (s: Session, eid: string) => s.get(`/api/enforcement/evidence/${eid}/file`);
    const got = await file(lead, ev.id);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.rawPayload.equals(video)).toBe(true);
    expect(got.headers).toMatchObject({
      'content-type': 'video/mp4',
      'x-evidence-sm3': sm3,
      'cache-control': 'no-store',
      'content-length': String(video.length),
    });
    expect(got.headers['content-disposition']).toBe(`attachment; filename="____.mp4"; filename*=UTF-8''${encodeURIComponent('执法记录.mp4')}`);
    expect((await file(ld, ev.id)).statusCode).toBe(404);
    const logged = await t.ctx.db
      .selectFrom('core.audit_event')
      .select(['actor_name', 'after'])
      .where('action', '=', 'enforcement.evidence.download')
      .execute();
    expect(logged).toEqual([expect.objectContaining({ after: expect.objectContaining({ sm3, fileName: '执法记录.mp4' }) })]);
    const hashOnly = (await xj.get(`/api/enforcement/cases/${id}`)).json().evidence.find((e: any) => !e.fileName);
    expect((await file(xj, hashOnly.id)).json().title).toContain('没有存储文件');
    // A small photo in one chunk makes the same round trip.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(1000)]);
    const one = (await start(xj, { title: '现场照片(原图)', fileName: 'IMG_0001.jpg', mimeType: 'image/jpeg', sizeBytes: jpeg.length })).json();
    expect((await put(xj, one.id, 0, jpeg)).statusCode).toBe(200);
    const photo = await xj.post(`/api/enforcement/evidence-uploads/${one.id}/complete`, {});
    expect(photo.statusCode, photo.body).toBe(201);
    const small = await file(xj, photo.json().id);
    expect(small.rawPayload.equals(jpeg)).toBe(true);
    expect(small.headers).toMatchObject({ 'content-type': 'image/jpeg', 'x-evidence-sm3': createHash('sm3').update(jpeg).digest('hex') });
    // A stored file changed on disk is refused before any byte leaves.
    const stored = filePath(filesRoot(t.ctx.config), createHash('sm3').update(jpeg).digest('hex'));
    const sealed = await readFile(stored);
    sealed[sealed.length - 40] ^= 1;
    await writeFile(stored, sealed);
    const tampered = await file(xj, photo.json().id);
    expect(tampered.statusCode).toBe(500);
    expect(tampered.json().title).toContain('文件校验失败');

    // A PDF declared as a video is refused by its content, naming both; the upload stays to be cancelled.
    const pdf = Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000));
    const fake = (await start(xj, { ...mp4, sizeBytes: pdf.length })).json();
    await put(xj, fake.id, 0, pdf);
    const wrong = await xj.post(`/api/enforcement/evidence-uploads/${fake.id}/complete`, {});
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().title).toMatch(/文件内容与声明的类型不符.*video\/mp4.*application\/pdf/);
    expect((await xj.delete(`/api/enforcement/evidence-uploads/${fake.id}`)).statusCode).toBe(204);
    expect(await stat(uploadDir(t.ctx.config, fake.id)).catch(() => null)).toBe(null);

    // An abandoned upload is kept for a day, then swept with its chunks.
    const left = (await start(xj, mp4)).json();
    await put(xj, left.id, 0, part(0));
    expect((await sweepEvidenceUploads(t.ctx)).removed).not.toContain(left.id);
    clock.set(new Date(Date.now() + 2 * 86_400_000));
    expect((await sweepEvidenceUploads(t.ctx)).removed).toContain(left.id);
    day('2026-09-03');
    expect(await stat(uploadDir(t.ctx.config, left.id)).catch(() => null)).toBe(null);
    expect((await xj.get(`/api/enforcement/evidence-uploads/${left.id}`)).statusCode).toBe(404);
  });

  it('告知 from a 裁量基准 tier; outside the tier needs a reason; the hearing request runs 5 working days over 国庆', async () => {
    day('2026-09-29');
    const base = { facts: '超范围开展收费培训 35 人次', reasons: '违反章程', basis: '《社会团体登记管理条例》第三十条', notifiedOn: '2026-09-29' };
    const outside = await move(xj, id, 'notify', { ...base, tier: 2, intendedKinds: ['罚款'], intendedFine: 60000 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().title).toContain('理由');
    const r = await move(xj, id, 'notify', { ...base, tier: 3, intendedKinds: ['罚款', '限期停止活动'], intendedFine: 60000 });
    expect(r.statusCode, r.body).toBe(200);
    const f = await facts(id);
    expect(f).toMatchObject({ hearingRight: true, reviewRequired: true });
    // 09-30, (10-01…10-07 国庆), 10-08, 10-09, 10-10 (调休上班), (10-11 Sunday), 10-12.
    expect((await clocks(id)).party_period).toMatchObject({ dueDate: '2026-10-12' });
    day('2026-10-13');
    const late = await move(xj, id, 'request_hearing', { requestedOn: '2026-10-13' });
    expect(late.statusCode).toBe(409);
    expect(late.json().title).toContain('2026-10-12');
    expect((await move(xj, id, 'request_hearing', { requestedOn: '2026-10-12' })).statusCode).toBe(200);
  });

  it('听证: notice 7 working days ahead, a host who did not investigate, then held', async () => {
    day('2026-10-14');
    const h = { noticeOn: '2026-10-14', place: '西吉县民政局听证室', hostOfficerId: o.host };
    const short = await act(xj, id, 'schedule_hearing', { ...h, hearingOn: '2026-10-22' });
    expect(short.statusCode, short.body).toBe(422);
    expect(short.json().title).toContain('2026-10-23');
    const host = await act(xj, id, 'schedule_hearing', { ...h, hearingOn: '2026-10-23', hostOfficerId: o.b });
    expect(host.statusCode).toBe(422);
    expect(host.json().title).toContain('主持人');
    expect((await act(xj, id, 'schedule_hearing', { ...h, hearingOn: '2026-10-23' })).statusCode).toBe(201);
    expect((await move(xj, id, 'hold_hearing', { record: '笔录', partyAttended: true })).statusCode).toBe(409);
    day('2026-10-23');
    expect((await move(xj, id, 'hold_hearing', { record: '当事人陈述：……', partyAttended: true })).statusCode).toBe(200);
  });

  it('法制审核: not by an investigator; every checklist item; passes; no decision without the heads’ collective discussion', async () => {
    day('2026-10-26');
    const byInvestigator = await move(xj, id, 'review', { passed: true, checklist, opinion: '同意' });
    expect(byInvestigator.statusCode).toBe(403);
    const partial = await move(lead, id, 'review', { passed: true, checklist: { authority: '合法' }, opinion: '同意' });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().title).toContain('执法程序是否合法');
    const ok = await move(lead, id, 'review', { passed: true, checklist, opinion: '事实清楚，证据充分，同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    day('2026-10-27');
    const decision = {
      kind: '处罚',
      decidedOn: '2026-10-27',
      penaltyKinds: ['罚款', '限期停止活动'],
      fine: 60000,
      suspendedUntil: '2027-01-26',
      text: '决定：罚款 60000 元，限期停止活动 3 个月。',
    };
    const noHeads = await move(lead, id, 'decide', decision);
    expect(noHeads.statusCode).toBe(409);
    expect(noHeads.json().title).toContain('集体讨论');
    const heads = await act(lead, id, 'collective', { heldOn: '2026-10-27', heads: ['马德福', '何建平', '李国栋'], conclusion: '同意' });
    expect(heads.statusCode, heads.body).toBe(201);
    const noEnd = await move(lead, id, 'decide', { ...decision, suspendedUntil: undefined });
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json().title).toContain('截止日期');
    const d = await move(lead, id, 'decide', decision);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().data.decisionNo).toMatch(/^640422民罚决〔2026〕1号$/);
    const k = await clocks(id);
    expect(k.decide.state).toBe('met');
    expect(k.service.dueDate).toBe('2026-11-05');
    expect(k.publish.dueDate).toBe('2026-11-05');
    // 主动公开: the decision waits as a draft for 西吉县民政局's review (第二十六条 clock from the decision), linked back here.
    const items = (await xj.get('/api/disclosure/items?category=6')).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ state: 'drafted', source: '行政处罚决定', sourceLink: `/cases/${id}`, formedOn: '2026-10-27', office: '西吉县民政局' });
    expect(items[0].title).toContain('640422民罚决〔2026〕1号');
    expect(items[0].summary).toContain('西吉县乡村文化促进会');
    // The orgs registry recorded the decision against the organization (by USCC), and the credit rules followed.
    const org = (await xj.get(`/api/orgs?q=${encodeURIComponent(filing.partyName)}`)).json().items[0];
    const [p] = (await lead.get(`/api/orgs/${org.id}/penalties`)).json().items;
    expect(p).toMatchObject({ caseId: id, documentNo: '640422民罚决〔2026〕1号', fineCents: 6_000_000, suspendedUntil: '2027-01-26', decidedOn: '2026-10-27' });
    const e = (await lead.get(`/api/orgs/${org.id}/eligibility?date=2026-11-01&for=purchase`)).json();
    expect(e.eligible).toBe(false);
    expect((await ld.get('/api/disclosure/items?category=6')).json().items).toHaveLength(0);
  });

  it('served, published within 7 working days, cannot close unpaid; paid late with 3% a day', async () => {
    day('2026-10-29');
    expect((await move(xj, id, 'serve', { servedOn: '2026-10-29', method: '直接送达' })).statusCode).toBe(200);
    expect((await clocks(id)).payment.dueDate).toBe('2026-11-13'); // 15 日
    day('2026-11-03');
    const pub = await act(xj, id, 'publish', { publishedOn: '2026-11-03' });
    expect(pub.json()).toMatchObject({ onTime: true, dueOn: '2026-11-05' });
    const early = await move(xj, id, 'close', { closedOn: '2026-11-03' });
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('缴款凭证');
    day('2026-11-18');
    const wrong = await move(xj, id, 'pay', { paidOn: '2026-11-18', amount: 60000, bank: '农业银行西吉支行' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().title).toContain('69000.00'); // 5 days × 3% × 60000 = 9000
    const paid = await move(xj, id, 'pay', { paidOn: '2026-11-18', amount: 69000, bank: '农业银行西吉支行' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().data.lateCharge).toBe(9000);
    const closed = await move(xj, id, 'close', { closedOn: '2026-11-18' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
  });

  it('一事不再罚: the same act of the same party cannot be filed again; scope: other areas get 404, the region reads it', async () => {
    const again = await xj.post('/api/enforcement/cases', { ...filing, filedOn: '2026-11-18' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().title).toContain('一事不再罚');
    expect((await yc.get(`/api/enforcement/cases/${id}`)).statusCode).toBe(404);
    expect((await ld.get('/api/enforcement/cases')).json().items).toHaveLength(0);
    expect((await fgc.get(`/api/enforcement/cases/${id}`)).statusCode).toBe(200);
    expect((await xj.get('/api/enforcement/cases')).json().items[0]).toMatchObject({ id, stateLabel: '已结案归档', fine: 60000 });
  });
  it('复议纠错: a 行政复议 that corrects the decision counts it once under enforcement.reversed, on its result day', async () => {
    const body = { kind: '行政复议', decisionCaseId: id, applicant: '西吉县某协会', body: '西吉县人民政府', acceptedOn: '2026-11-10' };
    day('2026-11-18');
    const r = await xj.post('/api/enforcement/remedies', { ...body, result: '结果纠正', resultOn: '2026-11-18' });
    expect(r.statusCode, r.body).toBe(201);
    const admin = await userId('admin');
    const actor = { ...SYSTEM_ACTOR, userId: admin, grants: await loadGrants(t.ctx, admin, clock.now()) };
    const year = { areaCode: '640000', areaPath: '640000', from: '2026-01-01', to: '2026-12-31', actor };
    expect(await reversalMetric.query(t.ctx, year)).toMatchObject({ value: 1, recordIds: [id], recordKind: 'case' });
    expect((await reversalMetric.query(t.ctx, { ...year, to: '2026-11-17' })).value).toBe(0);
    // A second review of the same decision that also corrects it: still one decision.
    const suit = await xj.post('/api/enforcement/remedies', { ...body, kind: '行政诉讼', body: '西吉县人民法院', result: '结果纠正', resultOn: '2026-11-18' });
    expect(suit.statusCode, suit.body).toBe(201);
    expect((await reversalMetric.query(t.ctx, year)).value).toBe(1);
  });
  it('第十五条: a decision against a natural person goes into 主动公开 with the name masked, never the ID number', async () => {
    day('2026-11-19');
    const person = {
      ...filing,
      partyName: '马玉兰',
      partyKind: 'person',
      partyCode: '640422199001011236',
      actDate: '2026-11-10',
      discoveredOn: '2026-11-18',
      filedOn: '2026-11-19',
    };
    const r = await xj.post('/api/enforcement/cases', person);
    expect(r.statusCode, r.body).toBe(201);
    const pid = r.json().id;
    expect((await move(xj, pid, 'assign', { officerIds: [o.a, o.b] })).statusCode).toBe(200);
    const ev = await act(xj, pid, 'evidence', { kind: '书证', title: '询问笔录', collectedOn: '2026-11-19', officerIds: [o.a, o.b] });
    expect(ev.statusCode, ev.body).toBe(201);
    const notice = { tier: 1, intendedKinds: ['警告'], facts: '违法事实', reasons: '理由', basis: '依据', notifiedOn: '2026-11-19' };
    const n = await move(xj, pid, 'notify', notice);
    expect(n.statusCode, n.body).toBe(200);
    const go = await move(xj, pid, 'to_decision', { waived: true });
    expect(go.statusCode, go.body).toBe(200);
    const d = await move(lead, pid, 'decide', { kind: '处罚', decidedOn: '2026-11-19', penaltyKinds: ['警告'], text: '决定：给予警告。' });
    expect(d.statusCode, d.body).toBe(200);
    const item = (await xj.get('/api/disclosure/items?category=6')).json().items.find((i: any) => i.sourceLink === `/cases/${pid}`);
    expect(item.summary).toContain('当事人：马**');
    for (const s of [item.title, item.summary]) {
      expect(s).not.toContain('玉兰');
      expect(s).not.toContain(person.partyCode);
    }
    // The yearly 政务公开 report's 第二十条第（六）项 row counts both decisions of 2026, drillable to the cases.
    const acts = (await xj.get('/api/disclosure/annual?year=2026&area=640422')).json().acts;
    const penalties = acts.decisions.find((r: any) => r.label === '行政处罚').decisions;
    expect(penalties).toEqual({ value: 2, ids: [id, pid].sort() });
    const none = (await xj.get('/api/disclosure/annual?year=2025&area=640422')).json().acts;
    expect(none.decisions.find((r: any) => r.label === '行政处罚').decisions.value).toBe(0);
  });
});
