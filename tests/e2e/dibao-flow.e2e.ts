import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { residentIdCheckChar } from '../../src/kernel/codes/index.ts';
import { e2eFile, login, PHONE, seriousA11yViolations, shot, openModal, pickOption, settled } from './harness.ts';

/**
 * 低保 application journey in the console (issue 5), on the real server with the demo data:
 * - 隆德县 (审批权下放): ld-cgz registers an application and drives it 受理 → 核对 → 入户调查 (two staff
 *   required) → 乡镇审核意见 → 公示; ending the 公示 early is refused; a 公示 objection starts a 复查
 *   (异议复查), found 不属实 and publicized again.
 *   The 公示 lasts 7 real days, so the township confirmation is shown on the demo's case whose 公示
 *   ended in the past (seeded through the same flow): ld-cgz-lead confirms it at the township.
 * - 西吉县 (not delegated): xj-jqz sends the demo's case (公示 ended) up to the county bureau,
 *   xj-mzj signs for it (签收), xj-mzj-lead confirms it.
 * - County supervision: ld-mzj draws a spot-check sample and records a home visit; the re-check list;
 *   xj-mzj-lead decides the re-check 吉强镇 reported (停发: the county decides, 暂行办法 第十三条).
 * axe (WCAG 2.1 AA) on the list, the register form, the case page and the household page.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

// A 身份证号 with a valid check digit that the demo does not use (its sequence numbers are 400–999).
const ID17 = '64042319650312091';
const ID = ID17 + residentIdCheckChar(ID17);
const APPLICANT = '杨秀英';

const f = e2eFile('dibao-flow', { stepTimeout: 180_000 });
const { step } = f;
let caseUrl = '';
let ldCaseUrl = '';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** antd puts a space between two Chinese characters on a button; an icon adds its name in front. */
const btn = (label: string) => new RegExp(`(^|\\s)${[...label].map(escape).join('\\s*')}$`);

async function pickDate(page: Page, input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await page.keyboard.press('Enter');
}

/** A full-page picture from the top (a scrolled page would put the fixed header mid-picture). */
async function fullShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name, { fullPage: true });
}

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username, PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('worklist').waitFor();
}

async function signOut(page: Page) {
  await page.context().clearCookies();
}

/** Open a case action, fill its modal, confirm; expectError leaves the modal open and returns the message. */
async function caseAction(page: Page, label: string, fill?: (modal: Locator) => Promise<void>) {
  await page
    .getByTestId('case-actions')
    .getByRole('button', { name: btn(label) })
    .click();
  const modal = openModal(page);
  await modal.waitFor();
  await settled(modal); // a click during the zoom-in can land beside the moving button
  if (fill) await fill(modal);
  await modal.getByRole('button', { name: btn(label) }).click();
  await page.locator('.ant-message').getByText(`${label}成功`).last().waitFor();
  await modal.waitFor({ state: 'detached' });
}

async function refusedAction(page: Page, label: string, expected: RegExp, fill?: (modal: Locator) => Promise<void>) {
  await page
    .getByTestId('case-actions')
    .getByRole('button', { name: btn(label) })
    .click();
  const modal = openModal(page);
  await modal.waitFor();
  await settled(modal); // a click during the zoom-in can land beside the moving button
  if (fill) await fill(modal);
  await modal.getByRole('button', { name: btn(label) }).click();
  await modal.getByText(expected).first().waitFor();
  return modal;
}

const state = (page: Page) => page.getByTestId('case-state').innerText();
async function waitState(page: Page, label: string) {
  await page.getByTestId('case-state').getByText(label, { exact: true }).waitFor();
}

async function investigate(page: Page, findings: string) {
  await caseAction(page, '入户调查', async (m) => {
    await m.getByLabel('调查人员').fill('马小兰、海文斌');
    await pickDate(page, m.getByLabel('调查日期'), TODAY);
    await m.getByLabel('调查情况').fill(findings);
    await pickOption(page, m.getByLabel('家庭收入来源'), '稳定');
  });
  await waitState(page, '已调查（待评议或审核）');
  await caseAction(page, '乡镇审核意见', async (m) => {
    await pickOption(page, m.getByLabel('乡镇审核意见'), '拟同意');
    await m.getByLabel('意见说明').fill('经入户调查和信息核对,家庭人均收入低于当地低保标准,拟同意。');
  });
  await waitState(page, '乡镇已审核（待公示）');
  await caseAction(page, '张榜公示');
  await waitState(page, '公示中');
}

/** A demo application of a township waiting for confirmation with no hand-off pending (its 公示 ended in the past). */
async function demoAwaitingConfirm(page: Page, areaPrefix: string): Promise<{ id: string; refNo: string }> {
  const res = await page.request.get('/api/dibao/applications?state=awaiting_confirm&pageSize=100');
  assert.equal(res.status(), 200);
  for (const item of (await res.json()).items as Array<{ id: string; refNo: string; areaPath: string }>) {
    if (!item.areaPath.includes(areaPrefix)) continue;
    const c = await (await page.request.get(`/api/cases/${item.id}`)).json();
    if (!c.pendingHandoff) return { id: item.id, refNo: item.refNo };
  }
  throw new Error(`no demo application awaiting confirmation in ${areaPrefix}`);
}

/** From the 低保申请 list, search a reference and open its case page. */
async function openFromList(page: Page, refNo: string) {
  await page.goto(`/dibao?q=${encodeURIComponent(refNo)}`);
  await page.locator('.ant-table-row', { hasText: refNo }).getByRole('link', { name: refNo }).click();
  await page.getByTestId('case-ref').getByText(refNo).waitFor();
  await page.getByTestId('dibao-panel').waitFor();
}

describe('低保 journey at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  step('ld-cgz opens the 低保申请 list (approving level on every row)', async () => {
    await signIn(page, 'ld-cgz');
    await page.goto('/dibao');
    await page.locator('.ant-table-row').first().waitFor();
    assert.match(await page.locator('main').innerText(), /乡镇确认[(（]下放[)）]/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'dibao-flow-list-desktop');
  });

  step('ld-cgz registers an application: an invalid 身份证号 is caught, then the household is registered', async () => {
    await page.getByRole('button', { name: btn('登记低保申请') }).click();
    await page.waitForURL('**/dibao/new');
    await pickOption(page, page.getByLabel('所在村（社区）'), '红崖村');
    await page.getByLabel('家庭住址').fill('城关镇红崖村三组 12 号');
    await page.getByLabel('联系电话').fill('13995412345');
    const m0 = page.getByTestId('dibao-member-0');
    await m0.getByLabel('姓名').fill(APPLICANT);
    await m0.getByLabel('身份证号').fill(ID17 + (ID.endsWith('0') ? '1' : '0'));
    await m0.getByLabel('姓名').click();
    await m0.getByText(/校验/).first().waitFor();
    await m0.getByLabel('身份证号').fill(ID);
    await m0.getByLabel('姓名').click();
    // 户籍地 from the area tree (县 → 乡镇 → 村 within the clerk's scope), not a code typed in.
    await m0.getByLabel('户籍地').click();
    for (const name of ['隆德县', '城关镇', '红崖村'])
      await page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item', { hasText: name }).first().click();
    await m0.getByTitle('隆德县 / 城关镇 / 红崖村').waitFor();
    await page
      .getByRole('button', { name: btn('添加') })
      .first()
      .click(); // income
    await page.getByTestId('dibao-income-0').getByLabel('金额（元）').fill('150');
    await page
      .getByRole('button', { name: btn('添加') })
      .nth(1)
      .click(); // asset: house
    await page.getByTestId('dibao-asset-0').getByLabel('面积（㎡）').fill('10');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await fullShot(page, 'dibao-flow-register-desktop');
    await page.getByTestId('dibao-register-submit').click();
    const done = page.locator('.ant-result-success');
    await done.waitFor();
    const ref = (await done.locator('.ant-result-title').innerText()).match(/DB-[\d-]+/)?.[0];
    assert.ok(ref, 'a reference number DB-…');
    assert.match(ref!, /^DB-640423100-\d{4}-\d{6}$/);
    await done.getByRole('button', { name: ref! }).click();
    await page.waitForURL('**/cases/*');
    ldCaseUrl = new URL(page.url()).pathname;
    await page.getByTestId('dibao-panel').waitFor();
    assert.equal(await state(page), '已申请（待受理）');
    // The generic case header names the case facts in Chinese, not internal keys.
    const header = await page.locator('.mz-case-facts').innerText();
    assert.match(header, /申请渠道/);
    assert.match(header, /审批层级/);
    assert.doesNotMatch(header, /authority|householdId|channel/);
  });

  step('受理 → 核对 → 入户调查 needs two staff → 审核 → 公示; ending the 公示 early is refused', async () => {
    await caseAction(page, '受理');
    await waitState(page, '家庭经济状况核对');
    assert.match(await page.getByTestId('dibao-level').innerText(), /乡镇[(（]街道[)）]确认/);
    await caseAction(page, '家庭经济状况核对');
    await waitState(page, '入户调查');
    // One staff member is refused with the rule.
    const modal = await refusedAction(page, '入户调查', /不少于 2 名工作人员/, async (m) => {
      await m.getByLabel('调查人员').fill('马小兰');
      await pickDate(page, m.getByLabel('调查日期'), TODAY);
      await m.getByLabel('调查情况').fill('入户查看住房和家庭生活情况,与申报一致。');
      await pickOption(page, m.getByLabel('家庭收入来源'), '稳定');
    });
    await shot(page, 'dibao-flow-two-staff-desktop');
    await modal.getByRole('button', { name: btn('取消') }).click();
    await modal.waitFor({ state: 'detached' });
    await investigate(page, '入户查看住房和家庭生活情况,与申报一致。');
    const panel = await page.getByTestId('dibao-panel').innerText();
    assert.match(panel, /马小兰/);
    assert.match(panel, /海文斌/);
    const early = await refusedAction(page, '公示期满无异议', /公示期至 \d{4}-\d{2}-\d{2} 止/);
    await early.getByRole('button', { name: btn('取消') }).click();
    await early.waitFor({ state: 'detached' });
    assert.equal(await state(page), '公示中');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await fullShot(page, 'dibao-flow-publicity-desktop');
  });

  step('a 公示 objection starts a 复查; found 不属实 the 公示 is posted again', async () => {
    await caseAction(page, '登记公示异议（启动复查）', async (m) => {
      await m.getByLabel('异议内容').fill('村民反映该户儿子在银川务工,收入未申报。');
      await m.getByLabel('异议人（可匿名）').fill('村民');
    });
    await waitState(page, '公示异议复查中');
    assert.match(await page.getByTestId('dibao-panel').innerText(), /收入未申报/);
    await caseAction(page, '异议复查：不属实（重新公示）', async (m) => {
      await m.getByLabel('复查人员').fill('马小兰、海文斌');
      await pickDate(page, m.getByLabel('复查日期'), TODAY);
      await m.getByLabel('复查情况').fill('再次入户并核实务工情况:儿子已分户另居,异议不属实。');
    });
    await waitState(page, '公示中');
    assert.match(await page.getByTestId('dibao-publicity').innerText(), /第 2 次公示/);
    assert.match(await page.getByTestId('dibao-objections').innerText(), /第 1 次公示期间/);
    await fullShot(page, 'dibao-flow-objection-desktop');
  });

  step('the household page shows the members and its history (PII view logged); axe', async () => {
    // The case page too: masked first; 「查看完整信息」 shows the members' full 身份证号 and logs the read.
    const panel = page.getByTestId('dibao-panel');
    assert.equal(await panel.getByText(ID).count(), 0);
    await panel.getByTestId('show-full-identity').click();
    await panel.getByText(ID).first().waitFor();
    assert.match(await panel.innerText(), /个人信息查阅日志/);
    await fullShot(page, 'dibao-flow-case-full-id-desktop');
    await page.getByTestId('dibao-panel').getByRole('link', { name: '查看家庭详情' }).click();
    await page.waitForURL('**/dibao/households/*');
    // Masked first, as in 信访; 「查看完整信息」 shows the full 身份证号 and logs the read.
    await page.getByTestId('show-full-identity').waitFor();
    assert.equal(await page.getByText(ID).count(), 0);
    await page.getByTestId('show-full-identity').click();
    await page.getByText(ID).first().waitFor();
    assert.match(await page.locator('main').innerText(), /个人信息查阅日志/);
    assert.equal(
      await page
        .getByRole('row', { name: new RegExp(APPLICANT) })
        .getByRole('cell', { name: '红崖村' })
        .count(),
      1,
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    await fullShot(page, 'dibao-flow-household-desktop');
    await signOut(page);
  });

  step('ld-cgz (clerk of the delegated township) at 待确认 is offered nothing she may not do, only who confirms it', async () => {
    await signIn(page, 'ld-cgz');
    const demo = await demoAwaitingConfirm(page, '640423100');
    await openFromList(page, demo.refNo);
    assert.equal(await state(page), '待确认');
    const bar = page.getByTestId('case-actions');
    // No 转办/交办 (the township confirms itself: nothing goes to the county), no 报送县级, no 确认.
    assert.equal(await bar.getByRole('button').count(), 0);
    assert.equal(await page.getByTestId('dibao-submit-county').count(), 0);
    await bar.getByText('当前没有您可执行的办理操作').waitFor();
    assert.match(await bar.getByTestId('next-step').innerText(), /待\s*海文斌.*确认/);
    await fullShot(page, 'dibao-flow-township-clerk-awaiting-desktop');
    await signOut(page);
  });

  step('ld-cgz-lead confirms at the township a demo application whose 公示 has ended', async () => {
    await signIn(page, 'ld-cgz-lead');
    const demo = await demoAwaitingConfirm(page, '640423100');
    await openFromList(page, demo.refNo);
    assert.match(await page.getByTestId('dibao-level').innerText(), /乡镇[(（]街道[)）]确认/);
    assert.equal(await state(page), '待确认');
    await caseAction(page, '确认同意', async (m) => {
      await m.getByLabel('确认意见').fill('同意纳入农村低保。');
    });
    await waitState(page, '确认同意');
    const panel = await page.getByTestId('dibao-panel').innerText();
    assert.match(await page.getByTestId('dibao-notice').innerText(), /确认通知书/);
    assert.match(panel, /核定月保障金 \d+\.\d{2} 元/);
    const header = await page.locator('.mz-case-facts').innerText();
    assert.match(header, /月保障金[(（]元[)）]/);
    assert.doesNotMatch(header, /benefitCents|authority/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await fullShot(page, 'dibao-flow-township-confirmed-desktop');
    await signOut(page);
  });

  step('西吉县 (not delegated): xj-jqz sends a demo application up to the county bureau', async () => {
    await signIn(page, 'xj-jqz');
    const demo = await demoAwaitingConfirm(page, '640422100');
    await openFromList(page, demo.refNo);
    assert.match(await page.getByTestId('dibao-level').innerText(), /县级民政部门确认/);
    // The township may not confirm under the county regime.
    assert.equal(
      await page
        .getByTestId('case-actions')
        .getByRole('button', { name: btn('确认同意') })
        .count(),
      0,
    );
    // 报送县级 is its one hand-off: no generic 转办/交办 beside it.
    assert.equal(
      await page
        .getByTestId('case-actions')
        .getByRole('button', { name: /转\s*办|交\s*办/ })
        .count(),
      0,
    );
    await page.getByTestId('dibao-submit-county').click();
    await page
      .locator('.ant-message')
      .getByText(/已报送.*待签收/)
      .last()
      .waitFor();
    await shot(page, 'dibao-flow-submitted-county-desktop');
    caseUrl = new URL(page.url()).pathname;
    await signOut(page);
  });

  step('xj-mzj signs for it; xj-mzj-lead confirms it at the county', async () => {
    await signIn(page, 'xj-mzj');
    await page.goto(caseUrl);
    await page.getByTestId('dibao-panel').waitFor();
    await caseAction(page, '签收');
    await page.getByTestId('handoff-chain').getByText('已签收').waitFor();
    await signOut(page);
    await signIn(page, 'xj-mzj-lead');
    await page.goto(caseUrl);
    await page.getByTestId('dibao-panel').waitFor();
    await caseAction(page, '确认同意');
    await waitState(page, '确认同意');
    assert.match(await page.getByTestId('dibao-panel').innerText(), /西吉县民政局/);
    await fullShot(page, 'dibao-flow-county-confirmed-desktop');
    await signOut(page);
  });

  step('ld-mzj draws a spot-check sample of township-confirmed cases and records a home visit', async () => {
    await signIn(page, 'ld-mzj');
    await page.goto('/dibao/spot-checks');
    // The demo's 2019 draw is listed with its seed.
    await page.locator('.ant-table-row', { hasText: 'demo-2019-640423' }).waitFor();
    const card = page.locator('.ant-card', { hasText: '抽取样本' }).first();
    // The 2019 decisions of the demo (the default period is last year).
    const range = card.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill('2019-01-01');
    await page.keyboard.press('Enter');
    await range.last().fill('2019-12-31');
    await page.keyboard.press('Enter');
    await card.getByLabel('随机种子').fill('e2e-2019');
    await card.getByRole('button', { name: btn('抽取样本') }).click();
    await page.waitForURL(/\/dibao\/spot-checks\/[0-9a-f-]{36}$/);
    await page.getByText('e2e-2019').first().waitFor();
    // Rows of the drawn sample (each with its 登记结果 button), not the list page's rows it replaced.
    const rows = page.locator('.ant-table-row', { has: page.getByRole('button', { name: /登记结果/ }) });
    await rows.first().waitFor();
    const n = await rows.count();
    assert.ok(n >= 1);
    await rows
      .first()
      .getByRole('button', { name: /登记结果/ })
      .click();
    const m = openModal(page);
    await m.waitFor();
    await m.getByText('属实', { exact: true }).click();
    await m.getByLabel('入户抽查情况').fill('县民政局入户抽查,家庭人口和收入与审核结论一致。');
    await m.getByRole('button', { name: btn('保存') }).click();
    await m.waitFor({ state: 'detached' });
    // The recorded result shows on its row (the fresh sample had none).
    await page.locator('.ant-table-row').getByText('属实', { exact: true }).first().waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await fullShot(page, 'dibao-flow-spot-check-desktop');
    await signOut(page);
  });

  step('ld-cgz sees the re-checks due with links to their cases', async () => {
    await signIn(page, 'ld-cgz');
    await page.goto('/dibao/rechecks');
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    assert.match(await row.innerText(), /DBFH-/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'dibao-flow-rechecks-desktop');
    await row.getByRole('link', { name: /DBFH-/ }).click();
    await page.waitForURL('**/cases/*');
    await page
      .getByTestId('case-actions')
      .getByRole('button', { name: btn('复核结论') })
      .waitFor();
    await signOut(page);
  });

  step('xj-mzj-lead decides the re-check 吉强镇 reported (停发): the county decides (暂行办法 第十三条)', async () => {
    await signIn(page, 'xj-mzj-lead');
    await page.goto('/dibao/rechecks?status=deciding');
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    assert.match(await row.innerText(), /待决定/);
    await row.getByRole('link', { name: /DBFH-/ }).click();
    await page.waitForURL('**/cases/*');
    await waitState(page, '待作出调整决定');
    await caseAction(page, '作出复核决定', async (m) => {
      await pickOption(page, m.getByLabel('决定', { exact: true }), '同意');
      await m.getByLabel('决定意见').fill('经审查,家庭人均收入超过当地标准,同意停发。');
    });
    await waitState(page, '已复核');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await fullShot(page, 'dibao-flow-recheck-decision-desktop');
    await signOut(page);
  });
});

describe('低保 at 390 px', { concurrency: false }, () => {
  const page = f.useBrowserPage({ viewport: PHONE, timeout: T });

  step('list and case page on a phone', async () => {
    await signIn(page, 'ld-cgz');
    await page.goto('/dibao');
    // one card per application, not a table scrolling sideways; the number on one line
    const card = page.locator('.mz-wl-card').first();
    await card.waitFor();
    assert.equal(await page.locator('.ant-table').count(), 0);
    assert.equal(await card.locator('.mz-ref').evaluate((e) => e.getClientRects().length), 1);
    await shot(page, 'dibao-flow-list-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal page scroll (overflow ${overflow}px)`);
    // 低保家庭: cards too, the page no wider than the screen
    await page.goto('/dibao/households');
    const household = page.locator('.mz-wl-card').first();
    await household.waitFor();
    assert.equal(await page.locator('.ant-table').count(), 0);
    assert.equal(await household.locator('.mz-ref').evaluate((e) => e.getClientRects().length), 1);
    assert.ok(await page.evaluate(() => document.scrollingElement!.scrollWidth <= 390), 'no sideways scroll on 低保家庭');
    await shot(page, 'dibao-flow-households-phone');
    await page.goto(ldCaseUrl);
    const panel = page.getByTestId('dibao-panel');
    await panel.getByTestId('show-full-identity').click();
    await panel.getByText(/个人信息查阅日志/).waitFor();
    await shot(page, 'dibao-flow-case-phone');
    await page.goto('/dibao/new');
    await page.getByTestId('dibao-member-0').getByLabel('户籍地').click();
    for (const name of ['隆德县', '城关镇'])
      await page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item', { hasText: name }).first().click();
    await shot(page, 'dibao-flow-hukou-picker-phone');
  });
});

describe('低保 portal: a citizen applies online and tracks it', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });
  let refNo = '';
  let queryCode = '';
  const id17 = '64042319700505123';

  step('the local standard and the document checklist are shown before applying', async () => {
    await page.goto('/portal/dibao/');
    const std = page.getByLabel('查询所在地的低保标准');
    await std.locator('option[value="640423100"]').waitFor({ state: 'attached' });
    await std.selectOption('640423100');
    await page
      .locator('#s-result')
      .getByText(/元\/人·月/)
      .first()
      .waitFor();
    // 隆德县 pays its rural allowance by bands (分档): each band's amount, as the system computes it, in Chinese and English.
    const bands = page.locator('#s-result table.bands');
    await bands.waitFor();
    assert.match(await bands.locator('caption').innerText(), /农村低保分档标准\s*Rural allowance by band/);
    const rows = await bands.locator('tbody tr').allInnerTexts();
    assert.equal(rows.length, 3);
    assert.match(rows[0]!, /第一档\s*Band 1\s*0\.00 至 \d+\.00 以下\s*0\.00 to under \d+\.00\s*\d+\.00/);
    await page.setViewportSize(PHONE);
    await bands.scrollIntoViewIfNeeded();
    await shot(page, 'dibao-portal-bands-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 392, `no horizontal scroll at 390 px (scrollWidth ${width})`);
    await page.setViewportSize({ width: 1366, height: 768 });
    assert.ok((await page.locator('#materials li').count()) >= 3, 'the checklist lists the materials');
  });

  step('a wrong 身份证号 is named at its field; fixed, the application is submitted with the proof of work', async () => {
    // 县 → 乡镇 → 村, each list narrowed by the one before
    await page.getByLabel('户籍所在县（市、区）').selectOption({ label: '隆德县' });
    await page.getByLabel('乡镇（街道）').selectOption({ label: '城关镇' });
    await page.getByLabel(/户籍所在村[(（]社区[)）]/).selectOption('640423100201');
    await page.getByLabel(/家庭住址/).fill('隆德县城关镇红崖村 3 组 12 号');
    await page.getByLabel(/联系电话/).fill('13995001122');
    await page.getByLabel(/家庭月收入合计/).fill('300');
    await page.getByLabel('成员 1 姓名').fill('马玉兰');
    await page.getByLabel('成员 1 身份证号').fill(id17 + (residentIdCheckChar(id17) === '1' ? '2' : '1'));
    await page.getByRole('button', { name: '提交低保申请' }).click();
    await page
      .locator('#m0-id-error')
      .getByText(/成员 1/)
      .waitFor();
    assert.equal(await page.getByLabel('成员 1 身份证号').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('成员 1 身份证号').fill(id17 + residentIdCheckChar(id17));
    await page.getByRole('button', { name: '提交低保申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    refNo = (await page.getByTestId('dibao-ref').innerText()).trim();
    queryCode = (await page.getByTestId('dibao-code').innerText()).trim();
    assert.match(refNo, /^DB-/);
    assert.match(queryCode, /^[A-Z2-9]{12}$/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'dibao-portal-applied-desktop');
  });

  step('进度查询 by ref + query code shows the step in plain words', async () => {
    await page.getByLabel('申请编号').fill(refNo);
    await page.getByLabel('查询码').fill(queryCode);
    await page.locator('#track-form').getByRole('button', { name: '查询' }).click();
    await page.locator('#t-result strong').getByText('当前状态：已提交，等待乡镇（街道）受理').waitFor();
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal page scroll on a phone (overflow ${overflow}px)`);
    await shot(page, 'dibao-portal-tracked-phone', { fullPage: true });
  });
});
