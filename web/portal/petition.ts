import { residentIdProblem } from '../../src/kernel/codes/index.ts';
import { $, api, el, ErrorDisplay, PortalError, sendWithPow } from './common.ts';
import { fileChooser } from './files.ts';
import { copyCodesButton } from './documents.ts';

/** 网上信访: the submit form, checked here first (same rules as the server), then the one-time result. */

type Area = { code: string; name: string; level: number; parentCode: string | null };

const form = $<HTMLFormElement>('#petition-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#submit-status');
const submit = $<HTMLButtonElement>('#submit');
const content = $<HTMLTextAreaElement>('#f-content');
const counter = $('#f-content-count');
const areaSelect = $<HTMLSelectElement>('#f-area');
const value = (id: string) => ($<HTMLInputElement>(`#${id}`).value ?? '').trim();
// 证明材料 sent with the petition.
const files = fileChooser($<HTMLInputElement>('#f-files'), $('#f-files-list'), $('#f-files-error'));

/** Server field paths → the form's field ids. */
const FIELD_IDS: Record<string, string> = {
  title: 'f-title',
  category: 'f-category',
  subject: 'f-subject',
  concernedAreaCode: 'f-area',
  content: 'f-content',
  files: 'f-files',
  complainedOrg: 'f-complained',
  accusedName: 'f-accused',
  'petitioners.0.name': 'f-name',
  'petitioners.0.idNumber': 'f-id',
  'petitioners.0.phone': 'f-phone',
  'petitioners.0.address': 'f-address',
  petitioners: 'f-name',
};

const updateCounter = () => {
  const n = content.value.trim().length;
  counter.textContent = `已输入 ${n} / 20000 字${n > 0 && n < 10 ? '（至少 10 字）' : ''}`;
};
content.addEventListener('input', updateCounter);
updateCounter();

/** 问题发生地: one select, grouped by city; the region and each city keep a 本级 entry. */
async function loadAreas() {
  try {
    const { items } = await api<{ items: Area[] }>('/api/public/areas');
    const region = items.find((a) => a.level === 1);
    const cities = items.filter((a) => a.level === 2);
    const options: (HTMLOptionElement | HTMLOptGroupElement)[] = [el('option', { value: '' }, '请选择县（市、区）')];
    if (region) options.push(el('optgroup', { label: region.name }, el('option', { value: region.code }, `${region.name}（自治区本级）`)));
    for (const c of cities) {
      const g = el('optgroup', { label: c.name });
      g.append(el('option', { value: c.code }, `${c.name}（市本级）`));
      for (const k of items.filter((a) => a.parentCode === c.code && a.level === 3)) g.append(el('option', { value: k.code }, `${c.name} ${k.name}`));
      options.push(g);
    }
    areaSelect.replaceChildren(...options);
  } catch (e) {
    areaSelect.replaceChildren(el('option', { value: '' }, '行政区划加载失败，请刷新页面'));
    errors.show([['f-area', e instanceof PortalError ? e.problem.title : '行政区划加载失败，请刷新页面']]);
  }
}
/**
 * What the citizen typed about the matter survives a reload or an accidental back-and-forth: kept in
 * this tab's sessionStorage (gone when the tab closes), never the identity fields, and cleared on
 * a successful submission.
 */
const DRAFT_KEY = 'mz-petition-draft';
const DRAFT_FIELDS = ['f-title', 'f-content', 'f-category', 'f-subject', 'f-area', 'f-complained', 'f-accused'];
const saveDraft = () => {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(Object.fromEntries(DRAFT_FIELDS.map((id) => [id, $<HTMLInputElement>(`#${id}`).value]))));
  } catch {
    /* storage unavailable (private mode): nothing is kept */
  }
};
function restoreDraft() {
  let draft: Record<string, string> | null = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null');
  } catch {
    /* unreadable: start empty */
  }
  if (!draft || !DRAFT_FIELDS.some((id) => draft![id])) return;
  for (const id of DRAFT_FIELDS) if (typeof draft[id] === 'string') $<HTMLInputElement>(`#${id}`).value = draft[id];
  updateCounter();
  $('#draft-status').textContent = '已恢复您在本页填写但尚未提交的信访事项内容（身份信息不保存，请重新填写）。';
}
for (const id of DRAFT_FIELDS) $(`#${id}`).addEventListener(id === 'f-content' || id === 'f-title' ? 'input' : 'change', saveDraft);
/** 被检举人或单位 belongs to 检举控告 only (the server refuses it for other categories). */
const accusedField = $('#accused-field');
const showAccused = () => {
  accusedField.hidden = value('f-category') !== '检举控告';
};
$('#f-category').addEventListener('change', showAccused);
// The area list arrives from the server: restore once its options exist.
void loadAreas().then(restoreDraft).then(showAccused);

function check(): [string, string][] {
  const out: [string, string][] = [];
  if (!$<HTMLInputElement>('#f-consent').checked) out.push(['f-consent', '请阅读并勾选同意隐私说明']);
  const name = value('f-name');
  if (!name) out.push(['f-name', '请填写姓名']);
  const id = value('f-id');
  if (!id) out.push(['f-id', '请填写公民身份号码']);
  else {
    const p = residentIdProblem(id);
    if (p) out.push(['f-id', p]);
  }
  const phone = value('f-phone');
  if (!phone) out.push(['f-phone', '请填写联系电话']);
  else if (!/^[\d-]{7,20}$/.test(phone)) out.push(['f-phone', '联系电话格式不正确（7–20 位数字，可含 -）']);
  if (!value('f-category')) out.push(['f-category', '请选择信访类别']);
  if (!value('f-subject')) out.push(['f-subject', '请选择涉及业务']);
  if (!value('f-area')) out.push(['f-area', '请选择问题发生地']);
  if (!value('f-title')) out.push(['f-title', '请填写标题']);
  const n = content.value.trim().length;
  if (n < 10) out.push(['f-content', n ? `信访内容不少于 10 字（现有 ${n} 字）` : '请填写信访内容']);
  const f = files.problem();
  if (f) out.push(['f-files', f]);
  return out;
}

let busy = false;

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (busy) return;
  const problems = check();
  if (problems.length) {
    errors.show(problems);
    return;
  }
  errors.clear();
  busy = true;
  submit.disabled = true;
  try {
    status.textContent = '正在进行安全校验，请稍候…';
    const body = {
      title: value('f-title'),
      category: value('f-category'),
      subject: value('f-subject'),
      concernedAreaCode: value('f-area'),
      content: content.value.trim(),
      complainedOrg: value('f-complained') || undefined,
      accusedName: (value('f-category') === '检举控告' && value('f-accused')) || undefined,
      anonymous: false,
      petitioners: [
        { name: value('f-name'), idNumber: value('f-id').toUpperCase(), phone: value('f-phone'), address: value('f-address') || undefined, role: '信访人' },
      ],
    };
    // With files the petition goes as multipart: its JSON in field `petition`, the files in `files`.
    const r = await sendWithPow(
      (pow) => {
        if (!files.files().length) return api<Submitted>('/api/public/petitions', { ...body, pow });
        const fd = new FormData();
        fd.append('petition', JSON.stringify({ ...body, pow }));
        for (const f of files.files()) fd.append('files', f, f.name);
        return api<Submitted>('/api/public/petitions', fd);
      },
      () => {
        status.textContent = files.files().length ? '正在提交（含证明材料上传，请勿关闭页面）…' : '正在提交…';
      },
    );
    status.textContent = '';
    showResult(r);
  } catch (err) {
    status.textContent = '';
    if (err instanceof PortalError) {
      const id = err.problem.field ? (FIELD_IDS[err.problem.field] ?? '') : '';
      errors.show([[id, err.problem.title]]);
    } else errors.show([['', '提交失败，请稍后重试']]);
  } finally {
    busy = false;
    submit.disabled = false;
  }
});

type Submitted = { refNo: string; queryCode: string; notice: string; attachments?: number };

function showResult(r: Submitted) {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    /* nothing kept */
  }
  $('#r-ref').textContent = r.refNo;
  $('#r-files').textContent = r.attachments ? `已随信访事项上传证明材料 ${r.attachments} 个。` : '';
  $('#r-code').textContent = r.queryCode;
  $('#r-notice').textContent = r.notice;
  $<HTMLAnchorElement>('#to-track').href = `/portal/track.html?ref=${encodeURIComponent(r.refNo)}`;
  form.reset();
  files.clear();
  showAccused();
  $('#form-view').hidden = true;
  const view = $('#result-view');
  view.hidden = false;
  document.title = '信访事项已提交 - 民政法治政务平台';
  window.scrollTo(0, 0);
  view.focus();
  copyCodesButton($('#copy'), $('#copy-status'), $('.codes'), () => `信访事项编号：${r.refNo} 查询码：${r.queryCode}`);
}
