import { $, api, ErrorDisplay, el, formatDate, PortalError, sendWithPow } from '../common.ts';

/** 违法行为举报: plain-text form paid with a proof of work; the reference and 查询码 shown once. */
type Submitted = { refNo: string; queryCode: string; receivedOn: string; replyDue: string; notice: string };
type Offices = { items: Array<{ code: string; name: string }> };

const form = $<HTMLFormElement>('#report-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#report-status');
const FIELDS = ['office', 'reportedParty', 'reportedPartyCode', 'content', 'informantName', 'informantPhone'] as const;

api<Offices>('/api/public/enforcement/tipoff-offices').then((r) => $('#office').append(...r.items.map((o) => el('option', { value: o.code }, o.name))));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const v = Object.fromEntries(FIELDS.map((f) => [f, ($(`#${f}`) as HTMLInputElement).value.trim()]));
  const missing: [string, string][] = [];
  if (!v.office) missing.push(['office', '请选择受理机关']);
  if (v.reportedParty!.length < 2) missing.push(['reportedParty', '请填写被举报对象']);
  if (v.content!.length < 10) missing.push(['content', '请写明举报内容（至少 10 个字）']);
  if (missing.length) return errors.show(missing);
  errors.clear();
  status.textContent = '正在进行安全校验…';
  const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x));
  try {
    const r = await sendWithPow(
      (pow) => api<Submitted>('/api/public/enforcement/tipoffs', { ...body, pow }),
      () => (status.textContent = '正在提交…'),
    );
    status.textContent = '';
    form.hidden = true;
    $('#done-ref').textContent = r.refNo;
    $('#done-code').textContent = r.queryCode;
    $('#done-due').textContent = formatDate(r.replyDue);
    $('#done-notice').textContent = r.notice;
    $<HTMLAnchorElement>('#done-track').href = `/portal/enforcement/track.html?ref=${encodeURIComponent(r.refNo)}`;
    $('#done').hidden = false;
    $('#done').focus();
  } catch (err) {
    status.textContent = '';
    const p = err instanceof PortalError ? err.problem : null;
    errors.show([[p?.field && FIELDS.includes(p.field as never) ? p.field : '', p?.title ?? '提交失败，请稍后重试']]);
  }
});
