import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { APIResponse, Page } from 'playwright-core';
import { e2eFile, login, openModal, pickOption, seriousA11yViolations, shot } from './harness.ts';

/**
 * 行政执法 on the demo data: the 西吉县民政局 opens a penalty case against a 社会团体 in the console;
 * two certified officers collect evidence; the notice goes out; the party asks for a hearing, which is
 * held; 法制审核 passes (马德福, 法律职业资格); the heads sign; the decision is served, published within
 * 7 working days; the fine is paid late with the 3% a day charge. An officer whose certificate is
 * suspended is refused. The acts are dated in autumn 2026 (each date ≤ today), as an officer records them.
 */
const PASSWORD = 'Minzheng@2019';
const T = 30_000;
const f = e2eFile('enforcement');
let caseId = '';
const officers: Record<string, string> = {};

async function api(page: Page) {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const ok = async (r: APIResponse, status = 200) => {
    assert.equal(r.status(), status, await r.text());
    return r.json();
  };
  return {
    move: (name: string, input: unknown, status = 200) =>
      page.request.post(`/api/cases/${caseId}/transitions/${name}`, { headers, data: { input } }).then((r) => ok(r, status)),
    act: (name: string, data: unknown, status = 201) =>
      page.request.post(`/api/enforcement/cases/${caseId}/${name}`, { headers, data }).then((r) => ok(r, status)),
  };
}

describe('西吉县民政局 at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('the officers: certificates, 法制审核 staff, a suspended one and the expiry warning', async () => {
    await login(page, 'xj-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    await page.goto('/enforcement/officers');
    const p = page.getByTestId('enforcement-officers-page');
    await p.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: T });
    await p.getByTestId('enforcement-expiring').waitFor({ timeout: T });
    const list = (await (await page.request.get('/api/enforcement/officers')).json()) as {
      items: { id: string; name: string; status: string; legalReviewer: boolean; hasAccount: boolean }[];
    };
    for (const o of list.items)
      officers[o.status !== 'valid' ? 'suspended' : o.legalReviewer ? 'reviewer' : o.hasAccount ? 'me' : officers.second ? 'host' : 'second'] ??= o.id;
    assert.ok(officers.me && officers.second && officers.host && officers.suspended, JSON.stringify(officers));
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'enforcement-officers-desktop');
  });

  f.step('立案 in the console against a 社会团体', async () => {
    await page.goto('/enforcement');
    await page.getByTestId('enforcement-file').click();
    const m = openModal(page);
    await m.getByLabel('当事人名称').fill('西吉县乡村文化促进会');
    await m.getByLabel('统一社会信用代码').fill('51640422MJ0000018E');
    await pickOption(page, m.getByLabel('执法事项'), 'MZ-XZCF-001');
    await m.getByLabel('违法行为', { exact: true }).fill('超出章程规定的宗旨和业务范围开展收费培训');
    for (const [label, d] of [
      ['违法行为日期', '2026-09-02'],
      ['发现日期', '2026-09-10'],
      ['立案日期', '2026-09-15'],
    ] as const) {
      await m.getByLabel(label).fill(d);
      await m.getByLabel(label).press('Enter');
    }
    await m.getByLabel('立案依据（符合立案标准的理由）').fill('有证据初步证明存在违法事实，属于本机关管辖，在追责时效内');
    await shot(page, 'enforcement-file-modal-desktop');
    await m.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '西吉县乡村文化促进会' }).first().waitFor({ timeout: T });
    const list = (await (await page.request.get(`/api/enforcement/cases?q=${encodeURIComponent('西吉县乡村文化促进会')}`)).json()) as {
      items: { id: string }[];
    };
    caseId = list.items[0]!.id;
  });

  f.step('a suspended officer cannot be named; two certified officers collect evidence; notice; hearing asked and held', async () => {
    const a = await api(page);
    const refused = await page.request.post(`/api/cases/${caseId}/transitions/assign`, {
      headers: { 'x-csrf-token': ((await (await page.request.get('/api/me')).json()) as { csrfToken: string }).csrfToken },
      data: { input: { officerIds: [officers.me, officers.suspended] } },
    });
    assert.equal(refused.status(), 422);
    assert.match(((await refused.json()) as { title: string }).title, /暂扣.*持证执法/);
    await a.move('assign', { officerIds: [officers.me, officers.second] });
    const ev = await a.act('evidence', {
      kind: '视听资料',
      title: '培训现场照片',
      collectedOn: '2026-09-16',
      officerIds: [officers.me, officers.second],
      contentBase64: Buffer.from('JPEG').toString('base64'),
    });
    assert.match(ev.sm3, /^[0-9a-f]{64}$/);
    await a.act('evidence', { kind: '书证', title: '收费收据 35 张', collectedOn: '2026-09-16', officerIds: [officers.me, officers.second] });
    await a.move('notify', {
      tier: 3,
      intendedKinds: ['罚款', '限期停止活动'],
      intendedFine: 60000,
      facts: '超范围开展收费培训 35 人次',
      reasons: '违反章程规定的业务范围',
      basis: '《社会团体登记管理条例》第三十条第一款第(二)项',
      notifiedOn: '2026-09-29',
    });
    const c = await a.move('request_hearing', { requestedOn: '2026-10-12' }); // the 5th working day after 国庆
    assert.equal(c.state, 'hearing');
    await a.act('schedule_hearing', { noticeOn: '2026-10-14', hearingOn: '2026-10-23', place: '西吉县民政局听证室', hostOfficerId: officers.host });
    await a.move('hold_hearing', { record: '当事人到场陈述：培训系受会员委托，请求从轻处罚。', partyAttended: true });
  });
});

describe('负责人 马德福 (法制审核, 法律职业资格) at 1366×768', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('法制审核 passes, the heads sign, the decision is made', async () => {
    await login(page, 'xj-mzj-lead', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    const a = await api(page);
    const checklist = { authority: '合法', procedure: '合法', facts: '清楚', law: '准确', competence: '未超越', documents: '完备', crime: '不涉嫌犯罪' };
    await a.move('review', { passed: true, checklist, opinion: '事实清楚，证据确凿，程序合法，裁量适当，同意' });
    await a.act('collective', { heldOn: '2026-10-27', heads: ['马德福', '海占林', '苏玉兰'], conclusion: '同意罚款 60000 元、限期停止活动 3 个月' });
    const d = await a.move('decide', {
      kind: '处罚',
      decidedOn: '2026-10-27',
      penaltyKinds: ['罚款', '限期停止活动'],
      fine: 60000,
      suspendedUntil: '2027-01-26',
      text: '决定：罚款 60000 元，限期停止活动 3 个月。',
    });
    assert.match(d.data.decisionNo, /^640422民罚决〔2026〕\d+号$/);
  });
});

describe('西吉县民政局 again: service, publication, late payment, archive', { concurrency: false }, () => {
  const page = f.useBrowserPage({ timeout: T });

  f.step('served, published within 7 working days, paid 5 days late with 9000 元 added, closed', async () => {
    await login(page, 'xj-mzj', PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: T });
    const a = await api(page);
    await a.move('serve', { servedOn: '2026-10-29', method: '直接送达' });
    const pub = await a.act('publish', { publishedOn: '2026-11-03' });
    assert.deepEqual([pub.onTime, pub.dueOn], [true, '2026-11-05']);
    await a.move('pay', { paidOn: '2026-11-18', amount: 60000, bank: '农业银行西吉支行' }, 422);
    const paid = await a.move('pay', { paidOn: '2026-11-18', amount: 69000, bank: '农业银行西吉支行' });
    assert.equal(paid.data.lateCharge, 9000);
    await a.move('close', { closedOn: '2026-11-19' });
    await page.goto(`/cases/${caseId}`);
    await page.getByText('640422民罚决').first().waitFor({ timeout: T });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await shot(page, 'enforcement-case-closed-desktop', { fullPage: true });
    await page.goto('/enforcement');
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '已结案归档' }).first().waitFor({ timeout: T });
    await shot(page, 'enforcement-cases-desktop');
  });
});
