import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { demoUscc } from '../../src/modules/hall/demo/demo-forms.ts';
import { demoMaterialPdf } from '../../src/modules/hall/demo/demo-material.ts';
import { e2eFile, login, openModal, PHONE, pickOption, seriousA11yViolations, shot } from './harness.ts';

/**
 * 政务服务 journey on the demo data: a citizen applies online for 养老机构备案 at 兴庆区 (one material
 * short), the county's window sends the one-time 补正 notice, the citizen completes it on a phone,
 * the back office accepts, approves and delivers the 电子证照 (PDF), the citizen downloads it and
 * rates the service 不满意; the county verifies, rectifies and feeds back; the statistics follow.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('hall');
const NAME = '兴庆区康宁颐养院';
let refNo = '';
let queryCode = '';

const pdf = (name: string) => ({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer: demoMaterialPdf(`scan of ${name.length}`) });
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const btn = (label: string) => new RegExp(`(^|\\s)${[...label].map(escape).join('\\s*')}$`);

async function caseAction(page: Page, label: string, fill?: (modal: Locator) => Promise<void>) {
  await page
    .getByTestId('case-actions')
    .getByRole('button', { name: btn(label) })
    .click();
  const modal = openModal(page);
  await modal.waitFor();
  if (fill) await fill(modal);
  await modal.getByRole('button', { name: btn(label) }).click();
  await modal.waitFor({ state: 'detached', timeout: T });
}

async function openCase(page: Page, user: string, list: string, text: string) {
  await login(page, user, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
  await page.goto(list);
  await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: text }).first().getByRole('link').first().click();
  await page.getByTestId('case-actions').waitFor({ timeout: T });
}

async function track(page: Page) {
  await page.goto(`/portal/hall/track.html?ref=${encodeURIComponent(refNo)}`);
  await page.getByLabel('查询码').fill(queryCode);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByTestId('hall-track').waitFor({ timeout: T });
}

const noOverflow = async (page: Page) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
};

describe('the citizen applies; the county sends the 补正 notice (1366×768)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the portal guide and the form built from the item’s field list', async () => {
    await page.goto('/portal/hall/?item=512011001001');
    await page.getByText('办事指南：养老机构备案').waitFor({ timeout: T });
    await page.getByLabel('受理地区（县、市、区民政局）').selectOption({ label: '银川市兴庆区' });
    await page.getByLabel('申请人（单位名称）').fill(NAME);
    await page.getByLabel('联系电话').fill('13995112233');
    await page.getByLabel('养老机构名称').fill(NAME);
    await page.getByLabel('统一社会信用代码').fill('52640104MJ0000001X');
    await page.getByLabel('法定代表人').fill('马建华');
    await page.getByLabel('服务场所地址').fill('兴庆区民族北街 68 号');
    await page.getByLabel('床位数（张）').fill('80');
    await page.getByLabel('服务内容').selectOption('全日托养');
    await page.getByLabel('开始运营日期').fill('2026-12-01');
    await page.getByLabel('联系人').fill('马晓梅');
    // A file named .pdf that is not one is refused by its content, with the material named.
    await page
      .getByLabel('养老机构备案书（必要）', { exact: true })
      .setInputFiles({ name: '养老机构备案书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    for (const m of ['养老机构备案承诺书', '法人登记证书或营业执照', '服务场所权属证明或租赁合同'])
      await page.getByLabel(`${m}（必要）`, { exact: true }).setInputFiles(pdf(m));
    await page.getByRole('button', { name: '提交申请' }).click();
    // A wrong check character is refused with the field named.
    await page.locator('#error-summary').getByText('统一社会信用代码').waitFor({ timeout: T });
    await shot(page, 'hall-portal-apply-refused-desktop', { fullPage: true });
    await page.getByLabel('统一社会信用代码').fill(demoUscc('640104', 123));
    await page.getByRole('button', { name: '提交申请' }).click();
    await page
      .locator('#error-summary')
      .getByText(/「养老机构备案书」.*只接受/)
      .waitFor({ timeout: 60_000 });
    await page.getByLabel('养老机构备案书（必要）', { exact: true }).setInputFiles(pdf('养老机构备案书'));
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByTestId('hall-applied').waitFor({ timeout: 60_000 });
    refNo = (await page.getByTestId('ref-no').innerText()).trim();
    queryCode = (await page.getByTestId('query-code').innerText()).trim();
    assert.match(refNo, /^ZWFW-640104-\d{4}-/);
    await page
      .getByTestId('hall-applied')
      .getByText(/消防安全检查合格证明或承诺材料/)
      .waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'hall-portal-applied-desktop');
  });

  f.step('the 兴庆区 window sends the one-time 补正 notice from the case page', async () => {
    await openCase(page, 'xq-mzj', '/hall', NAME);
    const materials = page.getByTestId('hall-materials');
    await materials.getByText('缺少必要材料：消防安全检查合格证明或承诺材料').waitFor({ timeout: T });
    await materials.getByRole('link', { name: '养老机构备案书.pdf' }).waitFor();
    await shot(page, 'hall-console-case-desktop');
    await caseAction(page, '一次性告知补正', async (m) => {
      await m.getByLabel('告知内容').fill('请补充消防安全检查合格证明，或按规定提交消防安全承诺材料。');
    });
    await page.getByTestId('case-state').getByText('待补正').waitFor({ timeout: T });
    await shot(page, 'hall-console-correcting-desktop');
  });
});

describe('the citizen completes the 补正 on a phone (390 px)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  f.step('tracking shows the notice; the missing material is sent', async () => {
    await track(page);
    const panel = page.getByTestId('hall-correction');
    await panel.getByText('请补正：消防安全检查合格证明或承诺材料').waitFor({ timeout: T });
    await noOverflow(page);
    await shot(page, 'hall-portal-correction-phone', { fullPage: true });
    await panel.getByLabel('消防安全检查合格证明或承诺材料（必要）').setInputFiles(pdf('消防安全检查合格证明'));
    await panel.getByRole('button', { name: '提交补正材料' }).click();
    await page.getByTestId('hall-track').getByText('已提交待受理').waitFor({ timeout: T });
    await page.getByTestId('hall-materials').getByText('✓ 已收到　消防安全检查合格证明或承诺材料').waitFor({ timeout: T });
    await noOverflow(page);
    await shot(page, 'hall-portal-corrected-phone', { fullPage: true });
  });
});

describe('the back office accepts, approves and delivers (1366×768)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('受理 → 准予 (电子证照 issued) → 电子送达', async () => {
    await openCase(page, 'xq-mzj', '/hall', NAME);
    await caseAction(page, '受理');
    await page.getByTestId('case-state').getByText('已受理办理中').waitFor({ timeout: T });
    await caseAction(page, '准予办理（出具电子证照）');
    await page.getByTestId('case-state').getByText('准予办理待送达').waitFor({ timeout: T });
    await caseAction(page, '送达办理结果', async (m) => pickOption(page, m.getByLabel('送达方式'), '电子送达', { type: false }));
    await page.getByTestId('case-state').getByText('已办结').waitFor({ timeout: T });
    await page.getByText('政务服务办理结果（电子证照）').first().waitFor({ timeout: T });
    await shot(page, 'hall-console-delivered-desktop');
  });
});

describe('the citizen downloads the result and rates it 不满意 (390 px)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T, viewport: PHONE });

  f.step('the 电子证照 PDF, then one rating with the online indicators', async () => {
    await track(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), page.getByTestId('hall-download').click()]);
    const bytes = readFileSync((await download.path())!);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const rate = page.getByTestId('hall-rate');
    await rate.getByLabel('不满意', { exact: true }).check();
    for (const k of ['整体满意度', '办事效率', '办事指南精确度', '办事便捷度', '平台操作性']) await rate.getByLabel(k).selectOption('2');
    await rate.getByLabel('评价内容（差评请写明原因）').fill('补正告知第二天才收到，希望当天告知。');
    await noOverflow(page);
    await shot(page, 'hall-portal-rate-phone', { fullPage: true });
    await rate.getByRole('button', { name: '提交评价' }).click();
    await page
      .getByTestId('hall-rated')
      .getByText(/已转办差评整改/)
      .waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'hall-portal-rated-phone', { fullPage: true });
  });
});

describe('the county handles the 差评 (1366×768)', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('回访核实 → 立行立改 → 反馈; the statistics count it rectified', async () => {
    await openCase(page, 'xq-mzj', '/hall/complaints', NAME);
    await caseAction(page, '回访核实', async (m) => m.getByLabel('回访核实情况').fill('已电话回访，补正告知次日才发出，情况属实。'));
    await caseAction(page, '立行立改或解释说明', async (m) => {
      await pickOption(page, m.getByLabel('处理方式'), '立行立改', { type: false });
      await m.getByLabel('整改或说明情况').fill('补正告知改为当日发出，专人核对材料清单。');
    });
    await caseAction(page, '向评价人反馈', async (m) => m.getByLabel('向评价人反馈的内容').fill('您反映的问题已整改，感谢监督。'));
    await page.getByTestId('case-state').getByText('已反馈办结').waitFor({ timeout: T });
    await shot(page, 'hall-console-complaint-closed-desktop');
    await page.goto('/hall/stats');
    await page.getByTestId('hall-stats').locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'hall-console-stats-desktop', { fullPage: true });
  });
});
