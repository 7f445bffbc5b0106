import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUBLIC_CACHE_TTL_MS } from '../../platform/http/public-cache.ts';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoNormdocs } from '../normdocs/demo/seed-demo-normdocs.ts';
import { flagAnswersForDocument } from './contract.ts';
import { seedPolicyqaDemo } from './demo/seed-policyqa-demo.ts';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;
let policy: Session, lead: Session, yc: Session, xq: Session;
const pub = (url: string, ip = '203.0.113.9') => t.app.inject({ method: 'GET', url, remoteAddress: ip });
const vote = (id: string, helpful: unknown, ip: string) =>
  t.app.inject({ method: 'POST', url: `/api/public/policyqa/${id}/feedback`, payload: { helpful }, remoteAddress: ip });

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoNormdocs(t.ctx);
  expect((await seedPolicyqaDemo(t.ctx)).created).toBe(50);
  expect((await seedPolicyqaDemo(t.ctx)).created).toBe(0);
  [policy, lead, yc, xq] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'yc-mzj', 'xq-mzj'].map((u) => t.login(u)));
}, 600_000);
afterAll(async () => t?.close());

describe('政策问答', () => {
  it('searches the published entries on the portal, every word counting', async () => {
    const all = (await pub('/api/public/policyqa')).json();
    expect(all.total).toBe(50);
    expect(all.categories.map((c: any) => c.category)[0]).toBe('最低生活保障');
    const hit = (await pub(`/api/public/policyqa?q=${encodeURIComponent('低保 公示')}`)).json();
    expect(hit.items.length).toBeGreaterThan(0);
    expect(hit.items.every((i: any) => `${i.question}${i.answer}${i.policyTitle}`.includes('公示'))).toBe(true);
    expect((await pub(`/api/public/policyqa?category=${encodeURIComponent('社会组织')}`)).json().total).toBe(6);
    expect((await pub('/api/public/policyqa?category=bogus')).statusCode).toBe(400);
  });

  it('hides the answers of an amended or repealed document until they are reviewed', async () => {
    const doc = await t.ctx.db
      .selectFrom('core.case')
      .select('id')
      .where('type', '=', 'normdoc')
      .where('title', '=', '宁夏回族自治区最低生活保障审核确认办法')
      .executeTakeFirstOrThrow();
    const linked = (await policy.get(`/api/policyqa?documentId=${doc.id}&pageSize=100`)).json();
    expect(linked.total).toBe(12);
    // the normdocs step calls this when it records 废止 / 修改
    const ids = await flagAnswersForDocument(t.ctx, doc.id, '文件已废止（测试）');
    expect(ids).toHaveLength(12);
    // Called directly, not through a request, the change reaches the portal once its cached answer
    // (src/platform/http/public-cache.ts) has lapsed.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + PUBLIC_CACHE_TTL_MS + 1);
    const portal = (await pub('/api/public/policyqa')).json();
    vi.useRealTimers();
    expect(portal.total).toBe(38);
    expect(portal.items.some((i: any) => ids.includes(i.id))).toBe(false);
    expect((await pub(`/api/public/policyqa/${ids[0]}`)).statusCode).toBe(404);
    const flagged = (await policy.get('/api/policyqa?status=flagged')).json();
    expect(flagged.items[0]).toMatchObject({ status: 'flagged', flagReason: '文件已废止（测试）' });

    // edited and kept: back on the portal; withdrawn: stays hidden
    const e = (await policy.get(`/api/policyqa/${ids[0]}`)).json();
    const put = await policy.put(`/api/policyqa/${ids[0]}`, {
      category: e.category,
      question: e.question,
      answer: `${e.answer}（已按新文件修订）`,
      documentId: e.documentId,
      policyTitle: null,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await pub(`/api/public/policyqa/${ids[0]}`)).statusCode).toBe(404);
    expect((await lead.post(`/api/policyqa/${ids[0]}/review`, { outcome: 'keep', note: '已按新文件修订' })).statusCode).toBe(200);
    expect((await pub(`/api/public/policyqa/${ids[0]}`)).json().answer).toContain('已按新文件修订');
    expect((await lead.post(`/api/policyqa/${ids[1]}/review`, { outcome: 'withdraw', note: '新文件不再有此规定' })).statusCode).toBe(200);
    expect((await pub(`/api/public/policyqa/${ids[1]}`)).statusCode).toBe(404);
    expect((await lead.post(`/api/policyqa/${ids[1]}/review`, { outcome: 'keep', note: '再次' })).statusCode).toBe(409);
  });

  it('flags one free-text policy entry by hand, and keeps other areas’ entries out of reach', async () => {
    const city = await yc.post('/api/policyqa', {
      category: '临时救助',
      question: '银川市临时救助怎么申请？',
      answer: '向户籍所在地街道办事处或乡镇人民政府提出申请。',
      policyTitle: '《银川市困难群众临时救助实施细则》',
    });
    expect(city.statusCode, city.body).toBe(201);
    expect((await xq.get(`/api/policyqa/${city.json().id}`)).statusCode).toBe(404);
    expect((await policy.get(`/api/policyqa/${city.json().id}`)).statusCode).toBe(200);
    const noPolicy = await yc.post('/api/policyqa', { category: '临时救助', question: '没有政策的问答？', answer: '这条问答没有关联任何政策文件。' });
    expect([noPolicy.statusCode, noPolicy.json().title]).toEqual([400, expect.stringContaining('政策的名称')]);
    const badDoc = await yc.post('/api/policyqa', {
      category: '临时救助',
      question: '关联不存在的文件？',
      answer: '这条问答关联了不存在的文件。',
      documentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badDoc.statusCode).toBe(400);
    const q = (await policy.get(`/api/policyqa?q=${encodeURIComponent('高龄津贴需要每年认证')}`)).json().items[0];
    expect((await lead.post(`/api/policyqa/${q.id}/flag`, { reason: '自治区高龄津贴文件修订' })).json().flagged).toBe(1);
    expect((await pub(`/api/public/policyqa?q=${encodeURIComponent('每年认证')}`)).json().total).toBe(0);
  });

  it('takes one “was this helpful” vote per address and entry, and refuses bad votes', async () => {
    const id = (await pub('/api/public/policyqa')).json().items[0].id;
    const first = await vote(id, true, '198.51.100.1');
    expect(first.statusCode, first.body).toBe(200);
    const again = await vote(id, false, '198.51.100.1');
    expect([again.statusCode, again.json().title]).toEqual([409, expect.stringContaining('已评价')]);
    const other = (await vote(id, false, '198.51.100.2')).json();
    expect(other).toEqual({ helpfulYes: first.json().helpfulYes, helpfulNo: first.json().helpfulNo + 1 });
    expect((await vote(id, 'yes', '198.51.100.3')).statusCode).toBe(400);
    expect((await vote('00000000-0000-4000-8000-000000000000', true, '198.51.100.3')).statusCode).toBe(404);
  });

  it('flags a document’s answers when normdocs records its 废止, in the same move', async () => {
    const doc = (
      await sql<{ id: string; n: number }>`select c.id, count(*)::int as n from core.case c join policyqa.entry q on q.document_id = c.id
        where c.type = 'normdoc' and c.state = 'filed' and q.status = 'published' group by c.id limit 1`.execute(t.ctx.db)
    ).rows[0]!;
    const before = (await pub('/api/public/policyqa')).json().total;
    const flaggedBefore = (await policy.get(`/api/policyqa?documentId=${doc.id}&status=flagged&pageSize=100`)).json().total;
    const r = await policy.post(`/api/cases/${doc.id}/transitions/repeal`, { input: { repealedOn: '2026-11-30', reason: '上位法已修改' } });
    expect(r.statusCode, r.body).toBe(200);
    const flagged = (await policy.get(`/api/policyqa?documentId=${doc.id}&status=flagged&pageSize=100`)).json();
    expect(flagged.total).toBe(flaggedBefore + Number(doc.n));
    expect(flagged.items.filter((i: any) => i.flagReason.includes('已废止（2026-11-30）：上位法已修改'))).toHaveLength(Number(doc.n));
    expect((await pub('/api/public/policyqa')).json().total).toBe(before - Number(doc.n));
  });
});
