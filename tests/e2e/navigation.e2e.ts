import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, e2eFile, PHONE, pickOption, seriousA11yViolations, shot, signInToWorklist } from './harness.ts';

/**
 * Finding one's way (issue 19): the trail under the header (工作台 › module › page › record) and
 * 「返回」 that lands on the list and filter the case was opened from — or, for a shared link, on
 * the module's list; the user list with areas and roles, and 信访设置 naming the receiving unit.
 */
const PASSWORD = 'Minzheng@2019';
/** 政策法规处 of the 自治区 department: sees every unit's 信访事项, so a filtered list has a page 2. */
const CLERK = 'nx-fgc';
const LEADER = 'ld-mzj';
const T = 20_000;

const f = e2eFile('nav');
const { step } = f;

/** The trail's items joined by › (the separators are drawn by CSS), once its current item is there. */
async function trail(page: Page) {
  const crumbs = page.getByTestId('breadcrumbs');
  await crumbs.locator('[aria-current="page"]').waitFor();
  return (await crumbs.locator('ol > li').allInnerTexts()).map((x) => x.trim()).join('›');
}

/** The page the menu highlights (in the side menu, its module open). */
async function menuSelected(page: Page) {
  const item = page.getByRole('complementary').locator('.ant-menu-item-selected');
  await item.waitFor();
  return (await item.innerText()).trim();
}

/** A state filter with more than one page of 信访事项 for this user, so page 2 exists. */
async function stateWithTwoPages(page: Page): Promise<{ state: string; label: string }> {
  for (const [state, label] of [
    ['closed', '办结'],
    ['delivered', '已送达'],
    ['handling', '办理中'],
    ['accepted', '已受理'],
    ['refused', '不予受理'],
    ['registered', '已登记（甄别中）'],
  ] as const) {
    const r = await apiCall(page, 'GET', `/api/petitions?state=${state}&page=1&pageSize=1`);
    if (r.total > 20) return { state, label };
  }
  throw new Error('no 信访 state with more than 20 items in the demo');
}

describe('trail and 返回 at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });
  let caseUrl = '';
  let listUrl = '';

  step('opening a case from a filtered list on page 2, 返回 lands on that list with its filter and page', async () => {
    await signInToWorklist(page, CLERK, PASSWORD);
    const { state, label } = await stateWithTwoPages(page);
    await page.getByRole('complementary').getByRole('menuitem', { name: '信访事项' }).first().click();
    await page.getByRole('complementary').getByRole('menuitem', { name: '信访事项' }).last().click();
    await page.waitForURL((u) => u.pathname === '/petitions');
    assert.equal(await trail(page), '工作台›信访事项');
    await pickOption(page, page.getByLabel('状态', { exact: true }), label, { type: false });
    await page.waitForURL((u) => u.searchParams.get('state') === state);
    // The rows of page 2 (the table keeps page 1's on screen until they arrive).
    const page2 = page.waitForResponse((r) => r.url().includes('/api/petitions?') && new URL(r.url()).searchParams.get('page') === '2');
    await page.locator('.mz-pt-table .ant-pagination-item-2').click();
    await page.waitForURL((u) => u.searchParams.get('page') === '2' && u.searchParams.get('state') === state);
    const ref: string = (await (await page2).json()).items[0].refNo;
    listUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    const row = page.locator('.mz-pt-table tbody tr.mz-clickable-row').filter({ hasText: ref });
    await row.locator('a.mz-wl-title').click();
    await page.waitForURL((u) => u.pathname.startsWith('/cases/'));
    caseUrl = page.url();
    await page.getByTestId('case-ref').filter({ hasText: ref }).waitFor();
    await page.getByTestId('breadcrumbs').getByText(ref).waitFor();
    assert.equal(await trail(page), `工作台›信访事项›${ref}`);
    assert.equal(await menuSelected(page), '信访事项'); // the menu names what the trail names, not 工作台
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'nav-case-trail-desktop');

    await page.getByTestId('back-link').click();
    await page.waitForURL((u) => u.pathname === '/petitions');
    const back = new URL(page.url());
    assert.equal(back.pathname + back.search, listUrl);
    assert.equal(back.searchParams.get('state'), state);
    assert.equal(back.searchParams.get('page'), '2');
    await page.locator('.mz-pt-table .ant-pagination-item-2.ant-pagination-item-active').waitFor();
    await page.getByTestId('petition-filters').getByText(label, { exact: true }).waitFor();
  });

  step('the trail’s list item leads back to the same list, across a reload of the case page', async () => {
    await page.locator('.mz-pt-table tbody tr.mz-clickable-row a.mz-wl-title').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/cases/'));
    await page.getByTestId('case-ref').waitFor();
    await page.reload();
    await page.getByTestId('case-ref').waitFor();
    await page.getByTestId('breadcrumbs').getByRole('link', { name: '信访事项' }).click();
    await page.waitForURL((u) => u.pathname === '/petitions');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, listUrl);
  });

  step('a case opened from a shared link leads back to its module’s list', async () => {
    const fresh = await page.context().newPage();
    try {
      await fresh.goto(caseUrl);
      await fresh.getByTestId('case-ref').waitFor();
      assert.equal(await fresh.getByTestId('back-link').getAttribute('href'), '/petitions');
      assert.equal(await menuSelected(fresh), '信访事项');
      await fresh.getByTestId('back-link').click();
      await fresh.waitForURL((u) => u.pathname === '/petitions' && u.search === '');
    } finally {
      await fresh.close();
    }
  });

  step('信访设置 names the unit receiving online petitions, not its code', async () => {
    await page.goto('/petitions/settings');
    await page.getByText('网上信访受理单位').waitFor();
    assert.equal(await trail(page), '工作台›信访事项›信访设置');
    const unit = page.locator('.ant-form-item').filter({ hasText: '网上信访受理单位' });
    await unit
      .locator('.ant-select')
      .getByText(/政策法规处/)
      .waitFor();
    assert.equal(await unit.getByText('640000-mzt-fgc').count(), 0); // nor its default
    await shot(page, 'nav-petition-settings-desktop');
  });

  step('用户管理 shows each user’s area and roles', async () => {
    await signInToWorklist(page, LEADER, PASSWORD);
    await page.goto('/admin/users');
    assert.equal(await trail(page), '工作台›系统管理›用户管理');
    const row = page.locator('.ant-table-row').filter({ hasText: 'ld-mzj' });
    await row.locator('.mz-role-tags .ant-tag').first().waitFor();
    assert.match(await row.innerText(), /[\u4e00-\u9fa5]+(区|县|市)/);
    await shot(page, 'nav-users-desktop');
  });

  step('a register’s record is named in the trail by its title, not 「详情」', async () => {
    const org: { id: string; name: string } = (await apiCall(page, 'GET', '/api/orgs?page=1&pageSize=1')).items[0];
    await page.goto(`/orgs/${org.id}`);
    await page.getByRole('heading', { name: org.name, level: 1 }).waitFor();
    await page.getByTestId('breadcrumbs').getByText(org.name).waitFor();
    assert.equal(await trail(page), `工作台›社会组织›社会组织名录›${org.name}`);
    await page.getByTestId('back-link').waitFor();
    await shot(page, 'nav-org-record-trail-desktop');
  });

  step('a thin bar runs across the top while a page’s chunk is on its way', async () => {
    const chunk = /\/assets\/ReceptionLogPage-[^/]+\.js$/;
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(chunk, async (route) => {
      await held;
      await route.continue();
    });
    try {
      const menu = page.getByRole('complementary');
      await menu.getByRole('menuitem', { name: '信访事项' }).first().click();
      await menu.getByRole('menuitem', { name: '接待登记' }).click();
      await page.getByTestId('route-progress').waitFor();
      assert.equal(new URL(page.url()).pathname, '/petitions/reception-log');
      release();
      await page.getByTestId('route-progress').waitFor({ state: 'detached' });
      assert.equal(await trail(page), '工作台›信访事项›接待登记');
    } finally {
      release();
      await page.unroute(chunk);
    }
  });
});

describe('trail on a phone (390 px)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ viewport: PHONE, timeout: T });

  step('the trail keeps to one line: the last two items', async () => {
    await signInToWorklist(page, CLERK, PASSWORD);
    await page.goto('/petitions?page=2');
    await page.getByTestId('petition-cards').locator('a.mz-wl-card').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/cases/'));
    const ref = (await page.getByTestId('case-ref').innerText()).trim();
    await page.getByTestId('breadcrumbs').getByText(ref).waitFor();
    assert.equal(await trail(page), `…›信访事项›${ref}`);
    const box = await page.getByTestId('breadcrumbs').boundingBox();
    assert.ok(box && box.height < 30, `the trail wraps: ${box?.height}px`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `page scrolls sideways: ${width}px`);
    await shot(page, 'nav-case-trail-phone');
    await page.getByTestId('back-link').click();
    await page.waitForURL((u) => u.pathname === '/petitions' && u.searchParams.get('page') === '2');
  });

  step('settings and users read on a phone', async () => {
    await page.goto('/petitions/settings');
    await page
      .locator('.ant-form-item')
      .filter({ hasText: '网上信访受理单位' })
      .locator('.ant-select')
      .getByText(/政策法规处/)
      .waitFor();
    await shot(page, 'nav-petition-settings-phone');
    await signInToWorklist(page, LEADER, PASSWORD);
    await page.goto('/admin/users');
    await page.locator('.mz-role-tags .ant-tag').first().waitFor();
    await shot(page, 'nav-users-phone');
  });
});
