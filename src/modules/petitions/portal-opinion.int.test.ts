import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';

/** The citizen downloads the served 处理意见书 from 办理查询 with ref + query code, and nobody else gets it. */
const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let xq: Caller, xqLead: Caller;
let ip = 0;
const nextIp = () => `10.67.${Math.floor(++ip / 200)}.${ip % 200}`;
const download = (refNo: string, queryCode: string) => t.publicPost('/api/public/petitions/opinion.pdf', { refNo, queryCode }, nextIp());
const track = async (refNo: string, queryCode: string) => (await t.publicPost('/api/public/petitions/track', { refNo, queryCode }, nextIp())).json();

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [xq, xqLead] = await Promise.all([t.login('xq-mzj'), t.login('xq-mzj-lead')]);
});
afterAll(() => t?.close());

describe('POST /api/public/petitions/opinion.pdf', () => {
  let refNo = '',
    queryCode = '',
    id = '';
  const move = async (...steps: Array<[Caller, string, object]>) => {
    for (const [who, tr, body] of steps) {
      const r = await who.post(`/api/cases/${id}/transitions/${tr}`, body);
      expect(r.statusCode, `${tr}: ${r.body}`).toBe(200);
    }
  };

  it('before 送达 there is nothing to download: a clear 409, and tracking offers no document', async () => {
    const r = await t.publicPost(
      '/api/public/petitions',
      {
        title: '门户下载处理意见书',
        category: '申诉求决',
        subject: '低保',
        concernedAreaCode: '640104',
        content: '我家的低保待遇今年三月被无故取消,多次到社区反映没有结果,请求恢复低保待遇并说明取消理由。',
        petitioners: [{ name: '马某某', idNumber: '64010419800101123' + residentIdCheckChar('64010419800101123'), phone: '13912345678' }],
        pow: await solvedPow(t.app, nextIp()),
      },
      nextIp(),
    );
    expect(r.statusCode, r.body).toBe(201);
    ({ refNo, queryCode } = r.json());
    id = (await t.ctx.db.selectFrom('core.case').select('id').where('ref_no', '=', refNo).executeTakeFirstOrThrow()).id;
    const fgc = await t.login('nx-fgc');
    const xqOrg = (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow()).id;
    expect((await fgc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: xqOrg })).statusCode).toBe(200);
    expect((await xq.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
    await move(
      [xq, 'accept', {}],
      [xq, 'start', {}],
      [xq, 'draft', { input: { opinion: '支持', text: '经核查,取消低保依据不足,予以恢复。' } }],
      [xqLead, 'approve', {}],
    );

    const early = await download(refNo, queryCode);
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({ code: 'PETITION_OPINION_NOT_SERVED', title: expect.stringContaining('尚未送达') });
    expect((await track(refNo, queryCode)).reply).toBeNull();
  });

  it('after 送达 the right code gets the stored PDF, and tracking names its number and verification code', async () => {
    await move([xq, 'deliver', { input: { method: '网上答复', date: '2026-06-01' } }]);
    const staff = (await xq.get(`/api/cases/${id}/documents`)).json().items[0];
    expect(staff).toMatchObject({ type: 'petition.opinion', version: 1 });

    const r = await download(refNo, queryCode.toLowerCase());
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-disposition']).toContain(encodeURIComponent(`信访事项处理意见书-${staff.docNo}.pdf`));
    expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sm3Hex(r.rawPayload)).toBe(staff.sm3);

    const tr = await track(refNo, queryCode);
    expect(tr.reply.document).toEqual({
      title: '信访事项处理意见书',
      docNo: staff.docNo,
      version: 1,
      verifyCode: staff.verifyCode,
      issuedOn: '2026-06-01',
      issuer: staff.issuer,
    });
    const check = await t.app.inject({
      method: 'GET',
      url: `/api/public/documents/verify?no=${encodeURIComponent(staff.docNo)}&code=${staff.verifyCode}`,
      remoteAddress: nextIp(),
    });
    expect(check.json()).toMatchObject({ genuine: true, docNo: staff.docNo, version: 1 });
  });

  it('a wrong code or number is the same 404 as tracking and leaks nothing of the document', async () => {
    const asTrack = await t.publicPost('/api/public/petitions/track', { refNo, queryCode: 'WRONGCODE234' }, nextIp());
    const staff = (await xq.get(`/api/cases/${id}/documents`)).json().items[0];
    for (const [ref, code] of [
      [refNo, 'WRONGCODE234'],
      [`${refNo}9`, queryCode],
      ['', queryCode],
    ] as const) {
      const r = await download(ref, code);
      expect(r.statusCode, `${ref}/${code}`).toBe(ref ? 404 : 400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      const body = r.body;
      for (const leak of ['%PDF', staff.docNo, staff.verifyCode, staff.sm3, '马某某']) expect(body).not.toContain(leak);
      if (ref) expect(r.json()).toEqual(asTrack.json());
    }
  });

  it('a re-issue (new version, same number) is what the citizen downloads from then on', async () => {
    const again = await xq.post(`/api/cases/${id}/documents`, { type: 'petition.opinion' });
    expect(again.statusCode, again.body).toBe(201);
    const v2 = (await xq.get(`/api/cases/${id}/documents`)).json().items.find((d: { version: number }) => d.version === 2);
    const r = await download(refNo, queryCode);
    expect(r.statusCode).toBe(200);
    expect(sm3Hex(r.rawPayload)).toBe(v2.sm3);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('-第2版.pdf'));
    expect((await track(refNo, queryCode)).reply.document).toMatchObject({ docNo: v2.docNo, version: 2, verifyCode: v2.verifyCode });
    const audit = (await sql<{ n: number }>`select count(*)::int as n from core.document where case_id = ${id} and type = 'petition.opinion'`.execute(t.ctx.db))
      .rows[0]!;
    expect(audit.n).toBe(2);
  });
});
