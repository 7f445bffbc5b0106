import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eFile, login, seriousA11yViolations, shot } from './harness.ts';

/**
 * 建议提案 in the console on the demo data: the list with the 2019 figures (7 / 47 / 21 / 26, 100%),
 * then the current 政协提案 第0207号 (主办 政策法规处, two 协办 offices) with its panel, where a 面商 is
 * recorded.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('proposals');

async function open(page: Page, user: string) {
  await login(page, user, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
  await page.goto('/proposals');
  await page.getByTestId('proposals-page').waitFor({ timeout: T });
}

describe('政策法规处 at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the list and the 2019 figures', async () => {
    await open(page, 'nx-fgc');
    const year = page.getByRole('spinbutton', { name: '年度' }).first();
    await year.fill('2019');
    await year.press('Enter');
    await page.getByText('政协提案·协办').waitFor({ timeout: T });
    const text = (await page.getByTestId('proposals-page').innerText()).replace(/\s+/g, '');
    assert.match(text, /件数54/);
    assert.match(text, /人大代表建议·主办7/);
    assert.match(text, /政协提案·主办21/);
    assert.match(text, /政协提案·协办26/);
    assert.match(text, /按期答复率100%/);
    assert.match(text, /满意率100%/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'proposals-list-desktop');
  });

  f.step('the case panel of a 主办 proposal with two 协办 offices; a 面商 recorded', async () => {
    await page.getByPlaceholder('编号、标题或代表委员').fill('第0207号');
    await page.getByPlaceholder('编号、标题或代表委员').press('Enter');
    await page.getByRole('link', { name: /法律援助/ }).click();
    const panel = page.getByTestId('proposal-panel');
    await panel.waitFor({ timeout: T });
    await panel.getByText('社会救助处意见').waitFor({ timeout: T });
    await panel.getByText('尚未送协办意见').waitFor({ timeout: T });
    await shot(page, 'proposals-case-desktop', { fullPage: true });
    await panel.getByLabel('日期').click();
    await page
      .locator(
        '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-now-btn, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-today-btn',
      )
      .first()
      .click();
    await panel.getByLabel('方式').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('电话沟通').click();
    await panel.getByLabel('参加人员').fill('李文静、海玉梅委员');
    await panel.getByLabel('内容').fill('电话沟通办理进展');
    await panel.getByTestId('proposal-record').click();
    await panel.getByText('电话沟通办理进展').waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'proposals-case-recorded-desktop', { fullPage: true });
  });
});
