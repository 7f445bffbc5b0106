import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, e2eFile, signInToWorklist, PHONE, seriousA11yViolations, shot, scrollInto } from './harness.ts';

/**
 * The console guides the clerk (issue 19, items 1–4), on the real server with the demo data and the
 * kernel's sample type (测试事项):
 * 1. the primary button is the normal next step — 低保 at 待受理: 受理, not 一次性告知补齐材料; at
 *    公示中: 公示期满无异议, not 登记公示异议; the sample at 办理中: 拟办意见, not 补正后重新计算;
 * 2. 公示 is a period that must elapse: shown as 须届满的期间, ended 「期满」, never 「超期完成」;
 * 3. the 即将到期 tab counts the 待签收 row tagged 即将到期; on a phone 已超期 stays in view;
 * 4. 「下一步：待 王志强(分管领导/负责人) 审批」, 待我处理 by default, the leader is notified.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const SAMPLE = 'test.sample';

const f = e2eFile('guide', { serverModule: './tests/e2e/sample-server.ts', stepTimeout: 180_000 });
const { step } = f;
const ids = { drafted: '', pending: '', org: { id: '', year: 0 } };
const TITLE_DRAFTED = '关于低保边缘家庭认定的来信(待审批)';
const TITLE_PENDING = '关于临时救助标准的来信(待签收)';

const signIn = (page: Page, username: string) => signInToWorklist(page, username, PASSWORD);

const call = apiCall;

/** The first demo 低保 application of the signed-in user in a state. */
async function dibaoIn(page: Page, state: string): Promise<string> {
  const { items } = await call(page, 'GET', `/api/dibao/applications?state=${state}&pageSize=20`);
  assert.ok(items.length, `a demo application in state ${state}`);
  return items[0].id;
}

/**
 * A demo organization of 永宁县民政局 (a county registrar with no account in the demo, so nobody there holds orgs.register)
 * whose last-year report is not yet filed (next step: the organization's 报送), now filed on paper today.
 */
async function orgFiledToday(page: Page): Promise<{ id: string; year: number }> {
  const { items } = await call(page, 'GET', '/api/orgs?pageSize=100');
  for (const o of items as Array<{ id: string; authorityName: string }>) {
    if (o.authorityName !== '永宁县民政局') continue;
    const d = await call(page, 'GET', `/api/orgs/${o.id}`);
    if (d.nextStep?.act !== 'file') continue;
    assert.match(d.nextStep.text, new RegExp(`^待 ${d.name} 报送 ${d.nextStep.year} 年度工作报告`));
    await call(page, 'POST', `/api/orgs/${o.id}/inspections`, { year: d.nextStep.year, submittedOn: new Date().toISOString().slice(0, 10) });
    return { id: o.id, year: d.nextStep.year };
  }
  throw new Error('no demo organization waits for its annual report');
}

const primaryButton = (page: Page) => page.getByTestId('case-actions').locator('.ant-btn-primary');
const squash = (s: string) => s.replace(/\s+/g, '');

async function openCase(page: Page, id: string) {
  await page.goto(`/cases/${id}`);
  await page.getByTestId('case-actions').waitFor();
  await page.getByTestId('deadlines').waitFor();
}

describe('the console guides the clerk at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  step('低保 at 待受理: the blue button is 受理; 一次性告知补齐材料 is secondary', async () => {
    await signIn(page, 'ld-cgz');
    await openCase(page, await dibaoIn(page, 'applied'));
    assert.equal(await primaryButton(page).count(), 1);
    assert.equal(squash(await primaryButton(page).innerText()), '受理');
    await page
      .getByTestId('case-actions')
      .getByRole('button', { name: /一\s*次\s*性\s*告\s*知/ })
      .waitFor();
    assert.match(await page.getByTestId('next-step').innerText(), /下一步\s*待 .+ 受理/);
    await shot(page, 'guide-1-primary-accept-desktop');
  });

  step('低保 at 公示中: the blue button is 公示期满无异议, and 公示 is a period, never 超期', async () => {
    // The demo's 公示 rounds have all ended: take an application through 受理 … 张榜公示 as the clerk would.
    const id = await dibaoIn(page, 'applied');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const go = (name: string, input?: unknown) => call(page, 'POST', `/api/cases/${id}/transitions/${name}`, { input });
    await go('accept', {});
    await go('verify');
    await go('investigate', { staff: '马小兰、海文斌', date: today, findings: '入户核实家庭收入和财产情况。', incomeStable: '稳定' });
    await go('review', { opinion: '拟同意', text: '家庭人均收入低于当地低保标准，拟同意。' });
    await go('publicize');
    await openCase(page, id);
    assert.equal(squash(await primaryButton(page).innerText()), '公示期满无异议');
    const publicity = page.getByTestId('deadlines').locator('[data-kind="period"]').first();
    await publicity.waitFor();
    const text = await publicity.innerText();
    assert.match(text, /须届满的期间/);
    assert.match(text, /期间计算中|已期满/);
    assert.doesNotMatch(text, /超期|即将到期/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'guide-2-publicity-period-desktop', { fullPage: true });
  });

  step('a confirmed 低保 case: its 公示 ended 「期满」, not a red 「超期完成」', async () => {
    await openCase(page, await dibaoIn(page, 'confirmed'));
    const publicity = page.getByTestId('deadlines').locator('[data-kind="period"]').first();
    await publicity.waitFor();
    const text = await publicity.innerText();
    assert.match(text, /期满/);
    assert.doesNotMatch(text, /超期完成/);
    await scrollInto(publicity);
    await shot(page, 'guide-2-publicity-ended-desktop');
  });

  step('the sample at 办理中: the primary is 拟办意见; after it, the case says it waits for the leader', async () => {
    await signIn(page, 'nx-fgc');
    const me = await call(page, 'GET', '/api/me');
    const made = await call(page, 'POST', '/api/cases', {
      type: SAMPLE,
      title: TITLE_DRAFTED,
      orgUnitId: me.orgUnit.id,
      input: { summary: '来信反映认定口径。' },
    });
    ids.drafted = made.id;
    await call(page, 'POST', `/api/cases/${ids.drafted}/transitions/accept`, {});
    await openCase(page, ids.drafted);
    assert.equal(squash(await primaryButton(page).innerText()), '拟办意见');
    await call(page, 'POST', `/api/cases/${ids.drafted}/transitions/draft`, { input: { opinion: '支持' } });
    await page.reload();
    await page.getByTestId('next-step').getByText('待 王志强（分管领导/负责人） 审批').waitFor();
    await shot(page, 'guide-4-next-step-desktop');
  });

  step('待我处理 is the default: the clerk does not see the case waiting for the leader unless she asks for 本单位全部', async () => {
    await page.goto(`/`);
    const wl = page.getByTestId('worklist');
    await wl.getByPlaceholder(/搜索|编号/).fill('待审批');
    await wl.getByPlaceholder(/搜索|编号/).press('Enter');
    await wl.getByText('暂无「待办」事项').waitFor();
    assert.equal(await wl.getByText(TITLE_DRAFTED).count(), 0);
    await wl.getByText('本单位全部').click();
    await wl.getByText(TITLE_DRAFTED).waitFor();
  });

  step('the leader finds it under 待我处理 and in her notifications', async () => {
    await signIn(page, 'nx-fgc-lead');
    const wl = page.getByTestId('worklist');
    await wl.getByText(TITLE_DRAFTED).waitFor();
    const bell = page.getByTestId('notification-bell');
    await bell.click();
    await page
      .getByTestId('notification-panel')
      .getByText(/待您审批/)
      .first()
      .waitFor();
    await shot(page, 'guide-4-leader-notified-desktop');
    await page.keyboard.press('Escape');
  });

  step('即将到期 counts the 待签收 row tagged 即将到期', async () => {
    await signIn(page, 'nx-fgc');
    const me = await call(page, 'GET', '/api/me');
    ids.pending = (
      await call(page, 'POST', '/api/cases', { type: SAMPLE, title: TITLE_PENDING, orgUnitId: me.orgUnit.id, input: { summary: '转银川市。' } })
    ).id;
    const units = (await call(page, 'GET', `/api/org-units?q=${encodeURIComponent('银川市民政局')}&pageSize=50`)) as {
      items: Array<{ id: string; code: string }>;
    };
    const to = units.items.find((o) => o.code === '640100-mzj')?.id;
    assert.ok(to, '银川市民政局 among the org units');
    await call(page, 'POST', `/api/cases/${ids.pending}/handoff`, { kind: 'transfer', toOrgId: to });
    await signIn(page, 'yc-mzj');
    await page.goto('/?tab=to_acknowledge');
    const wl = page.getByTestId('worklist');
    const row = wl.locator('.ant-table-row', { hasText: TITLE_PENDING });
    await row.getByText('即将到期').waitFor();
    await page.goto('/?tab=due_soon');
    await wl.locator('.ant-table-row', { hasText: TITLE_PENDING }).waitFor();
    // The count shows 「·」 until the counts query answers: read it once it is a number.
    const count = wl.getByTestId('wl-count-due_soon').filter({ hasText: /^\d+$/ });
    await count.waitFor();
    const shown = Number(await count.innerText());
    // The workbench opens every tab on 待我处理: its count and rows are that view's.
    const { total, items } = await call(page, 'GET', '/api/worklist?tab=due_soon&view=mine&pageSize=100');
    const { items: toAck } = await call(page, 'GET', '/api/worklist?tab=to_acknowledge&view=mine&pageSize=100');
    const { items: todo } = await call(page, 'GET', '/api/worklist?tab=todo&view=mine&pageSize=100');
    const tagged = new Set([...toAck, ...todo].filter((x: { clockState: string }) => x.clockState === 'due_soon').map((x: { id: string }) => x.id));
    assert.equal(shown, total);
    assert.equal(total, tagged.size);
    assert.deepEqual(new Set(items.map((x: { id: string }) => x.id)), tagged);
    await shot(page, 'guide-3-due-soon-desktop');
  });

  step('社会组织 年检: the org page says who does the 初审 and opens the form on it, 保存 the one primary button', async () => {
    await signIn(page, 'yc-mzj');
    ids.org = await orgFiledToday(page);
    await page.goto(`/orgs/${ids.org.id}`);
    // nobody at 永宁县民政局 holds the permission: the city registrar is told it may act for it (no bare 「由您办理」)
    const line = await page.getByTestId('next-step').innerText();
    assert.match(line, new RegExp(`下一步\\s*待 永宁县民政局 初审 ${ids.org.year} 年度工作报告（该单位无人持有此权限，您可代为办理）$`));
    const pane = page.getByRole('tabpanel'); // the open tab's pane (the others are hidden)
    assert.equal(squash(await pane.locator('.ant-btn-primary').innerText()), '保存');
    assert.equal(await pane.locator('.ant-input-number-input').inputValue(), String(ids.org.year));
    await shot(page, 'guide-4-orgs-next-step-desktop');
  });
});

describe('the worklist and case page on a 390-px phone', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  step('已超期 and every other count stay in view (no 「⋯」)', async () => {
    await signIn(page, 'yc-mzj');
    const overdue = page.getByTestId('wl-count-overdue');
    await overdue.waitFor();
    assert.ok(await overdue.isVisible(), '已超期 count visible');
    const box = await overdue.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `已超期 count inside the screen (${JSON.stringify(box)})`);
    assert.equal(await page.locator('.ant-tabs-nav-more').count(), 0);
    await shot(page, 'guide-3-worklist-phone');
  });

  step('the case page says who acts next', async () => {
    await page.goto(`/cases/${ids.pending}`);
    await page.getByTestId('next-step').getByText('待 银川市民政局 签收').waitFor();
    await shot(page, 'guide-4-next-step-phone');
  });

  step('the organization page says who does the 初审 on a phone too', async () => {
    await signIn(page, 'yc-mzj');
    await page.goto(`/orgs/${ids.org.id}`);
    await page.getByTestId('next-step').getByText(`初审 ${ids.org.year} 年度工作报告`, { exact: false }).waitFor();
    // first on the page, above the 登记事项 block, as on the case page
    const next = await page.getByTestId('next-step').boundingBox();
    const particulars = await page.locator('.ant-card', { hasText: '登记事项' }).first().boundingBox();
    assert.ok(next && particulars && next.y + next.height <= particulars.y && next.y < PHONE.height, JSON.stringify({ next, particulars }));
    await shot(page, 'guide-4-orgs-next-step-phone');
  });
});
