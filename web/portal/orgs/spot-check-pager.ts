import { api, el, PortalError } from '../common.ts';

type Page<T> = { total: number; page: number; pageSize: number; items: T[] };

/**
 * A server-paged table with a search box (a credit code or its beginning, or part of a name): the browser holds one
 * page, never the whole list. `row` renders one item; `testid` names the table for tests.
 */
export function pagedTable<T>(opts: {
  id: string;
  title: string;
  url: string;
  columns: string[];
  row: (item: T) => HTMLTableRowElement;
  empty: string;
  testid: string;
  extra?: Node | null;
}) {
  const input = el('input', { id: `${opts.id}-q`, type: 'search', maxlength: '60', autocomplete: 'off', 'aria-describedby': `${opts.id}-hint` });
  const search = el(
    'form',
    { class: 'field sc-search', role: 'search' },
    el('label', { for: `${opts.id}-q` }, `在${opts.title}中查询`),
    el('div', { class: 'sc-search-row' }, input, el('button', { type: 'submit', class: 'btn' }, '查询')),
    el('p', { class: 'hint', id: `${opts.id}-hint` }, '统一社会信用代码（可只输前几位）或名称中的字'),
  );
  const body = el('tbody', {});
  const table = el(
    'table',
    { class: 'sc-table', 'data-testid': opts.testid },
    el('thead', {}, el('tr', {}, ...opts.columns.map((c) => el('th', {}, c)))),
    body,
  );
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const prev = el('button', { type: 'button', class: 'btn' }, '上一页');
  const next = el('button', { type: 'button', class: 'btn' }, '下一页');
  const section = el(
    'section',
    { class: 'panel', 'aria-labelledby': `${opts.id}-h` },
    el('h2', { id: `${opts.id}-h` }, opts.title),
    opts.extra ?? null,
    search,
    el('div', { class: 'sc-scroll' }, table),
    el('div', { class: 'sc-pager' }, prev, status, next),
  );
  let page = 1;
  let q = '';
  async function load() {
    status.textContent = '正在查询…';
    try {
      const p = await api<Page<T>>(`${opts.url}?page=${page}&pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ''}`);
      const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
      body.replaceChildren(...(p.items.length ? p.items.map(opts.row) : [el('tr', {}, el('td', { colspan: String(opts.columns.length) }, opts.empty))]));
      status.textContent = `第 ${p.page} / ${pages} 页，共 ${p.total} 个${q ? `（查询“${q}”）` : ''}`;
      prev.disabled = p.page <= 1;
      next.disabled = p.page >= pages;
    } catch (err) {
      status.textContent = err instanceof PortalError ? err.problem.title : '查询失败，请稍后重试';
    }
  }
  search.addEventListener('submit', (e) => {
    e.preventDefault();
    q = input.value.trim();
    page = 1;
    void load();
  });
  prev.addEventListener('click', () => ((page -= 1), void load()));
  next.addEventListener('click', () => ((page += 1), void load()));
  void load();
  return section;
}
