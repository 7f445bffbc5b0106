import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { e2eFile, login, PHONE, seriousA11yViolations, shot } from './harness.ts';

/**
 * 城乡社区 and 政策问答 on the demo data: the portal's station map (SVG over the bundled county
 * outlines) and its list, filtered to one county; a Q&A search with a “was this helpful” vote;
 * the 政策法规处 flags the answers of a repealed document in the console and they leave the portal.
 */
const PASSWORD = 'Minzheng@2019';
const T = 60_000;
const f = e2eFile('community');
const DIBAO_DOC = '宁夏回族自治区最低生活保障审核确认办法';

describe('the portal at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the station map and its list: 529 = 69 + 460, one county picked', async () => {
    await page.goto('/portal/community/');
    await page.getByTestId('station-row').first().waitFor({ timeout: T });
    const summary = await page.locator('#summary').innerText();
    assert.match(summary, /共有城乡社区综合服务站 529 个，其中城市社区 69 个、农村社区 460 个/);
    assert.equal(await page.locator('#points .pt').count(), 529);
    assert.equal(await page.locator('#map path.county').count(), 22);
    await page.getByLabel('县（市、区）').selectOption({ label: '兴庆区' });
    await page.locator('#list-status').getByText('共 20 个服务站（城市社区 12 个，农村社区 8 个）').waitFor();
    const rows = await page.getByTestId('station-row').allInnerTexts();
    assert.equal(rows.length, 20);
    assert.ok(
      rows.every((r) => r.includes('兴庆区')),
      rows[0],
    );
    await page.locator('#points .pt.urban:visible').last().click();
    await page.locator('#detail h3').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'community-portal-map-desktop', { fullPage: true });
  });

  f.step('a Q&A search finds the 低保 公示 answer, and a vote is counted', async () => {
    await page.goto(`/portal/policyqa/?q=${encodeURIComponent('低保 公示')}`);
    const entry = page.getByTestId('qa-entry').filter({ hasText: '低保申请需要公示吗' });
    await entry.waitFor({ timeout: T });
    await entry.locator('summary').click();
    await entry.getByText('公示期为7天').waitFor();
    await entry.getByRole('button', { name: '有帮助' }).click();
    await entry.getByText(/谢谢您的评价（\d+ 人认为有帮助）/).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'policyqa-portal-search-desktop', { fullPage: true });
  });
});

describe('政策法规处 flags the answers of a repealed document', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('in the console the document’s answers go to 待复核, and the portal no longer shows them', async () => {
    await login(page, 'nx-fgc', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/policyqa');
    const p = page.getByTestId('policyqa-page');
    await p.getByPlaceholder('问题、答复或政策名称').fill('低保申请需要公示吗');
    await p.getByPlaceholder('问题、答复或政策名称').press('Enter');
    const row = p.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '低保申请需要公示吗' });
    await row.waitFor({ timeout: T });
    assert.match(await row.innerText(), new RegExp(DIBAO_DOC));
    await row.getByRole('button', { name: '该文件的问答全部待复核' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '该文件的问答全部待复核' });
    await modal.getByLabel('原因（如：文件已废止）').fill('《宁夏回族自治区最低生活保障审核确认办法》已废止，待按新办法修订');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.getByText('待复核（政策已修改或废止）').waitFor({ timeout: T });
    await shot(page, 'policyqa-console-flagged-desktop');

    await page.goto(`/portal/policyqa/?q=${encodeURIComponent('低保 公示')}`);
    await page
      .locator('#status')
      .getByText(/没有找到相关问答|共 \d+ 条问答/)
      .waitFor({ timeout: T });
    assert.equal(await page.getByTestId('qa-entry').filter({ hasText: '低保申请需要公示吗' }).count(), 0);
    const left = await page.getByTestId('qa-entry').allInnerTexts();
    assert.ok(
      left.every((t) => !t.includes(DIBAO_DOC)),
      left.join('\n'),
    );
    await shot(page, 'policyqa-portal-after-repeal-desktop', { fullPage: true });
  });
});

describe('a phone, 390 px wide', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  f.step('the station map and list on a phone', async () => {
    await page.goto('/portal/community/');
    await page.getByTestId('station-row').first().waitFor({ timeout: T });
    await page.getByLabel('类别').selectOption('urban');
    await page.locator('#list-status').getByText('共 69 个服务站（城市社区 69 个，农村社区 0 个）').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'community-portal-phone');
    await shot(page, 'community-portal-phone-full', { fullPage: true });
  });

  f.step('the Q&A on a phone', async () => {
    await page.goto(`/portal/policyqa/?category=${encodeURIComponent('特困人员供养')}`);
    await page.getByTestId('qa-entry').first().waitFor({ timeout: T });
    await page.getByTestId('qa-entry').first().locator('summary').click();
    await shot(page, 'policyqa-portal-phone');
  });
});
