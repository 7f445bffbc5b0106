import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';
import { idOf, openPetitionsApp, portalPetition as petition } from './petitions-test-setup.ts';
import { issueChallenge, leadingZeroBits, powDigest, solveChallenge } from '../../kernel/portal/proof-of-work.ts';

/** The proof of work on the public petition form: valid, replayed, wrong nonce, missing, forged, expired, and field errors first. */
const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let ip = 0;
const nextIp = () => `10.66.${Math.floor(++ip / 200)}.${ip % 200}`;
const casesNamed = async (title: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from core.case where title = ${title}`.execute(t.ctx.db)).rows[0]!.n;

const submit = (body: unknown) => t.publicPost('/api/public/petitions', body, nextIp());

beforeAll(async () => {
  t = await openPetitionsApp(clock);
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
