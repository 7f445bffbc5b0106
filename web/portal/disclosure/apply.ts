import { $, api, ErrorDisplay, el, formatDate, PortalError, sendWithPow } from '../common.ts';

/** 依申请公开: the request form (plain text), paid with a proof of work; the reference and query code shown once. */
type Submitted = { refNo: string; queryCode: string; receivedOn: string; notice: string };
type Offices = { items: Array<{ code: string; name: string }> };

const form = $<HTMLFormElement>('#apply-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#apply-status');
const FIELDS = ['office', 'applicantKind', 'applicantName', 'contact', 'content', 'purpose', 'form'] as const;

api<Offices>('/api/public/disclosure/offices').then((r) => $('#office').append(...r.items.map((o) => el('option', { value: o.code }, o.name))));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const v = Object.fromEntries(FIELDS.map((f) => [f, ($(`#${f}`) as HTMLInputElement).value.trim()]));
  const missing: [string, string][] = [];
  if (!v.office) missing.push(['office', '请选择受理机关']);
  if (!v.applicantName) missing.push(['applicantName', '请填写姓名或名称']);
  if (v.contact!.length < 5) missing.push(['contact', '请填写联系方式']);
  if (v.content!.length < 5) missing.push(['content', '请写明所需政府信息（至少 5 个字）']);
  if (missing.length) return errors.show(missing);
  errors.clear();
  status.textContent = '正在进行安全校验…';
  const body = { ...v, purpose: v.purpose || undefined };
  try {
    const r = await sendWithPow(
      (pow) => api<Submitted>('/api/public/disclosure/requests', { ...body, pow }),
      () => (status.textContent = '正在提交…'),
    );
    status.textContent = '';
    form.hidden = true;
    $('#done-ref').textContent = r.refNo;
    $('#done-code').textContent = r.queryCode;
    $('#done-date').textContent = formatDate(r.receivedOn);
    $('#done-notice').textContent = r.notice;
    $<HTMLAnchorElement>('#done-track').href = `/portal/disclosure/track.html?ref=${encodeURIComponent(r.refNo)}`;
    $('#done').hidden = false;
    $('#done').focus();
  } catch (err) {
    status.textContent = '';
    const p = err instanceof PortalError ? err.problem : null;
    errors.show([[p?.field && FIELDS.includes(p.field as never) ? p.field : '', p?.title ?? '提交失败，请稍后重试']]);
  }
});
