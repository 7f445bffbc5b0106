import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { e2eFile, login, PHONE, seriousA11yViolations, shot, openModal, pickOption, userMenu, settled, scrollInto } from './harness.ts';

/**
 * The workflow kernel through the console, on the kernel's sample case type (测试事项, see
 * tests/helpers/sample-workflow.ts, loaded by ./sample-server.ts): 登记 → 转办 → 签收 →
 * 「为什么是这一天」 → 受理 → attachment, comment → 中止 / 恢复计算 → notification bell; then the
 * working-day calendar (2019, 隆德县) with its calculator and a day adjustment.
 */
const PASSWORD = 'Minzheng@2019';
const PROVINCE = 'nx-fgc'; // 民政厅政策法规处
const CITY = 'yc-mzj'; // 银川市民政局
const ADMIN = 'admin';
const COUNTY = 'ld-mzj';
const TITLE = '关于城乡低保认定标准的群众来信';
const T = 20_000;

const f = e2eFile('wl', { serverModule: './tests/e2e/sample-server.ts' });
const { step } = f;
let caseUrl = '';

const content = (page: Page) => page.locator('main');
/** antd puts a space between two Chinese characters on a button (签收 → 签 收); an icon adds its name in front. */
const btn = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s*')}$`);

async function signIn(page: Page, username: string) {
  await login(page, username, PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('worklist').waitFor();
}

async function signOut(page: Page) {
  await userMenu(page, '退出登录');
  await page.waitForURL('**/login');
}

/** Click a case action, confirm its modal with the same label, wait for the success message. */
async function caseAction(page: Page, label: string, fill?: (modal: Locator) => Promise<void>) {
  await page
    .getByTestId('case-actions')
    .getByRole('button', { name: btn(label) })
    .click();
  const modal = openModal(page);
  await modal.waitFor();
  if (fill) await fill(modal);
  await modal.getByRole('button', { name: btn(label) }).click();
  await page.locator('.ant-message').getByText(`${label}成功`).last().waitFor();
  await modal.waitFor({ state: 'detached' });
}

const noHorizontalScroll = async (page: Page, what: string) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal scroll (overflow ${overflow}px)`);
};

describe('workflow through the console at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  step('nx-fgc registers a 测试事项 from the home page drawer', async () => {
    await signIn(page, PROVINCE);
    await page.getByTestId('register-case').click();
    // With several registrable types the button opens a menu of them.
    const popup = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
    const choice = popup.getByRole('menuitem', { name: '测试事项' });
    const drawer = page.getByRole('dialog');
    const title = drawer.getByText('登记 · 测试事项');
    await choice.or(title).first().waitFor();
    if (await choice.isVisible()) {
      await settled(popup);
      await choice.click();
    }
    await title.waitFor();
    await drawer.getByLabel('标题').fill(TITLE);
    // The 摘要 field comes from the type's createSchema (a required string).
    await drawer.getByLabel('摘要').fill('来信人反映家庭收入核算口径不一致，请求复核低保认定。');
    await shot(page, 'register-drawer-desktop');
    await drawer.getByRole('button', { name: btn('登记') }).click();
    await page.waitForURL('**/cases/*');
    caseUrl = new URL(page.url()).pathname;
    await page.getByTestId('case-page').getByRole('heading', { name: TITLE }).waitFor();
    assert.match(await page.getByTestId('case-ref').innerText(), /^TS-640000-\d{4}-\d{6}$/);
    assert.equal(await page.getByTestId('case-state').innerText(), '已登记');
    await page.getByTestId('clock-triage').getByText('受理期限').waitFor();
    assert.match(await page.getByTestId('clock-triage').innerText(), /15 日/);
  });

  step('nx-fgc transfers (转办) it to 银川市民政局, then logs out', async () => {
    await caseAction(page, '转办', async (modal) => {
      await pickOption(page, modal.getByLabel('接收单位'), '银川市民政局');
      await modal.getByLabel('转办说明').fill('请依职责办理并按期答复。');
    });
    await page.getByTestId('case-actions').getByText('等待对方签收').waitFor();
    const chain = page.getByTestId('handoff-chain');
    await chain.getByText('银川市民政局').waitFor();
    await chain.getByText('待签收').waitFor();
    assert.equal(await page.getByTestId('case-version').innerText(), 'v2');
    await signOut(page);
  });

  step('yc-mzj sees it under 待签收 and signs for it', async () => {
    await signIn(page, CITY);
    const worklist = page.getByTestId('worklist');
    await worklist.getByRole('tab', { name: /待签收/ }).click();
    await worklist.locator('.ant-table-row', { hasText: TITLE }).waitFor();
    // The badge counts what the tab lists (the demo history adds its own items to the city's worklist).
    const count = page.getByTestId('wl-count-to_acknowledge').filter({ hasText: /^\d+$/ }); // 「·」 until the counts answer
    await count.waitFor();
    assert.equal(await count.innerText(), String(await worklist.locator('.ant-table-row').count()));
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'worklist-desktop');
    await worklist.locator('.ant-table-row', { hasText: TITLE }).click();
    await page.waitForURL(`**${caseUrl}`);
    await page.getByTestId('case-actions').getByText('请及时签收').waitFor();
    await caseAction(page, '签收');
    await page.getByTestId('handoff-chain').getByText('已签收').waitFor();
  });

  step('「为什么是这一天」 explains the 受理期限', async () => {
    await page.getByTestId('clock-triage').getByRole('button', { name: '为什么是这一天' }).click();
    const text = page.getByTestId('explain-text');
    await text.waitFor();
    const body = await text.innerText();
    assert.match(body, /受理期限/);
    assert.match(body, /《信访工作条例》第二十二条/);
    assert.match(body, /期限届满日为 \d{4}-\d{2}-\d{2}/);
    await openModal(page)
      .getByRole('button', { name: /打\s*印/ })
      .waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await shot(page, 'explain-desktop');
    await openModal(page)
      .locator('.ant-modal-footer')
      .getByRole('button', { name: btn('关闭') })
      .click();
    await text.waitFor({ state: 'detached' });
  });

  step('受理 starts the 办理期限', async () => {
    await caseAction(page, '受理', async (modal) => {
      await modal.getByText('办理后进入「办理中」环节').waitFor();
    });
    assert.equal(await page.getByTestId('case-state').innerText(), '办理中');
    await page.getByTestId('clock-handle').getByText('计时中').waitFor();
    assert.match(await page.getByTestId('clock-triage').innerText(), /按期完成/);
  });

  step('upload a PDF attachment and add a comment', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '来信扫描件.pdf', mimeType: 'application/pdf', buffer: pdf });
    const files = page.getByTestId('attachments');
    await files.getByRole('link', { name: '来信扫描件.pdf' }).waitFor();
    assert.match(await files.innerText(), /SM3 [0-9a-f]{12}…/);
    const href = await files.getByRole('link', { name: '来信扫描件.pdf' }).getAttribute('href');
    const download = await page.request.get(href!);
    assert.equal(download.status(), 200);
    assert.equal((await download.body()).toString('latin1').slice(0, 8), '%PDF-1.4');

    const comments = page.getByTestId('comments');
    await comments.getByLabel('办理意见').fill('已电话联系来信人，约定下周入户核查。');
    await comments.getByRole('button', { name: '发表意见' }).click();
    await comments.getByText('已电话联系来信人，约定下周入户核查。').waitFor();
  });

  step('a stale page shows the version conflict, and 刷新 reloads it', async () => {
    // Someone else moves the case meanwhile (转办 to 兴庆区民政局 and 撤回), without this page knowing.
    // First let the page settle on the server's current version, so no reload is in flight.
    const caseId = caseUrl.split('/').pop()!;
    const { version } = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as { version: number };
    await page
      .getByTestId('case-version')
      .filter({ hasText: `v${version}` })
      .waitFor();
    await page.waitForLoadState('networkidle');
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const org = (await (await page.request.get(`/api/org-units?q=${encodeURIComponent('兴庆区民政局')}&page=1&pageSize=5`)).json()) as {
      items: { id: string }[];
    };
    const sent = await page.request.post(`/api/cases/${caseId}/handoff`, {
      headers,
      data: { kind: 'transfer', toOrgId: org.items[0]!.id, expectedVersion: version },
    });
    assert.equal(sent.status(), 200);
    const back = await page.request.post(`/api/cases/${caseId}/withdraw-handoff`, { headers, data: { reason: '误转，撤回', expectedVersion: version + 1 } });
    assert.equal(back.status(), 200);

    // The form comes from the transition's inputSchema (an enum → a select).
    await page.getByTestId('case-actions').getByRole('button', { name: '拟办意见' }).click();
    const modal = openModal(page);
    await pickOption(page, modal.getByLabel('处理意见'), '解释说明');
    await modal.getByRole('button', { name: '拟办意见' }).click();
    const banner = page.getByRole('alert').filter({ hasText: '案件已被他人更新' });
    await banner.waitFor();
    await modal.waitFor({ state: 'detached' });
    await shot(page, 'case-conflict-desktop');
    await banner.getByRole('button', { name: /刷\s*新/ }).click();
    await banner.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('case-version').innerText(), `v${version + 2}`);
    assert.equal(await page.getByTestId('case-state').innerText(), '办理中');
    await page.getByTestId('handoff-chain').getByText('已撤回').waitFor();
  });

  step('中止 the 办理期限 with a reason, then 恢复计算', async () => {
    const clock = page.getByTestId('clock-handle');
    await clock.getByRole('button', { name: btn('中止') }).click();
    const modal = openModal(page);
    await modal.getByLabel('理由').fill('通知来信人补正收入证明材料');
    await modal.getByRole('button', { name: btn('中止') }).click();
    await modal.waitFor({ state: 'detached' });
    await clock.getByText('已中止').first().waitFor();
    await clock.getByText('通知来信人补正收入证明材料').waitFor();
    await clock.getByRole('button', { name: '恢复计算' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '恢复计算' }).click();
    await clock.getByText('计时中').waitFor();
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByText('期限中止').waitFor();
    await timeline.getByText('恢复计算').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'case-desktop');
    await shot(page, 'case-full-desktop', { fullPage: true });
  });

  step('the bell shows the handoff notification and leads to the case', async () => {
    await page.goto('/');
    const bell = page.getByTestId('notification-bell');
    await bell.locator('.ant-badge-count').waitFor();
    const before = Number(await bell.locator('.ant-badge-count').innerText());
    assert.ok(before >= 1, 'at least the 转办 notification is unread');
    await bell.click();
    const panel = page.getByTestId('notification-panel');
    const item = panel.getByRole('button', { name: new RegExp(`待签收.*${TITLE}`) });
    await item.waitFor();
    await shot(page, 'notifications-desktop');
    await item.click();
    await page.waitForURL(`**${caseUrl}`);
    await page.waitForFunction((n) => {
      const badge = document.querySelector('[data-testid=notification-bell] .ant-badge-count');
      return (badge ? Number(badge.textContent) : 0) < n;
    }, before);
  });

  step('the calendar shows 2019 for 隆德县 with holidays, 调休 and 开斋节', async () => {
    await signOut(page);
    await signIn(page, ADMIN);
    await page.locator('aside nav').getByRole('menuitem', { name: '工作日日历' }).click();
    await page.waitForURL('**/admin/calendar');
    const year = content(page).getByLabel('年份');
    await year.fill('2019');
    await year.press('Enter');
    // The area picker is a tree: search, then pick the node.
    await content(page).getByLabel('地区').click();
    await page.keyboard.type('隆德');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper', { hasText: '隆德县' }).first().click();
    await page.waitForURL(/year=2019.*area=640423|area=640423.*year=2019/);
    const months = page.getByTestId('calendar-months');
    await months.locator('[data-date="2019-06-05"].mz-day-regional_holiday').waitFor();
    assert.match(await page.getByTestId('calendar-summary').innerText(), /工作日 246 天 · 休息日 119 天/);
    assert.equal(await months.locator('[data-date="2019-02-02"].mz-day-makeup_workday').count(), 1, '2019-02-02 was a 调休 working Saturday');
    assert.equal(await months.locator('[data-date="2019-10-01"].mz-day-holiday').count(), 1);
    await months.locator('[data-date="2019-06-05"]').hover();
    await page
      .locator('.ant-tooltip:not(.ant-tooltip-hidden)')
      .getByText(/宁夏开斋节/)
      .waitFor();
    await shot(page, 'calendar-desktop');

    const calc = page.getByTestId('due-calculator');
    await calc.getByLabel('起算日').click();
    await calc.getByLabel('起算日').fill('2019-06-03');
    await calc.getByLabel('起算日').press('Enter');
    await calc.getByLabel('期间').fill('5');
    await calc.getByRole('button', { name: '计算届满日' }).click();
    const result = page.getByTestId('calc-result');
    await result.getByText('2019-06-13').first().waitFor();
    assert.match(await result.innerText(), /不计[:：]宁夏开斋节/);
    await scrollInto(result);
    await shot(page, 'calendar-calculator-desktop');
  });

  step('calendar.manage adjusts one day of 隆德县, with a reason, and clears it again', async () => {
    const day = page.getByTestId('calendar-months').locator('[data-date="2019-12-30"]');
    assert.match((await day.getAttribute('class')) ?? '', /mz-day-workday/);
    await day.click();
    const modal = openModal(page);
    await modal.getByText('调整 2019-12-30').waitFor();
    await modal.getByLabel('名称').fill('演练调休');
    await modal.getByLabel('变更原因').fill('端到端测试：录入县级调整');
    await shot(page, 'calendar-edit-desktop');
    await modal.getByRole('button', { name: btn('保存') }).click();
    await page
      .locator('.ant-message')
      .getByText(/日历已更新/)
      .last()
      .waitFor();
    await page.getByTestId('calendar-months').locator('[data-date="2019-12-30"].mz-day-regional_holiday').waitFor();
    await page.getByTestId('calendar-months').locator('[data-date="2019-12-30"]').click();
    await openModal(page).getByLabel('变更原因').fill('端到端测试：撤销县级调整');
    await openModal(page).getByRole('button', { name: '清除本层调整' }).click();
    await page.getByTestId('calendar-months').locator('[data-date="2019-12-30"].mz-day-workday').waitFor();
    await signOut(page);
  });
});

describe('workflow on a phone at 390×844', { concurrency: false }, () => {
  const page = f.useBrowserPage({ viewport: PHONE, timeout: T });

  step('worklist, case page and explanation fit a phone', async () => {
    await signIn(page, CITY);
    const worklist = page.getByTestId('worklist');
    await worklist.locator('.mz-wl-card', { hasText: TITLE }).waitFor();
    await noHorizontalScroll(page, 'worklist');
    await shot(page, 'worklist-phone');
    await worklist.locator('.mz-wl-card', { hasText: TITLE }).click();
    await page.waitForURL(`**${caseUrl}`);
    await page.getByTestId('clock-handle').waitFor();
    await noHorizontalScroll(page, 'case page');
    await shot(page, 'case-phone');
    await shot(page, 'case-full-phone', { fullPage: true });
    await page.getByTestId('clock-triage').getByRole('button', { name: '为什么是这一天' }).click();
    await page.getByTestId('explain-text').waitFor();
    await shot(page, 'explain-phone');
    await openModal(page)
      .locator('.ant-modal-footer')
      .getByRole('button', { name: btn('关闭') })
      .click();
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-panel').waitFor();
    await shot(page, 'notifications-phone');
  });

  step('calendar year view fits a phone', async () => {
    await page.goto('/');
    await signOut(page);
    await signIn(page, COUNTY);
    await page.goto('/admin/calendar?year=2019&area=640423');
    await page.getByTestId('calendar-months').locator('[data-date="2019-06-05"].mz-day-regional_holiday').waitFor();
    await noHorizontalScroll(page, 'calendar');
    await shot(page, 'calendar-phone');
  });
});
