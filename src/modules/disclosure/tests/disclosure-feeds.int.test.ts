import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { withTx } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { seedDemoNormdocs } from '../../normdocs/demo/seed-demo-normdocs.ts';
import { emitNormdocPublished } from '../../normdocs/events.ts';
import { emitPenaltyDecided } from '../../enforcement/events.ts';
import { seedDibaoDemo } from '../../dibao/demo/seed-dibao-demo.ts';
import { emitDibaoPosted, type DibaoPosted } from '../../dibao/events.ts';
import { makeUscc, sampleOrg } from '../../orgs/orgs-test-data.ts';
import { DIBAO_LIST_HEADING } from '../items/feeds.ts';

// Items other modules produce go into the 主动公开 catalogue without retyping: the source modules'
// own demo flows (规范性文件 公布, 低保 公示/公布) and a 信用名单 listing over HTTP each leave
// a draft for the generating office — linked, clocked from formation (第二十六条), masked (第十五条),
// never twice for one source, reviewed before publishing, seen only in the office's scope. The
// 行政处罚决定 feed is checked in the enforcement flow (enforcement-flow.int.test.ts, after 决定).
let t: TestApp;
let xq: Session, xqLead: Session, pl: Session;
type Fed = {
  case_id: string;
  index_no: string;
  title: string;
  category: number;
  formed_on: string;
  summary: string;
  source_link: string;
  state: string;
  org_code: string;
};
const fed = async (source: string) =>
  (
    await sql<Fed>`select i.case_id, i.index_no, i.title, i.category, i.formed_on::text as formed_on, i.summary, i.source_link, c.state, o.code as org_code
      from disclosure.item i join core.case c on c.id = i.case_id join core.org_unit o on o.id = c.org_unit_id where i.source = ${source} order by i.index_no`.execute(
      t.ctx.db,
    )
  ).rows;
const itemCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from disclosure.item`.execute(t.ctx.db)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  await seedDemoNormdocs(t.ctx);
  await seedDibaoDemo(t.ctx);
  [xq, xqLead, pl] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'pl-mzj'].map((u) => t.login(u)));
}, 900_000);
afterAll(() => t?.close());

describe('主动公开 fed by other modules', () => {
  it('规范性文件: each published document is one draft of its office, category (一), formed on its 公布 date, linked', async () => {
    const docs = (
      await sql<{ case_id: string; number: string; published_on: string; org_code: string }>`select d.case_id, d.number, d.published_on::text as published_on,
        o.code as org_code from normdocs.document d join core.case c on c.id = d.case_id join core.org_unit o on o.id = c.org_unit_id where d.published_on is not null`.execute(
        t.ctx.db,
      )
    ).rows;
    const items = await fed('规范性文件公布');
    expect(docs.length).toBeGreaterThan(0);
    expect(items).toHaveLength(docs.length);
    for (const d of docs) {
      const i = items.find((x) => x.source_link === `/cases/${d.case_id}`)!;
      expect(i, d.number).toBeDefined();
      expect(i).toMatchObject({ category: 1, formed_on: d.published_on, state: 'drafted', org_code: d.org_code });
      expect(i.title).toContain(d.number);
      expect(i.index_no.startsWith(`${d.org_code}/${d.published_on.slice(0, 4)}-`)).toBe(true);
    }
  });

  it('低保 公示/公布: one list per village, kind and day; names masked, no ID numbers, no addresses (第十五条)', async () => {
    const postings = (await sql<{ id: string }>`select id from dibao.publication`.execute(t.ctx.db)).rows;
    const sources = (
      await sql<{ source_key: string }>`select source_key from disclosure.item_source where source_key like 'dibao:%'`.execute(t.ctx.db)
    ).rows.map((r) => r.source_key);
    expect(postings.length).toBeGreaterThan(0);
    for (const p of postings) expect(sources).toContain(`dibao:公布:${p.id}`);
    expect(sources.some((s) => s.startsWith('dibao:公示:'))).toBe(true);
    const items = [...(await fed('低保公示')), ...(await fed('低保公布'))];
    expect(items.length).toBeGreaterThan(0);
    const people = (await sql<{ name: string }>`select distinct name from dibao.member`.execute(t.ctx.db)).rows.map((r) => r.name);
    const homes = (await sql<{ address: string }>`select distinct address from dibao.household`.execute(t.ctx.db)).rows.map((r) => r.address);
    for (const i of items) {
      expect(i.category).toBe(11);
      expect(i.summary.startsWith(DIBAO_LIST_HEADING)).toBe(true);
      expect(i.summary).toMatch(/[\u4e00-\u9fa5]\*+，家庭人口 \d+ 人/);
      expect(i.summary).not.toMatch(/\d{6}(19|20)\d{2}\d{4}\d{3}[\dXx]/);
      for (const n of people) expect(i.summary.includes(n), n).toBe(false);
      for (const a of homes) expect(i.summary.includes(a), a).toBe(false);
    }
  });

  it('the same source never produces two items; a list already published gets a new draft', async () => {
    const doc = (await sql<{ case_id: string }>`select case_id from normdocs.document where published_on is not null limit 1`.execute(t.ctx.db)).rows[0]!;
    const before = await itemCount();
    await withTx(t.ctx, async (tx) => {
      const d = (
        await sql<{ org: string; number: string; title: string; p: string; e: string; v: string }>`select c.org_unit_id as org, d.number, d.title,
          d.published_on::text as p, d.effective_on::text as e, d.valid_until::text as v from normdocs.document d join core.case c on c.id = d.case_id
          where d.case_id = ${doc.case_id}`.execute(tx.db)
      ).rows[0]!;
      await emitNormdocPublished(tx, {
        caseId: doc.case_id,
        orgUnitId: d.org,
        number: d.number,
        title: d.title,
        publishedOn: d.p,
        effectiveOn: d.e,
        validUntil: d.v,
        publishedIn: null,
      });
    });
    expect(await itemCount()).toBe(before);

    const xqUnit = (await sql<{ id: string }>`select id from core.org_unit where code = '640104-mzj'`.execute(t.ctx.db)).rows[0]!.id;
    const post = (sourceId: string, name: string): DibaoPosted => ({
      kind: '公布',
      sourceId,
      caseId: doc.case_id,
      orgUnitId: xqUnit,
      areaCode: '640104001001',
      areaName: '测试社区',
      postedOn: '2019-01-31',
      entry: { name, householdSize: 3, insuredPersons: 2, amountCents: 123_400 },
    });
    await withTx(t.ctx, (tx) => emitDibaoPosted(tx, post('test-1', '马**')));
    await withTx(t.ctx, (tx) => emitDibaoPosted(tx, post('test-2', '李*')));
    await withTx(t.ctx, (tx) => emitDibaoPosted(tx, post('test-2', '李*')));
    const list = (await fed('低保公布')).filter((i) => i.title.includes('测试社区'));
    expect(list).toHaveLength(1);
    expect(list[0]!.summary.split('\n')).toEqual([
      DIBAO_LIST_HEADING,
      '马**，家庭人口 3 人，保障人数 2 人，月保障金 1234.00 元',
      '李*，家庭人口 3 人，保障人数 2 人，月保障金 1234.00 元',
    ]);
    // The list is published: a later posting of the same day is a change — a new draft, not an edit of the published one.
    expect((await xqLead.post(`/api/cases/${list[0]!.case_id}/transitions/publish`, {})).statusCode).toBe(200);
    await withTx(t.ctx, (tx) => emitDibaoPosted(tx, post('test-3', '王**')));
    const after = (await fed('低保公布')).filter((i) => i.title.includes('测试社区'));
    expect(after.map((i) => i.state).sort()).toEqual(['drafted', 'published']);
    expect(after.find((i) => i.state === 'drafted')!.summary.split('\n')).toEqual([
      DIBAO_LIST_HEADING,
      '王**，家庭人口 3 人，保障人数 2 人，月保障金 1234.00 元',
    ]);
  });

  it('the 第二十六条 clock runs from formation: a decision of 2019-01-31 is due 2019-03-05 (春节 2019)', async () => {
    const xqUnit = (await sql<{ id: string }>`select id from core.org_unit where code = '640104-mzj'`.execute(t.ctx.db)).rows[0]!.id;
    await withTx(t.ctx, (tx) =>
      emitPenaltyDecided(tx, {
        caseId: randomUUID(),
        orgUnitId: xqUnit,
        decisionNo: '640104民罚决〔2019〕99号',
        decidedOn: '2019-01-31',
        party: '马**',
        partyUscc: null,
        powerName: '测试事项',
        basis: '测试依据',
        facts: '测试事实',
        penaltyKinds: ['警告'],
        fine: null,
        suspendedUntil: null,
      }),
    );
    const i = (await fed('行政处罚决定')).find((x) => x.title.includes('〔2019〕99号'))!;
    const k = (await xq.get(`/api/cases/${i.case_id}`)).json().clocks.find((c: any) => c.name === 'publish');
    expect(k.dueDate).toBe('2019-03-05');
    expect(i.index_no.startsWith('640104-mzj/2019-')).toBe(true);
  });

  it('信用名单 over HTTP: the registration authority’s draft, seen in its scope only, published by its 负责人 after review', async () => {
    const org = (await xq.post('/api/orgs', sampleOrg({ name: '兴庆区象棋协会', uscc: makeUscc('social_group', '640104', 77) }))).json().id;
    const listedOn = chinaDate(t.ctx.clock.now());
    const r = await xqLead.post(`/api/orgs/${org}/listings`, { list: 'abnormal', reason: 'unreachable', listedOn });
    expect(r.statusCode, r.body).toBe(201);
    const mine = (await xq.get(`/api/disclosure/items?q=${encodeURIComponent('象棋协会')}`)).json();
    expect(mine.items).toHaveLength(1);
    const item = mine.items[0];
    expect(item).toMatchObject({ state: 'drafted', category: 15, source: '社会组织信用名单', sourceLink: `/orgs/${org}`, formedOn: listedOn });
    expect(item.summary).toContain('通过登记的住所无法与社会组织取得联系');
    expect(item.publishDue).toBeTruthy();
    expect((await pl.get(`/api/disclosure/items?q=${encodeURIComponent('象棋协会')}`)).json().items).toHaveLength(0);
    expect((await pl.get(`/api/cases/${item.id}`)).statusCode).toBe(404);
    const catalogue = async () => (await t.app.inject({ method: 'GET', url: `/api/public/disclosure/catalogue?q=${encodeURIComponent('象棋协会')}` })).json();
    expect((await catalogue()).total).toBe(0);
    expect((await xq.post(`/api/cases/${item.id}/transitions/publish`, {})).statusCode).toBe(403);
    expect((await xqLead.post(`/api/cases/${item.id}/transitions/publish`, {})).statusCode).toBe(200);
    const pub = await catalogue();
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0].sourceLink).toBeUndefined();
  });
});
