import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { chinaDate } from '../../src/platform/china-time.ts';
import { confirmPop, e2eFile, login, PHONE, pickOption, seriousA11yViolations, shot, scrollInto } from './harness.ts';

/**
 * 规范性文件清理 (issue 14): 政策法规处 sees the demo's 2019 clean-up (closed, all 继续有效), opens a new
 * one — today's documents in force are listed —, concludes each (继续有效 / 废止, with reasons), closes
 * it, and the 废止 document has left the register's force; the result is on the portal (desktop and
 * 390 px). The demo data has 宁民规发〔YYYY〕1号 (备案) and 2号 (公布) in force today.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('normdocs-cleanup');

describe('规范性文件清理 at 1366×768 and 390 px', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });
  const phone = f.useBrowserPage({ timeout: T, viewport: PHONE });
  let year = '';

  f.step('the demo’s 2019 clean-up; a new one lists the documents in force', async () => {
    await login(page, 'nx-fgc', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/normdocs/cleanups');
    const card = page.getByTestId('cleanup-card');
    await card.getByText('宁民规发〔2019〕4号').waitFor({ timeout: T });
    assert.equal(await card.getByText('继续有效', { exact: true }).count(), 4);
    await page.getByTestId('cleanup-new').click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('清理名称').fill('本年度规范性文件专项清理');
    await modal.getByLabel('清理依据').fill('自治区司法厅关于开展行政规范性文件专项清理的通知');
    // The server's today is the China date.
    await modal.getByLabel('清理基准日').fill(chinaDate(new Date()));
    await modal.getByLabel('清理基准日').press('Enter');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await card.getByText('进行中').first().waitFor({ timeout: T });
    const numbers = await card.locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts();
    assert.equal(numbers.length, 2, numbers.join('|'));
    year = /〔(\d{4})〕/.exec(numbers[0]!)![1]!;
    assert.deepEqual(numbers, [`宁民规发〔${year}〕1号`, `宁民规发〔${year}〕2号`]);
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  f.step('each gets a conclusion with reasons; closing is refused until all have one, then 废止 takes effect', async () => {
    const card = page.getByTestId('cleanup-card');
    const one = `宁民规发〔${year}〕1号`;
    const two = `宁民规发〔${year}〕2号`;
    await pickOption(page, card.getByLabel(`清理结论 ${one}`), '继续有效', { type: false });
    await card.getByLabel(`理由 ${one}`).fill('符合现行法律法规和工作实际');
    await card.getByTestId(`cleanup-save-${one}`).click();
    await page.getByText('已保存结论').first().waitFor({ timeout: T });
    await card.getByTestId('cleanup-close').click();
    await confirmPop(page, /确\s*定|OK/);
    await card.getByRole('alert').getByText('尚有 1 件').waitFor({ timeout: T });
    await pickOption(page, card.getByLabel(`清理结论 ${two}`), '废止', { type: false });
    await card.getByLabel(`理由 ${two}`).fill('已被新出台的办法代替');
    await card.getByTestId(`cleanup-save-${two}`).click();
    await card.getByText('（2 / 2）').waitFor({ timeout: T });
    await shot(page, 'normdocs-cleanup-concluded-desktop', { fullPage: true });
    await card.getByTestId('cleanup-close').click();
    await confirmPop(page, /确\s*定|OK/);
    await card.getByText(/已完成 \d{4}-\d{2}-\d{2}/).waitFor({ timeout: T });
    await shot(page, 'normdocs-cleanup-closed-desktop', { fullPage: true });
    await page.goto('/normdocs');
    await page.getByLabel('文号、标题或起草单位').fill(two);
    await page.getByLabel('文号、标题或起草单位').press('Enter');
    await page.getByText('已废止').first().waitFor({ timeout: T });
  });

  f.step('the result on the portal and the console at 390 px', async () => {
    await phone.goto('/portal/normdocs/');
    const k = phone.getByTestId('cleanup').filter({ hasText: '本年度规范性文件专项清理' });
    await k.getByText('已被新出台的办法代替').waitFor({ timeout: T });
    await scrollInto(k);
    await shot(phone, 'normdocs-cleanup-portal-phone', { fullPage: true });
    await login(phone, 'nx-fgc', PASSWORD);
    await phone.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await phone.goto('/normdocs/cleanups');
    await phone.getByTestId('cleanup-card').getByText('已被新出台的办法代替').waitFor({ timeout: T });
    await shot(phone, 'normdocs-cleanup-phone', { fullPage: true });
  });
});
