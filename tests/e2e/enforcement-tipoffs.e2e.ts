import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, e2eFile, login, openModal, pickOption, seriousA11yViolations, shot } from './harness.ts';

/**
 * 举报 journey (test-results/screenshots/tipoffs-*.png): a citizen reports a 社会团体 to 西吉县民政局 on the
 * portal (390 px) and keeps the reference and 查询码; xj-mzj (1366×768) verifies it and decides 不予立案 with
 * reasons, then replies; the citizen reads the reply by 查询码. A call registered in the console is verified and
 * 立案 files the penalty case. The clerk never sees the informant; the unit's leader 马德福 opens it (audited).
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('tipoffs');
const { step } = f;
let refNo = '';
let queryCode = '';
let n = 0;
const snap = (page: Page, name: string, fullPage = false) => shot(page, `tipoffs-${String(++n).padStart(2, '0')}-${name}`, { fullPage });

async function openTipoff(page: Page, text: string) {
  await page.goto('/enforcement/tipoffs');
  const row = page.locator('.ant-table-row', { hasText: text }).first();
  await row.waitFor();
  await row.getByRole('link').first().click();
  await page.getByTestId('tipoff-facts').waitFor();
}

async function submitStep(page: Page, fill: () => Promise<void>, shotName?: string) {
  const card = page.getByTestId('tipoff-step');
  const title = await card.locator('.ant-card-head-title').innerText();
  await fill();
  if (shotName) await snap(page, shotName, true);
  await card.getByTestId('tipoff-submit').click();
  await page.getByTestId('tipoff-step').locator('.ant-card-head-title', { hasNotText: title }).or(page.getByText('已答复办结')).first().waitFor();
}

describe('举报: portal → 核查 → 不予立案 → 答复 → 查询; 来电 → 立案', { concurrency: false }, () => {
  const portal = f.useBrowserPage({ timeout: T, viewport: PHONE });
  const page = f.useBrowserPage({ timeout: T, viewport: DESKTOP });

  step('the citizen reports on the portal (390 px) and keeps the reference and 查询码', async () => {
    f.current = portal;
    await portal.goto('/portal/enforcement/report.html');
    await portal.locator('#office option[value="640422-mzj"]').waitFor({ state: 'attached' });
    await portal.getByRole('button', { name: '提交举报' }).click();
    await portal.locator('#error-summary').waitFor();
    assert.match(await portal.locator('#error-summary').innerText(), /请选择受理机关/);
    await portal.getByLabel('受理机关').selectOption('640422-mzj');
    await portal.getByLabel('被举报对象').fill('西吉县某某文化传播协会');
    await portal.getByLabel('举报内容').fill('该协会以“文化下乡”名义向农户收取培训费，每户 500 元，收费后未组织培训。');
    await portal.getByLabel('您的姓名（选填，保密）').fill('马秀英');
    await portal.getByLabel('联系电话（选填，保密）').fill('13995470011');
    assert.deepEqual(await seriousA11yViolations(portal), []);
    await snap(portal, 'portal-report-390', true);
    await portal.getByRole('button', { name: '提交举报' }).click();
    await portal.getByTestId('submitted').waitFor({ timeout: 60_000 });
    refNo = (await portal.locator('#done-ref').innerText()).trim();
    queryCode = (await portal.locator('#done-code').innerText()).trim();
    assert.match(refNo, /^JB-640422-\d{4}-\d{5}$/);
    await snap(portal, 'portal-submitted-390', true);
  });

  step('xj-mzj sees it in the list without the informant, records 核查 and decides 不予立案 with reasons, then replies', async () => {
    f.current = page;
    await login(page, 'xj-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/enforcement/tipoffs');
    await page.locator('.ant-table-row', { hasText: refNo }).waitFor();
    assert.equal(await page.getByText('马秀英').count(), 0);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await snap(page, 'console-list');
    await openTipoff(page, refNo);
    assert.equal(await page.getByTestId('reveal-informant').count(), 0);
    assert.equal(await page.getByText('13995470011').count(), 0);
    await submitStep(page, () => page.getByLabel('核查情况').fill('经实地核查，培训已于举报后组织完成，收费标准经会员大会通过并公示。'), 'verify-form');
    await submitStep(page, () => page.getByLabel('理由').fill('经核查，举报反映的问题查无实据，不符合立案条件。'), 'decide-form');
    await submitStep(page, () => page.getByLabel('答复内容').fill('经核查，您反映的问题查无实据，决定不予立案。感谢您的监督。'));
    await page.getByText('已答复办结').first().waitFor();
    await snap(page, 'detail-closed', true);
  });

  step('the citizen reads the outcome and the reply by 查询码 (390 px)', async () => {
    f.current = portal;
    await portal.goto(`/portal/enforcement/track.html?ref=${encodeURIComponent(refNo)}`);
    await portal.getByLabel('查询码').fill('WRONGCODE');
    await portal.getByRole('button', { name: '查询', exact: true }).click();
    await portal.locator('#error-summary').getByText('查询码不正确').waitFor();
    await portal.getByLabel('查询码').fill(queryCode);
    await portal.getByRole('button', { name: '查询', exact: true }).click();
    const r = portal.getByTestId('track');
    await r.getByText('不予立案', { exact: true }).waitFor();
    assert.match(await r.innerText(), /查无实据，决定不予立案/);
    assert.doesNotMatch(await r.innerText(), /实地核查/);
    assert.deepEqual(await seriousA11yViolations(portal), []);
    await snap(portal, 'portal-reply-390', true);
  });

  step('a call registered in the console: 查询码 once; 核查; 立案 files the penalty case', async () => {
    f.current = page;
    await page.goto('/enforcement/tipoffs');
    await page.getByTestId('tipoff-receive').click();
    const m = openModal(page);
    await pickOption(page, m.getByLabel('受理方式'), '来电');
    await m.getByLabel('被举报对象').fill('西吉县某某健身协会');
    await m.getByLabel('举报内容').fill('该协会在章程规定的业务范围以外开展收费健身培训。');
    await snap(page, 'receive-modal');
    await m.getByRole('button', { name: /确\s*定|OK/ }).click();
    const ok = page.locator('.ant-modal-confirm');
    await ok.getByText('查询码').waitFor();
    await ok.getByRole('button').click();
    await openTipoff(page, '西吉县某某健身协会');
    await submitStep(page, () => page.getByLabel('核查情况').fill('调取收费记录 20 份，超范围开展收费培训属实。'));
    await submitStep(
      page,
      async () => {
        await page.getByLabel('立案', { exact: true }).check();
        await page.getByLabel('理由', { exact: true }).fill('有证据初步证明存在违法事实，属于本机关管辖，在追责时效内。');
        await pickOption(page, page.getByLabel('执法事项'), 'MZ-XZCF-001');
        await page.getByLabel('违法行为', { exact: true }).fill('超出章程规定的业务范围开展收费健身培训');
        await page.getByLabel('违法行为日期').fill('2026-10-20');
        await page.getByLabel('违法行为日期').press('Enter');
        await page.getByLabel('立案依据（符合立案标准的理由）').fill('举报经核查属实，有证据初步证明存在违法事实');
      },
      'file-case-form',
    );
    await page.getByTestId('tipoff-facts').getByRole('link').waitFor();
    assert.match(await page.getByTestId('tipoff-facts').innerText(), /立案/);
    await snap(page, 'detail-filed', true);
  });

  step('the console list at 390 px', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/enforcement/tipoffs');
    await page.locator('.mz-dt-card').first().waitFor();
    assert.equal(await page.locator('.ant-table').count(), 0, 'cards, not a table');
    await snap(page, 'console-list-390');
    await page.setViewportSize(DESKTOP);
  });
});

describe('马德福, leader of the handling unit, opens the informant (audited)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: DESKTOP });
  step('the reveal button shows the name and phone', async () => {
    await login(page, 'xj-mzj-lead', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await openTipoff(page, refNo);
    await page.getByTestId('reveal-informant').click();
    await page.getByTestId('informant').getByText('马秀英').waitFor();
    await snap(page, 'informant-revealed');
  });
});
