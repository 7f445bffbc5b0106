import { $, api, ErrorDisplay, el, formatDate, PortalError } from '../common.ts';
import { CATEGORIES } from '../../../src/modules/disclosure/contracts/labels.ts';
import type { Item } from '../../../src/modules/disclosure/contracts/http.ts';

/** 政府信息公开指南 and 目录: the offices, and the searchable catalogue (withdrawn items keep their record). */
type Page = { items: Array<Omit<Item, 'id' | 'source' | 'state' | 'publishDue'>>; total: number };
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#cat-status');
const list = $('#catalogue');
const more = $<HTMLButtonElement>('#more');
let page = 1;

$('#category').append(...CATEGORIES.map((c, i) => el('option', { value: String(i + 1) }, c)));
api<{ items: Array<{ name: string }> }>('/api/public/disclosure/offices').then((r) => $('#offices').append(...r.items.map((o) => el('li', {}, o.name))));

const query = () => {
  const p = new URLSearchParams({ page: String(page), pageSize: '20' });
  for (const f of ['q', 'category', 'year']) {
    const v = ($(`#${f}`) as HTMLInputElement).value.trim();
    if (v) p.set(f, v);
  }
  return p;
};

async function load(append: boolean) {
  status.textContent = '正在检索…';
  try {
    const r = await api<Page>(`/api/public/disclosure/catalogue?${query()}`);
    errors.clear();
    const rows = r.items.map((i) =>
      el(
        'article',
        { class: 'panel', 'data-testid': 'catalogue-item' },
        el('h3', {}, i.title),
        el(
          'dl',
          { class: 'facts' },
          el('div', {}, el('dt', {}, '索引号'), el('dd', { class: 'mono' }, i.indexNo)),
          el('div', {}, el('dt', {}, '类别'), el('dd', {}, i.categoryLabel)),
          el('div', {}, el('dt', {}, '生成机构'), el('dd', {}, i.office)),
          el('div', {}, el('dt', {}, '生成日期'), el('dd', {}, formatDate(i.formedOn))),
          el('div', {}, el('dt', {}, '公开日期'), el('dd', {}, i.publishedOn ? formatDate(i.publishedOn) : '—')),
          el('div', {}, el('dt', {}, '有效性'), el('dd', {}, i.validity)),
        ),
        el('p', {}, i.summary),
        i.withdrawnOn ? el('p', { class: 'notice warn' }, `已于${formatDate(i.withdrawnOn)}撤回：${i.withdrawReason ?? ''}`) : null,
      ),
    );
    if (append) list.append(...rows);
    else list.replaceChildren(...rows);
    status.textContent = `共 ${r.total} 条`;
    more.hidden = page * 20 >= r.total;
  } catch (err) {
    status.textContent = '';
    const p = err instanceof PortalError ? err.problem : null;
    errors.show([[p?.field ?? '', p?.title ?? '检索失败，请稍后重试']]);
  }
}

$<HTMLFormElement>('#cat-form').addEventListener('submit', (e) => {
  e.preventDefault();
  page = 1;
  void load(false);
});
more.addEventListener('click', () => {
  page++;
  void load(true);
});
void load(false);
