import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';
import { issueChallenge, leadingZeroBits, powDigest, solveChallenge } from '../../kernel/portal/proof-of-work.ts';

/**
 * The public portal's API: proof of work (valid, wrong nonce, replayed, expired, forged, missing),
 * the public area list, tracking in citizen terms with the extension reason, 复查 and 复核.
 */
const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let xq: Caller, xqLead: Caller, yc: Caller;
let ip = 0;
const nextIp = () => `10.66.${Math.floor(++ip / 200)}.${ip % 200}`;
const casesNamed = async (title: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from core.case where title = ${title}`.execute(t.ctx.db)).rows[0]!.n;

const petition = (title: string, id17 = '64010419800101123') => ({
  title,
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode: '640104',
  content: '我家的低保待遇今年三月被无故取消,多次到社区反映没有结果,请求恢复低保待遇并说明取消理由。',
  petitioners: [{ name: '马某某', idNumber: idOf(id17), phone: '13912345678', address: '兴庆区某小区' }],
});
const submit = (body: unknown) => t.publicPost('/api/public/petitions', body, nextIp());

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [xq, xqLead, yc] = await Promise.all([t.login('xq-mzj'), t.login('xq-mzj-lead'), t.login('yc-mzj')]);
});
afterAll(() => t?.close());

describe('proof of work on POST /api/public/petitions', () => {
  it('issues a signed challenge at the configured difficulty', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/public/pow', remoteAddress: nextIp() });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const b = r.json();
    expect(b).toMatchObject({ bits: t.ctx.config.portalPowBits, algorithm: 'SHA-256' });
    expect(b.challenge.split('.')).toHaveLength(4);
    const nonce = solveChallenge(b.challenge, b.bits);
    expect(leadingZeroBits(powDigest(b.challenge, nonce))).toBeGreaterThanOrEqual(b.bits);
  });

  it('accepts a solved challenge once; a replay is refused in Chinese and writes nothing', async () => {
    const pow = await solvedPow(t.app, nextIp());
    const ok = await submit({ ...petition('工作量证明:有效'), pow });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await submit({ ...petition('工作量证明:重放'), pow });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'POW_REPLAYED', title: expect.stringContaining('安全校验已使用过'), details: { field: 'pow' } });
    expect(await casesNamed('工作量证明:重放')).toBe(0);
  });

  it('refuses a wrong nonce, a missing proof, a forged difficulty and an expired challenge', async () => {
    const { challenge, bits } = await issueChallenge(t.ctx);
    let wrong = 0;
    while (leadingZeroBits(powDigest(challenge, `x${wrong}`)) >= bits) wrong++;
    const bad = await submit({ ...petition('工作量证明:错误'), pow: { challenge, nonce: `x${wrong}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'POW_WRONG', title: '安全校验未通过，请重新提交' });

    const none = await submit(petition('工作量证明:缺失'));
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'POW_REQUIRED', title: expect.stringContaining('请完成安全校验') });

    // Lowering the difficulty in the challenge breaks its signature.
    const [id, exp, , mac] = challenge.split('.');
    const easy = `${id}.${exp}.1.${mac}`;
    const forged = await submit({ ...petition('工作量证明:伪造'), pow: { challenge: easy, nonce: solveChallenge(easy, 1) } });
    expect(forged.json()).toMatchObject({ code: 'POW_FORGED', title: expect.stringContaining('安全校验数据无效') });

    const old = await solvedPow(t.app, nextIp());
    clock.advance(11 * 60_000);
    const expired = await submit({ ...petition('工作量证明:过期'), pow: old });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'POW_EXPIRED', title: '安全校验已过期，请重新提交' });
    for (const title of ['工作量证明:错误', '工作量证明:缺失', '工作量证明:伪造', '工作量证明:过期']) expect(await casesNamed(title)).toBe(0);
  });

  it('reports field errors before spending the proof, so the citizen can fix and resubmit with it', async () => {
    const pow = await solvedPow(t.app, nextIp());
    const badId = await submit({
      ...petition('工作量证明:先校验'),
      petitioners: [{ name: '马某某', idNumber: '640104198001011230' === idOf('64010419800101123') ? '640104198001011231' : '640104198001011230' }],
      pow,
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ code: 'ID_NUMBER_INVALID', details: { field: 'petitioners.0.idNumber' } });
    const noTitle = await submit({ ...petition(''), pow });
    expect(noTitle.json().details.field).toBe('title');
    const fixed = await submit({ ...petition('工作量证明:先校验'), pow });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(await casesNamed('工作量证明:先校验')).toBe(1);
  });
});

describe('证明材料 sent with a portal submission (multipart)', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const form = (body: object, files: Array<{ name: string; type: string; bytes: Buffer }>) => {
    const fd = new FormData();
    fd.append('petition', JSON.stringify(body));
    for (const f of files) fd.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
    return fd;
  };
  const post = (fd: FormData) => t.app.inject({ method: 'POST', url: '/api/public/petitions', remoteAddress: nextIp(), payload: fd as never });
  const attachmentsOf = async (title: string) =>
    (
      await sql<{ file_name: string; size_bytes: number; uploaded_by: string | null }>`select a.file_name, a.size_bytes, a.uploaded_by
    from core.attachment a join core.case c on c.id = a.case_id where c.title = ${title}`.execute(t.ctx.db)
    ).rows.sort((x, y) => (x.file_name < y.file_name ? -1 : 1)); // in JS: the database's collation may order CJK differently

  it('stores the files with the petition, in its transaction, and the case lists them for the handler', async () => {
    const title = '证明材料:照片和通知书';
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const r = await post(
      form({ ...petition(title, '64010419800101124'), pow: await solvedPow(t.app, nextIp()) }, [
        { name: '取消低保通知书.pdf', type: 'application/pdf', bytes: PDF },
        { name: '住房照片.png', type: 'image/png', bytes: png },
      ]),
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ attachments: 2, refNo: expect.any(String) });
    const track = await t.publicPost('/api/public/petitions/track', { refNo: r.json().refNo, queryCode: r.json().queryCode }, nextIp());
    expect(track.json().materials).toEqual(
      expect.arrayContaining([
        { fileName: '取消低保通知书.pdf', sizeBytes: PDF.length },
        { fileName: '住房照片.png', sizeBytes: png.length },
      ]),
    );
    expect(track.json().materials).toHaveLength(2);
    expect(await attachmentsOf(title)).toEqual([
      { file_name: '住房照片.png', size_bytes: png.length, uploaded_by: null },
      { file_name: '取消低保通知书.pdf', size_bytes: PDF.length, uploaded_by: null },
    ]);
  });

  it('checks the proof of work before reading any upload (an oversized file without a proof gets POW_REQUIRED, not 413)', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const none = await post(form(petition('证明材料:未附安全校验'), [{ name: '扫描件.pdf', type: 'application/pdf', bytes: big }]));
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'POW_REQUIRED', details: { field: 'pow' } });
    const forged = { challenge: 'x.1999999999999.16.y', nonce: '1' };
    const bad = await post(form({ ...petition('证明材料:伪造安全校验'), pow: forged }, [{ name: '扫描件.pdf', type: 'application/pdf', bytes: big }]));
    expect(bad.json().code).toBe('POW_FORGED');
  });

  it('refuses a wrong-type, an oversized or a sixth file by name, before spending the proof, and writes nothing', async () => {
    const title = '证明材料:被拒绝';
    const pow = await solvedPow(t.app, nextIp());
    const body = { ...petition(title, '64010419800101125'), pow };
    const exe = await post(
      form(body, [
        { name: '说明.pdf', type: 'application/pdf', bytes: PDF },
        { name: '照片.jpg', type: 'image/jpeg', bytes: Buffer.from('MZ not a jpeg') },
      ]),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      title: expect.stringContaining('附件 2《照片.jpg》'),
      details: { field: 'files' },
    });
    const big = await post(form(body, [{ name: '扫描件.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', title: expect.stringContaining('10 MB') });
    const six = await post(
      form(
        body,
        Array.from({ length: 6 }, (_, i) => ({ name: `材料${i + 1}.pdf`, type: 'application/pdf', bytes: PDF })),
      ),
    );
    expect(six.statusCode).toBe(400);
    expect(six.json()).toMatchObject({ code: 'ATTACHMENT_TOO_MANY', title: expect.stringContaining('最多 5 个') });
    expect(await casesNamed(title)).toBe(0);
    // The same proof still works once the files are right.
    const fixed = await post(form(body, [{ name: '说明.pdf', type: 'application/pdf', bytes: PDF }]));
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(await attachmentsOf(title)).toHaveLength(1);
  });
});

describe('补充证明材料 from 办理查询', () => {
  const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
  const more = (refNo: string, queryCode: string, n: number) => {
    const fd = new FormData();
    fd.append('refNo', refNo);
    fd.append('queryCode', queryCode);
    for (let i = 0; i < n; i++) fd.append('files', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), `补充材料${i + 1}.pdf`);
    return t.app.inject({ method: 'POST', url: '/api/public/petitions/materials', remoteAddress: nextIp(), payload: fd as never });
  };

  it('adds files by ref + query code, tells the holding office, and keeps to ten per petition', async () => {
    const r = await submit({ ...petition('补充材料:后补', '64010419800101126'), pow: await solvedPow(t.app, nextIp()) });
    const { refNo, queryCode } = r.json();
    const wrong = await more(refNo, 'AAAAAAAAAAAA', 1);
    expect(wrong.statusCode).toBe(404);
    const ok = await more(refNo, queryCode, 3);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ added: 3, materials: 3 });
    const track = await t.publicPost('/api/public/petitions/track', { refNo, queryCode }, nextIp());
    expect(
      track
        .json()
        .materials.map((m: { fileName: string }) => m.fileName)
        .sort(),
    ).toEqual(['补充材料1.pdf', '补充材料2.pdf', '补充材料3.pdf']);
    const bell = (
      await sql<{
        title: string;
      }>`select n.title from core.notification n join core.case c on c.id = n.case_id where c.ref_no = ${refNo} and n.kind = 'petition.materials'`.execute(
        t.ctx.db,
      )
    ).rows;
    expect(bell).toEqual([{ title: `${refNo} 信访人补充证明材料 3 个` }]);
    expect((await more(refNo, queryCode, 5)).statusCode).toBe(201);
    const over = await more(refNo, queryCode, 3);
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ code: 'ATTACHMENT_TOO_MANY', title: expect.stringContaining('最多 10 个（已有 8 个）') });
    const none = await more(refNo, queryCode, 0);
    expect(none.json().code).toBe('ATTACHMENT_MISSING');
  });
});

describe('public reference data', () => {
  it('lists 自治区, cities and counties for 问题发生地, without a session', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/public/areas', remoteAddress: nextIp() });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { code: string; name: string; level: number; parentCode: string | null }[];
    expect(items.find((a) => a.code === '640000')).toMatchObject({ level: 1, parentCode: null });
    expect(items.find((a) => a.code === '640104')).toMatchObject({ name: '兴庆区', level: 3, parentCode: '640100' });
    expect(items.find((a) => a.code === '640423')).toMatchObject({ name: '隆德县', level: 3 });
    expect(items.every((a) => a.level <= 3)).toBe(true);
  });
});

describe('tracking, 复查 and 复核 from the portal', () => {
  let refNo = '',
    queryCode = '',
    id = '';
  const track = async () => {
    const r = await t.publicPost('/api/public/petitions/track', { refNo, queryCode }, nextIp());
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('shows plain state, holding office, deadline, an extension with its reason, and no staff names', async () => {
    const r = await submit({ ...petition('门户查询:延期与复核', '64010419750303456'), concernedAreaCode: '640104', pow: await solvedPow(t.app, nextIp()) });
    expect(r.statusCode, r.body).toBe(201);
    ({ refNo, queryCode } = r.json());
    id = (await t.ctx.db.selectFrom('core.case').select('id').where('ref_no', '=', refNo).executeTakeFirstOrThrow()).id;
    const first = await track();
    expect(first).toMatchObject({
      state: 'registered',
      statePlain: '已收到，正在审查是否受理',
      holderOrgName: '宁夏回族自治区民政厅政策法规处',
      deadline: { label: '甄别受理期限' },
      canRate: false,
      canRequestReview: false,
      canRequestRecheck: false,
    });
    expect(first.deadline.legalBasis).toBe('《信访工作条例》第二十三条第二款、第三款');

    const fgc = await t.login('nx-fgc');
    const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    expect((await fgc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640104-mzj'), note: '请兴庆区办理' })).statusCode).toBe(200);
    const moving = await track();
    expect(moving.pendingTransfer).toEqual({ from: '宁夏回族自治区民政厅政策法规处', to: '兴庆区民政局' });
    expect(moving.progress.at(-1).detail).toBe('转送至兴庆区民政局');
    expect((await xq.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
    expect((await xq.post(`/api/cases/${id}/transitions/accept`, { input: { notice: '已受理' } })).statusCode).toBe(200);
    const ext = await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 30, unit: 'days', reason: '需调取三年来的低保档案核实' });
    expect(ext.statusCode, ext.body).toBe(200);
    const b = await track();
    expect(b).toMatchObject({
      state: 'accepted',
      holderOrgName: '兴庆区民政局',
      pendingTransfer: null,
      deadline: { label: '办理期限', dueDate: ext.json().dueDate },
    });
    expect(b.extensions).toEqual([expect.objectContaining({ clock: '办理期限', length: '30 日', reason: '需调取三年来的低保档案核实' })]);
    expect(b.progress.map((p: any) => p.detail)).toEqual(expect.arrayContaining(['收到网上信访事项，已登记', '签收', '受理，并书面告知']));
    const body = JSON.stringify(b);
    for (const staff of ['刘海燕', '陈国庆', xq.me.displayName, xqLead.me.displayName]) expect(body).not.toContain(staff);
  });

  it('refuses 复核 before a 复查 decision', async () => {
    const r = await t.publicPost('/api/public/petitions/recheck', { refNo, queryCode, reason: '对处理结果不服,申请复核' }, nextIp());
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'PETITION_RECHECK_NOT_ALLOWED', title: expect.stringContaining('不能申请复核') });
  });

  it('after delivery and a 复查意见, takes one 复核 request within 30 日', async () => {
    for (const [who, tr, body] of [
      [xq, 'start', {}],
      [xq, 'draft', { input: { opinion: '解释说明', text: '经核查,取消低保系家庭收入超标,已向您说明核算口径。' } }],
      [xqLead, 'approve', {}],
      [xq, 'deliver', { input: { method: '网上答复', date: '2026-06-01' } }],
    ] as const) {
      const r = await who.post(`/api/cases/${id}/transitions/${tr}`, body);
      expect(r.statusCode, `${tr}: ${r.body}`).toBe(200);
    }
    const delivered = await track();
    expect(delivered).toMatchObject({ state: 'delivered', canRate: true, canRequestReview: true, canRequestRecheck: false, reply: { opinion: '解释说明' } });
    expect(delivered.reviewDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A rating is on the progress in citizen terms, never as the action's code name.
    expect((await t.publicPost('/api/public/petitions/rate', { refNo, queryCode, satisfaction: '基本满意' }, nextIp())).statusCode).toBe(200);
    const rated = await track();
    expect(rated.progress.at(-1)).toMatchObject({ action: '满意度评价（网上）', detail: '您作出了满意度评价' });
    for (const p of rated.progress as { action: string; detail: string }[]) expect(`${p.action} ${p.detail}`).not.toMatch(/\b[a-z_]{3,}\b/);
    expect((await t.publicPost('/api/public/petitions/review', { refNo, queryCode, reason: '收入核算有误,申请复查' }, nextIp())).statusCode).toBe(200);
    expect((await yc.post(`/api/cases/${id}/transitions/start_review`, {})).statusCode).toBe(200);
    const cr = await yc.post(`/api/cases/${id}/transitions/conclude_review`, { input: { opinion: '不予支持', text: '复查认为原处理意见正确,予以维持。' } });
    expect(cr.statusCode, cr.body).toBe(200);
    // The 复核 window counts from the day the petitioner receives the 复查意见: nothing to ask before it is served.
    expect(await track()).toMatchObject({ state: 'reviewed', canRequestRecheck: false, recheckDeadline: null });
    expect((await yc.post(`/api/cases/${id}/transitions/deliver_review`, { input: { method: '网上答复', date: '2026-06-01' } })).statusCode).toBe(200);
    const reviewed = await track();
    expect(reviewed).toMatchObject({
      state: 'review_delivered',
      canRequestRecheck: true,
      recheckReceivedOn: '2026-06-01',
      recheckDeadline: '2026-07-01',
      reviewOpinion: { opinion: '不予支持', text: expect.stringContaining('予以维持'), office: '银川市民政局', receivedOn: '2026-06-01' },
    });

    const short = await t.publicPost('/api/public/petitions/recheck', { refNo, queryCode, reason: '不服' }, nextIp());
    expect(short.statusCode).toBe(400);
    const wrongCode = await t.publicPost('/api/public/petitions/recheck', { refNo, queryCode: 'WRONGCODE234', reason: '对复查意见不服,申请复核' }, nextIp());
    expect(wrongCode.statusCode).toBe(404);
    const ok = await t.publicPost('/api/public/petitions/recheck', { refNo, queryCode, reason: '对复查意见不服,申请复核' }, nextIp());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'recheck_requested', notice: expect.stringContaining('复核申请已提交') });
    const again = await t.publicPost('/api/public/petitions/recheck', { refNo, queryCode, reason: '再次申请复核' }, nextIp());
    expect(again.statusCode).toBe(409);
    const after = await track();
    expect(after).toMatchObject({ state: 'recheck_requested', statePlain: '已申请复核，等待受理', canRequestRecheck: false });
    expect(after.progress.at(-1)).toMatchObject({ action: '申请复核', detail: '您申请了复核', office: null });
  });

  it('closes the 复核 window 30 日 after the petitioner received the 复查意见', async () => {
    const r = await submit({ ...petition('门户查询:复核超期', '64010419750303457'), pow: await solvedPow(t.app, nextIp()) });
    const c = r.json();
    const cid = (await t.ctx.db.selectFrom('core.case').select('id').where('ref_no', '=', c.refNo).executeTakeFirstOrThrow()).id;
    const fgc = await t.login('nx-fgc');
    const xqOrg = (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow()).id;
    expect((await fgc.post(`/api/cases/${cid}/handoff`, { kind: 'transfer', toOrgId: xqOrg })).statusCode).toBe(200);
    expect((await xq.post(`/api/cases/${cid}/acknowledge`, {})).statusCode).toBe(200);
    for (const [who, tr, body] of [
      [xq, 'accept', {}],
      [xq, 'start', {}],
      [xq, 'draft', { input: { opinion: '支持', text: '予以恢复。' } }],
      [xqLead, 'approve', {}],
      [xq, 'deliver', { input: { method: '网上答复', date: '2026-06-01' } }],
    ] as const)
      expect((await who.post(`/api/cases/${cid}/transitions/${tr}`, body)).statusCode, tr).toBe(200);
    expect((await t.publicPost('/api/public/petitions/review', { refNo: c.refNo, queryCode: c.queryCode, reason: '补发金额有误' }, nextIp())).statusCode).toBe(
      200,
    );
    expect((await yc.post(`/api/cases/${cid}/transitions/start_review`, {})).statusCode).toBe(200);
    expect((await yc.post(`/api/cases/${cid}/transitions/conclude_review`, { input: { opinion: '支持', text: '维持。' } })).statusCode).toBe(200);
    expect((await yc.post(`/api/cases/${cid}/transitions/deliver_review`, { input: { method: '邮寄送达', date: '2026-06-01' } })).statusCode).toBe(200);
    clock.advance(31 * 24 * 3600_000);
    const late = await t.publicPost('/api/public/petitions/recheck', { refNo: c.refNo, queryCode: c.queryCode, reason: '对复查意见不服,申请复核' }, nextIp());
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'PETITION_RECHECK_WINDOW_CLOSED', title: expect.stringContaining('30 日') });
    const tr = (await t.publicPost('/api/public/petitions/track', { refNo: c.refNo, queryCode: c.queryCode }, nextIp())).json();
    expect(tr.canRequestRecheck).toBe(false);
  });
});

describe('被投诉机关 and 被检举对象 from the portal form', () => {
  it('stores them with the submission; the staff detail shows them', async () => {
    const r = await submit({
      ...petition('网上检举:低保优亲厚友'),
      category: '检举控告',
      complainedOrg: '某某乡人民政府',
      accusedName: '某村村委会主任张某',
      pow: await solvedPow(t.app, nextIp()),
    });
    expect(r.statusCode, r.body).toBe(201);
    const row = (
      await sql<{ id: string; complained_org: string | null; accused_name: string | null }>`select p.case_id as id, p.complained_org, p.accused_name
      from petitions.petition p join core.case c on c.id = p.case_id where c.ref_no = ${r.json().refNo}`.execute(t.ctx.db)
    ).rows[0]!;
    expect(row).toMatchObject({ complained_org: '某某乡人民政府', accused_name: '某村村委会主任张某' });
    const fgc = await t.login('nx-fgc');
    const d = await fgc.get(`/api/petitions/${row.id}`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().petition).toMatchObject({ complainedOrg: '某某乡人民政府', accused: { name: '某村村委会主任张某' } });
  });

  it('refuses a 被检举人 on a matter that is not 检举控告, naming the field, and writes nothing', async () => {
    const r = await submit({ ...petition('网上信访:被检举人填错类别'), accusedName: '张某', pow: await solvedPow(t.app, nextIp()) });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json())).toContain('被检举人或单位只对检举控告类信访事项填写');
    expect(JSON.stringify(r.json())).toContain('accusedName');
    expect(await casesNamed('网上信访:被检举人填错类别')).toBe(0);
  });
});
