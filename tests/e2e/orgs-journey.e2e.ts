import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eFile, login, PHONE, seriousA11yViolations, shot } from './harness.ts';

/**
 * 社会组织 on the demo data: the 银川市民政局 registrar sees the organizations of its districts too, opens
 * one on the 活动异常名录 with its credit records, commits a 双随机 spot check (SM3 commitment), draws and
 * reveals the seed; the portal's 复核 page shows the same list and its re-run matches.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('orgs');
let spotCheckId = '';
let drawn: { uscc: string; inspectors: string[] }[] = [];

async function openList(page: Page) {
  await login(page, 'yc-mzj', PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
  await page.goto('/orgs');
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: T });
}

/** The authority column of the list's rows. */
async function authorities(page: Page) {
  const header = await page.locator('.ant-table-thead th').allInnerTexts();
  const col = header.findIndex((h) => h.includes('登记管理机关'));
  assert.ok(col >= 0, header.join('|'));
  const cells = await page.locator(`.ant-table-tbody tr.ant-table-row td:nth-child(${col + 1})`).allInnerTexts();
  return new Set(cells.map((c) => c.trim()));
}

describe('银川市民政局 at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the registry list of a city shows its own and its districts’ organizations', async () => {
    await openList(page);
    const seen = await authorities(page);
    assert.ok(seen.size >= 2, `only ${[...seen].join('、')}`);
    assert.ok(
      [...seen].every((a) => /银川|兴庆|金凤|西夏|永宁|贺兰|灵武/.test(a)),
      [...seen].join('、'),
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'orgs-list-desktop');
  });

  f.step('an organization on the 活动异常名录 with its credit records', async () => {
    const res = await page.request.get('/api/orgs?list=abnormal&pageSize=5');
    const body = (await res.json()) as { items: { id: string; name: string }[] };
    assert.ok(body.items.length > 0, 'no abnormal organization in 银川');
    const o = body.items[0]!;
    await page.goto(`/orgs/${o.id}`);
    await page.getByText(o.name).first().waitFor({ timeout: T });
    await page.getByRole('tab', { name: '信用记录' }).click();
    await page.getByRole('tabpanel').getByText('活动异常名录').first().waitFor({ timeout: T });
    await shot(page, 'orgs-detail-credit-desktop', { fullPage: true });
  });

  f.step('a spot check in the console: a ratio below 4% refused, commitment published, drawn, seed revealed', async () => {
    const orgs = (await (await page.request.get('/api/orgs?pageSize=3')).json()) as { items: { uscc: string }[] };
    await page.goto('/orgs/spot-checks');
    const p = page.getByTestId('spot-checks-page');
    await p.waitFor({ timeout: T });
    await p.getByLabel('抽查名称').fill('2026年度银川市社会组织定期抽查');
    await p.getByLabel('抽查比例').fill('3');
    await p.getByLabel('检查人员名录').fill(`张明：${orgs.items[0]!.uscc}\n李华\n王芳\n马丽：${orgs.items[1]!.uscc}`);
    await p.getByTestId('spot-commit').click();
    await p
      .locator('.ant-alert-error')
      .getByText(/不得低于4%/)
      .waitFor({ timeout: T });
    await shot(page, 'orgs-spot-refused-desktop');
    await p.getByLabel('抽查比例').fill('20');
    await p.getByTestId('spot-commit').click();
    const detail = page.getByTestId('spot-check-detail');
    await detail.getByTestId('spot-commitment').waitFor({ timeout: T });
    await detail.getByTestId('spot-draw').click();
    await detail.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: T });
    await detail.getByTestId('spot-reveal').click();
    await detail.getByTestId('spot-reveal').and(page.locator('[disabled]')).waitFor({ timeout: T });
    const href = (await detail.getByRole('link', { name: '在门户网站复核' }).getAttribute('href'))!;
    spotCheckId = new URL(href, 'http://x').searchParams.get('id')!;
    const d = (await (await page.request.get(`/api/orgs/spot-checks/${spotCheckId}`)).json()) as {
      seed: string | null;
      population: string[];
      items: { uscc: string; inspectors: string[] }[];
    };
    assert.ok(d.seed);
    drawn = d.items;
    assert.equal(drawn.length, Math.ceil(0.2 * d.population.length));
    assert.deepEqual(await seriousA11yViolations(page), []);
    // the console's header and menu are fixed: a full-page picture paints them mid-page, so scroll to the result instead
    await detail.scrollIntoViewIfNeeded();
    await shot(page, 'orgs-spot-drawn-desktop');
  });

  f.step('the portal shows the commitment, the seed and the list; its re-run matches', async () => {
    await page.goto('/portal/orgs/spot-check.html');
    await page.getByLabel('抽查编号').fill(spotCheckId);
    await page.getByRole('button', { name: '查看' }).click();
    const table = page.getByTestId('drawn-list');
    await table.waitFor({ timeout: T });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-uscc')));
    assert.deepEqual(rows, drawn.map((t) => t.uscc).sort());
    for (const t of drawn) assert.match(await table.locator(`tr[data-uscc="${t.uscc}"]`).innerText(), new RegExp(t.inspectors.join('、')));
    await page.getByRole('button', { name: '重新抽取并比对' }).click();
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor({ timeout: T });
    assert.equal(await verdict.getAttribute('data-match'), 'true', await verdict.innerText());
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'orgs-portal-spot-check-desktop', { fullPage: true });
  });
});

describe('a phone, 390 px wide', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  f.step('the portal 复核 page by link, re-run on a phone', async () => {
    await page.goto(`/portal/orgs/spot-check.html?id=${spotCheckId}`);
    await page.getByTestId('drawn-list').waitFor({ timeout: T });
    await page.getByRole('button', { name: '重新抽取并比对' }).click();
    assert.equal(await page.getByTestId('verify-verdict').getAttribute('data-match'), 'true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await shot(page, 'orgs-portal-spot-check-phone', { fullPage: true });
  });

  f.step('the registry list on a phone', async () => {
    await openList(page);
    await shot(page, 'orgs-list-phone');
  });
});
