import { $, api, ErrorDisplay, el, formatDate, formatDateTime, PortalError } from '../common.ts';
import type { RequestTrack } from '../../../src/modules/disclosure/contracts/http.ts';

/** 申请进度查询: the state in plain words, the answer due date or why it is paused, 补正, the 答复书. */
const form = $<HTMLFormElement>('#track-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#track-status');
const result = $('#result');
const correctForm = $<HTMLFormElement>('#correct-form');
const ref = new URLSearchParams(location.search).get('ref');
if (ref) $<HTMLInputElement>('#refNo').value = ref;

const access = () => ({ refNo: $<HTMLInputElement>('#refNo').value.trim(), queryCode: $<HTMLInputElement>('#queryCode').value.trim() });
const row = (label: string, value: string) => el('div', {}, el('dt', {}, label), el('dd', {}, value));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const a = access();
  const miss: [string, string][] = [];
  if (!a.refNo) miss.push(['refNo', '请填写申请编号']);
  if (!a.queryCode) miss.push(['queryCode', '请填写查询码']);
  if (miss.length) return errors.show(miss);
  errors.clear();
  status.textContent = '正在查询…';
  try {
    render(await api<RequestTrack>('/api/public/disclosure/track', a));
    status.textContent = '';
  } catch (err) {
    status.textContent = '';
    errors.show([['', err instanceof PortalError ? err.problem.title : '查询失败，请稍后重试']]);
  }
});

correctForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $<HTMLTextAreaElement>('#correctText').value.trim();
  if (text.length < 5) return errors.show([['correctText', '请填写补正后的申请内容（至少 5 个字）']]);
  try {
    render(await api<RequestTrack>('/api/public/disclosure/correct', { ...access(), text }));
    errors.clear();
  } catch (err) {
    errors.show([['correctText', err instanceof PortalError ? err.problem.title : '提交失败，请稍后重试']]);
  }
});

const FILE_NAMES = { answer: '政府信息公开申请答复书.pdf', correction: '补正告知书.pdf', extension: '延长答复期限告知书.pdf' } as const;

async function download(which: keyof typeof FILE_NAMES) {
  const res = await fetch('/api/public/disclosure/document.pdf', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...access(), which }),
    credentials: 'omit',
  });
  if (!res.ok) return errors.show([['', (await res.json().catch(() => null))?.title ?? '下载失败']]);
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { href: url, download: FILE_NAMES[which] });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function render(t: RequestTrack) {
  const box = el('section', { class: 'panel', 'data-testid': 'track' }, el('h2', {}, `${t.refNo}：${t.stateLabel}`));
  if (t.paused) box.append(el('p', { class: 'notice warn', 'data-testid': 'pause' }, `答复期限自${formatDate(t.paused.since)}起暂停计算：${t.paused.reason}`));
  for (const x of t.extensions)
    box.append(
      el(
        'p',
        { class: 'notice', 'data-testid': 'extension' },
        `延期告知：经政府信息公开工作机构负责人同意，答复期限延长 ${x.workdays} 个工作日（${formatDate(x.approvedOn)}）。理由：${x.reason}`,
      ),
    );
  if (t.extensions.length) {
    const b = el('button', { type: 'button', class: 'btn', 'data-testid': 'download-extension' }, '下载延期告知书');
    b.addEventListener('click', () => download('extension'));
    box.append(b);
  }
  const facts = el('dl', { class: 'facts' }, row('受理机关', t.office), row('收到申请日期', formatDate(t.receivedOn)), row('申请内容', t.content));
  if (t.answerDue) facts.append(row('答复期限', `${formatDate(t.answerDue)}前`));
  if (t.answer) facts.append(row('答复结果', `${t.answer.kind}（${formatDate(t.answer.answeredOn)}）`));
  box.append(facts);
  if (t.correction) {
    box.append(el('p', { class: 'notice warn' }, `请补正：${t.correction.text}${t.correction.due ? `（请于${formatDate(t.correction.due)}前补正）` : ''}`));
    const b = el('button', { type: 'button', class: 'btn' }, '下载补正告知书');
    b.addEventListener('click', () => download('correction'));
    box.append(b);
  }
  if (t.answer) {
    const b = el('button', { type: 'button', class: 'btn primary', 'data-testid': 'download-answer' }, '下载答复书（PDF）');
    b.addEventListener('click', () => download('answer'));
    box.append(el('p', { class: 'doc-download' }, b, t.answer.docNo ? ` 文号：${t.answer.docNo}，验证码：${t.answer.verifyCode}` : ''));
  }
  box.append(el('h3', {}, '办理过程'), el('ol', { class: 'timeline' }, ...t.steps.map((s) => el('li', {}, `${formatDateTime(s.at)} ${s.label}`))));
  result.replaceChildren(box);
  result.hidden = false;
  correctForm.hidden = t.state !== 'correcting';
  result.focus();
}
