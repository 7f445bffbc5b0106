import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../src/kernel/codes/index.ts';
import { apiCall, e2eFile, openModal, PHONE, seriousA11yViolations, shot, signInToWorklist, SHOTS, scrollInto } from './harness.ts';

/**
 * Issue 19, item 7 (the rest): the notices a clerk used to write by hand now print from the case —
 * - 信访 转送 to a unit on the platform: the 转送告知书 in the sender's name (where it went, the day, the
 *   receiver's 15 日);
 * - 低保 一次性告知补齐材料: the 一次性告知书 listing every missing material;
 * - 低保 re-check decided 停发: the 停发通知书 with the reasons, the articles and the remedy —
 * each in the case's 文书 card, its PDF saved beside the screenshots (…/guide-7-*.pdf), and checked by
 * number and code on the portal's 文书查验 page.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('guide-documents', { serverModule: './tests/e2e/sample-server.ts', stepTimeout: 180_000 });
const { step } = f;
const ids = { transfer: '', materials: '', stop: '' };
const issued: Record<string, { docNo: string; code: string }> = {};

const signIn = (page: Page, username: string) => signInToWorklist(page, username, PASSWORD);
const call = apiCall;

async function openCase(page: Page, id: string) {
  await page.goto(`/cases/${id}`);
  await page.getByTestId('case-actions').waitFor();
}

/** The 文书 card's item of this title: its number and code; the PDF is fetched and kept as <file>.pdf. */
async function documentIn(page: Page, title: string, file: string) {
  const card = page.getByTestId('documents');
  const item = card.getByTestId('document-item').filter({ hasText: title });
  await item.waitFor();
  const docNo = (await item.getByTestId('document-no').innerText()).trim();
  const code = (await item.getByTestId('document-code').innerText()).trim();
  const res = await page.context().request.get((await item.getByTestId('document-pdf').getAttribute('href')) as string);
  assert.equal(res.status(), 200);
  const bytes = await res.body();
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(path.join(SHOTS, `${file}.pdf`), bytes);
  await scrollInto(card);
  return { docNo, code };
}

async function verifyOnPortal(page: Page, d: { docNo: string; code: string }, title: string) {
  await page.goto('/portal/verify.html');
  await page.locator('#v-no').fill(d.docNo);
  await page.locator('#v-code').fill(d.code);
  await page.locator('#verify').click();
  const result = page.locator('#result');
  await result.getByText(title).first().waitFor();
  assert.match(await result.innerText(), new RegExp(d.docNo.replace(/[〔〕]/g, '.')));
}

describe('item 7: the notices print, at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  step('信访 转送 to the street office: the 转送告知书 says where it went, in the county’s name', async () => {
    await signIn(page, 'xq-mzj');
    const first17 = '64010419760401' + '777';
    const p = await call(page, 'POST', '/api/petitions', {
      title: '关于低保待遇取消的来信(转送街道)',
      channel: '来信',
      category: '申诉求决',
      subject: '低保',
      concernedAreaCode: '640104',
      content: '我家低保待遇今年被取消,请求查明原因并恢复低保待遇,说明取消的理由和依据。',
      petitioners: [{ name: '马某', idNumber: first17 + residentIdCheckChar(first17) }],
    });
    ids.transfer = p.id;
    const { targets } = await call(page, 'GET', `/api/cases/${p.id}/handoff-targets`);
    const street = targets.find((o: { name: string }) => o.name === '凤凰北街街道办事处');
    await call(page, 'POST', `/api/cases/${p.id}/handoff`, { kind: 'transfer', toOrgId: street.id });
    await openCase(page, p.id);
    issued.transfer = await documentIn(page, '信访事项转送告知书', 'guide-7-transfer-notice');
    assert.match(issued.transfer.docNo, /^信转送告〔\d{4}〕\d+号$/);
    assert.match(await page.getByTestId('documents').innerText(), /兴庆区民政局/);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'guide-7-transfer-notice-card-desktop');
  });

  step('低保 一次性告知补齐材料 from the case page: the 一次性告知书 lists every missing material', async () => {
    await signIn(page, 'ld-cgz');
    const { items } = await call(page, 'GET', '/api/dibao/applications?state=applied&pageSize=20');
    ids.materials = items[0].id;
    await openCase(page, ids.materials);
    await page
      .getByTestId('case-actions')
      .getByRole('button', { name: /一\s*次\s*性\s*告\s*知/ })
      .click();
    const modal = openModal(page);
    await modal.getByLabel(/需补齐的材料/).fill('户口簿复印件、2025年度收入证明、残疾人证');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('documents').getByText('最低生活保障补齐材料一次性告知书').first().waitFor();
    issued.materials = await documentIn(page, '最低生活保障补齐材料一次性告知书', 'guide-7-materials-notice');
    assert.match(issued.materials.docNo, /^低保补告〔\d{4}〕\d+号$/);
    await shot(page, 'guide-7-materials-notice-card-desktop');
  });

  step('低保 re-check decided 停发 by the county: the 停发通知书 in the bureau’s name', async () => {
    await signIn(page, 'xj-mzj-lead');
    const { items } = await call(page, 'GET', '/api/dibao/rechecks?status=deciding&pageSize=20');
    assert.ok(items.length, 'the demo’s 西吉 re-check awaiting the county’s decision');
    ids.stop = items[0].id;
    await call(page, 'POST', `/api/cases/${ids.stop}/transitions/decide`, {
      input: { decision: '同意', opinion: '经审查，家庭人均收入超过当地标准，同意停发。' },
    });
    await openCase(page, ids.stop);
    issued.stop = await documentIn(page, '最低生活保障停发通知书', 'guide-7-stop-notice');
    assert.match(issued.stop.docNo, /^低保停〔\d{4}〕\d+号$/);
    assert.match(await page.getByTestId('documents').innerText(), /西吉县民政局/);
    await shot(page, 'guide-7-stop-notice-card-desktop');
  });

  step('each is genuine on the portal’s 文书查验 page', async () => {
    await verifyOnPortal(page, issued.transfer!, '信访事项转送告知书');
    await verifyOnPortal(page, issued.materials!, '最低生活保障补齐材料一次性告知书');
    await verifyOnPortal(page, issued.stop!, '最低生活保障停发通知书');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'guide-7-stop-notice-verified-desktop');
  });
});

describe('item 7 on a 390-px phone', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  step('the 停发通知书 in the 文书 card and its check on the portal', async () => {
    await signIn(page, 'xj-mzj-lead');
    await openCase(page, ids.stop);
    await scrollInto(page.getByTestId('documents').getByText('最低生活保障停发通知书').first());
    await shot(page, 'guide-7-stop-notice-card-phone');
    await verifyOnPortal(page, issued.stop!, '最低生活保障停发通知书');
    await shot(page, 'guide-7-stop-notice-verified-phone', { fullPage: true });
  });
});
