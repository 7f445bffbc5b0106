import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { commitmentOf, drawSpotCheck } from './spot-check/spot-check-rules.ts';
import { drawSpotCheckV2, populationHashV2, rerankV2InDb, sampleV2, sampleV2InDb } from './spot-check/draw-v2.ts';
import { sweepRectification } from './spot-check/spot-check-inspect.ts';

const clock = manualClock(new Date('2021-03-01T02:00:00Z'));
let t: TestApp;
let xq: Session, pl: Session;
const usccs: string[] = [];
const ids = new Map<string, string>();
const NAMES = ['风筝', '剪纸', '秦腔', '花儿', '武术', '围棋', '摄影', '书画', '诗词', '舞蹈'];

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const pub = (url: string) => t.app.inject({ method: 'GET', url });
/** What verify's listDigest is over: one line per drawn organization, USCC TAB inspectors, sorted by USCC. */
const digest = (teams: { uscc: string; inspectors: string[] }[]) =>
  createHash('sha256')
    .update(teams.map((x) => `${x.uscc}\t${x.inspectors.join('、')}`).join('\n'), 'utf8')
    .digest('hex');

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [xq, pl] = await Promise.all(['xq-mzj', 'pl-mzj'].map((u) => t.login(u)));
  for (const [i, n] of NAMES.entries()) {
    const uscc = makeUscc('social_group', '640104', 61 + i);
    const r = await ok(xq.post('/api/orgs', sampleOrg({ name: `兴庆区${n}协会`, uscc, registeredOn: '2016-03-01' })), 201);
    usccs.push(uscc);
    ids.set(uscc, r.id);
  }
});
afterAll(async () => t?.close());

const plan = (over: Record<string, unknown> = {}) => ({
  kind: 'plan',
  year: 2021,
  title: '2021年度兴庆区社会组织定期抽查',
  ratio: 0.5,
  perTeam: 2,
  inspectors: [
    { name: '张明', conflicts: [usccs[0], usccs[1], usccs[2]] },
    { name: '李华', conflicts: [] },
    { name: '王芳', conflicts: [] },
    { name: '马丽', conflicts: [usccs[3]] },
  ],
  ...over,
});

describe('双随机一公开', () => {
  it('refuses a 定期抽查 below the minimum ratio of the authority level (county 3%), naming the rule', async () => {
    const r = await xq.post('/api/orgs/spot-checks', plan({ ratio: 0.02 }));
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('ORG_SPOT_CHECK_RATIO');
    expect(r.json().title).toContain('不得低于3%');
    expect(r.json().title).toContain('社会组织抽查暂行办法');
    expect((await xq.post('/api/orgs/spot-checks', plan({ perTeam: 1 }))).statusCode).toBe(400);
    expect((await xq.post('/api/orgs/spot-checks', plan({ kind: 'adhoc', ratio: null }))).json().title).toContain('抽查数量');
  });

  it('commits, draws with 回避, reveals; the public re-run gives the same list', async () => {
    const c = await ok(xq.post('/api/orgs/spot-checks', plan()), 201);
    expect(c).toMatchObject({ population: 10, sampleSize: 5, algorithm: 'sha256-rank/2', fingerprint: populationHashV2(usccs) });
    // before the draw: the commitment is public, the seed is not, re-run not yet possible
    const before = await ok(pub(`/api/public/orgs/spot-checks/${c.id}`));
    expect(before).toMatchObject({ commitment: c.commitment, seed: null, drawnOn: null, populationSize: 10, results: { drawn: 0 } });
    expect(before).not.toHaveProperty('population');
    expect((await ok(pub(`/api/public/orgs/spot-checks/${c.id}/items`))).total).toBe(0);
    // the population a page at a time, by USCC; not whether drawn (the order is secret until the seed is out)
    const p1 = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/population?pageSize=4`));
    const p3 = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/population?pageSize=4&page=3`));
    expect(p1).toMatchObject({ total: 10, page: 1, pageSize: 4 });
    expect(
      [...p1.items, ...(await ok(pub(`/api/public/orgs/spot-checks/${c.id}/population?pageSize=4&page=2`))).items, ...p3.items].map((x: any) => x.uscc),
    ).toEqual([...usccs].sort());
    expect(p1.items.every((x: any) => x.drawn === null && x.name.startsWith('兴庆区'))).toBe(true);
    const txt = await pub(`/api/public/orgs/spot-checks/${c.id}/population.txt`);
    expect(txt.headers['content-type']).toContain('text/plain');
    expect(createHash('sha256').update(txt.body, 'utf8').digest('hex')).toBe(c.fingerprint);
    expect(txt.body.split('\n')).toEqual([...usccs].sort());
    expect((await pub(`/api/public/orgs/spot-checks/${c.id}/verify`)).statusCode).toBe(409);
    expect((await xq.post(`/api/orgs/spot-checks/${c.id}/reveal`, {})).statusCode).toBe(409); // seed only after the draw

    expect(await ok(xq.post(`/api/orgs/spot-checks/${c.id}/draw`, {}))).toEqual({ id: c.id, drawn: 5 });
    const items = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/items?pageSize=100`));
    expect(items.total).toBe(5);
    // the list with its teams (stored as a plan, team-plan.ts) as the items pages show it
    const d = { teams: items.items.map((i: any) => ({ uscc: i.uscc, inspectors: i.inspectors })) };
    const pool = plan().inspectors as { name: string; conflicts: string[] }[];
    for (const team of d.teams) {
      expect(team.inspectors).toHaveLength(2);
      expect(new Set(team.inspectors).size).toBe(2);
      for (const n of team.inspectors) expect(pool.find((p) => p.name === n)!.conflicts).not.toContain(team.uscc);
    }
    expect((await xq.post(`/api/orgs/spot-checks/${c.id}/draw`, {})).statusCode).toBe(409);
    const drawn = await ok(pub(`/api/public/orgs/spot-checks/${c.id}`));
    expect(drawn).toMatchObject({ seed: null, results: { drawn: 5, inspected: 0 } });
    const paged = [1, 2, 3].map((page) => ok(pub(`/api/public/orgs/spot-checks/${c.id}/items?pageSize=2&page=${page}`)));
    expect((await Promise.all(paged)).flatMap((x) => x.items.map((i: any) => [i.uscc, i.inspectors]))).toEqual(d.teams.map((x: any) => [x.uscc, x.inspectors]));
    // search within the list and the population: a credit code's beginning, or part of a name
    const one = d.teams[0].uscc as string;
    expect((await ok(pub(`/api/public/orgs/spot-checks/${c.id}/items?q=${one.slice(0, 17).toLowerCase()}`))).items.map((i: any) => i.uscc)).toEqual([one]);
    const named = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/population?q=${encodeURIComponent('秦腔')}`));
    expect(named).toMatchObject({ total: 1, items: [{ name: '兴庆区秦腔协会' }] });
    expect(named.items[0].drawn).toBe(d.teams.some((x: any) => x.uscc === named.items[0].uscc));
    // by trigram as in the registry: the terms in any order, or a name with a character wrong; through the index
    const terms = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/population?q=${encodeURIComponent('秦腔 兴庆')}`));
    expect(terms.items.map((i: any) => i.name)).toEqual(['兴庆区秦腔协会']);
    const typo = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/population?q=${encodeURIComponent('兴庆区秦腔协汇')}`));
    expect(typo.items[0]?.name).toBe('兴庆区秦腔协会');
    const inList = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/items?q=${encodeURIComponent(`${items.items[0].name.slice(3, 5)} 兴庆`)}`));
    expect(inList.items.map((i: any) => i.uscc)).toEqual([items.items[0].uscc]);
    // The name predicates as the route builds them (every term by like, or the query word-similar) over the registry's
    // names, joined to the population by its USCC key: served by the registry's trigram index and the population's key, on
    // PGlite and on PostgreSQL (DATABASE_URL). On ten rows the planner would rather read the tables, so enable_seqscan is
    // off in this one transaction only; bench/orgs-spot-check-size.ts prints the plan over 900,000 rows without forcing it.
    const explained = await t.ctx.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      const q = sql<{ 'QUERY PLAN': string }>`explain select p.uscc from orgs.organization o
        join orgs.spot_check_population p on p.spot_check_id = ${c.id} and p.uscc collate "C" = o.uscc
        where (o.name like '%秦腔%' and o.name like '%兴庆%') or '兴庆区秦腔协汇' <% o.name`;
      return (await q.execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(explained).toContain('organization_name_trgm_idx');
    expect(explained).toContain('spot_check_population_uscc_idx');
    // only the drawn rows keep a position and the name on the day; the others are the USCC and the organization alone
    const frozen = (
      await sql<{ pos: number | null; name: string | null }>`select pos, name from orgs.spot_check_population where spot_check_id = ${c.id}`.execute(t.ctx.db)
    ).rows;
    expect(
      frozen
        .filter((r) => r.pos != null)
        .map((r) => r.pos)
        .sort((a, b) => a! - b!),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(frozen.every((r) => (r.pos == null) === (r.name == null))).toBe(true);
    expect((await pub(`/api/public/orgs/spot-checks/${c.id}/population?pageSize=1000`)).statusCode).toBe(400);
    expect((await pub(`/api/public/orgs/spot-checks/${c.id}/items?q=${'x'.repeat(61)}`)).json().title).toContain('60');
    // an organization of the population that was not drawn cannot be inspected under this check
    const notDrawn = usccs.find((u) => !d.teams.some((x: any) => x.uscc === u))!;
    const stray = await xq.post(`/api/orgs/spot-checks/${c.id}/inspections`, {
      organizationId: ids.get(notDrawn),
      method: 'desk',
      inspectedOn: '2021-03-01',
      findings: '未发现问题',
      problems: false,
    });
    expect(stray.statusCode).toBe(404);

    const r = await ok(xq.post(`/api/orgs/spot-checks/${c.id}/reveal`, {}));
    expect(commitmentOf(r.seed)).toBe(c.commitment);
    expect(sm3Hex(`orgs-spot-check:commitment:${r.seed}`)).toBe(c.commitment);
    const v = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/verify`));
    expect(v).toMatchObject({ matches: true, commitmentMatches: true, populationMatches: true, sampleMatches: true, teamsMatch: true, seed: r.seed, drawn: 5 });
    expect(v).not.toHaveProperty('teams');
    expect(v.listDigest).toBe(digest(d.teams));
    // anyone with the downloaded population and the published seed draws the same in plain JS (SHA-256 ranks), without the database
    const pubd = await ok(pub(`/api/public/orgs/spot-checks/${c.id}`));
    expect(pubd).toMatchObject({ algorithm: 'sha256-rank/2', populationSize: 10, fingerprint: c.fingerprint });
    const population = (await pub(`/api/public/orgs/spot-checks/${c.id}/population.txt`)).body.split('\n');
    const offline = drawSpotCheckV2(population, pubd.sampleSize, pubd.inspectors, pubd.perTeam, pubd.seed).teams;
    expect(digest(offline)).toBe(v.listDigest);
    const drawnFlags = (await ok(pub(`/api/public/orgs/spot-checks/${c.id}/population?pageSize=100`))).items
      .filter((x: any) => x.drawn)
      .map((x: any) => x.uscc);
    expect(drawnFlags).toEqual(offline.map((x) => x.uscc));
    expect((await ok(pub('/api/public/orgs/spot-checks'))).items.map((x: any) => x.id)).toContain(c.id);
    // another authority does not see it
    expect((await pl.get(`/api/orgs/spot-checks/${c.id}`)).statusCode).toBe(404);
    expect((await ok(pl.get('/api/orgs/spot-checks'))).items).toEqual([]);
  });

  it('a missed 整改 deadline lists the organization on the 活动异常名录; a rectified one is not listed', async () => {
    const c = await ok(xq.post('/api/orgs/spot-checks', plan({ kind: 'adhoc', ratio: null, count: 2, title: '兴庆区社会组织不定期抽查' })), 201);
    await ok(xq.post(`/api/orgs/spot-checks/${c.id}/draw`, {}));
    const [missed, fixed] = (await ok(xq.get(`/api/orgs/spot-checks/${c.id}/items`))).items.map((x: any) => x.organizationId);
    const problem = { method: 'onsite', inspectedOn: '2021-03-01', findings: '财务管理不规范，未按章程召开会员大会', problems: true, rectifyBy: '2021-03-31' };
    expect((await xq.post(`/api/orgs/spot-checks/${c.id}/inspections`, { ...problem, organizationId: missed, rectifyBy: null })).statusCode).toBe(400);
    const n1 = await ok(xq.post(`/api/orgs/spot-checks/${c.id}/inspections`, { ...problem, organizationId: missed }));
    // the 整改通知书 is a kernel document: 文号, PDF for the authority's staff only, checked on the portal by number and code
    expect(n1.noticeNo).toMatch(/^社整改〔2021〕\d+号$/);
    const pdf = await xq.get(`/api/documents/${n1.noticeDocumentId}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect((await pl.get(`/api/documents/${n1.noticeDocumentId}.pdf`)).statusCode).toBe(404);
    const doc = (
      await sql<{ content: any; subject_id: string }>`select content, subject_id from core.document where id = ${n1.noticeDocumentId}`.execute(t.ctx.db)
    ).rows[0]!;
    const content = typeof doc.content === 'string' ? JSON.parse(doc.content) : doc.content;
    expect(doc.subject_id).toBe(`${c.id}:${missed}`);
    expect(content).toMatchObject({ title: '整改通知书', docNo: n1.noticeNo, issuer: '兴庆区民政局' });
    expect(content.body.join('')).toContain('2021年3月31日前完成整改');
    expect(content.body.join('')).toContain('财务管理不规范');
    const checked = await pub(`/api/public/documents/verify?no=${encodeURIComponent(n1.noticeNo)}&code=${content.verifyCode}`);
    expect(checked.json()).toMatchObject({ genuine: true, title: '整改通知书' });
    // the organization gets it on the portal: signed in with USCC + 年报报送码 it sees the notice and downloads the PDF
    const login = async (id: string) => {
      const code = (await ok(xq.post(`/api/orgs/${id}/filing-code`, {}), 201)).code;
      const o = (await ok(xq.get(`/api/orgs/${id}`))) as { uscc: string };
      return { uscc: o.uscc, filingCode: code };
    };
    const own = await login(missed);
    const portal = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
    const status = (await portal('/api/public/orgs/annual-reports/status', own)).json();
    expect(status.notices).toEqual([
      { docNo: n1.noticeNo, spotCheckTitle: '兴庆区社会组织不定期抽查', issuedOn: '2021-03-01', rectifyBy: '2021-03-31', rectifiedOn: null },
    ]);
    const got = await portal('/api/public/orgs/rectification-notice.pdf', { ...own, docNo: n1.noticeNo });
    expect(got.statusCode, got.body.slice(0, 200)).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(got.headers['x-document-sm3']).toBe(checked.json().sm3);
    // another organization, or a wrong code, gets the same 404
    const other = await login(fixed);
    expect((await portal('/api/public/orgs/rectification-notice.pdf', { ...other, docNo: n1.noticeNo })).json()).toMatchObject({
      status: 404,
      code: 'ORG_NOTICE_NOT_FOUND',
    });
    expect((await portal('/api/public/orgs/rectification-notice.pdf', { ...own, filingCode: other.filingCode, docNo: n1.noticeNo })).statusCode).toBe(404);
    const n2 = await ok(xq.post(`/api/orgs/spot-checks/${c.id}/inspections`, { ...problem, organizationId: fixed, method: 'desk' }));
    clock.set(new Date('2021-03-20T02:00:00Z'));
    await ok(
      xq.post(`/api/orgs/spot-checks/${c.id}/follow-ups`, { organizationId: fixed, rectifiedOn: '2021-03-20', followUp: '已召开会员大会，财务制度已修订' }),
    );
    expect(await sweepRectification(t.ctx, '2021-03-31')).toBe(0); // the deadline day itself still counts
    clock.set(new Date('2021-04-01T02:00:00Z'));
    expect(await sweepRectification(t.ctx, '2021-04-01')).toBe(1);
    expect(await sweepRectification(t.ctx, '2021-04-02')).toBe(0); // once per notice
    const o = await ok(xq.get(`/api/orgs/${missed}`));
    expect(o.lists).toContain('abnormal');
    const l = o.listings.find((x: any) => x.list === 'abnormal');
    expect(l).toMatchObject({ listedOn: '2021-04-01' });
    expect(JSON.stringify(l)).toContain('未按期完成整改');
    expect((await ok(xq.get(`/api/orgs/${fixed}`))).lists).not.toContain('abnormal');
    const detail = await ok(xq.get(`/api/orgs/spot-checks/${c.id}`));
    expect(detail.results).toMatchObject({ drawn: 2, inspected: 2, notices: 2, rectified: 1, listed: 1 });
    const items = (await ok(xq.get(`/api/orgs/spot-checks/${c.id}/items`))).items;
    expect(items.find((i: any) => i.organizationId === missed)).toMatchObject({ listed: true, rectifyBy: '2021-03-31', rectifiedOn: null });
    expect(items.find((i: any) => i.organizationId === missed).findings).toContain('财务管理不规范');
    expect((await ok(pub(`/api/public/orgs/spot-checks/${c.id}/items`))).items.every((i: any) => i.findings === null)).toBe(true);
    expect((await pl.get(`/api/orgs/spot-checks/${c.id}/items`)).statusCode).toBe(404);
    // the report's 整改文书: issued in the year, rectified by the deadline, overdue — each with its 文书 ids, by area
    const lead = await t.login('xq-mzj-lead');
    const m = Object.fromEntries(
      (await ok(lead.get('/api/report/metrics?year=2021&area=640104&section=orgs'))).sections[0].metrics.map((x: any) => [x.code, x.value]),
    );
    expect([m['orgs.rectification_notices'], m['orgs.rectified_on_time'], m['orgs.rectification_overdue']]).toEqual([2, 1, 1]);
    const rec = async (metric: string) =>
      (await ok(lead.get(`/api/report/records?metric=${metric}&year=2021&area=640104`))).items.map((i: any) => [i.id, i.refNo, i.stateLabel]);
    expect((await rec('orgs.rectification_notices')).map((r: any) => r[0]).sort()).toEqual([n1.noticeDocumentId, n2.noticeDocumentId].sort());
    expect(await rec('orgs.rectified_on_time')).toEqual([[n2.noticeDocumentId, n2.noticeNo, '按期整改']]);
    expect(await rec('orgs.rectification_overdue')).toEqual([[n1.noticeDocumentId, n1.noticeNo, '未整改']]);
    const xjLead = await t.login('xj-mzj-lead');
    expect(
      (await ok(xjLead.get('/api/report/metrics?year=2021&section=orgs'))).sections[0].metrics.find((x: any) => x.code === 'orgs.rectification_notices').value,
    ).toBe(0);
  });

  it('v2: the SQL ranking equals the plain-JS ranking for many seeds, and a changed frozen population fails the re-run', async () => {
    const c = await ok(xq.post('/api/orgs/spot-checks', plan({ kind: 'adhoc', ratio: null, count: 3, title: '算法复核' })), 201);
    for (let i = 0; i < 20; i++) {
      const seed = sm3Hex(`seed-${i}`);
      for (const k of [1, 3, 7]) expect(await rerankV2InDb(t.ctx.db, c.id, k, seed)).toEqual(sampleV2(usccs, k, seed));
    }
    // the ranks stored at commit (positions 1…3, the plan's size) give the same list as ranking from the seed
    const { seed } = (await sql<{ seed: string }>`select seed from orgs.spot_check where id = ${c.id}`.execute(t.ctx.db)).rows[0]!;
    for (const k of [1, 2, 3]) expect(await sampleV2InDb(t.ctx.db, c.id, k)).toEqual(sampleV2(usccs, k, seed));
    expect(await sampleV2InDb(t.ctx.db, c.id, 10)).toEqual(sampleV2(usccs, 3, seed));
    // pinned: the SQL ranking of a fixed seed (draw-golden.test.ts pins the JS one)
    expect(await rerankV2InDb(t.ctx.db, c.id, 3, '2d'.repeat(32))).toEqual(['51640104MJ0000616Q', '51640104MJ0000624K', '51640104MJ00007047']);
    await ok(xq.post(`/api/orgs/spot-checks/${c.id}/draw`, {}));
    await ok(xq.post(`/api/orgs/spot-checks/${c.id}/reveal`, {}));
    expect((await ok(pub(`/api/public/orgs/spot-checks/${c.id}/verify`))).matches).toBe(true);
    // a v2 plan drawn before the teams were stored as a plan keeps its full list (and sample): still read and verified
    const full = drawSpotCheckV2(usccs, 3, plan().inspectors as any, 2, seed);
    await sql`update orgs.spot_check set sample = ${JSON.stringify(full.sample)}::jsonb, teams = ${JSON.stringify(full.teams)}::jsonb
      where id = ${c.id}`.execute(t.ctx.db);
    expect((await ok(pub(`/api/public/orgs/spot-checks/${c.id}/items`))).items.map((i: any) => ({ uscc: i.uscc, inspectors: i.inspectors }))).toEqual(
      full.teams,
    );
    expect(await ok(pub(`/api/public/orgs/spot-checks/${c.id}/verify`))).toMatchObject({ matches: true, listDigest: digest(full.teams) });
    // someone renumbers the stored order (the published list is positions 1…k): the re-run ranks from the seed and does not trust it
    await sql`update orgs.spot_check_population set pos = 1000 - pos where spot_check_id = ${c.id}`.execute(t.ctx.db);
    expect(await ok(pub(`/api/public/orgs/spot-checks/${c.id}/verify`))).toMatchObject({ matches: false, populationMatches: true, sampleMatches: false });
    await sql`update orgs.spot_check_population set pos = 1000 - pos where spot_check_id = ${c.id}`.execute(t.ctx.db);
    expect((await ok(pub(`/api/public/orgs/spot-checks/${c.id}/verify`))).matches).toBe(true);
    // someone swaps an organization of the frozen population after the commitment: the fingerprint no longer holds
    await sql`update orgs.spot_check_population set uscc = ${makeUscc('social_group', '640104', 99)} where spot_check_id = ${c.id} and uscc = ${usccs[9]}`.execute(
      t.ctx.db,
    );
    const v = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/verify`));
    expect(v).toMatchObject({ matches: false, commitmentMatches: true, populationMatches: false });
    expect(v.message).toContain('指纹不一致');
  });

  it('v1: a plan committed before v2 (jsonb population) still draws and re-runs exactly with the kernel algorithm', async () => {
    const c = await ok(xq.post('/api/orgs/spot-checks', plan({ title: '旧算法抽查' })), 201);
    // make the stored row what the v1 code wrote: the population as one jsonb array, algorithm v1
    await sql`update orgs.spot_check set algorithm = 'sm3-mulberry32-fisher-yates/1', population_hash = null,
        population = (select jsonb_agg(uscc order by uscc) from orgs.spot_check_population where spot_check_id = ${c.id}) where id = ${c.id}`.execute(t.ctx.db);
    await sql`delete from orgs.spot_check_population where spot_check_id = ${c.id}`.execute(t.ctx.db);
    expect(await ok(xq.post(`/api/orgs/spot-checks/${c.id}/draw`, {}))).toEqual({ id: c.id, drawn: 5 });
    const r = await ok(xq.post(`/api/orgs/spot-checks/${c.id}/reveal`, {}));
    const p = plan();
    const v1 = drawSpotCheck(usccs, 5, p.inspectors as any, 2, r.seed);
    const items = (await ok(xq.get(`/api/orgs/spot-checks/${c.id}/items`))).items;
    expect(items.map((x: any) => ({ uscc: x.uscc, inspectors: x.inspectors }))).toEqual(v1.teams);
    const v = await ok(pub(`/api/public/orgs/spot-checks/${c.id}/verify`));
    expect(v).toMatchObject({ matches: true, listDigest: digest(v1.teams) });
    const txt = (await pub(`/api/public/orgs/spot-checks/${c.id}/population.txt`)).body;
    expect(sm3Hex(txt)).toBe(v1.objects.fingerprint);
    const page = await ok(xq.get(`/api/orgs/spot-checks/${c.id}/population?pageSize=100`));
    expect(page.items.filter((x: any) => x.drawn).map((x: any) => x.uscc)).toEqual(v1.objects.sample);
    expect((await ok(xq.get(`/api/orgs/spot-checks/${c.id}/items`))).total).toBe(5);
    const pubd = await ok(pub(`/api/public/orgs/spot-checks/${c.id}`));
    expect(pubd).toMatchObject({ algorithm: 'sm3-mulberry32-fisher-yates/1', populationSize: 10, fingerprint: v1.objects.fingerprint });
    // the two algorithms are different draws (same seed, different list) — which is why the algorithm is stored
    expect(sampleV2(usccs, 5, r.seed)).not.toEqual(v1.objects.sample);
  });
});
