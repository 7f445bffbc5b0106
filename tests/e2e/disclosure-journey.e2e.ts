import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { PHONE, e2eFile, login, openModal, pickOption, seriousA11yViolations, shot, scrollInto } from './harness.ts';

/**
 * Issue 15's 依申请公开 journey in Chromium (test-results/screenshots/disclosure-*.png): a citizen asks
 * 兴庆区民政局 on the portal → xq-mzj asks for 补正 → the citizen corrects on the tracking page → a
 * third party is consulted (the clock pauses; the citizen sees why) → the reply comes in → 部分公开
 * within the period, the 答复书 downloaded → the yearly report shows the request in row (二)部分公开,
 * column 自然人. Last, an item another module produced (a 低保 公示/公布 list of the demo history)
 * waits as a draft in 主动公开 with a link to its source. Real server, real clock, demo data.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const CONTENT = '兴庆区2026年高龄津贴发放名单（全流程）';
const f = e2eFile('disclosure');
const { step } = f;
let refNo = '';
let queryCode = '';
let caseId = '';
let n = 0;
const snap = (page: Page, name: string, fullPage = false) => shot(page, `disclosure-${String(++n).padStart(2, '0')}-${name}`, { fullPage });
const btn = (label: string) => new RegExp(`(^|\\s)${[...label].map((c) => c.replace(/[()（）]/g, '\\$&')).join('\\s*')}$`);

async function caseAction(page: Page, label: string, fill?: (modal: Locator) => Promise<void>, shotName?: string) {
  await page
    .getByTestId('case-actions')
    .getByRole('button', { name: btn(label) })
    .click();
  const modal = openModal(page);
  await modal.waitFor();
  if (fill) await fill(modal);
  if (shotName) await snap(page, shotName);
  await modal
    .locator('.ant-modal-footer')
    .getByRole('button', { name: btn(label) })
    .click();
  await page.locator('.ant-message').getByText(`${label}成功`).last().waitFor();
  await modal.waitFor({ state: 'detached' });
}

async function track(portal: Page) {
  await portal.goto(`/portal/disclosure/track.html?ref=${encodeURIComponent(refNo)}`);
  await portal.getByLabel('查询码').fill(queryCode);
  await portal.getByRole('button', { name: '查询', exact: true }).click();
  await portal.getByTestId('track').waitFor();
  return portal.getByTestId('track');
}

describe('依申请公开 journey: portal → 补正 → 征求第三方意见 → 部分公开 → 年报', { concurrency: false }, () => {
  const portal = f.useBrowserPage({ timeout: T });
  const page = f.useBrowserPage({ timeout: T });

  step('the citizen asks 兴庆区民政局 on the portal and keeps the reference and query code', async () => {
    f.current = portal;
    await portal.goto('/portal/disclosure/apply.html');
    await portal.locator('#office option[value="640104-mzj"]').waitFor({ state: 'attached' });
    await portal.getByLabel('受理机关').selectOption('640104-mzj');
    await portal.getByLabel('姓名或名称').fill('马秀兰');
    await portal.getByLabel('联系方式').fill('13995112233');
    await portal.getByLabel('所需政府信息的名称、文号或特征性描述').fill('高龄津贴名单');
    assert.deepEqual(await seriousA11yViolations(portal), []);
    await snap(portal, 'portal-apply', true);
    await portal.getByRole('button', { name: '提交申请' }).click();
    await portal.getByTestId('submitted').waitFor();
    refNo = (await portal.locator('#done-ref').innerText()).trim();
    queryCode = (await portal.locator('#done-code').innerText()).trim();
    assert.match(refNo, /^XXGK-640104-\d{4}-\d{6}$/);
    await snap(portal, 'portal-submitted');
  });

  step('xq-mzj finds it in the 依申请公开 list and asks for 补正 (one notice)', async () => {
    f.current = page;
    await login(page, 'xq-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/disclosure/requests');
    const row = page.locator('.ant-table-row', { hasText: refNo });
    await row.waitFor();
    await snap(page, 'console-requests');
    await row.getByRole('link', { name: refNo }).click();
    await page.waitForURL('**/cases/*');
    caseId = page.url().split('/cases/')[1]!;
    await caseAction(
      page,
      '一次性告知补正',
      (m) => m.getByLabel('需要补正的事项（一次性告知）').fill('请写明高龄津贴的发放年度和所在街道。'),
      'console-correction',
    );
  });

  step('the citizen sees why the clock pauses and sends the corrected request', async () => {
    f.current = portal;
    const box = await track(portal);
    assert.match(await box.getByTestId('pause').innerText(), /补正/);
    await portal.getByLabel('补正后的申请内容').fill(CONTENT);
    await snap(portal, 'portal-correct', true);
    await portal.getByRole('button', { name: '提交补正' }).click();
    await portal.getByText('已收到，正在办理').first().waitFor();
  });

  step('xq-mzj consults the third party: the clock pauses, the citizen is told why (desktop and phone)', async () => {
    f.current = page;
    await page.reload();
    await caseAction(page, '书面征求第三方意见', async (m) => {
      await m.getByLabel('第三方名称').fill('名单所列老年人');
      await m.getByLabel('征求意见的事项').fill('是否同意公开姓名和发放金额');
    });
    f.current = portal;
    const box = await track(portal);
    assert.match(await box.getByTestId('pause').innerText(), /征求第三方意见.*不计算在答复期限内/);
    assert.deepEqual(await seriousA11yViolations(portal), []);
    await snap(portal, 'portal-paused', true);
    await portal.setViewportSize(PHONE);
    await track(portal);
    const overflow = await portal.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await snap(portal, 'portal-paused-phone', true);
    await portal.setViewportSize({ width: 1366, height: 768 });
  });

  step('the reply comes in; xq-mzj answers 部分公开 within the period', async () => {
    f.current = page;
    await page.reload();
    await caseAction(page, '收到第三方意见（或逾期未提出）', (m) => pickOption(page, m.getByLabel('第三方意见'), '不同意公开'));
    await caseAction(
      page,
      '答复（出具答复书）',
      async (m) => {
        await pickOption(page, m.getByLabel('答复类型'), '部分公开', { type: true });
        await m.getByLabel('答复内容').fill('特此告知。');
        await m.getByLabel('予以公开的部分').fill('享受高龄津贴人数和发放总额');
        await m.getByLabel('不予公开的部分').fill('老年人姓名、身份证号码');
        await m.getByLabel('理由及依据').fill('第三方不同意公开，公开会损害其合法权益（第十五条）');
      },
      'console-answer',
    );
    const c = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as { clocks: Array<{ name: string; state: string }> };
    assert.equal(c.clocks.find((k) => k.name === 'answer')?.state, 'met');
  });

  step('the citizen downloads the 答复书', async () => {
    f.current = portal;
    const box = await track(portal);
    assert.match(await box.innerText(), /部分公开/);
    const [download] = await Promise.all([portal.waitForEvent('download'), box.getByTestId('download-answer').click()]);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await snap(portal, 'portal-answered', true);
  });

  step('the yearly report counts it in (二)部分公开 × 自然人, drillable to the request', async () => {
    f.current = page;
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    await page.goto('/disclosure/annual');
    const p = page.getByTestId('disclosure-annual');
    await p.getByLabel('年度').fill(String(year));
    await p.getByLabel('年度').press('Enter');
    await p.getByTestId('cross-check').waitFor();
    const header = await p.getByTestId('request-table').locator('.ant-table-thead th').allInnerTexts();
    const col = header.findIndex((h) => h.trim() === '自然人');
    const row = p.getByTestId('request-table').locator('.ant-table-row', { hasText: '（二）部分公开' });
    const cell = row.locator('td').nth(col);
    assert.ok(Number(await cell.innerText()) >= 1, await row.innerText());
    await cell.getByRole('button').click();
    await page.locator('.ant-drawer').getByRole('link', { name: caseId }).waitFor();
    await snap(page, 'console-annual');
    // 二、主动公开: the 30号 tables of 第二十条 (一)(五)(六)(八) from the modules' data, above the category table.
    await page.locator('.ant-drawer-close').click();
    await p.getByTestId('annual-decisions').getByText('行政许可').waitFor();
    await scrollInto(p.getByTestId('annual-documents').getByText('行政规范性文件'));
    await snap(page, 'console-annual-acts');
  });

  step('主动公开: a 低保 list the dibao module produced waits for review, linked to its source (desktop and phone)', async () => {
    f.current = page;
    await page.goto('/disclosure/items');
    const p = page.getByTestId('disclosure-items');
    await p.getByLabel('名称、索引号').fill('最低生活保障');
    await p.getByLabel('名称、索引号').press('Enter');
    const row = p.locator('.ant-table-row', { has: page.getByTestId('item-source') }).first();
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /待审核发布/);
    assert.match(text, /低保(公示|公布)/);
    assert.match(text, /640104[^/]*\/\d{4}-\d{5}/);
    await snap(page, 'console-fed-item');
    await page.setViewportSize(PHONE);
    // a card on a phone, with the same link to its source
    await p
      .locator('.mz-dt-card', { has: page.getByTestId('item-source') })
      .first()
      .waitFor();
    await snap(page, 'console-fed-item-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    await row.getByTestId('item-source').click();
    await page.waitForURL('**/cases/*');
    await page.getByTestId('case-ref').waitFor();
    assert.match(await page.getByTestId('case-ref').innerText(), /^\S+-640104/);
  });
});
