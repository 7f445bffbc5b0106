import { $, api, el, ErrorDisplay, formatDate, formatDateTime, PortalError } from '../common.ts';
import { RATING_LEVELS } from '../../../src/modules/hall/contract.ts';
import { sizeText } from '../files.ts';
import { materialInputs } from './materials.ts';

/** 政务服务办件查询: progress, the materials received, the one-time 补正 notice (completed here by upload), 电子证照 download, 好差评. */

type Track = {
  refNo: string;
  itemName: string;
  office: string;
  window: string;
  state: string;
  stateLabel: string;
  dueDate: string | null;
  acceptedOn: string | null;
  correction: { missing: string[]; note: string } | null;
  notAcceptedReason: string | null;
  decision: string | null;
  decisionReason: string | null;
  deliveredOn: string | null;
  certificate: { docNo: string; verifyCode: string } | null;
  /** 社会团体成立登记: the registrar's 成立登记 case, filed at 受理. */
  registration: { refNo: string; typeLabel: string; stateLabel: string } | null;
  rating: string | null;
  rateable: boolean;
  indicators: string[];
  steps: Array<{ at: string; label: string }>;
  materials: Array<{ index: number; name: string; required: boolean; present: boolean; files: Array<{ fileName: string; sizeBytes: number }> }>;
};

const form = $<HTMLFormElement>('#track-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#track-status');
const result = $('#result');
const auth = () => ({ refNo: $<HTMLInputElement>('#refNo').value.trim(), queryCode: $<HTMLInputElement>('#queryCode').value.trim() });
const row = (k: string, v: string) => el('div', {}, el('dt', {}, k), el('dd', {}, v));
const fail = (err: unknown) => errors.show([['', err instanceof PortalError ? err.problem.title : '操作失败，请稍后重试']]);

const preset = new URLSearchParams(location.search).get('ref');
if (preset) $<HTMLInputElement>('#refNo').value = preset;

async function load() {
  const a = auth();
  if (!a.refNo || !a.queryCode)
    return errors.show([...(!a.refNo ? [['refNo', '请填写申请编号']] : []), ...(!a.queryCode ? [['queryCode', '请填写查询码']] : [])] as [string, string][]);
  errors.clear();
  status.textContent = '正在查询…';
  try {
    render(await api<Track>('/api/public/hall/track', a));
    status.textContent = '';
  } catch (err) {
    status.textContent = '';
    fail(err);
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void load();
});

/** Which materials of the list have a file (required ones without are marked). */
function materialsPanel(t: Track) {
  return el(
    'section',
    { class: 'panel', 'data-testid': 'hall-materials' },
    el('h2', {}, '申请材料'),
    el(
      'ul',
      { class: 'material-list' },
      ...t.materials.map((m) =>
        el(
          'li',
          {},
          el(
            'span',
            { class: m.present ? '' : m.required ? 'absent' : 'hint' },
            `${m.present ? '✓ 已收到' : m.required ? '✗ 缺少' : '— 未提交'}　${m.name}${m.required ? '' : '（如有）'}`,
          ),
          ...m.files.map((f) => el('p', { class: 'hint' }, `${f.fileName}（${sizeText(f.sizeBytes)}）`)),
        ),
      ),
    ),
  );
}

function correctionPanel(t: Track) {
  const slot = el('fieldset', { class: 'materials' }, el('legend', {}, '上传告知所列的材料（每项一个文件）'));
  const inputs = materialInputs(slot, t.materials, t.correction!.missing);
  const f = el(
    'form',
    { class: 'panel', 'data-testid': 'hall-correction' },
    el('h2', {}, '补正材料一次性告知'),
    el('p', {}, `请补正：${t.correction!.missing.join('、')}`),
    el('p', { class: 'notice warn' }, t.correction!.note),
    slot,
    el('button', { type: 'submit', class: 'btn primary' }, '提交补正材料'),
  );
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const problem = inputs.problem();
    if (problem) return errors.show([problem]);
    const fd = new FormData();
    fd.append('refNo', auth().refNo);
    fd.append('queryCode', auth().queryCode);
    if (!inputs.append(fd)) return errors.show([['', '请选择要上传的补正材料文件']]);
    try {
      render(await api<Track>('/api/public/hall/correction', fd));
    } catch (err) {
      fail(err);
    }
  });
  return f;
}

function ratingPanel(t: Track) {
  const f = el(
    'form',
    { class: 'panel', 'data-testid': 'hall-rate' },
    el('h2', {}, '服务评价（好差评）'),
    el('p', {}, '请对本次服务作出总体评价，并对每项指标打分（1 至 5 星）。每项服务只能评价一次。'),
    el(
      'fieldset',
      { class: 'stars' },
      el('legend', {}, '总体评价'),
      ...RATING_LEVELS.map((l, i) => el('label', {}, el('input', { type: 'radio', name: 'level', value: l, id: `lv-${i}` }), el('span', {}, l))),
    ),
    ...t.indicators.map((k, i) =>
      el(
        'div',
        { class: 'field' },
        el('label', { for: `ind-${i}` }, k),
        el(
          'select',
          { id: `ind-${i}`, 'data-indicator': k },
          ...[5, 4, 3, 2, 1].map((n) => el('option', { value: String(n) }, `${'★'.repeat(n)}${'☆'.repeat(5 - n)}（${n} 星）`)),
        ),
      ),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'comment' }, '评价内容（差评请写明原因）'),
      el('textarea', { id: 'comment', rows: '3', maxlength: '500' }),
    ),
    el('button', { type: 'submit', class: 'btn primary' }, '提交评价'),
  );
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const level = f.querySelector<HTMLInputElement>('input[name=level]:checked')?.value;
    if (!level) return errors.show([['lv-0', '请选择总体评价']]);
    const indicators = Object.fromEntries(
      [...f.querySelectorAll<HTMLSelectElement>('select[data-indicator]')].map((s) => [s.dataset.indicator!, Number(s.value)]),
    );
    const comment = $<HTMLTextAreaElement>('#comment', f).value.trim() || undefined;
    try {
      const r = await api<{ notice: string }>('/api/public/hall/rate', { ...auth(), level, indicators, comment });
      f.replaceChildren(el('h2', {}, '服务评价（好差评）'), el('p', { class: 'notice ok', 'data-testid': 'hall-rated' }, r.notice));
    } catch (err) {
      fail(err);
    }
  });
  return f;
}

async function download() {
  const res = await fetch('/api/public/hall/certificate.pdf', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(auth()),
    credentials: 'omit',
  });
  if (!res.ok) return errors.show([['', (await res.json().catch(() => null))?.title ?? '下载失败，请稍后重试']]);
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { href: url, download: `电子证照-${auth().refNo}.pdf` });
  document.body.append(a);
  a.click();
  a.remove();
}

function render(t: Track) {
  errors.clear();
  const facts = el(
    'dl',
    { class: 'facts' },
    row('办理事项', t.itemName),
    row('受理单位', `${t.office}（${t.window}）`),
    row('办理状态', t.stateLabel),
    ...(t.dueDate ? [row('承诺办结日期', formatDate(t.dueDate))] : []),
    ...(t.registration ? [row('登记管理机关办件', `${t.registration.typeLabel} ${t.registration.refNo}（${t.registration.stateLabel}）`)] : []),
    ...(t.notAcceptedReason ? [row('不予受理理由', t.notAcceptedReason)] : []),
    ...(t.decision ? [row('办理决定', t.decision === '准予' ? '准予办理' : `不予办理：${t.decisionReason ?? ''}`)] : []),
    ...(t.deliveredOn ? [row('送达日期', formatDate(t.deliveredOn))] : []),
    ...(t.rating ? [row('您的评价', t.rating)] : []),
  );
  const parts: HTMLElement[] = [
    el(
      'section',
      { class: 'panel', 'data-testid': 'hall-track' },
      el('h2', {}, `申请编号 ${t.refNo}`),
      facts,
      el('h3', {}, '办理过程'),
      el('ol', { class: 'steps-list' }, ...t.steps.map((s) => el('li', {}, `${formatDateTime(s.at)} ${s.label}`))),
    ),
  ];
  if (t.materials.length) parts.push(materialsPanel(t));
  if (t.correction) parts.push(correctionPanel(t));
  if (t.certificate) {
    const btn = el('button', { type: 'button', class: 'btn primary', 'data-testid': 'hall-download' }, '下载电子证照（PDF）');
    btn.addEventListener('click', () => void download());
    parts.push(
      el(
        'section',
        { class: 'panel' },
        el('h2', {}, '办理结果'),
        el('p', {}, `电子证照编号 ${t.certificate.docNo}，验证码 ${t.certificate.verifyCode}。电子证照与纸质证照具有同等法律效力，可在「文书查验」核对真伪。`),
        btn,
      ),
    );
  }
  if (t.rateable) parts.push(ratingPanel(t));
  result.replaceChildren(...parts);
  result.hidden = false;
  result.focus();
}
