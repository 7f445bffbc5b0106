import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { e2eFile, login, PHONE, pickOption, seriousA11yViolations, shot } from './harness.ts';

/**
 * 政务服务事项 on the demo data: the 政策法规处 clerk drafts a new catalogue version (a copy of the
 * published 119 items plus one new item) and submits it; the 处 leader publishes it; the 西吉县
 * 民政局 sees in the 四级四同 check what its list lacks, adopts the new version, and the check then
 * shows only the items it dropped itself. The power list as of 2019-12-31 gives the report's 81.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('catalogue');
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const NEW_ITEM = '社会救助家庭经济状况核对';

async function open(page: Page, user: string, path: string, testId: string) {
  await login(page, user, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
  await page.goto(path);
  await page.getByTestId(testId).waitFor({ timeout: T });
}

describe('政策法规处 drafts a version at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('copies the published catalogue, adds an item, submits it for review', async () => {
    await open(page, 'nx-fgc', '/catalogue', 'catalogue-versions-page');
    const p = page.getByTestId('catalogue-versions-page');
    await p.getByText('2019年版全区民政系统政务服务事项基本目录').waitFor({ timeout: T });
    await p.getByLabel('名称').fill('2026年版全区民政系统政务服务事项基本目录');
    await p.getByLabel('生效日期').fill(TODAY);
    await p.getByLabel('名称').click(); // blur: the picker takes the typed date
    await p.getByRole('button', { name: '复制当前发布版本' }).click();
    await p.getByText('第2版 2026年版全区民政系统政务服务事项基本目录').waitFor({ timeout: T });
    await p.getByLabel('基本编码').fill('002011070000');
    await p.getByLabel('事项名称').fill(NEW_ITEM);
    await pickOption(page, p.getByLabel('事项类型'), '20 公共服务', { type: false });
    await p.getByLabel('法律依据').fill('《社会救助暂行办法》第六十条');
    await p.getByRole('button', { name: '新增事项' }).click();
    await p.getByRole('button', { name: '提交审核' }).click();
    await p.locator('.ant-tag', { hasText: '待审核' }).waitFor({ timeout: T });
    const v = (await (await page.request.get('/api/catalogue/versions')).json()) as { number: number; itemCount: number; status: string }[];
    assert.deepEqual(
      v.map((x) => [x.number, x.itemCount, x.status]),
      [
        [2, 120, 'pending'],
        [1, 119, 'published'],
      ],
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'catalogue-version-submitted-desktop', { fullPage: true });
  });
});

describe('the 处 leader publishes it', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('reviews and publishes version 2', async () => {
    await open(page, 'nx-fgc-lead', '/catalogue', 'catalogue-versions-page');
    const p = page.getByTestId('catalogue-versions-page');
    await p.getByText('2026年版全区民政系统政务服务事项基本目录').click();
    await p.getByRole('button', { name: '审核通过并发布' }).click();
    await p.locator('.ant-table-row', { hasText: '2026年版' }).locator('.ant-tag', { hasText: '已发布' }).waitFor({ timeout: T });
    await shot(page, 'catalogue-version-published-desktop');
  });
});

describe('西吉县民政局 adopts it', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the 四级四同 check shows what the county lacks, including the new item', async () => {
    await open(page, 'xj-mzj', '/catalogue/diff', 'catalogue-diff-page');
    const p = page.getByTestId('catalogue-diff-page');
    await p.getByRole('tab', { name: /漏项 4/ }).waitFor({ timeout: T });
    await p.getByText(NEW_ITEM).waitFor({ timeout: T });
    await shot(page, 'catalogue-diff-before-desktop', { fullPage: true });
  });

  f.step('generates the list from the published version; the check then shows only the three dropped items', async () => {
    await page.goto('/catalogue/lists');
    const p = page.getByTestId('catalogue-lists-page');
    await p.getByRole('button', { name: '按已发布目录生成/更新清单' }).click();
    await p.getByText('已新增 1 项').waitFor({ timeout: T });
    await shot(page, 'catalogue-list-adopted-desktop');
    await page.goto('/catalogue/diff');
    const d = page.getByTestId('catalogue-diff-page');
    await d.getByRole('tab', { name: /漏项 3/ }).waitFor({ timeout: T });
    assert.equal(await d.getByText(NEW_ITEM).count(), 0);
    for (const name of ['结婚登记', '复婚登记', '离婚登记预约']) await d.getByRole('cell', { name, exact: true }).waitFor({ timeout: T });
    await shot(page, 'catalogue-diff-after-desktop', { fullPage: true });
  });
});

/** The office's template (its list) with `edit` applied, as xlsx bytes. */
async function editedTemplate(page: Page, officeId: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const res = await page.request.get(`/api/catalogue/offices/${officeId}/list-template.xlsx`);
  assert.equal(res.status(), 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as never);
  edit(wb.getWorksheet('实施清单')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('西吉县民政局 imports its list from xlsx', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('a file with a wrong row is refused whole, each bad row named; a clean one restores 结婚登记', async () => {
    await open(page, 'xj-mzj', '/catalogue/lists', 'catalogue-lists-page');
    const offices = (await (await page.request.get('/api/catalogue/offices')).json()) as { id: string; areaCode: string; uscc: string }[];
    const office = offices.find((o) => o.areaCode === '640422')!;
    const version = ((await (await page.request.get('/api/catalogue/versions')).json()) as { id: string; status: string }[]).find(
      (v) => v.status === 'published',
    )!;
    const items = ((await (await page.request.get(`/api/catalogue/versions/${version.id}`)).json()) as { items: any[] }).items;
    const marriage = items.find((i) => i.name === '结婚登记');
    const addMarriage = (ws: ExcelJS.Worksheet) =>
      ws.addRow([
        `${office.uscc}4${marriage.baseCode}`,
        marriage.baseCode,
        marriage.name,
        '07',
        marriage.legalBasis,
        '',
        '申请书、身份证件',
        '',
        '',
        '即办件',
        '在线预审',
        '1',
        '',
        '婚姻登记窗口',
        '是',
      ]);
    const bad = await editedTemplate(page, office.id, (ws) => {
      ws.getRow(2).getCell(3).value = '改过名的事项';
      ws.getRow(3).getCell(12).value = '9';
      addMarriage(ws);
    });
    const input = page.getByTestId('catalogue-list-import').locator('input[type=file]');
    await input.setInputFiles({ name: '西吉县实施清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    const alert = page.getByTestId('catalogue-list-import').getByRole('alert');
    await alert.getByText(/有 2 行有误，整个文件均未导入/).waitFor({ timeout: T });
    await alert.getByText(/「事项名称」与基本目录不一致/).waitFor();
    await alert.getByRole('link', { name: '下载错误说明（xlsx）' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'catalogue-list-import-refused-desktop', { fullPage: true });
    const good = await editedTemplate(page, office.id, addMarriage);
    await input.setInputFiles({ name: '西吉县实施清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await page
      .getByTestId('catalogue-list-import')
      .getByText(/导入成功：共 \d+ 行，新增 1 项/)
      .waitFor({ timeout: T });
    await shot(page, 'catalogue-list-import-applied-desktop');
  });
});

describe('the list page and its import on a phone (390 px)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  f.step('the import buttons fit the screen', async () => {
    await open(page, 'xj-mzj', '/catalogue/lists', 'catalogue-lists-page');
    await page.getByRole('button', { name: '导入实施清单（xlsx）' }).waitFor({ timeout: T });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await shot(page, 'catalogue-list-import-phone', { fullPage: true });
  });
});

describe('the region’s power list and 四级四同 check', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('81 powers in force on 2019-12-31; the region’s check names the mismatched fields', async () => {
    await open(page, 'nx-fgc', '/catalogue/powers', 'catalogue-powers-page');
    const p = page.getByTestId('catalogue-powers-page');
    await p.getByLabel('在册日期').fill('2019-12-31');
    await p.getByLabel('在册日期').press('Enter');
    await p.getByTestId('power-counts').getByText('合计 81：许可 7，处罚 62，强制 3，检查 2，确认 3，奖励 2，裁决 2').waitFor({ timeout: T });
    await shot(page, 'catalogue-powers-desktop');
    await page.goto('/catalogue/diff');
    const d = page.getByTestId('catalogue-diff-page');
    await d.getByRole('tab', { name: /错项 3/ }).click();
    await d.getByRole('cell', { name: '结婚登记（含补办）' }).waitFor({ timeout: T });
    await shot(page, 'catalogue-diff-region-wrong-desktop', { fullPage: true });
  });
});
