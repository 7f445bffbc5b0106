import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';

const clock = manualClock(new Date('2026-06-01T02:00:00Z'));
let t: TestApp;
let xq: Session, yc: Session, pl: Session, region: Session, xqLead: Session;
let orgId: string;

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [xq, yc, pl, region, xqLead] = await Promise.all(['xq-mzj', 'yc-mzj', 'pl-mzj', 'nx-fgc', 'xq-mzj-lead'].map((u) => t.login(u)));
});
afterAll(async () => t?.close());

describe('社会组织 registry', () => {
  it('records an existing organization at the clerk’s own authority, with its 成立登记 history', async () => {
    const r = await ok(xq.post('/api/orgs', sampleOrg()), 201);
    orgId = r.id;
    const d = await ok(xq.get(`/api/orgs/${orgId}`));
    expect(d).toMatchObject({
      name: '兴庆区书法家协会',
      authorityName: '兴庆区民政局',
      status: 'normal',
      capitalCents: 3_000_000,
      areaPath: '640000.640100.640104',
    });
    expect(d.usccParts.orgCode).toBe('MJ000001-' + d.uscc[16]);
    expect(d.history).toEqual([expect.objectContaining({ act: '成立登记', field: 'name', after: '兴庆区书法家协会', changedOn: '2015-04-20' })]);
  });

  it('refuses a bad USCC with a 400 naming the code and the problem', async () => {
    const good = makeUscc('social_group', '640104', 2);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await xq.post('/api/orgs', sampleOrg({ name: '兴庆区摄影家协会', uscc: bad }));
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toContain('统一社会信用代码');
    expect(r.json().title).toContain('校验码');
    const wrongArea = await xq.post('/api/orgs', sampleOrg({ name: '兴庆区摄影家协会', uscc: makeUscc('social_group', '640221', 2) }));
    expect(wrongArea.statusCode).toBe(400);
    expect(wrongArea.json().title).toContain('640104');
    const wrongKind = await xq.post('/api/orgs', sampleOrg({ name: '兴庆区摄影家协会', uscc: makeUscc('foundation', '640104', 2) }));
    expect(wrongKind.json()).toMatchObject({ status: 400, code: 'ORG_USCC_KIND' });
    const taken = await xq.post('/api/orgs', sampleOrg({ name: '兴庆区摄影家协会' }));
    expect(taken.json()).toMatchObject({ status: 409, code: 'ORG_USCC_TAKEN' });
    const junk = await xq.post('/api/orgs', { ...sampleOrg(), capitalCents: -5, registeredOn: '2015-02-30' });
    expect(junk.statusCode).toBe(400);
  });

  it('runs the name rules at registration and on POST /api/orgs/name-check', async () => {
    const near = await xq.post('/api/orgs', sampleOrg({ name: '兴庆书法研究会', uscc: makeUscc('social_group', '640104', 3) }));
    expect(near.json()).toMatchObject({ status: 400, code: 'ORG_NAME_REJECTED' });
    expect(near.json().title).toContain('兴庆区书法家协会');
    const check = await ok(xq.post('/api/orgs/name-check', { name: '中华书法协会', kind: 'social_group' }));
    expect(check.ok).toBe(false);
    expect(check.problems.map((p: any) => p.rule).sort()).toEqual(['banned', 'prefix']);
    expect(check.authority.name).toBe('兴庆区民政局');
    // another county's authority holds no such name
    const other = await ok(pl.post('/api/orgs/name-check', { name: '平罗县书法家协会', kind: 'social_group' }));
    expect(other.ok).toBe(true);
  });

  it('scopes reads by the registering authority: the county next door gets 404, the city and region see it', async () => {
    expect((await pl.get(`/api/orgs/${orgId}`)).statusCode).toBe(404);
    expect((await pl.get('/api/orgs')).json().items.map((o: any) => o.id)).not.toContain(orgId);
    expect((await ok(yc.get('/api/orgs'))).items.map((o: any) => o.id)).toContain(orgId);
    await ok(region.get(`/api/orgs/${orgId}`));
    // a county clerk cannot register for another county's authority (404, no leak)
    const plBureau = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640221-mzj').executeTakeFirstOrThrow();
    const r = await xq.post('/api/orgs', sampleOrg({ name: '平罗县象棋协会', uscc: makeUscc('social_group', '640221', 4), authorityOrgUnitId: plBureau.id }));
    expect(r.statusCode).toBe(404);
    // the city registers at its own level, and the county below does not see it
    const city = await ok(yc.post('/api/orgs', sampleOrg({ name: '银川市书法家协会', uscc: makeUscc('social_group', '640100', 5) })), 201);
    expect((await xq.get(`/api/orgs/${city.id}`)).statusCode).toBe(404);
    const list = await ok(yc.get('/api/orgs?kind=social_group&q=%E4%B9%A6%E6%B3%95'));
    expect(list.total).toBe(2);
  });

  it('records 变更登记 field by field, renames through the name rules', async () => {
    const bad = await xq.post(`/api/orgs/${orgId}/changes`, { changedOn: '2020-03-01', changes: { name: '宁夏书法家协会' } });
    expect(bad.json()).toMatchObject({ status: 400, code: 'ORG_NAME_REJECTED' });
    const r = await ok(
      xq.post(`/api/orgs/${orgId}/changes`, {
        changedOn: '2020-03-01',
        basis: '兴庆区文化旅游广电局同意变更的批复',
        changes: { name: '兴庆区硬笔书法协会', domicile: '银川市兴庆区文化街5号', capitalCents: 3_000_000 },
      }),
    );
    expect(r.changed).toEqual(['名称', '住所']);
    const d = await ok(xq.get(`/api/orgs/${orgId}`));
    expect(d.name).toBe('兴庆区硬笔书法协会');
    expect(d.history.slice(1)).toEqual([
      expect.objectContaining({ act: '更名', field: 'name', before: '兴庆区书法家协会', after: '兴庆区硬笔书法协会', changedOn: '2020-03-01' }),
      expect.objectContaining({ act: '变更登记', field: 'domicile', fieldLabel: '住所', after: '银川市兴庆区文化街5号' }),
    ]);
    const same = await xq.post(`/api/orgs/${orgId}/changes`, { changedOn: '2020-03-02', changes: { domicile: '银川市兴庆区文化街5号' } });
    expect(same.json()).toMatchObject({ status: 400, code: 'ORG_NO_CHANGE' });
    const stale = await xq.post(`/api/orgs/${orgId}/changes`, { changedOn: '2020-03-02', expectedVersion: 1, changes: { legalRepresentative: '李明' } });
    expect(stale.statusCode).toBe(409);
    const rating = await xq.post(`/api/orgs/${orgId}/changes`, { act: '评估等级', changedOn: '2021-01-05', changes: { rating: '4A' } });
    expect(rating.statusCode).toBe(400);
    expect(rating.json().title).toContain('有效期');
    // a leader without orgs.register may read but not change
    expect((await xqLead.post(`/api/orgs/${orgId}/changes`, { changedOn: '2020-03-02', changes: { legalRepresentative: '李明' } })).statusCode).toBe(403);
    expect((await pl.post(`/api/orgs/${orgId}/changes`, { changedOn: '2020-03-02', changes: { legalRepresentative: '李明' } })).statusCode).toBe(404);
  });

  it('records 撤销登记 as a penalty with its article, and lists the organization on the blacklist', async () => {
    const o = await ok(xq.post('/api/orgs', sampleOrg({ name: '兴庆区钓鱼协会', uscc: makeUscc('social_group', '640104', 41) })), 201);
    const body = { decidedOn: '2026-05-20', article: '29', documentNo: '兴民罚〔2026〕1号', facts: '自取得登记证书之日起1年未开展活动' };
    expect((await xq.post(`/api/orgs/${o.id}/revocation`, body)).statusCode).toBe(403);
    const wrong = await xqLead.post(`/api/orgs/${o.id}/revocation`, { ...body, article: '41' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().title).toContain('《社会团体登记管理条例》第二十九条');
    expect((await pl.post(`/api/orgs/${o.id}/revocation`, body)).statusCode).toBe(403);
    await ok(xqLead.post(`/api/orgs/${o.id}/revocation`, body));
    const d = await ok(xq.get(`/api/orgs/${o.id}`));
    expect(d).toMatchObject({ status: 'revoked', statusOn: '2026-05-20', lists: ['serious'] });
    expect(d.history.at(-1)).toMatchObject({ act: '撤销登记', after: '撤销', basis: expect.stringContaining('第二十九条') });
    expect(d.listings[0]).toMatchObject({ list: 'serious', reason: 'revocation', listedOn: '2026-05-20' });
    const e = await ok(xq.get(`/api/orgs/${o.id}/eligibility?date=2026-05-21&for=award`));
    expect(e.eligible).toBe(false);
    expect((await xqLead.post(`/api/orgs/${o.id}/revocation`, body)).json()).toMatchObject({ status: 409, code: 'ORG_NOT_ACTIVE' });
  });

  it('finds partial names by trigram: every term in any order, closest first, through the trigram index', async () => {
    const names = ['宁夏回族自治区慈善总会', '宁夏慈善书画研究会', '宁夏回族自治区围棋协会'];
    for (const [i, name] of names.entries()) await ok(region.post('/api/orgs', sampleOrg({ name, uscc: makeUscc('social_group', '640000', 60 + i) })), 201);
    const found = await ok(region.get(`/api/orgs?q=${encodeURIComponent('宁夏 慈善')}`));
    expect(found.items.map((o: any) => o.name)).toEqual(['宁夏慈善书画研究会', '宁夏回族自治区慈善总会']);
    const near = await ok(region.get(`/api/orgs?q=${encodeURIComponent('宁夏慈善')}`));
    expect(near.items.map((o: any) => o.name)).toEqual(['宁夏慈善书画研究会']);
    const pub = await ok(t.app.inject({ method: 'GET', url: `/api/public/orgs/credit?q=${encodeURIComponent('慈善 宁夏')}` }));
    expect(pub.items.map((o: any) => o.name)).toEqual(['宁夏慈善书画研究会', '宁夏回族自治区慈善总会']);
    // The planner may use the GIN trigram index for both kinds of match (on either database).
    const plan = await t.ctx.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      return (
        await sql<{ 'QUERY PLAN': string }>`explain select id from orgs.organization where name like '%自治区慈善%' or '宁夏慈善' <% name`.execute(tx)
      ).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toContain('organization_name_trgm_idx');
  });
});
