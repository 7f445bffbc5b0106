import { $, api, el, ErrorDisplay, formatDate, PortalError } from '../common.ts';
import type { z } from 'zod';
import type { SpotCheckDto, SpotCheckList, VerifyDto } from '../../../src/modules/orgs/spot-check/spot-check-read.ts';
import type { PopulationEntry, SpotItemDto } from '../../../src/modules/orgs/spot-check/spot-check-pages.ts';
import { pagedTable } from './spot-check-pager.ts';

/**
 * 双随机抽查复核: a spot check's commitment, list and revealed seed; the drawn list and the frozen population a page at a
 * time (server-side, searchable); the draw re-run by the public API and compared on the server, the population
 * downloadable as the fingerprinted text for a re-run offline.
 */

type Detail = z.infer<typeof SpotCheckDto>;
type Verify = z.infer<typeof VerifyDto>;
type Item = z.infer<typeof SpotItemDto>;

const form = $<HTMLFormElement>('#sc-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#sc-status');
const result = $('#result');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METHOD: Record<string, string> = { desk: '书面检查', onsite: '现场检查' };
const ALGORITHM: Record<string, string> = {
  'sha256-rank/2': '第2版：每个统一社会信用代码按 SHA-256（“orgs-spot-check:objects:” + 种子 + “:” + 代码）排序，取前若干个',
  'sm3-mulberry32-fisher-yates/1': '第1版：SM3 种子驱动的 Fisher–Yates 洗牌（2026年12月10日前的抽查）',
};

const row = (label: string, value: Node | string) => el('div', {}, el('dt', {}, label), el('dd', {}, value));
const hash = (s: string) => el('span', { class: 'hash' }, s);

async function show(id: string) {
  if (!UUID.test(id)) return errors.show([['id', '抽查编号应为36位编号（含4个短横线），请核对']]);
  errors.clear();
  status.textContent = '正在查询…';
  try {
    const d = await api<Detail>(`/api/public/orgs/spot-checks/${encodeURIComponent(id)}`);
    status.textContent = '';
    render(d);
    history.replaceState(null, '', `?id=${d.id}`);
  } catch (err) {
    status.textContent = '';
    errors.show([['id', err instanceof PortalError ? err.problem.title : '查询失败，请稍后重试']]);
  }
}

function result_(i: Item) {
  if (!i.method) return '尚未检查';
  const base = `${METHOD[i.method]}（${formatDate(i.inspectedOn!)}）`;
  if (!i.problems) return `${base}：未发现问题`;
  const fix = i.rectifiedOn ? `，已于${formatDate(i.rectifiedOn)}完成整改` : i.listed ? '，未按期整改，已列入活动异常名录' : '';
  return `${base}：发现问题，${i.noticeNo}要求于${formatDate(i.rectifyBy!)}前整改${fix}`;
}

const itemRow = (i: Item) =>
  el(
    'tr',
    { 'data-uscc': i.uscc },
    el('td', { 'data-label': '统一社会信用代码' }, el('span', { class: 'hash' }, i.uscc)),
    el('td', { 'data-label': '名称' }, i.name),
    el('td', { 'data-label': '检查人员' }, i.inspectors.join('、')),
    el('td', { 'data-label': '检查结果' }, result_(i)),
  );

const populationRow = (p: z.infer<typeof PopulationEntry>) =>
  el(
    'tr',
    { 'data-uscc': p.uscc },
    el('td', { 'data-label': '统一社会信用代码' }, el('span', { class: 'hash' }, p.uscc)),
    el('td', { 'data-label': '名称' }, p.name),
    el('td', { 'data-label': '是否抽中' }, p.drawn == null ? '尚未抽取' : p.drawn ? '抽中' : '—'),
  );

function render(d: Detail) {
  const verifyBox = el('div', { id: 'verify-result', role: 'status', 'aria-live': 'polite' });
  const rerun = el('button', { type: 'button', class: 'btn primary', id: 'rerun' }, '重新抽取并比对');
  rerun.addEventListener('click', async () => {
    verifyBox.replaceChildren(el('p', { class: 'status' }, '正在重新抽取…'));
    try {
      const v = await api<Verify>(`/api/public/orgs/spot-checks/${d.id}/verify`);
      verifyBox.replaceChildren(verdict(d, v));
    } catch (err) {
      verifyBox.replaceChildren(el('p', { class: 'notice warn' }, err instanceof PortalError ? err.problem.title : '复核失败，请稍后重试'));
    }
  });
  const r = d.results;
  const kind = d.kind === 'plan' ? `定期抽查，比例${Math.round((d.ratio ?? 0) * 10000) / 100}%` : '不定期抽查';
  result.replaceChildren(
    el(
      'section',
      { class: 'panel', 'data-testid': 'spot-check' },
      el('h2', {}, d.title),
      el(
        'dl',
        { class: 'facts' },
        row('登记管理机关', d.authority),
        row('抽查类型', `${kind}，抽取 ${d.sampleSize} 个（共 ${d.populationSize} 个），每组检查人员 ${d.perTeam} 人`),
        row('承诺公布日期', formatDate(d.committedOn)),
        row('种子承诺值（SM3）', hash(d.commitment)),
        row(d.algorithm === 'sha256-rank/2' ? '抽查对象名录指纹（SHA-256）' : '抽查对象名录指纹（SM3）', hash(d.fingerprint)),
        row('抽取算法', ALGORITHM[d.algorithm] ?? d.algorithm),
        row('抽取日期', d.drawnOn ? formatDate(d.drawnOn) : '尚未抽取'),
        row('公布的种子', d.seed ? hash(d.seed) : '尚未公布（抽取后公布）'),
      ),
    ),
    d.drawnOn
      ? pagedTable<Item>({
          id: 'drawn',
          title: '抽查对象和检查人员',
          url: `/api/public/orgs/spot-checks/${d.id}/items`,
          columns: ['统一社会信用代码', '名称', '检查人员', '检查结果'],
          row: itemRow,
          empty: '没有相符的抽查对象。',
          testid: 'drawn-list',
          extra: el(
            'p',
            {},
            `抽中 ${r.drawn} 个，已检查 ${r.inspected} 个，发放整改通知书 ${r.notices} 份，已整改 ${r.rectified} 个，逾期未整改列入活动异常名录 ${r.listed} 个。`,
          ),
        })
      : el('section', { class: 'panel' }, el('h2', {}, '抽查对象和检查人员'), el('p', { class: 'notice' }, '尚未抽取。')),
    d.seed
      ? el(
          'section',
          { class: 'panel', 'aria-labelledby': 'rerun-h' },
          el('h2', { id: 'rerun-h' }, '重新抽取并比对'),
          el('div', { class: 'actions' }, rerun),
          verifyBox,
        )
      : el('section', { class: 'panel' }, el('h2', {}, '重新抽取并比对'), el('p', { class: 'notice' }, '种子公布后即可重新抽取并比对。')),
    pagedTable<z.infer<typeof PopulationEntry>>({
      id: 'population',
      title: '抽查对象名录',
      url: `/api/public/orgs/spot-checks/${d.id}/population`,
      columns: ['统一社会信用代码', '名称', '是否抽中'],
      row: populationRow,
      empty: '没有相符的社会组织。',
      testid: 'population-list',
      extra: el(
        'p',
        {},
        `承诺时冻结的 ${d.populationSize} 个社会组织。`,
        el('a', { href: `/api/public/orgs/spot-checks/${d.id}/population.txt`, download: '' }, '下载名录全文'),
        '（统一社会信用代码按码位排序、换行分隔，其哈希即上面的名录指纹；可用公布的种子离线重新抽取）',
      ),
    }),
  );
  result.hidden = false;
  result.focus();
}

function verdict(d: Detail, v: Verify) {
  const ok = v.matches && v.drawn === d.results.drawn;
  return el(
    'div',
    { class: `notice ${ok ? 'ok' : 'warn'}`, 'data-testid': 'verify-verdict', 'data-match': String(ok) },
    el('p', {}, ok ? '一致：' + v.message : '不一致：' + (v.matches ? '重新抽取的数目与本页公布的不同。' : v.message)),
    el(
      'p',
      {},
      `种子承诺校验：${v.commitmentMatches ? '相符' : '不符'}；名录指纹：${v.populationMatches ? '相符' : '不符'}；抽查对象（${v.drawn} 个）：${v.sampleMatches ? '相同' : '不同'}；检查人员：${v.teamsMatch ? '相同' : '不同'}。`,
    ),
    el('p', {}, '重新抽取名单的 SHA-256：', el('span', { class: 'hash', 'data-testid': 'list-digest' }, v.listDigest)),
  );
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void show($<HTMLInputElement>('#id').value.trim());
});

async function recent() {
  try {
    const r = await api<z.infer<typeof SpotCheckList>>('/api/public/orgs/spot-checks');
    if (!r.items.length) return;
    $('#recent ul').replaceChildren(
      ...r.items.slice(0, 10).map((s) => {
        const b = el('button', { type: 'button' }, `${s.title}（${s.authority}，${formatDate(s.committedOn)}）`);
        b.addEventListener('click', () => {
          $<HTMLInputElement>('#id').value = s.id;
          void show(s.id);
        });
        return el('li', {}, b);
      }),
    );
    $('#recent').hidden = false;
  } catch {
    /* the list is a convenience; the form works without it */
  }
}

const preset = new URLSearchParams(location.search).get('id');
if (preset) {
  $<HTMLInputElement>('#id').value = preset;
  void show(preset);
}
void recent();
