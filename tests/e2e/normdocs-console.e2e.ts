import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { e2eFile, login, seriousA11yViolations, shot } from './harness.ts';

/**
 * 规范性文件 in the console on the demo data: the register with 宁民规发 numbers, then the document in
 * 征求意见 (政策法规处's own 民政行政执法程序规定) with its panel, where the pending comment is disposed of.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('normdocs');

describe('政策法规处 at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the register with numbers and stages', async () => {
    await login(page, 'nx-fgc', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/normdocs');
    await page.getByTestId('normdocs-page').waitFor({ timeout: T });
    await page.getByText('宁民规发〔2019〕1号').waitFor({ timeout: T });
    const text = await page.getByTestId('normdocs-page').innerText();
    assert.match(text, /征求意见中/);
    assert.match(text, /已备案（施行）/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'normdocs-list-desktop');
  });

  f.step('the case panel: gate evidence, versions, a comment disposed of', async () => {
    await page.getByPlaceholder('文号、标题或起草单位').fill('执法程序');
    await page.getByPlaceholder('文号、标题或起草单位').press('Enter');
    await page.getByRole('link', { name: /民政行政执法程序规定/ }).click();
    const panel = page.getByTestId('normdoc-panel');
    await panel.waitFor({ timeout: T });
    await panel.getByText('建议进一步明确办理时限').waitFor({ timeout: T });
    await shot(page, 'normdocs-case-desktop', { fullPage: true });
    await panel.getByLabel('处理结果').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('部分采纳').click();
    await panel.getByLabel('理由').fill('办理时限已在第六条明确，材料清单另行公布');
    await panel.getByRole('button', { name: /处\s*理/ }).click();
    await panel.getByText('材料清单另行公布').waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'normdocs-case-disposed-desktop', { fullPage: true });
  });
});
