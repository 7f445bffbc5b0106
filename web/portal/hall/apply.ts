import { $, api, el, ErrorDisplay, PortalError, sendWithPow } from '../common.ts';
import type { HallItem, ItemField } from '../../../src/modules/hall/contracts/items.ts';
import { materialInputs, type MaterialInputs } from './materials.ts';

/** 政务服务网上申请: item guide, the form built from the item's field list, a file for each material, proof of work. */

type Area = { code: string; name: string; level: number; parentCode: string | null };
type Applied = { refNo: string; queryCode: string; office: string; dueDate: string | null; missing: string[]; notice: string };

const form = $<HTMLFormElement>('#apply-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#apply-status');
const itemSelect = $<HTMLSelectElement>('#itemCode');
const areaSelect = $<HTMLSelectElement>('#areaCode');
let item: HallItem | null = null;
let materials: MaterialInputs | null = null;

const list = (title: string, rows: string[]) => [el('h3', {}, title), el('ul', {}, ...rows.map((r) => el('li', {}, r)))];

function input(f: ItemField): HTMLElement {
  const id = `f-${f.key}`;
  const attrs = { id, name: f.key, 'aria-describedby': f.help ? `${id}-hint ${id}-error` : `${id}-error`, ...(f.required ? { required: '' } : {}) };
  const control =
    f.kind === 'select'
      ? el('select', attrs, el('option', { value: '' }, '请选择'), ...(f.options ?? []).map((o) => el('option', { value: o }, o)))
      : f.kind === 'textarea'
        ? el('textarea', { ...attrs, rows: '3', maxlength: '500' })
        : el('input', {
            ...attrs,
            type: f.kind === 'date' ? 'date' : 'text',
            maxlength: '100',
            ...(f.kind === 'number' ? { inputmode: 'decimal' } : f.kind === 'phone' ? { inputmode: 'tel' } : {}),
          });
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, f.required ? f.label : `${f.label}（选填）`),
    ...(f.help ? [el('p', { class: 'hint', id: `${id}-hint` }, f.help)] : []),
    control,
    el('p', { class: 'error', 'data-error-for': id, id: `${id}-error`, hidden: '' }),
  );
}

/** The guide (as the chosen area implements the item); with `fields`, the form and materials too. */
async function showItem(code: string, fields = true) {
  item = await api<HallItem>(`/api/public/hall/items/${encodeURIComponent(code)}${areaSelect.value ? `?area=${areaSelect.value}` : ''}`);
  $('#guide').replaceChildren(
    el('h3', {}, `办事指南：${item.name}`),
    el(
      'dl',
      { class: 'facts' },
      ...[
        ['事项类型', item.typeLabel],
        ['承诺办结时限', `${item.promiseWorkdays} 个工作日（自受理之日起，不含法定节假日）`],
        ['法定办结时限', item.statutoryLimit ?? '—'],
        ['办理深度', `${item.depth}，跑动次数 ${item.visits} 次`],
        ['收费', item.fee],
        ['办理结果', `${item.resultName}（电子证照）`],
        ['设定依据', item.legalBasis],
      ].map(([k, v]) => el('div', {}, el('dt', {}, k!), el('dd', {}, v!))),
    ),
    ...list('受理条件', item.conditions),
  );
  // The area's implementation list may name other materials: the inputs follow the guide.
  const slot = $('#materials');
  slot.replaceChildren(
    el('legend', {}, '上传申请材料（每项一个文件：PDF、JPG、PNG、DOCX、XLSX 或 TXT，单个不超过 10 MB；缺少必要材料的，受理前会一次性告知补正）'),
  );
  materials = materialInputs(slot, item.materials);
  if (!fields) return;
  $('#form-fields').replaceChildren(...item.fields.filter((f) => f.key !== 'phone').map(input));
}

async function init() {
  const [{ items }, { items: areas }] = await Promise.all([
    api<{ items: Array<{ code: string; name: string }> }>('/api/public/hall/items'),
    api<{ items: Area[] }>('/api/public/areas'),
  ]);
  itemSelect.replaceChildren(...items.map((i) => el('option', { value: i.code }, i.name)));
  const cities = new Map(areas.filter((a) => a.level === 2).map((a) => [a.code, a.name]));
  areaSelect.replaceChildren(
    el('option', { value: '' }, '请选择'),
    ...areas.filter((a) => a.level === 3).map((a) => el('option', { value: a.code }, `${cities.get(a.parentCode ?? '') ?? ''}${a.name}`)),
  );
  const preset = new URLSearchParams(location.search).get('item');
  if (preset && items.some((i) => i.code === preset)) itemSelect.value = preset;
  await showItem(itemSelect.value);
}

itemSelect.addEventListener('change', () => void showItem(itemSelect.value));
areaSelect.addEventListener('change', () => void showItem(itemSelect.value, false));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!item) return;
  const data = new FormData(form);
  const value = (k: string) => String(data.get(k) ?? '').trim();
  const body = {
    itemCode: item.code,
    areaCode: value('areaCode'),
    applicant: value('applicant'),
    phone: value('phone'),
    form: Object.fromEntries([...item.fields.map((f) => [f.key, value(f.key)]), ['phone', value('phone')]]),
  };
  const missing: [string, string][] = [];
  if (!body.areaCode) missing.push(['areaCode', '请选择受理地区']);
  if (!body.applicant) missing.push(['applicant', '请填写申请人（单位名称）']);
  if (!body.phone) missing.push(['phone', '请填写联系电话']);
  for (const f of item.fields) if (f.required && f.key !== 'phone' && !body.form[f.key]) missing.push([`f-${f.key}`, `请填写「${f.label}」`]);
  const fileProblem = materials?.problem();
  if (fileProblem) missing.push(fileProblem);
  if (missing.length) return errors.show(missing);
  errors.clear();
  status.textContent = '正在进行安全校验…';
  try {
    const r = await sendWithPow(
      (pow) => {
        const fd = new FormData();
        fd.append('application', JSON.stringify({ ...body, pow }));
        materials?.append(fd);
        return api<Applied>('/api/public/hall/applications', fd);
      },
      () => (status.textContent = '正在提交（含材料上传，请勿关闭页面）…'),
    );
    status.textContent = '';
    form.hidden = true;
    const res = $('#result');
    res.replaceChildren(
      el(
        'section',
        { class: 'panel', 'data-testid': 'hall-applied' },
        el('h2', {}, '申请已提交'),
        el('p', { class: `notice ${r.missing.length ? 'warn' : 'ok'}` }, r.notice),
        el(
          'dl',
          { class: 'facts' },
          el('div', {}, el('dt', {}, '申请编号'), el('dd', { class: 'codes', 'data-testid': 'ref-no' }, r.refNo)),
          el('div', {}, el('dt', {}, '查询码'), el('dd', { class: 'codes', 'data-testid': 'query-code' }, r.queryCode)),
        ),
        el('p', {}, el('a', { class: 'btn primary', href: `/portal/hall/track.html?ref=${encodeURIComponent(r.refNo)}` }, '查询办理进度')),
      ),
    );
    res.hidden = false;
    res.focus();
  } catch (err) {
    status.textContent = '';
    const p = err instanceof PortalError ? err.problem : null;
    const field = p?.field?.startsWith('form.') ? `f-${p.field.slice(5)}` : p?.field?.startsWith('material.') ? `m-${p.field.slice(9)}` : (p?.field ?? '');
    errors.show([[document.getElementById(field) ? field : '', p?.title ?? '提交失败，请稍后重试']]);
  }
});

void init().catch(() => errors.show([['', '办事指南加载失败，请刷新页面重试']]));
