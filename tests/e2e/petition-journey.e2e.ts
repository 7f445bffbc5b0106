import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { residentIdCheckChar } from '../../src/kernel/codes/index.ts';
import { DESKTOP, PHONE, e2eFile, login, seriousA11yViolations, shot, openModal, pickOption, scrollInto } from './harness.ts';

/**
 * Issue 4's journey in Chromium, a screenshot at each step (test-results/screenshots/journey-*.png):
 * a citizen submits on the portal → nx-fgc finds it on the worklist and transfers (转送) it to
 * 银川市民政局 → yc-mzj signs for it (签收) and transfers it to 兴庆区民政局 → xq-mzj signs,
 * accepts (受理), starts and drafts the 处理意见书 → xq-mzj-lead (局长) approves → xq-mzj delivers →
 * the 文书 card lists the 处理意见书 送达 issued and its PDF opens → the citizen reads the reply by
 * reference + query code and downloads the 处理意见书, rates it 不满意 and is pointed to 复查, and
 * requests 复查. Real server, real clock, demo data.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const first17 = '64010419850615201';
const ID = first17 + residentIdCheckChar(first17);
const TITLE = '关于恢复低保待遇的诉求(全流程)';
const CONTENT = '我家的低保待遇今年三月被无故取消，多次到社区反映没有结果，请求恢复低保待遇并说明取消理由。';
const REPLY = '经调查核实，您家庭人均收入低于本地低保标准，原取消决定依据不足，决定自次月起恢复低保待遇并补发。';

const f = e2eFile('journey');
const { step } = f;
let refNo = '';
let queryCode = '';
/** The 处理意见书 送达 issued, as the case page's 文书 card shows it. */
let docNo = '';
let verifyCode = '';
let n = 0;
const snap = (page: Page, name: string, fullPage = false) => shot(page, `journey-${String(++n).padStart(2, '0')}-${name}`, { fullPage });

/** antd puts a space between two Chinese characters on a button (签收 → 签 收). */
const btn = (label: string) => new RegExp(`(^|\\s)${[...label].map((c) => c.replace(/[()（）]/g, '\\$&')).join('\\s*')}$`);

async function signIn(page: Page, username: string) {
  // A step that failed before signing out must not leave the next one signed in as someone else.
  await page.context().clearCookies();
  await login(page, username, PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('worklist').waitFor();
}

/** Find the petition on the worklist (tab, then search by its reference) and open it. */
async function openFromWorklist(page: Page, tab: RegExp, shotName: string) {
  const wl = page.getByTestId('worklist');
  await wl.getByRole('tab', { name: tab }).click();
  await wl.getByLabel('搜索编号或标题').fill(refNo);
  await wl.getByLabel('搜索编号或标题').press('Enter');
  const row = wl.locator('.ant-table-row', { hasText: refNo });
  await row.waitFor();
  await snap(page, shotName);
  await row.getByText(TITLE).click();
  await page.waitForURL('**/cases/*');
  await page.getByTestId('case-page').getByRole('heading', { name: TITLE }).waitFor();
}

/** Click a case action, fill its modal, confirm with the same label, wait for the success message. */
async function caseAction(page: Page, label: string, fill?: (modal: Locator) => Promise<void>, shotName?: string) {
  await page
    .getByTestId('case-actions')
    .getByRole('button', { name: btn(label) })
    .click();
  const modal = openModal(page);
  await modal.waitFor();
  if (fill) await fill(modal);
  if (shotName) await snap(page, shotName);
  await modal
    .locator('.ant-modal-footer')
    .getByRole('button', { name: btn(label) })
    .click();
  await page.locator('.ant-message').getByText(`${label}成功`).last().waitFor();
  await modal.waitFor({ state: 'detached' });
}

const state = async (page: Page) => (await page.getByTestId('case-state').innerText()).trim();

/** Today in Beijing, as the deliver form's date. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('信访 journey: portal → 自治区 → 银川市 → 兴庆区 → reply → 评价 → 复查', { concurrency: false }, () => {
  // The citizen on the portal and the staff in the console, each in a context of their own.
  const portal = f.useBrowserPage({ timeout: T });
  const page = f.useBrowserPage({ timeout: T });

  step('the citizen submits a petition on the portal and keeps the reference and query code', async () => {
    f.current = portal;
    await portal.goto('/portal/petition.html');
    await portal.getByLabel('我已阅读并同意上述隐私说明').check();
    await portal.getByLabel('姓名').fill('马秀兰');
    await portal.getByLabel('公民身份号码').fill(ID);
    await portal.getByLabel('联系电话').fill('13995112233');
    await portal.getByLabel('通信地址').fill('银川市兴庆区丽景街道某小区 5 号楼');
    await portal.getByLabel('信访类别').selectOption('申诉求决');
    await portal.getByLabel('涉及业务').selectOption('低保');
    await portal.locator('#f-area option[value="640104"]').waitFor({ state: 'attached' });
    await portal.getByLabel('问题发生地').selectOption('640104');
    await portal.getByLabel('标题').fill(TITLE);
    await portal.getByLabel('信访内容').fill(CONTENT);
    await portal
      .getByLabel('证明材料')
      .setInputFiles({ name: '低保停发通知书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n') });
    await snap(portal, 'portal-form', true);
    await portal.getByRole('button', { name: '提交信访事项' }).click();
    await portal.getByRole('heading', { level: 1, name: '信访事项已提交' }).waitFor();
    refNo = (await portal.getByTestId('ref-no').innerText()).trim();
    queryCode = (await portal.getByTestId('query-code').innerText()).trim();
    assert.match(refNo, /^XF-640000-\d{4}-\d{6}$/);
    await snap(portal, 'portal-code');
  });

  step('nx-fgc (自治区民政厅政策法规处) finds it on the worklist and transfers (转送) it to 银川市民政局', async () => {
    f.current = page;
    await signIn(page, 'nx-fgc');
    await openFromWorklist(page, /待办/, 'fgc-worklist');
    assert.equal(await state(page), '已登记（甄别中）');
    await page.getByTestId('clock-triage').waitFor();
    // The citizen's 证明材料 came with the petition.
    await page.getByTestId('attachments').getByText('低保停发通知书.pdf').waitFor();
    await page.getByTestId('attachments').getByText('公众门户提交').waitFor();
    await snap(page, 'fgc-case');
    await caseAction(
      page,
      '转送',
      async (modal) => {
        await pickOption(page, modal.getByLabel('接收单位'), '银川市民政局');
        await modal.getByLabel('转送说明').fill('经甄别，属民政部门职责，转银川市民政局依法办理。');
      },
      'fgc-transfer',
    );
    await page.getByTestId('handoff-chain').getByText('银川市民政局').first().waitFor();
    await page.getByTestId('handoff-chain').getByText('待签收').first().waitFor();
  });

  step('the portal shows the transfer in citizen terms', async () => {
    f.current = portal;
    await portal.goto(`/portal/track.html?ref=${encodeURIComponent(refNo)}`);
    await portal.getByLabel('查询码').fill(queryCode);
    await portal.getByRole('button', { name: '查询' }).click();
    await portal.getByTestId('track-holder').getByText('已转送至银川市民政局，等待其签收').waitFor();
    assert.match(await portal.getByTestId('track-history').innerText(), /转送至银川市民政局/);
    await portal.getByTestId('track-materials').getByText('低保停发通知书.pdf').waitFor();
    await snap(portal, 'portal-track-transferred', true);
  });

  step('yc-mzj (银川市民政局) signs for it and transfers it to 兴庆区民政局', async () => {
    f.current = page;
    await signIn(page, 'yc-mzj');
    await openFromWorklist(page, /待签收/, 'yc-worklist');
    await page.getByTestId('case-actions').getByText('请及时签收').waitFor();
    await caseAction(page, '签收');
    await page.getByTestId('handoff-chain').getByText('已签收').first().waitFor();
    await snap(page, 'yc-signed');
    await caseAction(
      page,
      '转送',
      async (modal) => {
        await pickOption(page, modal.getByLabel('接收单位'), '兴庆区民政局');
        await modal.getByLabel('转送说明').fill('请兴庆区民政局核查办理，按期答复信访人。');
      },
      'yc-transfer',
    );
    await page.getByTestId('handoff-chain').getByText('兴庆区民政局').first().waitFor();
  });

  step('xq-mzj (兴庆区民政局) signs, accepts (受理), starts and drafts the 处理意见书', async () => {
    await signIn(page, 'xq-mzj');
    await openFromWorklist(page, /待签收/, 'xq-worklist');
    await caseAction(page, '签收');
    await caseAction(page, '受理（书面告知）');
    assert.equal(await state(page), '已受理');
    await page.getByTestId('clock-handle').getByText('计时中').waitFor();
    await snap(page, 'xq-accepted');
    await caseAction(page, '开始办理');
    assert.equal(await state(page), '办理中');
    await caseAction(
      page,
      '拟办意见',
      async (modal) => {
        await pickOption(page, modal.getByLabel('处理意见', { exact: true }), '支持');
        await modal.getByLabel(/^(text|正文|处理意见书正文|意见书正文)$/).fill(REPLY);
      },
      'xq-draft',
    );
    assert.equal(await state(page), '拟办意见待审批');
  });

  step('xq-mzj-lead (兴庆区民政局 局长) approves', async () => {
    await signIn(page, 'xq-mzj-lead');
    await openFromWorklist(page, /待办/, 'lead-worklist');
    await caseAction(page, '审批同意', undefined, 'lead-approve');
    assert.equal(await state(page), '已审批');
  });

  step('xq-mzj delivers the reply (送达)', async () => {
    await signIn(page, 'xq-mzj');
    await openFromWorklist(page, /待办/, 'xq-worklist-approved');
    await caseAction(
      page,
      '送达',
      async (modal) => {
        await pickOption(page, modal.getByLabel(/^(method|送达方式)$/), '网上答复');
        // The day the petitioner received the reply: the 复查 window counts from it.
        const date = modal.getByLabel(/^(date|信访人收到日期.*)$/);
        await date.click();
        await date.fill(today());
        await date.press('Enter');
      },
      'xq-deliver',
    );
    assert.equal(await state(page), '已送达');
    await snap(page, 'xq-delivered', true);
  });

  step('the 文书 card lists the 处理意见书 送达 issued, and its PDF opens in a new tab', async () => {
    const card = page.getByTestId('documents');
    const item = card.getByTestId('document-item').filter({ hasText: '信访事项处理意见书' });
    await item.waitFor();
    assert.equal(await item.count(), 1);
    docNo = (await item.getByTestId('document-no').innerText()).trim();
    verifyCode = (await item.getByTestId('document-code').innerText()).trim();
    assert.match(docNo, /^信处意〔\d{4}〕\d+号$/);
    assert.match(verifyCode, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    assert.match(await item.innerText(), /第 1 版[\s\S]*兴庆区民政局/);
    await scrollInto(card);
    await snap(page, 'xq-documents');
    const pdf = item.getByTestId('document-pdf');
    assert.equal(await pdf.getAttribute('target'), '_blank');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), pdf.click()]);
    const res = await tab.context().request.get((await pdf.getAttribute('href')) as string);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.equal((await res.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    await tab.close();
    // 重新出具 says what it does before doing it (here: cancelled, version 1 stays the only one).
    await card.getByTestId('document-issue-petition.opinion').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').getByText('重新出具「信访事项处理意见书」？').waitFor();
    assert.match(await confirm.innerText(), new RegExp(`${docNo} 的第 2 版：文号不变[\\s\\S]*第 1 版原件继续留存`));
    await snap(page, 'xq-documents-reissue');
    await confirm.getByRole('button', { name: btn('取消') }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await item.count(), 1);
    // Beside it, the 转送告知书 of the two 转送 inside the platform (自治区 → 银川市 → 兴庆区).
    assert.equal(await card.getByTestId('document-item').filter({ hasText: '信访事项转送告知书' }).count(), 2);
    // The same card on a 390-px phone.
    await page.setViewportSize(PHONE);
    await scrollInto(card);
    await snap(page, 'xq-documents-phone');
    await page.setViewportSize(DESKTOP);
  });

  step('the citizen reads the reply by reference + query code', async () => {
    f.current = portal;
    await portal.goto('/portal/track.html');
    await portal.getByLabel('信访事项编号').fill(refNo);
    await portal.getByLabel('查询码').fill(queryCode);
    await portal.getByRole('button', { name: '查询' }).click();
    await portal.getByTestId('track-reply').getByText(REPLY).waitFor();
    assert.match(await portal.getByTestId('track-reply').innerText(), /处理意见：支持/);
    assert.equal(await portal.getByTestId('track-state').innerText(), '已答复（处理意见书已送达）');
    assert.equal(await portal.getByTestId('track-holder').innerText(), '兴庆区民政局');
    const history = await portal.getByTestId('track-history').innerText();
    for (const s of [
      '转送至银川市民政局',
      '银川市民政局 签收',
      '转送至兴庆区民政局',
      '兴庆区民政局 受理，并书面告知',
      '处理意见经负责人审批同意',
      '送达处理意见书',
    ])
      assert.ok(history.includes(s), `history shows 「${s}」:\n${history}`);
    for (const name of ['李文静', '张丽华', '刘海燕', '陈国庆']) assert.ok(!history.includes(name), `no staff name (${name}) on the portal`);
    await portal.getByRole('heading', { name: '评价办理情况' }).waitFor();
    await portal.getByRole('heading', { name: '申请复查' }).waitFor();
    // The day of receipt and the window's last day (30 日, start day not counted, rest days rolled over).
    assert.match(await portal.getByTestId('track-reply').innerText(), /您收到答复的日期/);
    await portal
      .getByText(/最后一日为/)
      .first()
      .waitFor();
    assert.deepEqual(await seriousA11yViolations(portal), []);
    await snap(portal, 'portal-reply', true);
  });

  step('the citizen downloads the 处理意见书 (PDF) and is told how to check it at 文书查验', async () => {
    const doc = portal.getByTestId('track-document');
    assert.match(await doc.innerText(), new RegExp(`文书编号 ${docNo}，验证码 ${verifyCode}`));
    const verify = new URL((await doc.getByRole('link', { name: '文书查验' }).getAttribute('href')) as string, 'http://x');
    assert.equal(verify.pathname, '/portal/verify.html');
    assert.deepEqual([verify.searchParams.get('no'), verify.searchParams.get('code')], [docNo, verifyCode]);
    const [download] = await Promise.all([portal.waitForEvent('download'), doc.getByTestId('track-opinion-pdf').click()]);
    assert.equal(download.suggestedFilename(), `信访事项处理意见书-${docNo}.pdf`);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await scrollInto(doc);
    await snap(portal, 'portal-document');
  });

  step('the citizen rates it 不满意 and is pointed to 复查', async () => {
    const form = portal.locator('#rate-form');
    await form.getByRole('button', { name: '提交评价' }).click();
    await form.getByRole('alert').getByText('请选择满意、基本满意或不满意').waitFor();
    await form.getByLabel('不满意').check();
    await form.getByLabel('意见或建议（选填）').fill('希望尽快补发，并说明当初取消的原因。');
    await form.getByRole('button', { name: '提交评价' }).click();
    const ok = portal.getByRole('status').filter({ hasText: '感谢您的评价（不满意）' });
    await ok.waitFor();
    assert.match(await ok.innerText(), /复查/);
    assert.equal(await portal.getByTestId('track-satisfaction').innerText(), '不满意');
    assert.equal(await portal.locator('#rate-form').count(), 0);
    await snap(portal, 'portal-rated', true);
  });

  step('the citizen requests 复查 with a reason', async () => {
    const form = portal.locator('#review-form');
    await form.getByLabel('申请复查的理由（必填）').fill('对补发起始时间有异议，请求上一级机关复查。');
    await form.getByRole('button', { name: '提交申请复查' }).click();
    await portal.getByRole('status').filter({ hasText: '复查申请已提交' }).waitFor();
    assert.equal(await portal.getByTestId('track-state').innerText(), '已申请复查，等待上一级机关受理');
    assert.match(await portal.getByTestId('track-history').innerText(), /您申请了复查/);
    assert.equal(await portal.locator('#review-form').count(), 0);
    assert.deepEqual(await seriousA11yViolations(portal), []);
    await snap(portal, 'portal-review-requested', true);
  });

  step('the case page shows the 复查 request to 兴庆区民政局', async () => {
    f.current = page;
    await signIn(page, 'xq-mzj');
    // The 复查 is the level above's to take up (银川市): not in the clerk's 待我处理, but in the unit's 待办.
    await page.goto('/?view=unit');
    await openFromWorklist(page, /待办/, 'xq-review-worklist');
    assert.equal(await state(page), '复查申请');
    await page.getByTestId('case-timeline').getByText('申请复查').first().waitFor();
    await snap(page, 'xq-review-requested', true);
  });
});
