import { $, api, el, ErrorDisplay, formatDate, PortalError } from './common.ts';
import type { DocumentVerified as Verified } from '../../src/kernel/documents/contract.ts';

/** 文书查验: number + verification code → whether the paper document is genuine (nothing personal). */

const form = $<HTMLFormElement>('#verify-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#verify-status');
const result = $('#result');

const preset = new URLSearchParams(location.search);
if (preset.get('no')) $<HTMLInputElement>('#v-no').value = preset.get('no')!;
if (preset.get('code')) $<HTMLInputElement>('#v-code').value = preset.get('code')!;

const row = (label: string, value: Node | string, testId: string) => el('div', {}, el('dt', {}, label), el('dd', { 'data-testid': testId }, value));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const no = $<HTMLInputElement>('#v-no').value.trim();
  const code = $<HTMLInputElement>('#v-code').value.trim().toUpperCase();
  const problems: [string, string][] = [];
  if (!no) problems.push(['v-no', '请填写文书编号']);
  if (!code) problems.push(['v-code', '请填写验证码']);
  if (problems.length) return errors.show(problems);
  errors.clear();
  status.textContent = '正在查验…';
  result.hidden = true;
  try {
    const v = await api<Verified>(`/api/public/documents/verify?${new URLSearchParams({ no, code })}`);
    status.textContent = '';
    render(v);
  } catch (err) {
    status.textContent = '';
    const msg = err instanceof PortalError ? err.problem.title : '查验失败，请稍后重试';
    if (err instanceof PortalError && err.problem.status === 404) {
      result.replaceChildren(
        el(
          'div',
          { class: 'notice warn', 'data-testid': 'verify-fail' },
          el('h2', { id: 'result-title' }, '未通过查验'),
          el('p', {}, msg),
          el('p', {}, '请核对文书编号（含括号和“号”字）和验证码后重试。如仍不相符，请向文书上署名的机关核实。'),
        ),
      );
      result.hidden = false;
      result.focus();
    } else {
      errors.show([['v-code', msg]]);
    }
  }
});

function render(v: Verified) {
  const version = v.current
    ? v.version > 1
      ? `第 ${v.version} 版（最新版本）`
      : '最新版本'
    : `第 ${v.version} 版。该文书已重新出具，现行为第 ${v.latestVersion} 版，请以最新版本为准`;
  result.replaceChildren(
    el(
      'section',
      { class: 'panel', 'data-testid': 'verify-ok' },
      el(
        'div',
        { class: `notice ${v.current ? 'ok' : 'warn'}`, role: 'status' },
        el('h2', { id: 'result-title' }, v.current ? '查验通过：该文书由本平台出具' : '查验通过：该文书由本平台出具，但已有更新版本'),
      ),
      el(
        'dl',
        { class: 'facts' },
        row('文书编号', v.docNo, 'verify-no'),
        row('文书标题', v.title, 'verify-title'),
        row('出具机关', v.issuer, 'verify-issuer'),
        row('成文日期', formatDate(v.issuedOn), 'verify-date'),
        row('版本', version, 'verify-version'),
        row('文件校验值（SM3）', el('code', { style: 'word-break: break-all' }, v.sm3), 'verify-sm3'),
      ),
      el('p', { class: 'hint' }, '持有电子版（PDF）的，可以计算文件的 SM3 值与上面的校验值比对：一致即为原件，未经改动。'),
    ),
  );
  result.hidden = false;
  result.focus();
}
