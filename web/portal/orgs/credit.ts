import { $, api, el, ErrorDisplay, formatDate, PortalError } from '../common.ts';
import type { PublicLookup } from '../../../src/modules/orgs/credit/public-lookup.ts';

/** 社会组织信用查询: name or USCC → registration status, rating and the credit lists in force. */

const form = $<HTMLFormElement>('#lookup-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#lookup-status');
const result = $('#result');

const preset = new URLSearchParams(location.search).get('q');
if (preset) $<HTMLInputElement>('#q').value = preset;

const row = (label: string, value: string) => el('div', {}, el('dt', {}, label), el('dd', {}, value));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = $<HTMLInputElement>('#q').value.trim();
  if (q.length < 4) return errors.show([['q', '请至少输入4个字的名称，或18位统一社会信用代码']]);
  errors.clear();
  status.textContent = '正在查询…';
  try {
    const r = await api<PublicLookup>(`/api/public/orgs/credit?${new URLSearchParams({ q })}`);
    status.textContent = r.total > r.items.length ? `共 ${r.total} 个结果，显示前 ${r.items.length} 个，请输入更完整的名称` : `共 ${r.total} 个结果`;
    render(r);
  } catch (err) {
    status.textContent = '';
    errors.show([['q', err instanceof PortalError ? err.problem.title : '查询失败，请稍后重试']]);
  }
});

function render(r: PublicLookup) {
  result.replaceChildren(
    ...(r.items.length
      ? r.items.map((o) =>
          el(
            'section',
            { class: 'panel', 'data-testid': 'org-credit' },
            el('h2', {}, o.name),
            el(
              'div',
              { class: `notice ${o.lists.length ? 'warn' : 'ok'}` },
              o.lists.length
                ? o.lists.map((l) => `${formatDate(l.listedOn)} 起列入${l.label}：${l.reason}`).join('；')
                : '未列入活动异常名录和严重违法失信名单',
            ),
            el(
              'dl',
              { class: 'facts' },
              row('统一社会信用代码', o.uscc),
              row('类型', o.kind),
              row('登记管理机关', o.authority),
              row('成立登记日期', formatDate(o.registeredOn)),
              row('登记状态', o.statusOn ? `${o.status}（${formatDate(o.statusOn)}）` : o.status),
              row('评估等级', o.rating ? `${o.rating}（有效期至 ${formatDate(o.ratingUntil!)}）` : '无有效评估等级'),
            ),
          ),
        )
      : [el('p', { class: 'notice warn' }, '没有找到相符的社会组织，请核对名称或统一社会信用代码。')]),
  );
  result.hidden = false;
  result.focus();
}
