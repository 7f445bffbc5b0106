import { centsFromYuan } from '../../../src/platform/money.ts';
import { $, api, el, ErrorDisplay, PortalError, sendWithPow } from '../common.ts';
import { copyCodesButton, documentFileName, postForFile, saveBlob, verifyUrl } from '../documents.ts';
import type { OnlineApplied, PublicStandard, PublicTownship as Area, PublicTrack } from '../../../src/modules/dibao/contracts/portal.ts';
import type { PublicList } from '../../../src/modules/dibao/contracts/steps.ts';

/** 低保 portal page: local standard, online application (plain DOM), progress by ref + query code. */
const RELATIONS = ['申请人', '配偶', '子女', '父母', '祖父母', '孙子女', '兄弟姐妹', '其他'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function idProblem(v: string): string | null {
  const id = v.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位（最后一位可为 X）';
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(id[i]) * WEIGHTS[i]!;
  return CHECK[s % 11] === id[17] ? null : '身份证号校验码不正确，请核对';
}

const errors = new ErrorDisplay($('#error-summary'));
let memberCount = 0;

function addMember() {
  const i = memberCount++;
  const box = el(
    'div',
    { class: 'grid2 member', 'data-member': String(i) },
    el(
      'div',
      { class: 'field' },
      el('label', { for: `m${i}-name` }, `成员 ${i + 1} 姓名`),
      el('input', { id: `m${i}-name`, type: 'text', maxlength: '50', 'aria-describedby': `m${i}-name-error` }),
      el('p', { class: 'error', 'data-error-for': `m${i}-name`, id: `m${i}-name-error`, hidden: '' }),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: `m${i}-id` }, `成员 ${i + 1} 身份证号`),
      el('input', { id: `m${i}-id`, type: 'text', maxlength: '18', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `m${i}-id-error` }),
      el('p', { class: 'error', 'data-error-for': `m${i}-id`, id: `m${i}-id-error`, hidden: '' }),
    ),
  );
  const rel = el('select', { id: `m${i}-rel` });
  for (const r of i === 0 ? ['申请人'] : RELATIONS.slice(1)) rel.append(el('option', { value: r }, r));
  box.append(el('div', { class: 'field' }, el('label', { for: `m${i}-rel` }, `成员 ${i + 1} 与申请人关系`), rel));
  $('#members').append(box);
}

/**
 * The 户籍地 picker cascades 县 → 乡镇 → 村 (a township without villages on record is itself the choice); the
 * standard lookup keeps one list of townships and villages.
 */
async function loadAreas() {
  const { items } = await api<{ items: Area[] }>('/api/public/dibao/townships');
  const std = $('#s-area') as HTMLSelectElement;
  for (const a of items) std.append(el('option', { value: a.code }, `${a.county} ${a.level === 5 ? '  ' : ''}${a.name}`));
  const county = $('#f-county') as HTMLSelectElement;
  const town = $('#f-town') as HTMLSelectElement;
  const area = $('#f-area') as HTMLSelectElement;
  const towns = items.filter((a) => a.level === 4);
  for (const [code, name] of new Map(towns.map((a) => [a.parentCode, a.county]))) county.append(el('option', { value: code }, name));
  county.addEventListener('change', () => {
    town.replaceChildren(el('option', { value: '' }, county.value ? '请选择' : '请先选择县（市、区）'));
    for (const a of towns.filter((t) => t.parentCode === county.value)) town.append(el('option', { value: a.code }, a.name));
    town.dispatchEvent(new Event('change'));
  });
  town.addEventListener('change', () => {
    const villages = items.filter((a) => a.level === 5 && a.parentCode === town.value);
    const t = towns.find((a) => a.code === town.value);
    if (!t) area.replaceChildren(el('option', { value: '' }, '请先选择乡镇（街道）'));
    else if (!villages.length) area.replaceChildren(el('option', { value: t.code }, `${t.name}（未细分村、社区）`));
    else area.replaceChildren(el('option', { value: '' }, '请选择'), ...villages.map((a) => el('option', { value: a.code }, a.name)));
  });
}

/** How the system computes the allowance under each standard (the same rule as the case page's 保障金 calculation). */
const METHOD: Record<string, string> = {
  difference: '差额计发：（保障标准 − 家庭人均月收入）× 保障人口',
  banded: '分档计发：按家庭人均月收入所在档次，每人每月定额',
};

type Bands = NonNullable<PublicStandard['standards'][number]['bands']>;
const en = (text: string) => el('span', { lang: 'en', class: 'en' }, text);

/** 分档计发: the amount of each band, as the system computes the allowance (Chinese, then English). */
function bandTable(label: string, labelEn: string, bands: Bands) {
  const cols: Array<[string, string]> = [
    ['档次', 'Band'],
    ['家庭人均月收入（元）', 'Per-capita monthly income (yuan)'],
    ['每人每月保障金（元）', 'Per person per month (yuan)'],
  ];
  const rows = bands.map((b, i) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, b.name, el('br'), en(`Band ${i + 1}`)),
      el('td', {}, `${b.incomeFromYuan} 至 ${b.incomeBelowYuan} 以下`, el('br'), en(`${b.incomeFromYuan} to under ${b.incomeBelowYuan}`)),
      el('td', {}, b.perPersonYuan),
    ),
  );
  return el(
    'table',
    { class: 'bands' },
    el('caption', {}, `${label}分档标准`, el('br'), en(`${labelEn} allowance by band`)),
    el('thead', {}, el('tr', {}, ...cols.map(([zh, e]) => el('th', { scope: 'col' }, zh, el('br'), en(e))))),
    el('tbody', {}, ...rows),
  );
}

async function showStandard(code: string) {
  const out = $('#s-result');
  if (!code) return out.replaceChildren();
  try {
    const r = await api<PublicStandard>(`/api/public/dibao/standard?area=${code}`);
    out.replaceChildren(
      el('p', {}, `${r.areaName}:`),
      el(
        'ul',
        {},
        ...r.standards.map((s) =>
          el(
            'li',
            {},
            s.monthlyYuan
              ? `${s.label} ${s.monthlyYuan} 元/人·月（${s.effectiveFrom} 起${s.isDemo ? '，演示数据' : ''}）；${METHOD[s.method ?? 'difference'] ?? ''}`
              : `${s.label}：暂未公布`,
          ),
        ),
      ),
      ...r.standards.flatMap((s) => (s.monthlyYuan && s.bands ? [bandTable(s.label, s.kind === 'urban' ? 'Urban' : 'Rural', s.bands)] : [])),
      el('p', {}, `审批层级：${r.approvingLevel ?? '县级民政部门确认'}`),
    );
  } catch (e) {
    out.textContent = e instanceof PortalError ? e.problem.title : '查询失败';
  }
}

/** 公布名单 of the chosen township or village (names masked as posted). */
async function showPublished(code: string) {
  const out = $('#p-result');
  if (!code || code.length < 9) return out.replaceChildren();
  try {
    const r = await api<PublicList>(`/api/public/dibao/published?area=${code}`);
    if (!r.items.length) return out.replaceChildren(el('p', {}, `${r.areaName}暂无公布的低保家庭。`));
    const head = el('tr', {}, ...['户主', '所在地', '家庭人口', '保障人数', '月保障金（元）', '公布日期'].map((h) => el('th', { scope: 'col' }, h)));
    const rows = r.items.map((i) =>
      el('tr', {}, ...[i.name, i.areaName, String(i.householdSize), String(i.insuredPersons), i.amountYuan, i.publishedOn].map((v) => el('td', {}, v))),
    );
    out.replaceChildren(el('table', { class: 'table' }, el('caption', {}, `${r.areaName}低保家庭公布名单`), el('thead', {}, head), el('tbody', {}, ...rows)));
  } catch (e) {
    out.textContent = e instanceof PortalError ? e.problem.title : '查询失败';
  }
}

async function loadMaterials() {
  const r = await api<PublicStandard>('/api/public/dibao/standard?area=640000');
  $('#materials').replaceChildren(...r.materials.map((m) => el('li', {}, m)));
}

function collect(): { body: Record<string, unknown>; errs: [string, string][] } {
  const errs: [string, string][] = [];
  const v = (id: string) => ($(`#${id}`) as HTMLInputElement).value.trim();
  if (!v('f-area')) errs.push(['f-area', '请选择户籍所在村（社区）']);
  if (v('f-address').length < 2) errs.push(['f-address', '请填写家庭住址']);
  if (!/^[\d-]{7,20}$/.test(v('f-phone'))) errs.push(['f-phone', '请填写正确的联系电话']);
  const income = Number(v('f-income'));
  if (v('f-income') === '' || !(income >= 0)) errs.push(['f-income', '请填写家庭月收入（没有请填 0）']);
  const members = [];
  for (let i = 0; i < memberCount; i++) {
    const name = v(`m${i}-name`);
    const id = v(`m${i}-id`).toUpperCase();
    if (i > 0 && !name && !id) continue;
    if (!name) errs.push([`m${i}-name`, `请填写成员 ${i + 1} 的姓名`]);
    const p = idProblem(id);
    if (p) errs.push([`m${i}-id`, `成员 ${i + 1}：${p}`]);
    members.push({ name, idNumber: id, relation: ($(`#m${i}-rel`) as HTMLSelectElement).value });
  }
  return {
    errs,
    body: {
      areaCode: v('f-area'),
      kind: v('f-kind'),
      address: v('f-address'),
      phone: v('f-phone'),
      members,
      incomes: income > 0 ? [{ kind: '其他收入', monthlyCents: centsFromYuan(income), source: '网上申报' }] : [],
    },
  };
}

let busy = false;

$('#apply-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (busy) return;
  const { body, errs } = collect();
  if (errs.length) return errors.show(errs);
  errors.clear();
  const status = $('#submit-status');
  busy = true;
  try {
    status.textContent = '正在进行安全校验，请稍候……';
    const r = await sendWithPow(
      (pow) => api<OnlineApplied>('/api/public/dibao/applications', { ...body, pow }),
      () => {
        status.textContent = '正在提交……';
      },
    );
    status.textContent = '';
    $('#apply-form').hidden = true;
    $('#r-ref').textContent = r.refNo;
    $('#r-code').textContent = r.queryCode;
    $('#r-notice').textContent = r.notice;
    $('#r-missing').textContent = r.missingMaterials.length ? `到窗口核验时请携带：${r.missingMaterials.join('、')}` : '';
    ($('#t-ref') as HTMLInputElement).value = r.refNo;
    copyCodesButton($('#copy'), $('#copy-status'), $('#result .codes'), () => `低保申请编号：${r.refNo} 查询码：${r.queryCode}`);
    $('#result').hidden = false;
    $('#result').focus();
  } catch (err) {
    status.textContent = '';
    const p = err instanceof PortalError ? err.problem : null;
    const m = p?.field ? /^members\.(\d+)\.(idNumber|name)$/.exec(p.field) : null;
    const id = m
      ? `m${m[1]}-${m[2] === 'idNumber' ? 'id' : 'name'}`
      : p?.field === 'address'
        ? 'f-address'
        : p?.field === 'areaCode'
          ? 'f-area'
          : p?.field === 'phone'
            ? 'f-phone'
            : '';
    errors.show([[id, p?.title ?? '提交失败，请稍后重试']]);
  } finally {
    busy = false;
  }
});

$('#track-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const out = $('#t-result');
  const creds = { refNo: ($('#t-ref') as HTMLInputElement).value, queryCode: ($('#t-code') as HTMLInputElement).value };
  try {
    const r = await api<PublicTrack>('/api/public/dibao/track', creds);
    out.replaceChildren(
      el('p', {}, el('strong', {}, `当前状态：${r.stateLabel}`)),
      el('p', {}, `受理单位：${r.township}；审批层级：${r.approvingLevel}${r.dueDate ? `；办结期限：${r.dueDate}` : ''}`),
      ...(r.benefit ? [el('p', {}, `核定月保障金 ${r.benefit.amountYuan} 元，自 ${r.benefit.benefitFrom} 起发放。`)] : []),
      ...(r.refusalReasons ? [el('p', {}, `不予确认理由：${r.refusalReasons}`)] : []),
      ...(r.notAcceptedReason ? [el('p', {}, `不予受理理由：${r.notAcceptedReason}`)] : []),
      ...(r.missingMaterials.length ? [el('p', {}, `请补齐材料：${r.missingMaterials.join('、')}`)] : []),
      el('ol', {}, ...r.steps.map((s) => el('li', {}, `${s.label}（${s.state}）`))),
      ...(r.notices.length ? [noticeList(r.notices, creds)] : []),
    );
  } catch (err) {
    out.textContent = err instanceof PortalError ? err.problem.title : '查询失败';
  }
});

/**
 * 已送达的文书: each notice by its number (kept whole on a phone), downloadable as PDF with the reference
 * number and query code, and checkable at 文书查验 with its number and verification code.
 */
function noticeList(notices: PublicTrack['notices'], creds: { refNo: string; queryCode: string }) {
  const rows = notices.map((d) => {
    const error = el('p', { class: 'form-error', role: 'alert', hidden: '' });
    const button = el('button', { type: 'button', class: 'btn' }, '下载 PDF');
    button.addEventListener('click', async () => {
      error.hidden = true;
      button.disabled = true;
      try {
        saveBlob(await postForFile('/api/public/dibao/notice.pdf', { ...creds, docNo: d.docNo }), documentFileName(d));
      } catch (err) {
        error.textContent = err instanceof PortalError ? err.problem.title : '下载失败，请稍后重试';
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
    return el(
      'li',
      { class: 'doc-download', 'data-testid': 'dibao-notice' },
      el('p', {}, el('strong', {}, d.title), `（${d.issuer}，${d.issuedOn}）`),
      el(
        'p',
        { class: 'meta' },
        '文书编号 ',
        el('span', { class: 'mono nowrap' }, d.docNo),
        d.version > 1 ? `（第 ${d.version} 版）` : '',
        '，验证码 ',
        el('strong', { class: 'code mono nowrap' }, d.verifyCode),
      ),
      el('div', { class: 'actions' }, button, el('a', { class: 'btn', href: verifyUrl(d) }, '文书查验')),
      error,
    );
  });
  return el('section', { 'aria-labelledby': 't-notices' }, el('h3', { id: 't-notices' }, '已送达的文书'), el('ul', { class: 'plain' }, ...rows));
}

$('#add-member').addEventListener('click', () => {
  addMember();
  ($(`#m${memberCount - 1}-name`) as HTMLInputElement).focus();
});
($('#s-area') as HTMLSelectElement).addEventListener('change', (e) => {
  const code = (e.target as HTMLSelectElement).value;
  void showStandard(code);
  void showPublished(code);
});
addMember();
addMember();
void loadAreas();
void loadMaterials();
