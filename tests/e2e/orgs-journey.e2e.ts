import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eFile, login, PHONE, seriousA11yViolations, shot, scrollInto } from './harness.ts';

/**
 * 社会组织 on the demo data: the 银川市民政局 registrar sees the organizations of its districts too, opens
 * one on the 活动异常名录 with its credit records, commits a 双随机 spot check (SM3 commitment), draws and
 * reveals the seed; the portal's 复核 page shows the same list and its re-run matches. An organization
 * files its 年度工作报告 on the portal with the 年报报送码 the registrar issued; the registrar concludes
 * 不合格. A leader records a warning in the console's 行政处罚 form. A spot-check inspection recorded in the console (the
 * officers and the 检查实施清单 item picked from lists; reported to 互联网+监管) issues an 整改通知书 (PDF) that is missed: the organization lands on the
 * 活动异常名录; six months later it stays (the obligation is unmet), two years later it is on the
 * 严重违法失信名单 (the server's clock is moved by the test-only route of tests/e2e/orgs-server.ts).
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('orgs', { serverModule: './tests/e2e/orgs-server.ts' });
const filer: { id: string; uscc: string; code: string } = { id: '', uscc: '', code: '' };
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
const plusMonths = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d);
};
let spotCheckId = '';
let drawn: { uscc: string; inspectors: string[] }[] = [];
const chinaToday = () => iso(new Date(Date.now() + 8 * 3_600_000));

/** Every item of a paged list route (pages of 100). */
async function allPages<T>(page: Page, url: string): Promise<T[]> {
  const out: T[] = [];
  for (let n = 1; ; n++) {
    const r = (await (await page.request.get(`${url}?pageSize=100&page=${n}`)).json()) as { total: number; items: T[] };
    out.push(...r.items);
    if (out.length >= r.total || !r.items.length) return out;
  }
}

/** Moves the server's clock to `day` and runs the orgs daily jobs (tests/e2e/orgs-server.ts); signed out, as the session will not survive the jump. */
async function moveTo(page: Page, day: string) {
  await page.context().clearCookies();
  // the day's jobs run over the whole demo registry (a new year's 年报 sweep, reminders, the credit rule): allow minutes
  const r = await page.request.post('/api/e2e/orgs/day', { data: { day }, timeout: 300_000 });
  assert.equal(r.status(), 200, await r.text());
}

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
    // 下一步 on the rows where something waits (the 年检 line of the organization's page), on whom
    assert.match(await page.getByTestId('next-step-hint').first().innerText(), /^下一步：待 \S+ (初审|报送|作出)/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'orgs-list-desktop');
  });

  f.step('the registry import page: the template, a file refused row by row with its error workbook', async () => {
    await page.getByRole('button', { name: '导入登记信息' }).click();
    const panel = page.getByTestId('orgs-import');
    assert.equal(await panel.getByRole('link', { name: '下载导入模板' }).getAttribute('href'), '/api/orgs/import-template.xlsx');
    const csv = [
      '类型,名称,统一社会信用代码,业务主管单位,住所,法定代表人,业务范围,注册资金（元）,成立登记日期',
      '社会团体,银川市集邮协会,123,,银川市兴庆区1号,王文,集邮交流,30000,2012-05-04',
    ];
    await panel.locator('input[type=file]').setInputFiles({ name: 'orgs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
    const alert = panel.getByRole('alert');
    await alert.getByText('未导入：1 行中有 1 行有误').waitFor({ timeout: T });
    assert.match(
      (await alert.getByRole('link', { name: '下载错误说明（xlsx）' }).getAttribute('href')) ?? '',
      /^data:application\/vnd\.openxmlformats[^,]+;base64,UEsD/,
    );
    await alert.getByRole('cell', { name: '统一社会信用代码' }).first().waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'orgs-import-refused-desktop');
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
    // the pool: 银川市's certified officers, all picked at first; two of them declare a 回避
    const recusals = p.getByPlaceholder('统一社会信用代码，多个用逗号分隔；没有可不填');
    await recusals.nth(1).waitFor({ timeout: T });
    await recusals.first().fill(orgs.items[0]!.uscc);
    await recusals.nth(1).fill(orgs.items[1]!.uscc);
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
      populationSize: number;
      results: { drawn: number };
    };
    assert.ok(d.seed);
    drawn = await allPages(page, `/api/orgs/spot-checks/${spotCheckId}/items`);
    assert.equal(drawn.length, Math.ceil(0.2 * d.populationSize));
    assert.equal(d.results.drawn, drawn.length);
    await detail.getByTestId('spot-results').getByText(`抽中 ${drawn.length} 个`).waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    // the console's header and menu are fixed: a full-page picture paints them mid-page, so scroll to the result instead
    await scrollInto(detail);
    await shot(page, 'orgs-spot-drawn-desktop');
  });

  f.step('the portal shows the commitment, the seed and the list; its re-run matches', async () => {
    await page.goto('/portal/orgs/spot-check.html');
    await page.getByLabel('抽查编号').fill(spotCheckId);
    await page.getByRole('button', { name: '查看' }).click();
    const table = page.getByTestId('drawn-list');
    await table.waitFor({ timeout: T });
    // the page holds one page of the list (20), not the list or the population; the detail itself is small
    const detailBytes = (await (await page.request.get(`/api/public/orgs/spot-checks/${spotCheckId}`)).body()).length;
    assert.ok(detailBytes < 5_000, `the detail is ${detailBytes} bytes`);
    const first = drawn.slice(0, 20);
    await table.locator(`tr[data-uscc="${first[0]!.uscc}"]`).waitFor({ timeout: T });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-uscc')));
    assert.deepEqual(
      rows,
      first.map((t) => t.uscc),
    );
    for (const t of first) assert.match(await table.locator(`tr[data-uscc="${t.uscc}"]`).innerText(), new RegExp(t.inspectors.join('、')));
    // search within the drawn list by the beginning of a credit code
    const last = drawn[drawn.length - 1]!;
    await page.getByLabel('在抽查对象和检查人员中查询').fill(last.uscc.slice(0, 17));
    await page.getByLabel('在抽查对象和检查人员中查询').press('Enter');
    await page.getByText(`（查询“${last.uscc.slice(0, 17)}”）`).waitFor({ timeout: T });
    assert.deepEqual(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-uscc'))), [last.uscc]);
    // the frozen population, paged, each row marked drawn or not
    const population = page.getByTestId('population-list');
    await population.locator('tbody tr[data-uscc]').first().waitFor({ timeout: T });
    const marks = await population
      .locator('tbody tr[data-uscc]')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-uscc'), tr.querySelector('td:last-child')!.textContent]));
    const drawnSet = new Set(drawn.map((t) => t.uscc));
    for (const [uscc, mark] of marks) assert.equal(mark, drawnSet.has(uscc!) ? '抽中' : '—', uscc!);
    await page.getByRole('button', { name: '重新抽取并比对' }).click();
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor({ timeout: T });
    assert.equal(await verdict.getAttribute('data-match'), 'true', await verdict.innerText());
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'orgs-portal-spot-check-desktop', { fullPage: true });
  });
});

describe('行政处罚 in the console, at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('a leader records a warning: none chosen is refused; the decision lists the organization on the 活动异常名录', async () => {
    await login(page, 'xq-mzj-lead', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    const list = (await (await page.request.get('/api/orgs?status=normal&kind=social_group&pageSize=50')).json()) as {
      items: { id: string; lists: string[] }[];
    };
    const o = list.items.find((x) => !x.lists.length);
    assert.ok(o, 'no 兴庆区 social group without a listing');
    await page.goto(`/orgs/${o.id}`);
    await page.getByRole('tab', { name: '行政处罚' }).click();
    const panel = page.getByRole('tabpanel');
    const form = panel.getByTestId('penalty-form');
    await form.getByLabel('决定日期').fill(chinaToday());
    await form.getByLabel('决定日期').press('Enter');
    await form.getByLabel('决定书文号').fill('兴民罚〔2026〕3号');
    await form.getByLabel('违法事实').fill('未按规定办理变更登记，擅自变更住所开展活动');
    await panel.getByTestId('penalty-save').click();
    await panel
      .locator('.ant-alert-error')
      .getByText(/请至少选择一种处罚/)
      .waitFor({ timeout: T });
    await form.getByLabel('警告').check();
    await panel.getByTestId('penalty-save').click();
    await panel.locator('.ant-alert-success').getByText(/依据/).waitFor({ timeout: T });
    await panel.getByTestId('penalties').getByText('兴民罚〔2026〕3号').waitFor({ timeout: T });
    const d = (await (await page.request.get(`/api/orgs/${o.id}`)).json()) as { lists: string[] };
    assert.ok(d.lists.includes('abnormal'), d.lists.join());
    assert.deepEqual(await seriousA11yViolations(page), []);
    await scrollInto(panel);
    await shot(page, 'orgs-penalty-desktop');
  });
});

describe('业务主管单位 初审意见 (xq-whlyj), at 1366×768 and 390 px', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('兴庆区文化和旅游局 gives its 初审意见 on a filed report; the registrar sees it on the 年检 tab', async () => {
    await login(page, 'xq-whlyj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/orgs/supervised');
    const row = page.locator('.ant-table-row', { has: page.getByRole('button', { name: '出具初审意见' }) }).first();
    await row.waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'orgs-supervised-desktop');
    const name = (await row.locator('td').first().innerText()).split('\n')[0]!.trim();
    await row.getByRole('button', { name: '出具初审意见' }).click();
    const modal = page.getByRole('dialog');
    await modal.locator('.ant-segmented-item', { hasText: '不同意' }).click();
    await modal.getByRole('button', { name: '提交意见' }).click();
    await modal.getByText('不同意的，请写明理由。').waitFor({ timeout: T });
    await modal.locator('.ant-segmented-item', { hasText: /^同意$/ }).click();
    await modal.getByLabel('意见说明（不同意的须写明理由）').fill('经审查，该会上一年度按章程开展活动，财务收支规范，同意报送。');
    await shot(page, 'orgs-supervised-opinion-desktop');
    await modal.getByRole('button', { name: '提交意见' }).click();
    await modal.waitFor({ state: 'hidden', timeout: T });
    const done = page.locator('.ant-table-row', { hasText: name });
    await done.getByText(/主管单位意见 同意/).waitFor({ timeout: T });
    await page.setViewportSize(PHONE);
    await scrollInto(page.locator('.mz-dt-card', { hasText: name }));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await shot(page, 'orgs-supervised-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    // the registrar (兴庆区民政局) sees the unit's opinion beside the report on the 年检 tab
    await page.context().clearCookies();
    await login(page, 'xq-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    const found = (await (await page.request.get(`/api/orgs?q=${encodeURIComponent(name)}`)).json()) as { items: { id: string; name: string }[] };
    await page.goto(`/orgs/${found.items.find((o) => o.name === name)!.id}`);
    await page.getByRole('tab', { name: '年检' }).click();
    const opinion = page
      .getByRole('tabpanel')
      .locator('.ant-table-tbody')
      .getByText(/^同意（\d{4}-\d{2}-\d{2}）：经审查/);
    await opinion.waitFor({ timeout: T });
    await scrollInto(opinion);
    await shot(page, 'orgs-supervised-registrar-desktop');
  });
});

describe('年度工作报告, 整改 and the credit rule over two years, at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });
  let today = '';
  let rectified = { id: '', name: '', uscc: '' };

  f.step('the registrar issues a 年报报送码 in the console', async () => {
    await login(page, 'yc-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    const missing = (await (await page.request.get('/api/orgs/inspections/missing?pageSize=50')).json()) as {
      year: number;
      items: { id: string; uscc: string; kind: string }[];
    };
    const o = missing.items.find((i) => i.kind !== 'foundation');
    assert.ok(o, 'no organization without last year’s report in 银川');
    Object.assign(filer, { id: o.id, uscc: o.uscc });
    await page.goto(`/orgs/${o.id}`);
    await page.getByRole('tab', { name: '年检' }).click();
    await page.getByRole('button', { name: '签发年报报送码' }).click();
    const text = await page.getByTestId('filing-code').innerText();
    filer.code = /年报报送码：([A-Z2-9]{12})/.exec(text)?.[1] ?? '';
    assert.ok(filer.code, text);
  });

  f.step('the organization files its report on the portal', async () => {
    await page.goto('/portal/orgs/annual-report.html');
    await page.getByLabel('统一社会信用代码').fill(filer.uscc);
    await page.getByLabel('年报报送码').fill(filer.code);
    await page.getByRole('button', { name: '登录' }).click();
    const form = page.locator('#report-form');
    await form.waitFor({ timeout: T });
    await form.getByLabel('业务活动情况').fill('全年开展公益培训12期、志愿服务活动8次，召开会员大会1次，完成换届筹备。');
    await form.getByLabel('年度收入（元）').fill('186000');
    await form.getByLabel('年度支出（元）').fill('172500.50');
    await form.getByLabel('年末净资产（元）').fill('64000');
    await form.getByLabel('专职工作人员（人）').fill('3');
    if (await form.getByLabel('会员数').isVisible()) await form.getByLabel('会员数').fill('86');
    await form.getByLabel('理事会召开次数').fill('2');
    if (await form.getByLabel('业务主管单位审查同意日期').isVisible()) await form.getByLabel('业务主管单位审查同意日期').fill('2026-03-20');
    await form.getByLabel('填报人').fill('马晓梅');
    await form.getByLabel('联系电话').fill('13895112233');
    await form.getByRole('button', { name: '报送' }).click();
    await page
      .locator('#report-status')
      .getByText(/工作报告已于/)
      .waitFor({ timeout: T });
    const filed = await page.locator('#years li').first().innerText();
    assert.match(filed, /报送日期\s*\d{4}年/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'orgs-portal-annual-report-desktop', { fullPage: true });
  });

  f.step('the registrar reviews it and concludes 不合格 with reasons', async () => {
    await page.goto(`/orgs/${filer.id}`);
    await page.getByRole('tab', { name: '年检' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('（网上报送）').first().waitFor({ timeout: T });
    today = iso(new Date(Date.now() + 8 * 3_600_000));
    await panel.getByLabel('日期').fill(today);
    await panel.getByLabel('日期').press('Enter');
    await panel.getByRole('button', { name: /保\s*存/ }).click();
    // The 初审 cell (exactly the date; the 报送日期 cell reads 「…（网上报送）」).
    await panel.locator('.ant-table-tbody').getByText(today, { exact: true }).first().waitFor({ timeout: T });
    await panel.locator('.ant-segmented-item', { hasText: '年检结论' }).click();
    await panel.getByLabel('结论', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: '不合格' }).click();
    await panel.getByLabel('结论理由').fill('未按章程召开理事会审议年度财务报告，财务收支未经审计');
    await panel.getByRole('button', { name: /保\s*存/ }).click();
    await panel
      .locator('.ant-table-tbody')
      .getByText(/不合格/)
      .first()
      .waitFor({ timeout: T });
    await panel.locator('.ant-table-row-expand-icon').first().click();
    await panel.getByText('全年开展公益培训12期').waitFor({ timeout: T });
    const d = (await (await page.request.get(`/api/orgs/${filer.id}`)).json()) as { lists: string[] };
    assert.ok(d.lists.includes('integrity_lapse'), d.lists.join());
    // the console's header is fixed: photograph the 年检 tab in the viewport, not a full page
    await scrollInto(panel);
    await shot(page, 'orgs-inspection-concluded-desktop');
  });

  f.step(
    'an inspection recorded in the console issues an 整改通知书 (PDF); the deadline is missed and the organization lands on the 活动异常名录',
    async () => {
      const item = drawn[0]!;
      const o = (await (await page.request.get(`/api/orgs?q=${item.uscc}`)).json()) as { items: { id: string; name: string }[] };
      rectified = { id: o.items[0]!.id, name: o.items[0]!.name, uscc: item.uscc };
      const rectifyBy = plusDays(today, 10);
      await page.goto('/orgs/spot-checks');
      await page.locator('.ant-table-row', { hasText: '2026年度银川市社会组织定期抽查' }).first().click();
      const detail = page.getByTestId('spot-check-detail');
      const search = detail.getByLabel('按统一社会信用代码（可只输前几位）或名称查询抽查对象');
      await search.fill(item.uscc);
      await search.press('Enter');
      const row = detail.locator('.ant-table-row', { hasText: item.uscc });
      await row.waitFor({ timeout: T });
      await detail.getByText('共 1 个').waitFor({ timeout: T });
      await row.getByRole('button', { name: '登记检查结果' }).click();
      const modal = page.getByRole('dialog');
      await modal.locator('.ant-segmented-item', { hasText: '现场检查' }).click();
      await modal.getByLabel('检查日期').fill(today);
      await modal.getByLabel('检查日期').press('Enter');
      await modal.getByLabel('检查情况').fill('财务凭证不全，未按规定公开年度工作报告');
      await modal.getByLabel('发现问题，发放整改通知书').check();
      await modal.getByLabel('整改期限').fill(rectifyBy);
      await modal.getByLabel('整改期限').press('Enter');
      // the drawn team comes pre-selected: two certified officers, each shown with its 执法证号
      const chosen = modal.locator('.ant-select-selection-item', { hasText: '执法证号' });
      await chosen.nth(1).waitFor({ timeout: T });
      const picked = await chosen.allInnerTexts();
      assert.ok(picked.length >= 2, `two officers at least, got ${picked.length}`);
      for (const o of picked) assert.match(o, /执法证号 \d{11}/);
      await modal.getByLabel('执行的检查实施清单事项').click();
      const listItem = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '（社会组织）' }).first();
      await listItem.waitFor({ timeout: T });
      assert.match(await listItem.innerText(), /（社会组织）\w{33}/);
      await listItem.click();
      await shot(page, 'orgs-spot-inspect-form-desktop');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      const link = row.getByRole('link', { name: '整改通知书' });
      await link.waitFor({ timeout: T });
      const text = await row.innerText();
      assert.match(text, /社整改〔\d{4}〕\d+号/);
      assert.match(text, /已报送互联网\+监管/);
      for (const o of picked) assert.ok(text.includes(o.split('（')[0]!), `${o} not in ${text}`);
      // the 检查行为 waits on 互联网+监管 for a reviewer of 银川市民政局, with the picked officers' certificates
      const records = (await (await page.request.get('/api/catalogue/inspection-records')).json()) as {
        number: string;
        status: string;
        inspectors: { certificateNo: string }[];
      }[];
      const rec = records.find((r) => r.number === `ORGS-SC-${spotCheckId}-${rectified.uscc}`);
      assert.equal(rec?.status, 'pending');
      assert.deepEqual(
        rec!.inspectors.map((i) => i.certificateNo),
        picked.map((o) => /执法证号 (\d{11})/.exec(o)![1]),
      );
      const pdf = await page.request.get((await link.getAttribute('href'))!);
      assert.equal(pdf.status(), 200);
      assert.match(pdf.headers()['content-type']!, /application\/pdf/);
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
      assert.deepEqual(await seriousA11yViolations(page), []);
      await scrollInto(row);
      await shot(page, 'orgs-spot-notice-desktop');
      const late = plusDays(rectifyBy, 2);
      await moveTo(page, late);
      await login(page, 'yc-mzj', PASSWORD);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
      const d = (await (await page.request.get(`/api/orgs/${rectified.id}`)).json()) as { listings: { list: string; reason: string; listedOn: string }[] };
      const l = d.listings.find((x) => x.reason === 'rectification');
      assert.deepEqual(l && { list: l.list, listedOn: l.listedOn }, { list: 'abnormal', listedOn: plusDays(rectifyBy, 1) });
      await page.goto(`/orgs/${rectified.id}`);
      await page.getByRole('tab', { name: '信用记录' }).click();
      await page.getByRole('tabpanel').getByText('未按期完成整改').first().waitFor({ timeout: T });
      await shot(page, 'orgs-rectification-missed-desktop');
    },
  );

  f.step('six months later it stays (obligation unmet); two years later it is on the 严重违法失信名单', async () => {
    const listedOn = plusDays(plusDays(today, 10), 1);
    const lists = async () => {
      await page.context().clearCookies();
      await login(page, 'yc-mzj', PASSWORD);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
      return ((await (await page.request.get(`/api/orgs/${rectified.id}`)).json()) as { lists: string[] }).lists;
    };
    await moveTo(page, plusDays(plusMonths(listedOn, 6), 1));
    const half = await lists();
    assert.ok(half.includes('abnormal') && !half.includes('serious'), half.join());
    await moveTo(page, plusDays(plusMonths(listedOn, 24), 1));
    const two = await lists();
    assert.ok(two.includes('serious') && !two.includes('abnormal'), two.join());
    await page.goto(`/portal/orgs/credit.html?q=${rectified.uscc}`);
    await page.getByRole('button', { name: '查询' }).click();
    await page
      .getByTestId('org-credit')
      .getByText(/严重违法失信名单/)
      .waitFor({ timeout: T });
    await shot(page, 'orgs-portal-credit-serious-desktop', { fullPage: true });
  });
});

describe('a phone, 390 px wide', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  f.step('the portal 复核 page by link, re-run on a phone', async () => {
    await page.goto(`/portal/orgs/spot-check.html?id=${spotCheckId}`);
    await page.getByTestId('drawn-list').locator('tbody tr[data-uscc]').first().waitFor({ timeout: T });
    await page.getByRole('button', { name: '重新抽取并比对' }).click();
    await page.getByTestId('verify-verdict').waitFor({ timeout: T });
    assert.equal(await page.getByTestId('verify-verdict').getAttribute('data-match'), 'true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await shot(page, 'orgs-portal-spot-check-phone', { fullPage: true });
  });

  f.step('the registry list on a phone fits the screen', async () => {
    // one card per organization (the 统一社会信用代码 on one line), no table, no sideways scroll
    await login(page, 'yc-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/orgs');
    const card = page.locator('.mz-wl-card').first();
    await card.waitFor({ timeout: T });
    assert.equal(await page.locator('.ant-table').count(), 0);
    assert.equal(await card.locator('.mz-ref').evaluate((e) => e.getClientRects().length), 1);
    assert.ok(await page.evaluate(() => document.scrollingElement!.scrollWidth <= 390), 'no sideways scroll on 社会组织名录');
    await page.getByTestId('next-step-hint').first().waitFor();
    await shot(page, 'orgs-list-phone');
    await page.goto('/orgs/import');
    await page.getByTestId('orgs-import').waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, 'the import page fits the screen');
    await shot(page, 'orgs-import-phone');
  });

  f.step('the console spot check on a phone: the drawn list a page at a time, with the 整改通知书', async () => {
    await page.goto('/orgs/spot-checks');
    await page.locator('.mz-dt-card', { hasText: '2026年度银川市社会组织定期抽查' }).first().click();
    const detail = page.getByTestId('spot-check-detail');
    await detail.getByRole('link', { name: '整改通知书' }).first().waitFor({ timeout: T });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await scrollInto(detail.getByTestId('spot-results'));
    await shot(page, 'orgs-spot-check-console-phone');
  });

  f.step('the portal annual-report status on a phone', async () => {
    await page.goto('/portal/orgs/annual-report.html');
    await page.getByLabel('统一社会信用代码').fill(filer.uscc);
    await page.getByLabel('年报报送码').fill(filer.code);
    await page.getByRole('button', { name: '登录' }).click();
    // two years have passed on the server's clock: the three years shown are the later ones, none reported
    await page.locator('#years li').first().getByText('尚未报送').first().waitFor({ timeout: T });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await shot(page, 'orgs-portal-annual-report-phone', { fullPage: true });
  });
});
