import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedPow } from '../../../../tests/helpers/portal-pow.ts';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { seedDelegations } from '../delegation/regime.ts';
import { insertTestStandards, sampleApplication } from '../dibao-test-data.ts';

/** The online 低保 application: proof of work, the township told by name, tracking with ref + query code, the notices served. */
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 Beijing
let t: TestApp;
let ld: Session, ldLead: Session, xj: Session;

const move = (s: Session, id: string, name: string, input: unknown = {}) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDelegations(t.ctx);
  await insertTestStandards(t.ctx, [{ area: '640423', kind: 'rural', cents: 50000 }]);
  [ld, ldLead, xj] = await Promise.all(['ld-cgz', 'ld-cgz-lead', 'xj-jqz'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t?.close());

describe('portal', () => {
  it('applies online, tracks with ref + query code, shows the local standard', async () => {
    const app = sampleApplication('640423100201', 20);
    const none = await t.app.inject({ method: 'POST', url: '/api/public/dibao/applications', remoteAddress: '10.99.1.1', payload: app });
    expect(none.json()).toMatchObject({ code: 'POW_REQUIRED', details: { field: 'pow' } });
    const pow = await solvedPow(t.app, '10.99.1.1');
    const r = await t.app.inject({ method: 'POST', url: '/api/public/dibao/applications', remoteAddress: '10.99.1.1', payload: { ...app, pow } });
    expect(r.statusCode, r.body).toBe(201);
    // One proof pays for one application.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/public/dibao/applications',
      remoteAddress: '10.99.1.1',
      payload: { ...sampleApplication('640423100201', 22), pow },
    });
    expect(again.json().code).toBe('POW_REPLAYED');
    const { refNo, queryCode } = r.json();
    expect(queryCode).toMatch(/^[A-Z2-9]{12}$/);
    // The township's clerks who hold 办理 are told at once, by name (nobody there registered it): the
    // application and the household; not the township's leader, not another township's clerks.
    const inbox = async (s: Session) =>
      (await ok(s.get('/api/notifications?pageSize=100'))).items.filter((n: any) => n.kind === 'dibao.online_application' && n.title.includes(refNo));
    expect(await inbox(ld)).toEqual([
      expect.objectContaining({
        userId: ld.me.user.id,
        title: expect.stringMatching(new RegExp(`^网上低保申请待受理：${refNo} ${app.members[0]!.name}户（.+村）$`)),
      }),
    ]);
    expect(await inbox(ldLead)).toEqual([]);
    expect(await inbox(xj)).toEqual([]);
    const tr = await t.app.inject({ method: 'POST', url: '/api/public/dibao/track', remoteAddress: '10.99.1.1', payload: { refNo, queryCode } });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json()).toMatchObject({ refNo, state: 'applied', township: '城关镇人民政府' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/public/dibao/track',
      remoteAddress: '10.99.1.1',
      payload: { refNo, queryCode: 'AAAAAAAAAAAA' },
    });
    expect(wrong.statusCode).toBe(404);
    const std = await t.app.inject({ method: 'GET', url: '/api/public/dibao/standard?area=640423100', remoteAddress: '10.99.1.2' });
    expect(std.json().standards.find((s: any) => s.kind === 'rural').monthlyYuan).toBe('500.00');
    const hash = (
      await sql<any>`select p.query_code_hash from dibao.application p join core.case c on c.id = p.case_id where c.ref_no = ${refNo}`.execute(t.ctx.db)
    ).rows[0].query_code_hash;
    expect(hash).not.toContain(queryCode);
    // township staff see it on their list
    const listed = (await ok(ld.get(`/api/dibao/applications?q=${refNo}`))).items;
    expect(listed).toHaveLength(1);
    // The 一次性告知书 served on the household shows on its tracking page by number, downloadable with ref + query code.
    expect(tr.json().notices).toEqual([]);
    await ok(move(ld, listed[0].id, 'request_materials', { missing: '户口簿复印件' }));
    const notices = (await t.app.inject({ method: 'POST', url: '/api/public/dibao/track', remoteAddress: '10.99.1.1', payload: { refNo, queryCode } })).json()
      .notices;
    expect(notices).toEqual([
      expect.objectContaining({
        title: '最低生活保障补齐材料一次性告知书',
        docNo: expect.stringMatching(/^低保补告〔2026〕\d+号$/),
        verifyCode: expect.any(String),
        version: 1,
      }),
    ]);
    const pdf = (payload: object) => t.app.inject({ method: 'POST', url: '/api/public/dibao/notice.pdf', remoteAddress: '10.99.1.3', payload });
    const file = await pdf({ refNo, queryCode, docNo: notices[0].docNo });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdf({ refNo, queryCode: 'AAAAAAAAAAAA', docNo: notices[0].docNo })).statusCode).toBe(404);
    expect((await pdf({ refNo, queryCode, docNo: '低保补告〔2026〕999号' })).json()).toMatchObject({ code: 'DIBAO_NOTICE_NOT_FOUND' });
  });

  it('a portal application refused by the form schema (before the proof is checked) gets a Chinese error naming the field and spends nothing', async () => {
    const pow = await solvedPow(t.app, '10.99.1.3');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/public/dibao/applications',
      remoteAddress: '10.99.1.3',
      payload: { ...sampleApplication('640423100201', 21), address: '', pow },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toContain('家庭住址');
    const fixed = await t.app.inject({
      method: 'POST',
      url: '/api/public/dibao/applications',
      remoteAddress: '10.99.1.3',
      payload: { ...sampleApplication('640423100201', 21), pow },
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
  });

  it('the public standard gives the 分档 amounts of an area that pays by bands (what the benefit is computed from)', async () => {
    // 平罗县's rural standard pays by bands: 第一档 below 100 元 per head a month, 300 元 per person; …
    await sql`insert into dibao.standard (id, area_code, kind, effective_from, monthly_cents, method, bands, document, is_demo)
      values (gen_random_uuid(), '640221', 'rural', '2026-01-01', 34500, 'banded',
        ${JSON.stringify([
          { belowCents: 34500, perPersonCents: 10000 },
          { belowCents: 10000, perPersonCents: 30000 },
          { belowCents: 20000, perPersonCents: 20000 },
        ])}::jsonb, '测试标准', true)`.execute(t.ctx.db);
    const std = await t.app.inject({ method: 'GET', url: '/api/public/dibao/standard?area=640221', remoteAddress: '10.99.1.4' });
    expect(std.statusCode, std.body).toBe(200);
    expect(std.json().standards.find((s: any) => s.kind === 'rural')).toMatchObject({
      monthlyYuan: '345.00',
      method: 'banded',
      bands: [
        { name: '第一档', incomeFromYuan: '0.00', incomeBelowYuan: '100.00', perPersonYuan: '300.00' },
        { name: '第二档', incomeFromYuan: '100.00', incomeBelowYuan: '200.00', perPersonYuan: '200.00' },
        { name: '第三档', incomeFromYuan: '200.00', incomeBelowYuan: '345.00', perPersonYuan: '100.00' },
      ],
    });
    // 差额计发 has no bands.
    const plain = await t.app.inject({ method: 'GET', url: '/api/public/dibao/standard?area=640423100', remoteAddress: '10.99.1.4' });
    expect(plain.json().standards.find((s: any) => s.kind === 'rural')).toMatchObject({ method: 'difference', bands: null });
  });
});
