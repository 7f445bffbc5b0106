import { $, api, el, ErrorDisplay, formatDate, PortalError } from '../common.ts';
import type { FilingAccepted, FilingStatus } from '../../../src/modules/orgs/contracts/annual-report.ts';

/** 年度工作报告报送: USCC + 年报报送码 → the years with deadlines, 初审 and conclusion; the report form for an open year. */

const errors = new ErrorDisplay($('#error-summary'));
const loginForm = $<HTMLFormElement>('#login-form');
const reportForm = $<HTMLFormElement>('#report-form');
const statusBox = $('#status');
const input = (id: string) => $<HTMLInputElement>(`#${id}`);
let login: { uscc: string; filingCode: string } | null = null;

const row = (label: string, value: string) => [el('dt', {}, label), el('dd', {}, value)];
const day = (d: string | null, none = '—') => (d ? formatDate(d) : none);

function render(s: FilingStatus) {
  $('#org-name').textContent = s.name;
  $('#org-facts').textContent =
    `${s.kindLabel} · 统一社会信用代码 ${s.uscc} · 登记管理机关 ${s.authorityName}${s.supervisorUnit ? ` · 业务主管单位 ${s.supervisorUnit}` : ''}`;
  $('#years').replaceChildren(
    ...s.years.map((y) =>
      el(
        'li',
        { 'data-testid': `year-${y.year}` },
        el('h3', {}, `${y.year}年度`),
        y.required
          ? el(
              'dl',
              {},
              ...(y.supervisorDeadline ? row('报送业务主管单位', `${day(y.supervisorDeadline)}前`) : []),
              ...row('报送登记管理机关', `${day(y.registrarDeadline)}前`),
              ...row('报送日期', day(y.submittedOn, '尚未报送')),
              ...row('初审', day(y.reviewedOn, '尚未初审')),
              ...row('年检结论', y.conclusion ? `${y.conclusion}${y.reasons ? `（${y.reasons}）` : ''}` : '尚未作出'),
              ...row('结果公告', day(y.publishedOn, '尚未公告')),
              ...(y.remindedOn ? row('报送提醒', `${day(y.remindedOn)}已提醒`) : []),
            )
          : el('p', { class: 'hint' }, y.why ?? '不参加该年度检查'),
      ),
    ),
  );
  $('#notices').replaceChildren(
    ...s.notices.map((n) => {
      const get = el('button', { type: 'button', class: 'btn', 'data-testid': 'notice-pdf' }, `下载整改通知书（${n.docNo}）`);
      get.addEventListener('click', () => void downloadNotice(n.docNo));
      return el(
        'li',
        { 'data-testid': 'notice' },
        el('h4', {}, `${n.docNo}`),
        el(
          'dl',
          {},
          ...row('抽查', n.spotCheckTitle),
          ...row('发出日期', day(n.issuedOn)),
          ...row('整改期限', n.rectifyBy ? `${day(n.rectifyBy)}前` : '—'),
          ...row('整改情况', n.rectifiedOn ? `${day(n.rectifiedOn)}已整改` : '尚未复查确认'),
        ),
        get,
      );
    }),
  );
  $('#notices-box').hidden = s.notices.length === 0;
  statusBox.hidden = false;
  const open = s.years.filter((y) => y.required && !y.reviewedOn && !y.conclusion);
  input('year').replaceChildren(...open.map((y) => el('option', { value: String(y.year) }, `${y.year}年度${y.submittedOn ? '（已报送，可重新报送）' : ''}`)));
  reportForm.hidden = open.length === 0;
  $('#members-field').hidden = s.kind !== 'social_group';
  $('#sup-field').hidden = !s.supervisorUnit || s.kind === 'foundation';
  document.querySelectorAll<HTMLElement>('.audit').forEach((e) => (e.hidden = s.kind !== 'foundation'));
}

/** The notice's PDF, fetched with the organization's credentials (POST, so the code stays out of URLs and logs). */
async function downloadNotice(docNo: string) {
  if (!login) return;
  const res = await fetch('/api/public/orgs/rectification-notice.pdf', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...login, docNo }),
    credentials: 'omit',
  });
  if (!res.ok) return errors.show([['', (await res.json().catch(() => null))?.title ?? '下载失败，请稍后重试']]);
  const url = URL.createObjectURL(await res.blob());
  el('a', { href: url, download: `整改通知书-${docNo}.pdf` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function refresh() {
  render(await api<FilingStatus>('/api/public/orgs/annual-reports/status', login));
}

loginForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const uscc = input('uscc').value.trim().toUpperCase();
  const filingCode = input('filingCode').value.trim().toUpperCase();
  const missing: [string, string][] = [];
  if (uscc.length !== 18) missing.push(['uscc', '请填写18位统一社会信用代码']);
  if (filingCode.length < 8) missing.push(['filingCode', '请填写年报报送码']);
  if (missing.length) return errors.show(missing);
  errors.clear();
  login = { uscc, filingCode };
  try {
    await refresh();
    $('#login-status').textContent = '';
    statusBox.focus();
  } catch (err) {
    login = null;
    errors.show([['filingCode', err instanceof PortalError ? err.problem.title : '登录失败，请稍后重试']]);
  }
});

const yuan = (id: string, label: string, problems: [string, string][], signed = false): number => {
  const v = input(id).value.trim().replace(/,/g, '');
  if (!(signed ? /^-?\d+(\.\d{1,2})?$/ : /^\d+(\.\d{1,2})?$/).test(v)) problems.push([id, `请填写${label}（元，最多两位小数）`]);
  return Math.round(Number(v) * 100);
};
const count = (id: string, label: string, problems: [string, string][]): number => {
  const v = input(id).value.trim();
  if (!/^\d+$/.test(v)) problems.push([id, `请填写${label}（整数）`]);
  return Number(v);
};
const text = (id: string) => input(id).value.trim() || null;

reportForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!login) return;
  const problems: [string, string][] = [];
  const members = $('#members-field').hidden ? null : count('members', '会员数', problems);
  const report = {
    year: Number(input('year').value),
    activities: input('activities').value.trim(),
    incomeCents: yuan('income', '年度收入', problems),
    expenditureCents: yuan('expenditure', '年度支出', problems),
    netAssetsCents: yuan('netAssets', '年末净资产', problems, true),
    staff: count('staff', '专职工作人员数', problems),
    members,
    boardMeetings: count('boardMeetings', '理事会召开次数', problems),
    supervisorReviewedOn: $('#sup-field').hidden ? null : text('supervisorReviewedOn'),
    auditFirm: text('auditFirm'),
    auditReportNo: text('auditReportNo'),
    filerName: input('filerName').value.trim(),
    filerPhone: input('filerPhone').value.trim(),
  };
  if (report.activities.length < 10) problems.unshift(['activities', '请填写业务活动情况（至少10个字）']);
  if (problems.length) return errors.show(problems);
  errors.clear();
  $('#report-status').textContent = '正在报送…';
  try {
    const r = await api<FilingAccepted>('/api/public/orgs/annual-reports', { ...login, report });
    await refresh();
    $('#report-status').textContent =
      `${r.year}年度工作报告已于${formatDate(r.submittedOn)}报送${r.late ? '（已超过报送期限）' : ''}，请等待登记管理机关初审。`;
  } catch (err) {
    $('#report-status').textContent = '';
    const p = err instanceof PortalError ? err.problem : null;
    const field = p?.field?.replace(/^report\./, '') ?? '';
    errors.show([[document.getElementById(field) ? field : '', p?.title ?? '报送失败，请稍后重试']]);
  }
});
