import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { PHONE, e2eFile, login, shot } from './harness.ts';

/**
 * Every page of the menu at 390×844 (issue 19): the administrator (who holds every permission) opens each entry the
 * phone's menu drawer lists — read from the menu itself, so a new module's pages are covered without naming them —
 * and neither the page nor any table on it scrolls sideways: lists are cards on a phone.
 * Screenshots: test-results/screenshots/phone-list-<path>.png.
 */
const ADMIN = { username: 'admin', password: 'Minzheng@2019' };
const f = e2eFile('phone-lists');
const { step } = f;

/** The paths of the menu's pages, every submenu of the drawer opened. */
async function menuPaths(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: '导航菜单' }).click();
  const drawer = page.getByRole('dialog');
  const submenus = drawer.locator('.ant-menu-submenu:not(.ant-menu-submenu-disabled) > .ant-menu-submenu-title');
  await submenus.first().waitFor();
  for (const title of await submenus.all()) {
    await title.click();
    await title.locator('xpath=..').locator('.ant-menu-item').first().waitFor();
  }
  // rc-menu marks each item with data-menu-id = `<menu id>-<key>`, and the key is the page's path.
  const ids = await drawer.locator('.ant-menu-item[data-menu-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id') ?? ''));
  await page.keyboard.press('Escape');
  return [...new Set(ids.map((id) => id.slice(id.indexOf('-/') + 1)))].filter((p) => p.startsWith('/') && p !== '/');
}

/** What scrolls sideways on the page: the document, or a table inside its own box. */
function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) found.push(`page ${doc.scrollWidth}px > ${window.innerWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>('main .ant-table-content, main .ant-table-body')) {
      if (el.scrollWidth > el.clientWidth + 1) {
        const head = [...(el.querySelectorAll('th') ?? [])].map((th) => th.textContent?.trim()).filter(Boolean);
        found.push(`table (${head.slice(0, 3).join('、')}…) ${el.scrollWidth}px > ${el.clientWidth}px`);
      }
    }
    return found;
  });
}

describe('every menu page at 390×844', { concurrency: false }, () => {
  const page = f.useBrowserPage({ viewport: PHONE, timeout: 20_000 });

  step('no page of the menu and no table on it scrolls sideways', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await page.waitForURL((u) => u.pathname === '/');
    const paths = await menuPaths(page);
    assert.ok(paths.length > 30, `the menu lists the modules' pages (${paths.join(' ')})`);
    assert.ok(paths.includes('/hall') && paths.includes('/admin/users'), 'business and 系统管理 pages alike');
    const failures: string[] = [];
    for (const p of paths) {
      await page.goto(p);
      await page.locator('main .mz-page, main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page
        .locator('main .ant-spin-spinning, main .ant-skeleton')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await shot(page, `phone-list${p.replace(/\//g, '-')}`);
      for (const what of await sidewaysScroll(page)) failures.push(`${p}: ${what}`);
    }
    assert.deepEqual(failures, []);
  });
});
