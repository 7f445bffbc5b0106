import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import JSZip from 'jszip';
import { e2eFile, login, seriousA11yViolations, shot, signInToWorklist } from './harness.ts';

/**
 * 年度报告 (issue 16) through the console on the demo year 2019: 政策法规处 (nx-fgc) sees the
 * figures with their 口径, opens the records behind a number, edits the template, generates the
 * report and downloads the docx (its text checked) and the PDF.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('annual-report');
const ADDED = '本段由端到端测试补充。';

describe('政策法规处 at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('figures with their rule; a number opens its records', async () => {
    await login(page, 'nx-fgc', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/report?year=2019');
    const total = page.getByTestId('figure-petitions.total');
    await total.waitFor({ timeout: T });
    assert.match(await page.locator('main').innerText(), /本级机关登记/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'annual-report-figures');
    const n = Number((await total.innerText()).trim());
    assert.ok(n > 0);
    await total.click();
    const rows = page.getByTestId('records-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: T });
    assert.match(await rows.first().innerText(), /XF-640000-2019-/);
    await shot(page, 'annual-report-records');
    await page.keyboard.press('Escape');
  });

  f.step('edits the template, generates the report and downloads the docx', async () => {
    await page.getByRole('tab', { name: '报告模板' }).click();
    const para = page.getByTestId('paragraph-1-1');
    await para.waitFor({ timeout: T });
    await para.fill(`${await para.inputValue()}${ADDED}`);
    await page.getByTestId('save-template').click();
    await page.getByText('模板已保存为第 1 版').waitFor({ timeout: T });
    await page.getByRole('tab', { name: '生成报告' }).click();
    await page.getByTestId('generate-report').click();
    const preview = page.getByTestId('report-preview');
    await preview.waitFor({ timeout: T });
    const text = (await preview.innerText()).replace(/\s+/g, '');
    assert.ok(text.includes(ADDED), 'staff text kept');
    assert.match(text, /民政厅登记办理各类信访件\d+件/);
    assert.ok(!text.includes('{{'), 'every placeholder filled');
    await shot(page, 'annual-report-generated', { fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), preview.getByTestId('download-docx').click()]);
    assert.match(download.suggestedFilename(), /2019年法治政府建设情况报告.*\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.ok(xml.includes('宁夏回族自治区民政厅文件'));
    assert.ok(xml.includes(ADDED));
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: T }), preview.getByTestId('download-pdf').click()]);
    assert.match(pdf.suggestedFilename(), /2019年法治政府建设情况报告.*\.pdf$/);
    assert.equal(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
    );
  });

  f.step('数据概览: the region by kind of matter, the months of 2019 and the cities; a city opens its counties', async () => {
    await page.goto('/dashboard?year=2019');
    const board = page.getByTestId('dashboard');
    await board.getByText('2019 年各月登记数').waitFor({ timeout: T });
    const kinds = await board.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    assert.ok(
      kinds.some((k) => k.includes('信访')),
      kinds.join('|'),
    );
    assert.ok(await board.locator('svg').count(), 'the trend chart is drawn');
    // 同比: 2019 against 2018 on each headline figure, and the region's table is its cities.
    assert.match(await board.getByTestId('dashboard-yoy-registered').innerText(), /上年同期 \d+/);
    await board.getByText('各市', { exact: true }).waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'dashboard-region', { fullPage: true });
    await board.getByTestId('dashboard-area-640100').click();
    await board
      .getByRole('heading', { name: '银川市' })
      .or(board.getByText('银川市', { exact: true }).first())
      .waitFor({ timeout: T });
    await board.getByTestId('dashboard-area-640104').waitFor({ timeout: T });
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'dashboard-city-phone', { fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  f.step('数据概览 as a township: its own view with its pending 低保 applications and their deadlines', async () => {
    await signInToWorklist(page, 'ld-cgz', PASSWORD);
    await page.goto('/dashboard');
    const board = page.getByTestId('dashboard');
    await board.getByText('本乡镇（街道）数据概览').waitFor({ timeout: T });
    await board.getByTestId('dashboard-township-pending').locator('.ant-table').waitFor({ timeout: T });
    await shot(page, 'dashboard-township', { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'dashboard-township-phone', { fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
