import assert from 'node:assert/strict';
import { beforeEach, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, totpStep, hotp } from '../../src/kernel/identity/totp.ts';
import { e2eFile, login, PHONE, seriousA11yViolations, shot, pickOption, userMenu, scrollInto } from './harness.ts';

const ADMIN = { username: 'admin', password: 'Minzheng@2019' };
const COUNTY = { username: 'ld-mzj', password: 'Minzheng@2019' };
const T = 20_000;

const f = e2eFile('console');
const { step } = f;

const menu = (page: Page) => page.locator('aside nav');
const content = (page: Page) => page.locator('main');

async function openMenu(page: Page, name: string) {
  await menu(page).getByRole('menuitem', { name }).click();
}

describe('staff console at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });
  let totpSecret = '';
  // Each step starts from a fresh page load (the session cookie persists), so one failure
  // cannot leave a drawer or modal open over the next step.
  beforeEach(async () => {
    if (new URL(page.url()).pathname.startsWith('/admin') || page.url().endsWith('/profile')) await page.goto('/');
  });

  step('public portal is accessible and links to staff login', async () => {
    await page.goto('/portal/');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /民政法治政务平台 公众服务/ }).waitFor());
    assert.equal(await page.getByText('即将开通').count(), 0); // every service card links to live pages
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-desktop');
    await page.getByRole('link', { name: '工作人员登录' }).first().click();
    await page.waitForURL('**/login');
  });

  step('login page is accessible and explains a wrong password in Chinese', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { name: '用户登录' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'login-desktop');
    await login(page, ADMIN.username, 'wrong-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await shot(page, 'login-error-desktop');
  });

  step('admin signs in and sees the workbench', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await page.waitForURL((u) => u.pathname === '/');
    await content(page)
      .getByRole('heading', { level: 1, name: /马建国/ })
      .waitFor();
    assert.match(await page.getByTestId('header-identity').innerText(), /宁夏回族自治区民政厅/);
    assert.match(await page.getByTestId('scope-badge').innerText(), /本级及下级/);
    // The worklist replaced the 待办 placeholder: six tabs, each with its count.
    const worklist = page.getByTestId('worklist');
    await worklist.getByRole('tab', { name: /待签收/ }).waitFor();
    assert.equal(await worklist.getByRole('tab').count(), 6);
    await page.getByTestId('wl-count-overdue').filter({ hasText: /^\d+$/ }).waitFor();
    await page.getByTestId('health-card').getByText('运行正常').waitFor();
    // Every module is built: no menu entry is a disabled placeholder (学法用法 now lives under 行政执法).
    assert.equal(
      await menu(page)
        .getByRole('menuitem', { name: /学法用法/ })
        .count(),
      0,
    );
    assert.equal(await menu(page).locator('[aria-disabled="true"]').count(), 0);
    await shot(page, 'home-desktop');
  });

  step('users: list, search, edit drawer with roles', async () => {
    await openMenu(page, '用户管理');
    await page.waitForURL('**/admin/users');
    const table = content(page).locator('.ant-table');
    await table.getByText('ld-mzj').waitFor();
    await shot(page, 'users-desktop');
    await content(page).getByPlaceholder('用户名 / 姓名').fill('杨志明');
    await content(page).getByPlaceholder('用户名 / 姓名').press('Enter');
    await table.locator('tbody tr.ant-table-row').nth(1).waitFor({ state: 'detached' });
    assert.match(await table.locator('tbody tr.ant-table-row').innerText(), /ld-mzj/);
    await table.getByRole('button', { name: '编辑' }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('姓名').waitFor();
    assert.equal(await drawer.getByLabel('姓名').inputValue(), '杨志明');
    await shot(page, 'user-edit-desktop');
    await drawer.getByRole('tab', { name: '角色授权' }).click();
    await drawer.getByText('用户管理员').waitFor();
    await shot(page, 'user-roles-desktop');
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();
  });

  step('users: create a user, grant a role, delegate (代管) a role to them', async () => {
    await openMenu(page, '用户管理');
    await content(page).getByRole('button', { name: '新增用户' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('用户名').fill('e2e-clerk');
    await drawer.getByLabel('姓名').fill('测试经办');
    await pickOption(page, drawer.getByLabel('所属机构'), '隆德县民政局');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    // No password given: the server generates one and the console shows it once.
    const notice = page.locator('.ant-modal-confirm');
    await notice.locator('.ant-modal-confirm-title', { hasText: '临时密码' }).waitFor();
    assert.match(await notice.locator('.mz-mono').innerText(), /^\S{10,}$/);
    await notice.getByRole('button').last().click();
    await drawer.getByRole('tab', { name: '角色授权', selected: true }).waitFor();
    await pickOption(page, drawer.getByLabel('角色', { exact: true }), '业务经办人员');
    await drawer.getByRole('button', { name: '添加角色' }).click();
    await drawer.locator('.ant-table').getByText('业务经办人员').waitFor();
    await shot(page, 'user-create-roles-desktop');
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();

    // ld-mzj hands their 业务经办人员 role to the new colleague for a week.
    await content(page).getByPlaceholder('用户名 / 姓名').fill('ld-mzj');
    await content(page).getByPlaceholder('用户名 / 姓名').press('Enter');
    const table = content(page).locator('.ant-table');
    await table.locator('tbody tr.ant-table-row').nth(1).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: '编辑' }).first().click();
    await drawer.getByRole('tab', { name: '角色授权' }).click();
    await drawer.locator('tr', { hasText: '业务经办人员' }).getByRole('button', { name: '代管' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '角色代管' });
    await pickOption(page, modal.getByLabel('代管人'), '测试经办');
    await modal.getByLabel('事由').fill('休假期间由测试经办代为受理');
    await shot(page, 'user-delegation-desktop');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    // 添加角色 showed 已保存 too, a moment ago: two toasts may be up at once.
    await page.locator('.ant-message').getByText('已保存').last().waitFor();
    await modal.waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();
  });

  step('org units: tree by area and table', async () => {
    await openMenu(page, '组织机构');
    await page.waitForURL('**/admin/org-units');
    await content(page).locator('.ant-table').getByText('宁夏回族自治区民政厅').first().waitFor();
    await content(page).locator('.ant-tree').getByText('固原市').click();
    await content(page).locator('.ant-table').getByText('隆德县民政局').waitFor();
    await shot(page, 'org-units-desktop');
  });

  step('org units: CSV import reports line errors, then imports', async () => {
    await openMenu(page, '组织机构');
    await content(page).getByRole('button', { name: '导入 CSV' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: 'CSV 批量导入' });
    const header = 'code,name,name_en,kind,area_code,parent_code';
    await modal
      .getByLabel('或直接粘贴 CSV 内容')
      .fill(`${header}\n640423-mzj-e2e,隆德县民政局测试股,,division,640423,640423-mzj\n640423-bad,无效机构,,nonsense,999999,`);
    await modal.getByRole('button', { name: '校验并导入' }).click();
    await modal.getByText('校验未通过，未导入任何数据').waitFor();
    await modal.locator('.ant-table').getByText('kind').waitFor();
    await shot(page, 'org-units-import-errors-desktop');
    await modal.getByLabel('或直接粘贴 CSV 内容').fill(`${header}\n640423-mzj-e2e,隆德县民政局测试股,,division,640423,640423-mzj`);
    await modal.getByRole('button', { name: '校验并导入' }).click();
    await modal.getByText('导入完成').waitFor();
    assert.match(await modal.locator('.ant-statistic').first().innerText(), /新增\s*1/);
    await shot(page, 'org-units-import-ok-desktop');
    await modal
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();
  });

  step('areas: tree with levels and sample-data tags', async () => {
    await openMenu(page, '行政区划');
    await page.waitForURL('**/admin/areas');
    const tree = content(page).locator('.ant-tree');
    await tree.getByText('固原市').waitFor();
    // The tree is virtualised: filter rather than scroll to reach a county.
    await content(page).getByPlaceholder('按名称或代码筛选').fill('隆德');
    await tree.getByText('隆德县').waitFor();
    await content(page).getByPlaceholder('按名称或代码筛选').fill('城关镇');
    await tree.getByText('城关镇').first().click();
    await content(page).locator('.ant-descriptions').getByText('示例数据').waitFor();
    await shot(page, 'areas-desktop');
  });

  step('audit log: list, detail, verify the chain', async () => {
    await openMenu(page, '审计日志');
    await page.waitForURL('**/admin/audit');
    const rows = content(page).locator('.ant-table tbody tr.ant-table-row');
    await rows.first().waitFor();
    await rows.first().getByRole('button', { name: '详情' }).click();
    await page.getByRole('dialog').getByText('变更内容').waitFor();
    await shot(page, 'audit-detail-desktop');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Close|关闭/ })
      .click();
    await page.getByTestId('verify-chain').click();
    await page.getByText('审计链完整，未发现篡改').waitFor();
    await shot(page, 'audit-verify-desktop');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await shot(page, 'audit-desktop');
  });

  step('login log shows the sign-ins', async () => {
    await openMenu(page, '登录日志');
    await page.waitForURL('**/admin/login-log');
    const table = content(page).locator('.ant-table');
    await table.getByText('登录成功').first().waitFor();
    await table.getByText('密码错误').first().waitFor();
    await shot(page, 'login-log-desktop');
  });

  step('profile: password policy and TOTP enrolment', async () => {
    await userMenu(page, '个人中心');
    await page.waitForURL('**/profile');
    await page.getByTestId('password-card').getByText('长度至少 10 位').waitFor();
    await page.getByRole('button', { name: '开始绑定' }).click();
    const card = page.getByTestId('totp-card');
    await card.locator('canvas, svg').first().waitFor();
    const uri = await card.getByText(/^otpauth:\/\//).innerText();
    totpSecret = new URL(uri).searchParams.get('secret') ?? '';
    assert.ok(totpSecret.length >= 16, 'otpauth URI carries the secret');
    await scrollInto(card.getByRole('button', { name: '确认启用' }));
    await shot(page, 'profile-totp-setup-desktop');
    const key = base32Decode(totpSecret);
    await card.getByPlaceholder('123456').fill(hotp(key, totpStep(new Date())));
    await card.getByRole('button', { name: '确认启用' }).click();
    await card.getByText('已启用').waitFor();
    await shot(page, 'profile-desktop');
  });

  step('language switch to English and back', async () => {
    await page.goto('/');
    await page.locator('header').getByText('English').click();
    await menu(page).getByRole('menuitem', { name: 'Users' }).waitFor();
    await shot(page, 'home-en-desktop');
    await page.locator('header').getByText('中文').click();
    await menu(page).getByRole('menuitem', { name: '用户管理' }).waitFor();
  });

  step('logout, then sign-in asks for the TOTP code', async () => {
    await userMenu(page, '退出登录');
    await page.waitForURL('**/login');
    await login(page, ADMIN.username, ADMIN.password);
    const code = page.getByLabel('动态验证码');
    await code.waitFor();
    await shot(page, 'login-totp-desktop');
    // The enrolment used this step's code; a code is never accepted twice, so use the next step's (within drift).
    await code.fill(hotp(base32Decode(totpSecret), totpStep(new Date()) + 1));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await userMenu(page, '退出登录');
    await page.waitForURL('**/login');
  });

  step('a county user sees only what their permissions allow', async () => {
    await login(page, COUNTY.username, COUNTY.password);
    await page.waitForURL((u) => u.pathname === '/');
    assert.match(await page.getByTestId('header-identity').innerText(), /隆德县/);
    const items = await menu(page).locator('.ant-menu-item-group').filter({ hasText: '系统管理' }).getByRole('menuitem').allInnerTexts();
    assert.deepEqual(
      items.map((s) => s.trim()),
      ['用户管理', '组织机构', '行政区划', '登录日志', '工作日日历'],
    );
    await shot(page, 'home-county-desktop');
    await openMenu(page, '用户管理');
    await content(page).locator('.ant-table').getByText('ld-cgz', { exact: true }).waitFor();
    assert.equal(await content(page).locator('.ant-table').getByText('admin', { exact: true }).count(), 0, 'region-level users are outside the county scope');
    await page.goto('/admin/audit');
    await content(page).getByText('无权访问该页面').waitFor();
  });
});

describe('phone at 390×844', { concurrency: false }, () => {
  const page = f.useBrowserPage({ viewport: PHONE, timeout: T });

  step('portal and login fit a phone and stay accessible', async () => {
    await page.goto('/portal/');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-phone');
    await page.goto('/login');
    await page.getByRole('heading', { name: '用户登录' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'login-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll on the login page (overflow ${overflow}px)`);
  });

  step('console collapses the menu into a drawer', async () => {
    await login(page, COUNTY.username, COUNTY.password);
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('header-identity').getByText('隆德县').waitFor();
    assert.equal(await page.locator('aside').count(), 0, 'no fixed sider on a phone');
    await shot(page, 'home-phone');
    await page.getByRole('button', { name: '导航菜单' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('menuitem', { name: '用户管理' }).waitFor();
    await shot(page, 'menu-phone');
    await drawer.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/admin/users');
    await content(page).locator('.mz-dt-card').getByText('ld-mzj').waitFor();
    await shot(page, 'users-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the users are cards and the page does not scroll sideways (overflow ${overflow}px)`);
  });
});
