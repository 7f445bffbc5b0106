import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../src/kernel/codes/index.ts';
import { apiCall, e2eFile, signInToWorklist, openModal, PHONE, pickOption, seriousA11yViolations, shot } from './harness.ts';

/**
 * Issue 19, items 5–6, as the 凤凰北街 street office (one clerk, no approver) and the 兴庆区 bureau:
 * 5. after 签收 the street office's 转送 list offers the level above (兴庆区民政局) — never itself — and a
 *    body outside the platform (人社局 …) with the day and the way it was sent; the matter goes back up;
 * 6. drafting an opinion there warns that it goes to the level above, whose leader finds it under
 *    待我处理 and approves it.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('guide-handoff', { serverModule: './tests/e2e/sample-server.ts', stepTimeout: 180_000 });
const { step } = f;
const ids = { up: '', draft: '' };
const TITLE_UP = '关于低保待遇取消的来信(区级职责)';
const TITLE_DRAFT = '关于临时救助金发放的来信(街道办理)';
let seq = 500;

const signIn = (page: Page, username: string) => signInToWorklist(page, username, PASSWORD);

const call = apiCall;

/** As the 兴庆区 clerk: register a letter and 转送 it to the 凤凰北街 street office. */
async function toStreetOffice(page: Page, title: string): Promise<string> {
  const first17 = '64010419760401' + String(seq++).padStart(3, '0');
  const p = await call(page, 'POST', '/api/petitions', {
    title,
    channel: '来信',
    category: '申诉求决',
    subject: '低保',
    concernedAreaCode: '640104',
    content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇,说明取消的理由和依据。',
    petitioners: [{ name: '马某', idNumber: first17 + residentIdCheckChar(first17) }],
  });
  const { targets } = await call(page, 'GET', `/api/cases/${p.id}/handoff-targets`);
  const street = targets.find((o: { name: string }) => o.name === '凤凰北街街道办事处');
  assert.ok(street, '凤凰北街街道办事处 among the county’s targets');
  await call(page, 'POST', `/api/cases/${p.id}/handoff`, { kind: 'transfer', toOrgId: street.id });
  return p.id;
}

async function openCase(page: Page, id: string) {
  await page.goto(`/cases/${id}`);
  await page.getByTestId('case-actions').waitFor();
}

const actionButton = (page: Page, name: RegExp) => page.getByTestId('case-actions').getByRole('button', { name });
const dropdownOptions = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

describe('转送 has a way out and an opinion finds its approver, at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  step('the county 转送s two letters to the street office, which signs for them', async () => {
    await signIn(page, 'xq-mzj');
    ids.up = await toStreetOffice(page, TITLE_UP);
    ids.draft = await toStreetOffice(page, TITLE_DRAFT);
    await signIn(page, 'xq-fhbj');
    for (const id of [ids.up, ids.draft]) await call(page, 'POST', `/api/cases/${id}/acknowledge`, {});
  });

  step('after 签收 the 转送 list starts with the level above and never offers the street office itself', async () => {
    await openCase(page, ids.up);
    await actionButton(page, /^转\s*送$/).click();
    const modal = openModal(page);
    await modal.getByText('本平台以外的机关').waitFor();
    await modal.getByTestId('handoff-targets').click();
    const options = dropdownOptions(page);
    await options.first().waitFor();
    assert.match(await options.first().innerText(), /兴庆区民政局/);
    assert.equal(await options.filter({ hasText: '凤凰北街街道办事处' }).count(), 0);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('上一级').waitFor();
    await shot(page, 'guide-5-handoff-targets-desktop');
    await page.keyboard.press('Escape');
    await modal.getByText('本平台以外的机关').click();
    await modal.getByTestId('outside-body').click();
    await dropdownOptions(page).filter({ hasText: '兴庆区人力资源和社会保障局' }).first().waitFor();
    await page.keyboard.press('Escape');
    await pickOption(page, modal.getByLabel('转送方式'), '公文交换', { type: false });
    await shot(page, 'guide-5-handoff-outside-desktop');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await modal.getByText('本平台单位').click();
    await pickOption(page, modal.getByLabel('接收单位'), '兴庆区民政局', { type: false });
    await modal.getByRole('button', { name: /^转\s*送$/ }).click();
    await page.getByTestId('next-step').getByText('待 兴庆区民政局 签收').waitFor();
  });

  step('drafting where nobody can approve warns that the opinion goes to the level above', async () => {
    await call(page, 'POST', `/api/cases/${ids.draft}/transitions/accept`, { input: { notice: '已受理，书面告知信访人' } });
    await call(page, 'POST', `/api/cases/${ids.draft}/transitions/start`, {});
    await openCase(page, ids.draft);
    await page.getByTestId('draft-opinion').click();
    const warning = openModal(page).getByTestId('approval-route');
    await warning.waitFor();
    assert.match(await warning.innerText(), /暂无审批人员，提交后送上一级兴庆区民政局陈国庆/);
    await shot(page, 'guide-6-approval-route-warning-desktop');
    await page.keyboard.press('Escape');
    await call(page, 'POST', `/api/cases/${ids.draft}/transitions/draft`, { input: { opinion: '支持', text: '经核查，取消低保依据不足，予以恢复。' } });
    await page.reload();
    await page.getByTestId('next-step').getByText('待 上一级 兴庆区民政局 陈国庆').waitFor();
  });

  step('the county leader finds it under 待我处理 and approves it', async () => {
    await signIn(page, 'xq-mzj-lead');
    const wl = page.getByTestId('worklist');
    await wl.getByText(TITLE_DRAFT).waitFor();
    await openCase(page, ids.draft);
    await actionButton(page, /审批同意/).click();
    await openModal(page)
      .getByRole('button', { name: /审批同意/ })
      .click();
    await page.getByTestId('next-step').getByText(/送达/).waitFor();
    const c = await call(page, 'GET', `/api/cases/${ids.draft}`);
    assert.equal(c.state, 'approved');
    await shot(page, 'guide-6-approved-by-level-above-desktop');
  });
});

describe('the 转送 dialog on a 390-px phone', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  step('the county clerk sees the level above first and the outside bodies', async () => {
    await signIn(page, 'xq-mzj');
    await call(page, 'POST', `/api/cases/${ids.up}/acknowledge`, {});
    await openCase(page, ids.up);
    await actionButton(page, /^转\s*送$/).click();
    const modal = openModal(page);
    await modal.getByTestId('handoff-targets').click();
    const first = dropdownOptions(page).first();
    await first.waitFor();
    assert.match(await first.innerText(), /银川市民政局/);
    await shot(page, 'guide-5-handoff-targets-phone');
  });
});
