import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { ONLINE_STARS, applyOnline, elderlyCareApplication, materialParts, multipart, nextIp, publicPost } from './hall-test-data.ts';
import { ELDERLY_CARE_FILING } from './items.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';

// A citizen applies online for 养老机构备案 in 兴庆区 just before 国庆 2019: 补正 notice, completed
// after the holiday (the 承诺时限 counts afresh), 受理, 准予 with the 电子证照 PDF, rated 不满意 —
// the 差评 is verified, rectified within the 限期整改 period and fed back.
const clock = manualClock(new Date('2019-09-27T02:00:00Z'));
let t: TestApp;
let xq: Session, ld: Session, yc: Session, fgc: Session;
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
/** 网上补正: the files of the named materials, with ref + query code. */
const correctOnline = async (refNo: string, queryCode: string, names: string[]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/hall/correction',
    remoteAddress: nextIp(),
    ...multipart([{ name: 'refNo', value: refNo }, { name: 'queryCode', value: queryCode }, ...(await materialParts(t, ELDERLY_CARE_FILING, '640104', names))]),
  });
const promise = async (s: Session, id: string) => (await s.get(`/api/cases/${id}`)).json().clocks.find((k: any) => k.name === 'promise');

beforeAll(async () => {
  // The material files go to a data folder of this run: the shared ./data may hold the same content sealed under another run's key.
  t = await createTestApp({
    clock,
    env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mz-hall-')) },
  });
  [xq, ld, yc, fgc] = await Promise.all(['xq-mzj', 'ld-mzj', 'yc-mzj', 'nx-fgc'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('政务服务 online application', () => {
  let id: string, refNo: string, queryCode: string;

  it('the guide lists the items with their form; bad applications are refused in Chinese', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/public/hall/items' })).json().items;
    expect(items.map((i: any) => i.name)).toEqual(
      expect.arrayContaining(['养老机构备案', '公开募捐资格审核', '慈善组织认定', '地名命名更名备案', '社会团体成立登记']),
    );
    const guide = (await t.app.inject({ method: 'GET', url: '/api/public/hall/items/512011001001' })).json();
    expect(guide.fields.map((f: any) => f.label)).toContain('床位数（张）');
    const unknown = await applyOnline(t, { ...elderlyCareApplication(), itemCode: 'NOPE' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().title).toContain('办理事项');
    const a = elderlyCareApplication();
    const badUscc = await applyOnline(t, { ...a, form: { ...a.form, uscc: '52640104MJ0000001X' } });
    expect(badUscc.statusCode).toBe(400);
    expect(badUscc.json().title).toContain('统一社会信用代码');
    const noBeds = await applyOnline(t, { ...a, form: { ...a.form, beds: '' } });
    expect(noBeds.statusCode).toBe(400);
    expect(noBeds.json().title).toContain('床位数');
    const noPow = await publicPost(t, '/api/public/hall/applications', a);
    expect(noPow.statusCode).toBeGreaterThanOrEqual(400);
    expect(noPow.statusCode).toBeLessThan(500);
  }, 60_000);

  it('takes material files by content and size only, naming the material in Chinese', async () => {
    const a = elderlyCareApplication('类型检查颐养院');
    const send = async (file: { fileName: string; mimeType: string; bytes: Buffer }, index = 0) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/hall/applications',
        remoteAddress: nextIp(),
        ...multipart([
          { name: 'application', value: JSON.stringify({ ...a, materials: undefined, pow: await solvedPow(t.app, nextIp()) }) },
          { name: `material.${index}`, ...file },
        ]),
      });
    const exe = await send({ fileName: '养老机构备案书.pdf', mimeType: 'application/pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf') });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().title).toContain('「养老机构备案书」');
    const renamed = await send({ fileName: '备案书.exe', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 x') });
    expect(renamed.statusCode).toBe(415);
    const empty = await send({ fileName: '备案书.pdf', mimeType: 'application/pdf', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    const big = await send({
      fileName: '备案书.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    const unknown = await send({ fileName: '户口本.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 x') }, 42);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().title).toContain('不在该事项的材料清单中');
    const field = await t.app.inject({
      method: 'POST',
      url: '/api/public/hall/applications',
      remoteAddress: nextIp(),
      ...multipart([{ name: 'application', value: '{oops' }]),
    });
    expect(field.statusCode).toBe(400);
    const n = await t.ctx.db
      .selectFrom('hall.application' as any)
      .select((eb: any) => eb.fn.countAll().as('n'))
      .where('applicant' as any, '=', '类型检查颐养院')
      .executeTakeFirst();
    expect(Number((n as any).n)).toBe(0);
  }, 60_000);

  it('registers at the 兴庆区 bureau with the 承诺时限 over the 国庆 holiday; another county cannot see it', async () => {
    const r = await applyOnline(t, elderlyCareApplication());
    expect(r.statusCode, r.body).toBe(201);
    ({ id, refNo, queryCode } = r.json());
    expect(refNo).toMatch(/^ZWFW-640104-2019-/);
    expect(r.json().missing).toEqual(['消防安全检查合格证明或承诺材料']);
    const materials = (await xq.get(`/api/hall/applications/${id}/materials`)).json().materials;
    expect(materials.filter((m: any) => m.present).map((m: any) => m.name)).toEqual(elderlyCareApplication().materials);
    expect(materials.find((m: any) => m.name === '消防安全检查合格证明或承诺材料')).toMatchObject({ required: true, present: false, files: [] });
    const file = materials[0].files[0];
    const download = await xq.get(`/api/cases/${id}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await ld.get(`/api/hall/applications/${id}/materials`)).statusCode).toBe(404);
    // 5 个工作日 from Friday 09-27: Sunday 09-29 is a 调休 working day, 09-30, then 10-08, 10-09, 10-10.
    expect(await promise(xq, id)).toMatchObject({ state: 'running', dueDate: '2019-10-10' });
    expect((await ld.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await ld.get('/api/hall/applications')).json().items.map((i: any) => i.id)).not.toContain(id);
    expect((await yc.get('/api/hall/applications')).json().items.map((i: any) => i.id)).toContain(id);
  });

  it('受理 waits for the materials: a one-time 补正 notice pauses the clock and is shown on tracking', async () => {
    day('2019-09-30');
    const early = await move(xq, id, 'accept');
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('一次性告知补正');
    const bad = await move(xq, id, 'correct', { missing: ['身份证'], note: '请补充。' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('材料清单');
    const c = await move(xq, id, 'correct', { missing: [], note: '请补充消防安全检查合格证明，或按规定提交消防安全承诺材料。' });
    expect(c.statusCode, c.body).toBe(200);
    expect((await promise(xq, id)).state).toBe('paused');
    const track = (await publicPost(t, '/api/public/hall/track', { refNo, queryCode })).json();
    expect(track.correction).toMatchObject({ missing: ['消防安全检查合格证明或承诺材料'] });
    const docs = (await xq.get(`/api/cases/${id}/documents`)).json();
    expect(JSON.stringify(docs)).toContain('补正材料一次性告知书');
    const wrong = await publicPost(t, '/api/public/hall/track', { refNo, queryCode: 'WRONG' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().title).toContain('查询码');
  });

  it('the completed application restarts the 承诺时限 from its day', async () => {
    day('2019-10-09');
    const json = await publicPost(t, '/api/public/hall/correction', { refNo, queryCode, materials: ['消防安全检查合格证明或承诺材料'] });
    expect(json.statusCode).toBe(400); // a name is no material: the file is
    const incomplete = await correctOnline(refNo, queryCode, ['食品经营许可证（提供餐饮服务的）']);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().title).toContain('补正材料仍不齐全');
    expect(incomplete.json().title).toContain('消防安全检查合格证明或承诺材料');
    // Nothing of the refused 补正 was kept.
    const before = (await xq.get(`/api/hall/applications/${id}/materials`)).json().materials;
    expect(before.find((m: any) => m.name.startsWith('食品经营许可证')).files).toEqual([]);
    const ok = await correctOnline(refNo, queryCode, ['消防安全检查合格证明或承诺材料']);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok
        .json()
        .materials.filter((m: any) => m.required)
        .every((m: any) => m.present),
    ).toBe(true);
    // 10-10, 10-11, Saturday 10-12 (调休 working day), 10-14, 10-15.
    expect(await promise(xq, id)).toMatchObject({ state: 'running', dueDate: '2019-10-15' });
    expect((await move(xq, id, 'correct', { missing: [], note: '再补' })).statusCode).toBe(409);
  });

  it('受理, 准予 with the 电子证照, 送达; the PDF carries a verification code the portal checks', async () => {
    day('2019-10-10');
    expect((await move(ld, id, 'accept')).statusCode).toBe(404);
    expect((await move(xq, id, 'accept')).statusCode).toBe(200);
    day('2019-10-11');
    expect((await move(xq, id, 'approve', {})).statusCode).toBe(200);
    expect(await promise(xq, id)).toMatchObject({ state: 'met' });
    const early = await publicPost(t, '/api/public/hall/certificate.pdf', { refNo, queryCode });
    expect(early.statusCode).toBe(409);
    expect((await move(xq, id, 'deliver', { way: '当面' })).statusCode).toBe(400);
    expect((await move(xq, id, 'deliver', { way: '电子送达' })).statusCode).toBe(200);
    const track = (await publicPost(t, '/api/public/hall/track', { refNo, queryCode })).json();
    expect(track).toMatchObject({ state: 'delivered', rateable: true, certificate: { docNo: expect.stringContaining('民政证照') } });
    const pdf = await publicPost(t, '/api/public/hall/certificate.pdf', { refNo, queryCode });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const v = await t.app.inject({
      method: 'GET',
      url: `/api/public/documents/verify?no=${encodeURIComponent(track.certificate.docNo)}&code=${encodeURIComponent(track.certificate.verifyCode)}`,
    });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().title).toContain('电子证照');
  });

  it('好差评 once: indicators of the online channel; 不满意 needs a reason and becomes a 差评整改 case', async () => {
    day('2019-10-12');
    const offline = await publicPost(t, '/api/public/hall/rate', { refNo, queryCode, level: '满意', indicators: { 整体满意度: 4, 服务态度: 4 } });
    expect(offline.statusCode).toBe(400);
    expect(offline.json().title).toContain('办事指南精确度');
    const noReason = await publicPost(t, '/api/public/hall/rate', { refNo, queryCode, level: '不满意', indicators: ONLINE_STARS(2) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().title).toContain('原因');
    const r = await publicPost(t, '/api/public/hall/rate', { refNo, queryCode, level: '不满意', indicators: ONLINE_STARS(2), comment: '补正告知来得太晚。' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().notice).toContain('CPZG-640104-2019-');
    const again = await publicPost(t, '/api/public/hall/rate', { refNo, queryCode, level: '满意', indicators: ONLINE_STARS(4) });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toContain('重复评价');
  });

  it('the county handles the 差评: 回访核实 → 限期整改 (a stricter setting applies) → 整改完成 → 反馈; statistics follow', async () => {
    const looser = await fgc.put('/api/hall/settings', { rectifyWorkdays: 20 });
    expect(looser.statusCode).toBe(400);
    expect(looser.json().title).toContain('从严');
    expect((await fgc.put('/api/hall/settings', { rectifyWorkdays: 10 })).statusCode).toBe(200);
    const list = (await xq.get('/api/hall/complaints')).json();
    expect(list.items).toHaveLength(1);
    const k = list.items[0];
    expect(k).toMatchObject({ level: '不满意', itemName: '养老机构备案', state: 'verifying' });
    expect((await ld.get('/api/hall/complaints')).json().total).toBe(0);
    expect((await move(ld, k.id, 'verify', { note: 'x' })).statusCode).toBe(404);
    expect((await move(xq, k.id, 'verify', { note: '已电话回访，补正告知在第二个工作日才发出，情况属实。' })).statusCode).toBe(200);
    expect((await move(xq, k.id, 'rectify_later', { plan: '补正告知当日发出，专人核对材料清单。' })).statusCode).toBe(200);
    const clockOf = (await xq.get(`/api/cases/${k.id}`)).json().clocks.find((c: any) => c.name === 'rectify');
    // 10 个工作日 from Saturday 10-12: 10-14 … 10-25.
    expect(clockOf).toMatchObject({ state: 'running', dueDate: '2019-10-25' });
    day('2019-10-18');
    expect((await move(xq, k.id, 'rectified', { note: '已建立补正告知当日发出制度。' })).statusCode).toBe(200);
    const before = (await xq.get('/api/hall/ratings/stats?by=item&from=2019-01-01&to=2019-12-31')).json();
    expect(before).toMatchObject({ negative: 1, rectified: 0, rectifyRate: 0 });
    expect((await move(xq, k.id, 'feedback', { feedback: '您反映的问题已整改，感谢监督。' })).statusCode).toBe(200);
    const stats = (await yc.get('/api/hall/ratings/stats?by=item&from=2019-01-01&to=2019-12-31')).json();
    expect(stats).toMatchObject({ total: 1, negative: 1, rectified: 1, rectifyRate: 100 });
    expect(stats.items[0]).toMatchObject({ label: '养老机构备案', levels: expect.objectContaining({ 不满意: 1 }) });
    expect((await ld.get('/api/hall/ratings/stats?by=item&from=2019-01-01&to=2019-12-31')).json().total).toBe(0);
    const nv = (await yc.get('/api/hall/no-visit?from=2019-01-01&to=2019-12-31')).json();
    expect(nv).toMatchObject({ finished: 1, noVisit: 1, rate: 100, areas: [expect.objectContaining({ areaCode: '640104', areaName: '兴庆区' })] });
    expect((await yc.get('/api/hall/no-visit?from=2019-12-31&to=2019-01-01')).statusCode).toBe(400);
  });
});
