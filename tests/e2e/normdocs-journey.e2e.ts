import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { chinaDate } from '../../src/platform/china-time.ts';
import { e2eFile, login, PHONE, pickOption, seriousA11yViolations, shot } from './harness.ts';

/**
 * 规范性文件, the journey of issue 14: 政策法规处 drafts a document; 送合法性审核 without a consultation is
 * refused; the consultation runs on the portal where a citizen comments (desktop and phone); the comment
 * is disposed of; 合法性审核 sends it back with the checklist; a new version (diff shown); passed; the
 * meeting and the head's 会签; 政策法规处签字, 签发, 宁民规发〔YYYY〕1号, 公布, 备案; a second document gets 2
 * even after a rolled-back attempt. The server's clock is moved forward by the test (normdocs-server.ts).
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('normdocs-journey', { serverModule: './tests/e2e/normdocs-server.ts' });
const CITIZEN = '<b>建议</b>第三条增加“办理时限不超过十五个工作日”';
const CHECKLIST = [
  '制定主体合法',
  '未超越法定职权',
  '内容合法，与上位法不抵触',
  '未违法设定行政许可、行政处罚、行政强制、行政收费等事项',
  '未违法减损公民、法人和其他组织合法权益或者增加其义务',
  '制定程序合法（已征求意见）',
  '符合公平竞争审查要求',
];
let docId = '';
let today = '';

async function shift(days: number) {
  const r = await fetch(`${f.server.baseUrl}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ days }),
  });
  assert.equal(r.status, 200);
  // The server's dates are China dates (UTC+8); from 16:00 UTC on, that is the next UTC day.
  today = chinaDate(new Date(((await r.json()) as { now: string }).now));
}
async function csrf(page: Page) {
  return ((await (await page.request.get('/api/me')).json()) as { csrfToken: string }).csrfToken;
}
async function post(page: Page, url: string, data: unknown, expect = [200, 201]) {
  const r = await page.request.post(url, { data: data as object, headers: { 'x-csrf-token': await csrf(page) } });
  const text = await r.text();
  assert.ok(expect.includes(r.status()), `${url}: ${r.status()} ${text}`);
  // 会签意见 answers its outcome as a bare string (text/plain), other routes JSON.
  return text && (r.headers()['content-type'] ?? '').includes('json') ? JSON.parse(text) : text || null;
}
const move = (page: Page, id: string, name: string, input?: unknown) => post(page, `/api/cases/${id}/transitions/${name}`, { input });
/** 合法性审核 may pass from the 5th working day after 送审: the refusal names the day; move the clock there. */
async function passWhenDue(page: Page, id: string) {
  const input = { conclusion: '通过', opinion: '符合审核要点', checklist: CHECKLIST.map((item) => ({ item, ok: true })) };
  const early = await post(page, `/api/cases/${id}/transitions/review_pass`, { input }, [409]);
  const due = /(\d{4}-\d{2}-\d{2}) 起/.exec(early.title)![1]!;
  const days = Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
  if (days > 0) await shift(days);
  await move(page, id, 'review_pass', input);
}

describe('规范性文件 from 起草 to 备案 at 1366×768 (portal also at 390 px)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });
  const citizen = f.useBrowserPage({ timeout: T });
  const phone = f.useBrowserPage({ timeout: T, viewport: PHONE });
  const lead = f.useBrowserPage({ timeout: T });

  f.step('a new draft; 送合法性审核 without a consultation is refused', async () => {
    await shift(1);
    await login(page, 'nx-fgc', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/normdocs');
    await page.getByTestId('normdoc-new').click();
    await page.getByLabel('文件名称').fill('宁夏回族自治区困难群众基本生活救助办理规定');
    await page
      .getByLabel('草案文本')
      .fill('第一条 为规范困难群众基本生活救助工作，制定本规定。\n第二条 申请人应当提交申请材料。\n第三条 本规定自公布之日起施行。');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByRole('link', { name: '宁夏回族自治区困难群众基本生活救助办理规定' }).click();
    await page.waitForURL(/\/cases\//, { timeout: T });
    docId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByTestId('normdoc-panel').waitFor({ timeout: T });
    await page.getByTestId('case-actions').getByRole('button', { name: '送合法性审核' }).click();
    await page.locator('.ant-modal').last().getByRole('button', { name: '送合法性审核' }).click();
    await page
      .getByText(/未经征求意见/)
      .first()
      .waitFor({ timeout: T });
    await shot(page, 'normdocs-journey-refused-desktop');
    const r = await page.request.get(`/api/cases/${docId}`);
    assert.equal(((await r.json()) as { state: string }).state, 'drafting');
  });

  f.step('公开征求意见 on the portal: a citizen comments (plain text), desktop and phone', async () => {
    const end = new Date(Date.parse(today) + 31 * 86_400_000).toISOString().slice(0, 10);
    await move(page, docId, 'consult', { way: '公开征求意见', startOn: today, endOn: end });
    await citizen.goto('/portal/normdocs/');
    const item = citizen.getByTestId('consultation').filter({ hasText: '困难群众基本生活救助办理规定' });
    await item.waitFor({ timeout: T });
    await item.getByText('对本草案提出意见').click();
    await citizen.getByLabel('姓名或单位（可不填）').fill('马先生');
    await citizen.getByLabel('意见内容').fill(CITIZEN);
    await citizen.getByRole('button', { name: '提交意见' }).click();
    await citizen.getByText(/意见已提交/).waitFor({ timeout: 60_000 });
    assert.deepEqual(await seriousA11yViolations(citizen), []);
    await shot(citizen, 'normdocs-journey-portal-desktop', { fullPage: true });
    await phone.goto('/portal/normdocs/');
    await phone.getByTestId('consultation').first().waitFor({ timeout: T });
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll at 390 px');
    await shot(phone, 'normdocs-journey-portal-phone', { fullPage: true });
  });

  f.step('the comment is disposed of; 合法性审核 sends it back with the checklist', async () => {
    await shift(32);
    await page.goto(`/cases/${docId}`);
    const panel = page.getByTestId('normdoc-panel');
    await panel.getByText('办理时限不超过十五个工作日').waitFor({ timeout: T });
    // Shown as text, never as markup.
    assert.equal(await panel.locator('b', { hasText: '建议' }).count(), 0);
    await panel.getByLabel('处理结果').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('采纳', { exact: true }).click();
    await panel.getByLabel('理由').fill('已在第三条增加办理时限');
    await panel.getByRole('button', { name: /处\s*理/ }).click();
    await panel.getByText('已在第三条增加办理时限').waitFor({ timeout: T });
    await move(page, docId, 'submit_review');
    await page.reload();
    const review = page.getByTestId('normdoc-review');
    await review.waitFor({ timeout: T });
    for (const item of CHECKLIST) await review.getByRole('radio', { name: '符合', exact: true }).nth(CHECKLIST.indexOf(item)).check();
    await review.getByRole('radio', { name: '不符合' }).nth(4).check();
    await review.getByLabel(`${CHECKLIST[4]}：说明（不符合的须填写）`).fill('第二条增加申请人义务，无上位法依据');
    // pickOption checks the box shows the choice (on a loaded machine a click can land mid-animation and choose nothing).
    await pickOption(page, review.getByLabel('审核结论'), '不予通过', { type: false });
    await review.getByLabel('审核意见').fill('请删除第二条新增的义务性规定，列明材料清单依据');
    await shot(page, 'normdocs-journey-review-desktop', { fullPage: true });
    // the opinion's text is on the page before the transition answers (in the form itself): wait for the answer
    const returned = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/api/cases/${docId}/transitions/review_return`), {
      timeout: T,
    });
    await review.getByTestId('normdoc-review-submit').click();
    assert.equal((await returned).status(), 200);
    await page.getByTestId('normdoc-panel').getByText('请删除第二条新增的义务性规定').waitFor({ timeout: T });
    assert.equal(((await (await page.request.get(`/api/cases/${docId}`)).json()) as { state: string }).state, 'drafting');
  });

  f.step('a new version with its diff; passed; the meeting and the head’s 会签', async () => {
    const panel = page.getByTestId('normdoc-panel');
    await panel
      .getByLabel('草案文本')
      .fill(
        '第一条 为规范困难群众基本生活救助工作，制定本规定。\n第二条 申请材料清单由自治区民政厅公布。\n第三条 办理时限不超过十五个工作日。\n第四条 本规定自公布之日起施行。',
      );
    await panel.getByLabel('修改说明').fill('按合法性审核意见修改第二条，采纳公众意见增加第三条');
    await panel.getByTestId('normdoc-version').click();
    await panel.getByText(/^第 2 版 · 起草/).click();
    await panel.getByTestId('normdoc-diff').getByText('与第 1 版比较').waitFor({ timeout: T });
    assert.equal(await panel.getByTestId('normdoc-diff').locator('ins').count(), 3);
    assert.equal(await panel.getByTestId('normdoc-diff').locator('del').count(), 2);
    await shot(page, 'normdocs-journey-diff-desktop', { fullPage: true });
    await move(page, docId, 'submit_review');
    await passWhenDue(page, docId);
    await page.reload();
    const delib = page.getByTestId('normdoc-deliberation');
    await delib.waitFor({ timeout: T });
    await delib.getByLabel('出席人员').fill('厅长、副厅长，政策法规处列席说明');
    await delib.getByLabel('会议日期').click();
    await page.keyboard.type(today);
    // Tab commits the typed date; Enter would also submit the form (a race with the click below).
    await page.keyboard.press('Tab');
    await delib.getByTestId('normdoc-meeting').click();
    await delib.getByText(/^王志强（/).click();
    await delib.getByTestId('normdoc-open-signoff').click();
    await delib.getByText('王志强：待会签').waitFor({ timeout: T });
    await login(lead, 'nx-fgc-lead', PASSWORD);
    await lead.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await lead.goto(`/cases/${docId}`);
    await lead.getByTestId('normdoc-head-approve').click();
    // The gate register's 领导会签 cell (the timeline's 会签 entry also reads 王志强 … 同意).
    await lead.getByRole('cell', { name: '王志强同意' }).waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(lead), []);
    await shot(lead, 'normdocs-journey-signoff-desktop', { fullPage: true });
  });

  f.step('政策法规处签字, 签发, 宁民规发〔YYYY〕1号, 公布, 备案; the register shows every gate', async () => {
    await move(page, docId, 'legal_sign');
    await move(lead, docId, 'sign');
    await move(page, docId, 'number');
    await move(page, docId, 'publish', { publishedOn: today, effectiveOn: today, publishedIn: '自治区民政厅门户网站' });
    await move(page, docId, 'file', { filedOn: today, filedWith: '自治区司法厅' });
    const year = today.slice(0, 4);
    await page.goto(`/cases/${docId}`);
    const panel = page.getByTestId('normdoc-panel');
    await panel.getByText(`宁民规发〔${year}〕1号`).first().waitFor({ timeout: T });
    const gates = await panel.locator('.ant-table-tbody tr').allInnerTexts();
    assert.equal(gates.length, 9, gates.join('|'));
    assert.ok(
      gates.every((g) => g.includes('已完成')),
      gates.join('|'),
    );
    await shot(page, 'normdocs-journey-filed-desktop', { fullPage: true });
    await citizen.goto('/portal/normdocs/');
    await citizen.getByText(`宁民规发〔${year}〕1号`).waitFor({ timeout: T });
  });

  f.step('a second document gets number 2 even after a rolled-back attempt', async () => {
    const b = (await post(page, '/api/normdocs', { title: '宁夏回族自治区临时救助备用金管理暂行办法', text: '第一条 为规范临时救助备用金管理，制定本办法。' }))
      .id as string;
    const end = new Date(Date.parse(today) + 31 * 86_400_000).toISOString().slice(0, 10);
    await move(page, b, 'consult', { way: '公开征求意见', startOn: today, endOn: end });
    await shift(32);
    await move(page, b, 'submit_review');
    await passWhenDue(page, b);
    await post(page, `/api/normdocs/${b}/meeting`, { metOn: today, name: '厅长办公会', attendees: '厅长、副厅长', decision: '审议通过' });
    const heads = (await (await page.request.get(`/api/normdocs/${b}/heads`)).json()) as { items: { userId: string; name: string }[] };
    await post(page, `/api/cases/${b}/signoffs`, {
      step: 'heads',
      mode: 'all',
      parties: heads.items.filter((h) => h.name === '王志强').map((h) => ({ userId: h.userId })),
    });
    await post(lead, `/api/cases/${b}/signoffs/heads/decide`, { decision: 'approve', comment: '同意' });
    await move(page, b, 'legal_sign');
    await move(lead, b, 'sign');
    const failed = await fetch(`${f.server.baseUrl}/api/test/normdocs/${b}/number-then-fail`, { method: 'POST' });
    assert.equal(failed.status, 409);
    await move(page, b, 'number');
    await page.goto('/normdocs');
    const year = today.slice(0, 4);
    await page.getByText(`宁民规发〔${year}〕2号`).waitFor({ timeout: T });
    await shot(page, 'normdocs-journey-register-desktop');
  });
});
