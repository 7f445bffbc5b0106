import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../../tests/helpers/test-context.ts';
import { seedDemoHistory } from '../../../server/seed.ts';
import { dibao } from '../index.ts';
import { disclosure } from '../../disclosure/index.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';

/**
 * The demo history as `npm start` loads it (seedDemoHistory, 低保 then 政务公开): a year-old record set is
 * no work for today — no 2019 主动公开 draft waits in an office's 待办, and no 2019 case rings a bell —
 * while the previous year and this year hold applications for 同比.
 */
let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
  await seedDemoHistory(t.ctx, [dibao, disclosure]);
}, 600_000);
afterAll(() => t?.close());

it('leaves no 2019 主动公开 draft in any office (fed by 低保 公示/公布 of 2019)', async () => {
  const drafts = (
    await sql<{ index_no: string; formed_on: string }>`select x.index_no, x.formed_on::text from disclosure.item x join core.case c on c.id = x.case_id
      where c.state = 'drafted' and x.formed_on < '2020-01-01'`.execute(t.ctx.db)
  ).rows;
  expect(drafts).toEqual([]);
  // What waits is current: no draft fed by the history is older than its 20 working days, and 兴庆区 has a 低保 list in 公示.
  const today = chinaDate(t.ctx.clock.now());
  const waiting = (
    await sql<{ index_no: string; formed_on: string }>`select x.index_no, x.formed_on::text from disclosure.item x join core.case c on c.id = x.case_id
      where c.state = 'drafted' and x.source is not null`.execute(t.ctx.db)
  ).rows;
  expect(waiting.filter((d) => d.formed_on < addDaysIso(today, -28))).toEqual([]);
  expect(waiting.some((d) => d.index_no.startsWith('640104'))).toBe(true);
  // 2019's own catalogue is untouched: the report's 189 items.
  const published = (
    await sql<{ n: number }>`select count(*)::int as n from disclosure.item where published_on between '2019-01-01' and '2019-12-31'`.execute(t.ctx.db)
  ).rows[0]!.n;
  expect(published).toBe(189);
});

it('rings no demo user’s bell for a 2019 case (待签收、待您确认、待您变更、deadlines)', async () => {
  const rows = (
    await sql<{ username: string; n: number }>`select u.username, count(*)::int as n from core.notification n
      join core.case c on c.id = n.case_id
      join core.app_user u on u.id = n.user_id or (n.user_id is null and u.org_unit_id = n.org_unit_id)
      where c.created_at < '2020-01-01' group by u.username order by u.username`.execute(t.ctx.db)
  ).rows;
  expect(rows).toEqual([]);
  // Nor is a job queued for one (a deadline timer, a delivery).
  const timers = (
    await sql<{ n: number }>`select count(*)::int as n from pgboss.job j join core.case c on c.id::text = j.data->>'caseId'
      where c.created_at < '2020-01-01' and j.state in ('created', 'retry')`.execute(t.ctx.db)
  ).rows[0]!.n;
  expect(timers).toBe(0);
});

it('has 低保 applications registered and decided last year and this year, in several counties', async () => {
  const year = Number(chinaDate(t.ctx.clock.now()).slice(0, 4));
  const rows = (
    await sql<{ y: number; n: number; decided: number; counties: number }>`select extract(year from c.created_at at time zone 'Asia/Shanghai')::int as y,
      count(*)::int as n, count(p.decided_on)::int as decided, count(distinct p.county_code)::int as counties
      from dibao.application p join core.case c on c.id = p.case_id where p.is_demo group by 1 order by 1`.execute(t.ctx.db)
  ).rows;
  const last = rows.find((r) => r.y === year - 1)!;
  expect(last.n).toBeGreaterThanOrEqual(10);
  expect(last.decided).toBe(last.n);
  expect(last.counties).toBeGreaterThanOrEqual(4);
  expect(rows.find((r) => r.y === year)!.decided).toBeGreaterThanOrEqual(5);
});
