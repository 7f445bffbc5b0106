import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';

// June 2019: the 2005 《信访条例》 is in force (the 2022 条例 applies from 2022-05-01).
const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let xq: Caller, xqLead: Caller;

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [xq, xqLead] = await Promise.all([t.login('xq-mzj'), t.login('xq-mzj-lead')]);
}, 120_000);
afterAll(() => t?.close());

async function register(content: string): Promise<string> {
  const r = await xq.post('/api/petitions', {
    title: '反映低保待遇问题',
    channel: '来信',
    category: '申诉求决',
    subject: '低保',
    concernedAreaCode: '640104',
    content,
    petitioners: [{ name: '马某某' }],
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}
const move = async (who: Caller, id: string, step: string, input: object = {}) => {
  const m = await who.post(`/api/cases/${id}/transitions/${step}`, { input });
  expect(m.statusCode, `${step}: ${m.body}`).toBe(200);
};
const basisOf = async (id: string) =>
  Object.fromEntries((await xq.get(`/api/cases/${id}`)).json().clocks.map((k: { name: string; legalBasis: string }) => [k.name, k.legalBasis]));

describe('a 2019 petition cites the 2005 《信访条例》', () => {
  it('in its clocks, its default 受理告知书 and its 处理意见书', async () => {
    const id = await register('我家低保待遇今年被取消,请求查明原因并恢复低保待遇。');
    expect(await basisOf(id)).toEqual({ triage: '《信访条例》第二十一条第二款、第二十二条第二款' });
    await move(xq, id, 'accept');
    expect((await basisOf(id)).handle).toBe('《信访条例》第三十三条');
    const detail = (await xq.get(`/api/petitions/${id}`)).json();
    expect(detail.petition.acceptanceNotice).toContain('依照《信访条例》第三十三条，我机关将自受理之日起 60 日内办结');
    await move(xq, id, 'start');
    await move(xq, id, 'draft', { opinion: '支持', text: '经核查,取消低保依据不足,予以恢复。' });
    await move(xqLead, id, 'approve');
    await move(xq, id, 'deliver', { method: '邮寄送达', date: '2019-06-03' });
    const doc = (await xq.get(`/api/cases/${id}/documents`)).json().items[0];
    const docx = await xq.get(doc.docxUrl);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
    expect(xml).toContain('请求原办理行政机关的上一级行政机关复查（《信访条例》第三十四条）');
    expect(xml).not.toContain('信访工作条例');
  });

  it('in the 不予受理 basis it stores and offers', async () => {
    const id = await register('请求调整本村的宅基地审批结果,并赔偿损失。');
    const offered = (await xq.get(`/api/petitions/${id}`)).json().refusalReasons;
    expect(offered.find((r: { code: string }) => r.code === 'not_competent').legalBasis).toBe('《信访条例》第二十二条第一款');
    await move(xq, id, 'refuse', { reasonCode: 'not_competent' });
    expect((await xq.get(`/api/petitions/${id}`)).json().petition.refusal.legalBasis).toBe('《信访条例》第二十二条第一款');
  });
});
