import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../src/kernel/codes/index.ts';
import { e2eFile, PHONE, seriousA11yViolations, shot } from './harness.ts';

/**
 * The public 网上信访 pages in Chromium: submit (a wrong 身份证号 first: a clear, announced error
 * and nothing typed is lost), the one-time reference + query code, then 办理查询 — axe-core
 * WCAG 2.1 AA on every page, at 1366×768 and on a 390-px phone.
 */
const T = 20_000;
const first17 = '64010419800101123';
const GOOD_ID = first17 + residentIdCheckChar(first17);
const BAD_ID = first17 + (residentIdCheckChar(first17) === '0' ? '1' : '0');
const TITLE = '关于恢复低保待遇的诉求';
const CONTENT = '我家的低保待遇今年三月被无故取消，多次到社区反映没有结果，请求恢复低保待遇并说明取消理由。';

const f = e2eFile('portal');
const { step } = f;
let refNo = '';
let queryCode = '';

const noHorizontalScroll = async (page: Page, what: string) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal scroll (overflow ${overflow}px)`);
};

async function fillPetition(page: Page, idNumber: string, title = TITLE) {
  await page.getByLabel('我已阅读并同意上述隐私说明').check();
  await page.getByLabel('姓名').fill('马某某');
  await page.getByLabel('公民身份号码').fill(idNumber);
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('通信地址').fill('银川市兴庆区某小区 3 号楼');
  await page.getByLabel('信访类别').selectOption('申诉求决');
  await page.getByLabel('涉及业务').selectOption('低保');
  await page.locator('#f-area option[value="640104"]').waitFor({ state: 'attached' });
  await page.getByLabel('问题发生地').selectOption('640104');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('信访内容').fill(CONTENT);
}

describe('网上信访 portal at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, permissions: ['clipboard-read', 'clipboard-write'] });

  step('the landing page opens 网上信访 from its card', async () => {
    await page.goto('/portal/');
    const card = page.locator('.card', { hasText: '网上信访' });
    assert.equal(await card.getByText('即将开通').count(), 0);
    await card.getByRole('link', { name: '我要信访' }).click();
    await page.waitForURL('**/portal/petition.html');
    await page.getByRole('heading', { level: 1, name: '网上信访' }).waitFor();
    await page.getByRole('heading', { name: '隐私说明' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-petition-desktop', { fullPage: true });
  });

  step('an empty form lists every missing field in an announced summary linked to the fields', async () => {
    await page.getByRole('button', { name: '提交信访事项' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '提交未成功' });
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
    for (const msg of ['请阅读并勾选同意隐私说明', '请填写姓名', '请填写公民身份号码', '请选择问题发生地', '请填写信访内容'])
      await summary.getByRole('link', { name: msg }).waitFor();
    await summary.getByRole('link', { name: '请填写姓名' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-name');
    assert.equal(await page.getByLabel('姓名').getAttribute('aria-invalid'), 'true');
  });

  step('what was typed about the matter survives a reload; the identity fields are not kept', async () => {
    await page.getByLabel('姓名').fill('马某某');
    await page.getByLabel('信访类别').selectOption('申诉求决');
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('信访内容').fill(CONTENT);
    await page.reload();
    await page.getByRole('status').getByText('已恢复您在本页填写但尚未提交的信访事项内容').waitFor();
    assert.equal(await page.getByLabel('标题').inputValue(), TITLE);
    assert.equal(await page.getByLabel('信访内容').inputValue(), CONTENT);
    assert.equal(await page.getByLabel('信访类别').inputValue(), '申诉求决');
    assert.equal(await page.getByLabel('姓名').inputValue(), '');
    assert.match(await page.locator('#f-content-count').innerText(), new RegExp(`已输入 ${CONTENT.length} / 20000 字`));
  });

  step('a wrong 身份证号 check digit is explained at the field, and nothing typed is lost', async () => {
    await fillPetition(page, BAD_ID);
    await page.getByRole('button', { name: '提交信访事项' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '提交未成功' });
    await summary.getByText(/身份证号校验码不正确/).waitFor();
    assert.equal(await summary.locator('li').count(), 1);
    const id = page.getByLabel('公民身份号码');
    assert.equal(await id.getAttribute('aria-invalid'), 'true');
    assert.match((await id.getAttribute('aria-describedby')) ?? '', /f-id-error/);
    assert.match(await page.locator('#f-id-error').innerText(), /最后一位应为/);
    // Everything else is still there.
    assert.equal(await page.getByLabel('标题').inputValue(), TITLE);
    assert.equal(await page.getByLabel('信访内容').inputValue(), CONTENT);
    assert.equal(await page.getByLabel('问题发生地').inputValue(), '640104');
    assert.ok(await page.getByLabel('我已阅读并同意上述隐私说明').isChecked());
    assert.match(await page.locator('#f-content-count').innerText(), new RegExp(`已输入 ${CONTENT.length} / 20000 字`));
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-petition-error-desktop');
  });

  step('证明材料: a wrong-type file is named in the summary and can be removed; a PDF stays listed', async () => {
    const files = page.getByLabel('证明材料');
    await files.setInputFiles([
      { name: '低保取消通知.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
      { name: '安装包.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    const list = page.locator('#f-files-list li');
    await list.nth(1).getByText('安装包.exe').waitFor();
    await page.getByLabel('公民身份号码').fill(GOOD_ID);
    await page.getByRole('button', { name: '提交信访事项' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '提交未成功' });
    await summary.getByText('附件 2《安装包.exe》：只接受 PDF、JPG、PNG、DOCX、XLSX、TXT 文件').waitFor();
    assert.equal(await summary.locator('li').count(), 1);
    await page.getByRole('button', { name: '移除 安装包.exe' }).click();
    assert.equal(await list.count(), 1);
    await list.first().getByText('低保取消通知.pdf').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-petition-files-desktop');
  });

  step('with the ID corrected it is submitted (proof of work solved in the page) and shows the ref and one-time code', async () => {
    await page.getByLabel('公民身份号码').fill(GOOD_ID);
    const started = Date.now();
    await page.getByRole('button', { name: '提交信访事项' }).click();
    await page.getByRole('heading', { level: 1, name: '信访事项已提交' }).waitFor();
    const took = Date.now() - started;
    refNo = (await page.getByTestId('ref-no').innerText()).trim();
    queryCode = (await page.getByTestId('query-code').innerText()).trim();
    assert.match(refNo, /^XF-640000-\d{4}-\d{6}$/);
    assert.match(queryCode, /^[A-Z2-9]{12}$/);
    await page.locator('#result-view .notice').getByText('查询码只显示这一次').waitFor();
    await page.locator('#r-files').getByText('已随信访事项上传证明材料 1 个').waitFor();
    console.log(`# submit incl. proof of work: ${took} ms`);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByRole('button', { name: '复制编号和查询码' }).click();
    await page.getByText('已复制').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `信访事项编号：${refNo} 查询码：${queryCode}`);
    await shot(page, 'portal-result-desktop');
  });

  step('办理查询: a wrong code is refused in words; the right one shows state, office and deadline', async () => {
    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.waitForURL('**/portal/track.html?ref=*');
    assert.equal(await page.getByLabel('信访事项编号').inputValue(), refNo);
    await page.getByLabel('查询码').fill('WRONGCODE234');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').getByText('查询码或信访事项编号不正确').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByLabel('查询码').fill(queryCode.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: `查询结果：${refNo}` }).waitFor();
    assert.equal(await page.getByTestId('track-state').innerText(), '已收到，正在审查是否受理');
    assert.equal(await page.getByTestId('track-holder').innerText(), '宁夏回族自治区民政厅政策法规处');
    assert.match(await page.getByTestId('track-deadline').innerText(), /甄别受理期限：\d{4}年\d{1,2}月\d{1,2}日.*第二十三条/);
    assert.match(await page.getByTestId('track-history').innerText(), /收到网上信访事项，已登记/);
    assert.equal(await page.getByRole('heading', { name: '评价办理情况' }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: '申请复查' }).count(), 0);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-track-desktop', { fullPage: true });
  });

  step('补充证明材料 from 办理查询: the file joins the list and the page says so', async () => {
    const form = page.locator('#materials-form');
    await form.getByRole('button', { name: '上传补充材料' }).click();
    await form.getByRole('alert').getByText('请先选择要补充的文件').waitFor();
    await page
      .getByLabel('选择要补充的文件')
      .setInputFiles({ name: '入户照片说明.txt', mimeType: 'text/plain', buffer: Buffer.from('三月以来家中无固定收入。') });
    await form.locator('#m-files-list').getByText('入户照片说明.txt').waitFor();
    await form.getByRole('button', { name: '上传补充材料' }).click();
    await page.getByRole('status').getByText('已补充证明材料 1 个').waitFor();
    const listed = await page.getByTestId('track-materials').innerText();
    assert.match(listed, /低保取消通知\.pdf/);
    assert.match(listed, /入户照片说明\.txt/);
    assert.deepEqual(await seriousA11yViolations(page), []);
  });
});

describe('网上信访 portal on a 390-px phone', { concurrency: false }, () => {
  const page = f.useBrowserPage({ viewport: PHONE, timeout: T });

  step('landing and submit pages fit the phone and stay accessible', async () => {
    await page.goto('/portal/');
    await noHorizontalScroll(page, 'landing');
    await page.goto('/portal/petition.html');
    await page.getByRole('heading', { level: 1, name: '网上信访' }).waitFor();
    await noHorizontalScroll(page, 'petition form');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-petition-phone', { fullPage: true });
  });

  step('a phone submission shows the code without sideways scrolling', async () => {
    await fillPetition(page, GOOD_ID, '手机提交:养老服务补贴咨询');
    await page.getByRole('button', { name: '提交信访事项' }).click();
    await page.getByRole('heading', { level: 1, name: '信访事项已提交' }).waitFor();
    assert.match(await page.getByTestId('query-code').innerText(), /^[A-Z2-9]{12}$/);
    await noHorizontalScroll(page, 'result');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-result-phone');
  });

  step('办理查询 fits the phone', async () => {
    await page.goto(`/portal/track.html?ref=${encodeURIComponent(refNo)}`);
    await page.getByLabel('查询码').fill(queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: `查询结果：${refNo}` }).waitFor();
    await noHorizontalScroll(page, 'track');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'portal-track-phone', { fullPage: true });
  });
});
