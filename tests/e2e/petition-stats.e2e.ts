import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { e2eFile, login, PHONE, pickOption, seriousA11yViolations, shot } from './harness.ts';

/**
 * 信访统计 dashboard: opens on the current year with the period in the URL (reload, 返回 and a shared
 * link keep it); on the demo year (2019): KPIs, the 年度报告口径 sentence with the report's figures
 * from the data, charts with data tables, drill-down by area (the grouping and the area in the URL as well), the xlsx export; axe-core on desktop
 * and at 390 px.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('petition-stats');
/** The current year by the business clock (Beijing time). */
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const sentenceOf = async (page: Page) => (await page.getByTestId('report-sentence').innerText()).replace(/\s+/g, '');
const periodOf = (page: Page) => {
  const u = new URL(page.url());
  return `${u.searchParams.get('from')}_${u.searchParams.get('to')}`;
};

async function open(page: Page, user: string) {
  await login(page, user, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
  await page.goto('/petitions/stats');
  await page.getByTestId('report-sentence').waitFor({ timeout: T });
}

/** Wait until the report sentence is that of the year. */
async function sentenceYear(page: Page, year: number) {
  await page
    .getByTestId('report-sentence')
    .filter({ hasText: new RegExp(`^\\s*${year}年1月1日至${year}年12月31日`) })
    .waitFor({ timeout: T });
}

describe('the region at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the report paragraph, KPIs, charts, drill-down and export', async () => {
    await open(page, 'nx-fgc');
    // the current year by default, written into the URL
    await sentenceYear(page, YEAR);
    await page.waitForURL((u) => u.searchParams.get('from') === `${YEAR}-01-01`, { timeout: T });
    assert.equal(periodOf(page), `${YEAR}-01-01_${YEAR}-12-31`);

    // another year: the URL follows; reload and 返回 keep the period
    await pickOption(page, page.getByRole('combobox', { name: '年度' }), '2019 年', { type: false });
    await page.waitForURL((u) => u.searchParams.get('from') === '2019-01-01', { timeout: T });
    assert.equal(periodOf(page), '2019-01-01_2019-12-31');
    await sentenceYear(page, 2019);
    await page.reload();
    await sentenceYear(page, 2019);
    assert.equal(periodOf(page), '2019-01-01_2019-12-31');
    await page.goBack();
    await sentenceYear(page, YEAR);
    await page.goForward();
    await sentenceYear(page, 2019);

    const sentence = await sentenceOf(page);
    assert.match(sentence, /^2019年1月1日至2019年12月31日，/);
    assert.match(sentence, /登记办理各类信访件63件/);
    assert.match(sentence, /接待群众来信来访53批153人次/);
    assert.match(sentence, /自治区信访局通过信访信息系统转办交办40件/);
    assert.match(sentence, /民政部信访信息系统转办信访件19件/);
    assert.match(sentence, /均已办结/);
    // each figure explains itself on keyboard focus
    await page.getByTestId('report-sentence').locator('.ps-fig').first().focus();
    await page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ hasText: 'XF-640000' }).waitFor({ timeout: T });
    await page.keyboard.press('Escape');
    await page.locator('svg').first().waitFor({ timeout: T });
    assert.ok((await page.locator('[role="img"][aria-label]').count()) >= 8, 'every chart has an accessible name');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'petition-stats-desktop');
    await shot(page, 'petition-stats-full-desktop', { fullPage: true });

    // drill down: 银川市 from the area table, then its districts
    const area = page.locator('.ps-chart').filter({ hasText: '按问题发生地' });
    await area.locator('summary').click();
    await area.getByRole('button', { name: /银川市/ }).click();
    await page.locator('.ps-trail').getByText('银川市').waitFor({ timeout: T });
    await area.getByRole('button', { name: /兴庆区/ }).waitFor({ timeout: T });
    await shot(page, 'petition-stats-drill-desktop');
    assert.equal(new URL(page.url()).searchParams.get('area'), '640100');

    // the grouping and the drill-down live in the URL too: reload and 返回/前进 restore them
    const trend = page.locator('.ps-chart').filter({ hasText: '登记件数趋势' });
    const grouped = (text: RegExp) => trend.locator('tbody th', { hasText: text }).first().waitFor({ state: 'attached', timeout: T });
    const selectedUnit = () => page.locator('.ps-filters .ant-segmented-item-selected').innerText();
    await grouped(/^2019年\d+月$/);
    await page.locator('.ps-filters .ant-segmented-item', { hasText: '季' }).click();
    await page.waitForURL((u) => u.searchParams.get('group') === 'quarter', { timeout: T });
    await grouped(/季度/);
    await page.reload();
    await grouped(/季度/);
    assert.equal(await selectedUnit(), '季');
    await page.locator('.ps-trail').getByText('银川市').waitFor({ timeout: T });
    assert.equal(new URL(page.url()).searchParams.get('area'), '640100');
    await page.goBack(); // before 季: by month, still 银川市
    await grouped(/^2019年\d+月$/);
    assert.equal(await selectedUnit(), '月');
    await page.locator('.ps-trail').getByText('银川市').waitFor({ timeout: T });
    await page.goBack(); // before the drill-down: the whole region
    await page.waitForURL((u) => !u.searchParams.has('area'), { timeout: T });
    await area.locator('summary').click(); // the table folded again on reload
    await area.getByRole('button', { name: /银川市/ }).waitFor({ timeout: T });
    assert.equal(await page.locator('.ps-trail').getByText('银川市').count(), 0);
    await page.goForward();
    await page.locator('.ps-trail').getByText('银川市').waitFor({ timeout: T });
    // 月 chosen (from 季) is kept as well
    await page.locator('.ps-filters .ant-segmented-item', { hasText: '季' }).click();
    await page.waitForURL((u) => u.searchParams.get('group') === 'quarter', { timeout: T });
    await page.locator('.ps-filters .ant-segmented-item', { hasText: '月' }).click();
    await page.waitForURL((u) => u.searchParams.get('group') === 'month', { timeout: T });
    await page.reload();
    await grouped(/^2019年\d+月$/);
    assert.equal(await selectedUnit(), '月');
    await page.locator('.ps-trail').getByText('银川市').waitFor({ timeout: T });
    await shot(page, 'petition-stats-month-after-reload-desktop');

    // export: the same figures in the workbook
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    assert.match(download.suggestedFilename(), /信访统计_银川市_2019-01-01_2019-12-31\.xlsx|petition-stats/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0]!.name, '汇总');
    const v = wb.worksheets[0]!.getSheetValues().find((r: any) => r?.[1] === '宁夏回族自治区登记办理信访件（件）') as unknown[];
    assert.equal(v[2], 63);

    // drill down by category: only that 信访类别, kept in the URL; closing the tag shows all again
    const items = async () => Number(await page.locator('.mz-stat-card').first().locator('.ant-statistic-content').innerText());
    const all = await items();
    const category = page.locator('.ps-chart').filter({ hasText: '按信访类别' });
    await category.locator('summary').click();
    const cells = await category
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()] as [string, string]));
    const top = cells.sort((a, b) => Number(b[1]) - Number(a[1]))[0]!;
    await category.getByRole('button', { name: `只看${top[0]}类信访事项` }).click();
    await page.waitForURL((u) => u.searchParams.get('category') === top[0], { timeout: T });
    await page.locator('.ps-category').getByText(`信访类别：${top[0]}`).waitFor({ timeout: T });
    await page.reload();
    await page.locator('.ps-category').getByText(`信访类别：${top[0]}`).waitFor({ timeout: T });
    await page.locator('.ps-trail').getByText('银川市').waitFor({ timeout: T });
    assert.equal(await items(), Number(top[1]));
    assert.ok(Number(top[1]) < all, `${top[0]} is a part of all (${top[1]} of ${all})`);
    await shot(page, 'petition-stats-category-desktop');
    await page.locator('.ps-category .ant-tag-close-icon').click();
    await page.waitForURL((u) => !u.searchParams.has('category'), { timeout: T });
    await page.locator('.ps-category').waitFor({ state: 'detached', timeout: T });
  });
});

describe('a county on a 390-px phone', { concurrency: false }, () => {
  const page = f.useBrowserPage({ viewport: PHONE, timeout: T });

  f.step('its own figures only, usable at 390 px', async () => {
    await open(page, 'xq-mzj');
    await sentenceYear(page, YEAR);
    assert.equal(periodOf(page), `${YEAR}-01-01_${YEAR}-12-31`);
    // a shared link opens its period
    await page.goto('/petitions/stats?from=2019-01-01&to=2019-12-31');
    await sentenceYear(page, 2019);
    const sentence = await sentenceOf(page);
    assert.match(sentence, /兴庆区民政部门登记办理各类信访件\d+件/);
    assert.ok(!sentence.includes('登记办理各类信访件63件'));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 392, `no horizontal scroll at 390 px (scrollWidth ${width})`);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'petition-stats-phone');
    await shot(page, 'petition-stats-full-phone', { fullPage: true });
  });
});
