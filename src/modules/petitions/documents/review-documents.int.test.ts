import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../tests/helpers/test-app.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { openPetitionsApp, type Caller } from '../petitions-test-setup.ts';
import { submitOnline } from '../commands/submit-online.ts';

// 复查意见书 and 复核意见书 (2019 matters: 《信访条例》第三十四条、第三十五条): issued on 送达 in the name
// of the body that made the opinion, numbered per type and year, with the next right (复核) or the
// finality (不再受理); none for an opinion recorded from an outside body; shown on the portal.
const clock = manualClock(new Date('2019-08-30T02:00:00Z'));
const at = (day: string, hour = 10) => clock.set(new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * 3_600_000));
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let fgc: Caller, fgcLead: Caller, yc: Caller, xq: Caller, xqLead: Caller;

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [fgc, fgcLead, yc, xq, xqLead] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'yc-mzj', 'xq-mzj', 'xq-mzj-lead'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t?.close());

const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};
const move = (who: Caller, id: string, name: string, input?: unknown) => who.post(`/api/cases/${id}/transitions/${name}`, input ? { input } : {});
const docs = async (id: string, who: Caller = xq) => (await who.get(`/api/cases/${id}/documents`)).json().items as any[];
const docx = async (who: Caller, url: string) => strFromU8(unzipSync(new Uint8Array((await who.get(url)).rawPayload))['word/document.xml']!);
const track = async (refNo: string, queryCode: string) => (await t.publicPost('/api/public/petitions/track', { refNo, queryCode }, '10.78.0.1')).json();
let n = 0;
const portal = (what: 'review' | 'recheck', refNo: string, queryCode: string) =>
  t.publicPost(`/api/public/petitions/${what}`, { refNo, queryCode, reason: '对答复不服,请求上一级机关复查或复核' }, `10.78.1.${++n}`);

/** An online petition answered at `org` and served on 2019-09-02. */
async function delivered(org: string, clerk: Caller, lead: Caller) {
  at('2019-08-30');
  const { refNo, queryCode } = await submitOnline(
    t.ctx,
    {
      title: `复查复核文书 ${++n}`,
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
  at('2019-09-02');
  await ok(move(clerk, id, 'deliver', { method: '当面送达', date: '2019-09-02' }));
  return { id, refNo, queryCode };
}

describe('复查意见书 and 复核意见书 (兴庆区 → 银川市 → 民政厅)', () => {
  let c = { id: '', refNo: '', queryCode: '' };

  it('a 复查 concluded (复查办结) offers 送达 to the holder; the 复核 window opens only once served', async () => {
    c = await delivered('640104-mzj', xq, xqLead);
    expect((await portal('review', c.refNo, c.queryCode)).statusCode).toBe(200);
    at('2019-09-10');
    await ok(move(yc, c.id, 'start_review'));
    await ok(move(yc, c.id, 'conclude_review', { opinion: '不予支持', text: '复查认为原处理意见正确,予以维持。' }));
    const d = (await xq.get(`/api/cases/${c.id}`)).json();
    expect(d.state).toBe('reviewed');
    expect(d.actions.transitions.map((x: any) => x.name)).toContain('deliver_review');
    const before = await track(c.refNo, c.queryCode);
    expect(before).toMatchObject({ canRequestRecheck: false, reviewOpinion: { receivedOn: null, document: null } });
    expect((await portal('recheck', c.refNo, c.queryCode)).statusCode).toBe(409);
  });

  it('送达复查意见 issues the 复查意见书 in the name of the 复查 body, citing the rule of the day and the 复核 right', async () => {
    at('2019-09-20');
    await ok(move(xq, c.id, 'deliver_review', { method: '邮寄送达', date: '2019-09-19' })); // served by the holder, issued by the 复查 body
    const doc = (await docs(c.id)).find((d) => d.type === 'petition.review_opinion');
    expect(doc).toMatchObject({ title: '信访事项复查意见书', docNo: '信复查意〔2019〕1号', version: 1, issuer: '银川市民政局', issuedOn: '2019-09-20' });
    const xml = await docx(xq, doc.docxUrl);
    for (const s of [
      '信访事项复查意见书',
      '马某',
      '复查认为原处理意见正确',
      '复查意见：不予支持',
      '《信访条例》第三十四条',
      '30 日内向复查机关的上一级行政机关请求复核',
      '《信访条例》第三十五条第一款',
      '银川市民政局',
      doc.verifyCode,
    ])
      expect(xml).toContain(s);
    expect(xml).not.toContain('信访工作条例');
    const tr = await track(c.refNo, c.queryCode);
    expect(tr).toMatchObject({
      canRequestRecheck: true,
      recheckReceivedOn: '2019-09-19',
      reviewOpinion: { receivedOn: '2019-09-19', document: { docNo: '信复查意〔2019〕1号', verifyCode: doc.verifyCode, issuer: '银川市民政局' } },
      reply: { document: { title: '信访事项处理意见书' } },
    });
    const pdf = await t.publicPost('/api/public/petitions/opinion.pdf', { refNo: c.refNo, queryCode: c.queryCode, which: 'review' }, '10.78.2.1');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['x-document-sm3']).toBe(doc.sm3);
    expect(sm3Hex(pdf.rawPayload)).toBe(doc.sm3);
    const none = await t.publicPost('/api/public/petitions/opinion.pdf', { refNo: c.refNo, queryCode: c.queryCode, which: 'recheck' }, '10.78.2.2');
    expect(none.statusCode).toBe(409);
    expect(none.json().title).toContain('复核意见书尚未送达');
  });

  it('送达复核意见 issues the 复核意见书 of the 复核 body: the same facts and reasons are not accepted again', async () => {
    expect((await portal('recheck', c.refNo, c.queryCode)).statusCode).toBe(200);
    at('2019-10-10');
    await ok(move(fgc, c.id, 'start_recheck'));
    await ok(move(fgc, c.id, 'conclude_recheck', { opinion: '不予支持', text: '复核认为复查意见正确,予以维持。' }));
    await ok(move(xq, c.id, 'deliver_recheck', { method: '当面送达', date: '2019-10-10' }));
    const doc = (await docs(c.id)).find((d) => d.type === 'petition.recheck_opinion');
    const fgcName = (await t.ctx.db.selectFrom('core.org_unit').select('name').where('code', '=', '640000-mzt-fgc').executeTakeFirstOrThrow()).name;
    expect(doc).toMatchObject({ title: '信访事项复核意见书', docNo: '信复核意〔2019〕1号', issuer: fgcName, issuedOn: '2019-10-10' });
    const xml = await docx(xq, doc.docxUrl);
    for (const s of ['复核认为复查意见正确', '《信访条例》第三十五条', '同一事实和理由', '不再受理', '《信访条例》第三十五条第三款']) expect(xml).toContain(s);
    const tr = await track(c.refNo, c.queryCode);
    expect(tr).toMatchObject({
      state: 'final',
      recheckOpinion: { receivedOn: '2019-10-10', document: { docNo: '信复核意〔2019〕1号', verifyCode: doc.verifyCode } },
    });
    const v = await t.app.inject({
      method: 'GET',
      url: `/api/public/documents/verify?no=${encodeURIComponent(doc.docNo)}&code=${encodeURIComponent(doc.verifyCode)}`,
      remoteAddress: '10.78.3.1',
    });
    expect(v.json()).toMatchObject({ genuine: true, title: '信访事项复核意见书', issuer: fgcName });
  });
});

describe('an opinion recorded from an outside body (转请) is that body’s paper', () => {
  it('records the 送达 but issues no 复查意见书 or 复核意见书; none can be issued by hand', async () => {
    const c = await delivered('640000-mzt-fgc', fgc, fgcLead);
    expect((await portal('review', c.refNo, c.queryCode)).statusCode).toBe(200);
    await ok(move(fgc, c.id, 'refer_review', { body: '宁夏回族自治区人民政府', referredOn: '2019-09-02' }));
    await ok(move(fgc, c.id, 'record_review_outcome', { opinion: '不予支持', text: '维持原处理意见。', decidedOn: '2019-09-02' }));
    await ok(move(fgc, c.id, 'deliver_review', { method: '邮寄送达', date: '2019-09-02' }));
    expect((await docs(c.id, fgc)).map((d) => d.type)).toEqual(['petition.opinion']);
    const hand = await fgc.post(`/api/cases/${c.id}/documents`, { type: 'petition.review_opinion' });
    expect(hand.statusCode).toBe(409);
    expect(hand.json().title).toContain('外部机关');
    expect((await track(c.refNo, c.queryCode)).reviewOpinion).toMatchObject({ office: '宁夏回族自治区人民政府', document: null });
    expect((await portal('recheck', c.refNo, c.queryCode)).statusCode).toBe(200);
    await ok(move(fgc, c.id, 'refer_recheck', { body: '国家信访局', referredOn: '2019-09-02' }));
    await ok(move(fgc, c.id, 'record_recheck_outcome', { opinion: '不予支持', text: '复核维持。', decidedOn: '2019-09-02' }));
    await ok(move(fgc, c.id, 'deliver_recheck', { method: '邮寄送达', date: '2019-09-02' }));
    expect((await docs(c.id, fgc)).map((d) => d.type)).toEqual(['petition.opinion']);
    expect((await track(c.refNo, c.queryCode)).recheckOpinion).toMatchObject({ office: '国家信访局', document: null });
  });
});
