import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_QUESTIONS } from '../../src/modules/enforcement/demo/demo-study.ts';
import { confirmPop, e2eFile, login, PHONE, seriousA11yViolations, shot } from './harness.ts';

/**
 * 学法用法 on the demo data: the 西吉县民政局's officer sees the unit's 集体学法 and statistics,
 * sits the open 自测 paper in the console (the page never holds the key), gets the server's score
 * and the 结业证明, and the officer list shows the 2019 资格考试 results. On a phone, 隆德县's
 * officer sits the same paper and fails: a score, no certificate.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('enforcement-study');
const keyOf = (stem: string) => DEMO_QUESTIONS.find((q) => q.stem === stem)!.answer;

/** Answers the paper on the page: the right key for the first `right` questions, a wrong one after. */
async function sitPaper(page: Page, right: number) {
  await page.goto('/enforcement/exams');
  // A table row on a desktop, a card on a phone (shared/DataTable).
  const row = page.locator('.ant-table-tbody tr.ant-table-row, .mz-dt-card', { hasText: '学法自测' });
  await row.getByRole('button', { name: '参加考试' }).click();
  const cards = page.getByTestId('enforcement-exam-take').locator('.mz-enf-question');
  await cards.first().waitFor({ timeout: T });
  const html = await page.content();
  assert.doesNotMatch(html, /第十一条|第六十八条/, 'the paper shows no legal basis before submission');
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    const title = (await card.locator('.ant-card-head-title').innerText()).replace(/^\d+．【.+?】/, '');
    const key = keyOf(title);
    const pick = i < right ? key : [key[0] === 'A' ? 'B' : 'A'];
    for (const letter of pick) await card.getByText(new RegExp(`^${letter}．`)).click();
  }
  return n;
}

async function submit(page: Page) {
  await page.getByTestId('exam-submit').click();
  await confirmPop(page, /交\s*卷/);
  await page.getByTestId('enforcement-attempt-page').getByTestId('exam-score').waitFor({ timeout: T });
}

describe('西吉县民政局 何建平 at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('集体学法 and the statistics of the own unit', async () => {
    await login(page, 'xj-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/enforcement/study');
    const p = page.getByTestId('enforcement-study-page');
    await p.locator('.ant-table-tbody tr.ant-table-row', { hasText: '行政执法资格考试考前辅导' }).waitFor({ timeout: T });
    assert.equal(await p.locator('.ant-table-tbody tr.ant-table-row', { hasText: '银川市' }).count(), 0, 'a county sees only its own sessions');
    await shot(page, 'enforcement-study-sessions-desktop');
    await p.getByRole('tab', { name: '学法统计' }).click();
    await p.locator('tr.ant-table-row:visible', { hasText: '西吉县民政局' }).first().waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'enforcement-study-stats-desktop', { fullPage: true });
  });

  f.step('sits the 自测 paper, sees the score and the 结业证明', async () => {
    const n = await sitPaper(page, 5);
    assert.equal(n, 6);
    await shot(page, 'enforcement-exam-paper-desktop');
    await submit(page);
    const a = page.getByTestId('enforcement-attempt-page');
    assert.equal(await a.getByTestId('exam-score').innerText(), '83 分，合格');
    const cert = a.getByTestId('exam-certificate');
    assert.match(await cert.innerText(), /结业证明[\s\S]*宁民学结〔\d{4}〕1号[\s\S]*何建平/);
    assert.match(await a.innerText(), /《社会救助暂行办法》第十一条/);
    assert.match((await a.getByTestId('certificate-pdf').getAttribute('href')) ?? '', /^\/api\/documents\/[0-9a-f-]+\.pdf$/);
    assert.equal(await page.locator('.ant-menu-item-selected').innerText(), '在线考试', 'the result page highlights 在线考试');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'enforcement-exam-result-desktop', { fullPage: true });
    await page.goto('/enforcement/exams');
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '学法自测' }).getByText('83 分，合格').waitFor({ timeout: T });
  });

  f.step('the officer list shows the 2019 资格考试 results', async () => {
    await page.goto('/enforcement/officers');
    const p = page.getByTestId('enforcement-officers-page');
    await p
      .getByText(/2019-11-16 合格/)
      .first()
      .waitFor({ timeout: T });
    await shot(page, 'enforcement-officers-qualification-desktop');
  });
});

describe('法规处 adds a question to the bank at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('新增试题: an empty form is refused in Chinese, a complete one is saved', async () => {
    await login(page, 'nx-fgc', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/enforcement/exams');
    await page.getByTestId('study-question-new').click();
    const form = page.getByTestId('study-question-form');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await form.getByText('请填写「题干」').waitFor({ timeout: T });
    await form.getByLabel('题干').fill('行政机关作出行政处罚决定前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据。');
    await form.getByLabel('选项（每行一个，依次为 A、B、C…）').fill('正确做法\n错误做法');
    await form.getByLabel('法律依据').fill('行政处罚法第四十四条');
    await form.getByRole('combobox', { name: '答案' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^A$/ }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await form.getByText(/「法律依据」应写明法律名称和条款/).waitFor({ timeout: T });
    await shot(page, 'enforcement-question-form-desktop');
    await form.getByLabel('法律依据').fill('《中华人民共和国行政处罚法》第四十四条');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await form.waitFor({ state: 'detached', timeout: T });
  });
});

describe('隆德县民政局 杨志明 on a phone (390 px)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  f.step('sits the paper and fails: a score, no certificate', async () => {
    await login(page, 'ld-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await sitPaper(page, 2);
    await shot(page, 'enforcement-exam-paper-phone');
    await submit(page);
    const a = page.getByTestId('enforcement-attempt-page');
    assert.equal(await a.getByTestId('exam-score').innerText(), '33 分，不合格');
    assert.equal(await a.getByTestId('exam-certificate').count(), 0);
    await shot(page, 'enforcement-exam-result-phone');
  });
});
