import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';
import { openPetitionsApp, type Caller } from './petitions-test-setup.ts';

/** What the staff console pages rely on: list period filter, area concerned + excerpt, masked detail view. */
const clock = manualClock(new Date('2026-03-02T02:00:00Z'));
const ID = ((s: string) => s + residentIdCheckChar(s))('64010419700505123');
let t: Awaited<ReturnType<typeof openPetitionsApp>>;
let xq: Caller, ld: Caller;
const body = (title: string) => ({
  channel: '来访',
  title,
  category: '申诉求决',
  subject: '养老服务',
  concernedAreaCode: '640104',
  visitBatch: 1,
  visitPersons: 2,
  representatives: 1,
  content: `${title}:反映社区养老服务站长期不开门,老人用餐困难,请求督促恢复服务。`,
  petitioners: [{ name: '丁某某', idNumber: ID, phone: '13800001111' }],
});
const piiReads = async (id: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from core.audit_event where action = 'pii.read' and entity_id = ${id}`.execute(t.ctx.db)).rows[0]!.n;

beforeAll(async () => {
  t = await openPetitionsApp(clock);
  [xq, ld] = await Promise.all([t.login('xq-mzj'), t.login('ld-mzj')]);
});
afterAll(() => t?.close());

describe('信访 staff console API', () => {
  let march = '',
    april = '';
  it('lists by registration period (China dates, inclusive) with the area concerned and an excerpt', async () => {
    const a = await xq.post('/api/petitions', body('三月来访·控制台'));
    expect(a.statusCode, a.body).toBe(201);
    march = a.json().id;
    clock.set(new Date('2026-04-01T16:30:00Z')); // 2026-04-02 00:30 in Beijing
    const b = await xq.post('/api/petitions', body('四月来访·控制台'));
    expect(b.statusCode, b.body).toBe(201);
    april = b.json().id;
    // Only this file's two petitions (the test database may hold demo petitions too).
    const ids = async (qs: string) => (await xq.get(`/api/petitions?q=${encodeURIComponent('月来访·控制台')}&${qs}`)).json().items.map((x: any) => x.id);
    expect(await ids('from=2026-03-01&to=2026-03-31')).toEqual([march]);
    expect(await ids('from=2026-04-02&to=2026-04-02')).toEqual([april]);
    expect(await ids('to=2026-04-01')).toEqual([march]);
    expect((await ids('from=2026-03-01')).sort()).toEqual([march, april].sort());
    const bad = await xq.get('/api/petitions?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    const item = (await xq.get('/api/petitions?q=' + encodeURIComponent('四月来访·控制台'))).json().items[0];
    expect(item).toMatchObject({ id: april, concernedAreaCode: '640104', concernedAreaName: '兴庆区' });
    expect(item.contentExcerpt).toContain('四月来访·控制台:反映社区养老服务站');
    expect(JSON.stringify(item)).not.toContain(ID);
  });

  it('masked=1 gives facts without decrypting or logging; the full view is logged; others are refused the identity', async () => {
    const m = await xq.get(`/api/petitions/${march}?masked=1`);
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({ piiShown: false, piiAllowed: true, petition: { channel: '来访', visitPersons: 2 } });
    expect(m.json().petitioners[0].idNumber).toBeUndefined();
    expect(m.json().petitioners[0].idNumberMasked).toBe(`640***********${ID.slice(-4)}`);
    expect(await piiReads(march)).toBe(0);
    const full = await xq.get(`/api/petitions/${march}`);
    expect(full.json()).toMatchObject({ piiShown: true, petitioners: [{ idNumber: ID, phone: '13800001111' }] });
    expect(await piiReads(march)).toBe(1);
    // 隆德县 is outside 兴庆区: the case is not found for it at all.
    expect((await ld.get(`/api/petitions/${march}`)).statusCode).toBe(404);
  });
});
