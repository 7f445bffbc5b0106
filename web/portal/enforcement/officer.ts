import { $, api, ErrorDisplay, el, formatDate, PortalError } from '../common.ts';

/**
 * 执法人员查询 (事前公开): GET /api/public/enforcement/officers/:certNo — name, unit, area, validity and status, nothing
 * else. A certificate past its validity shows as 已过期 whatever its recorded status.
 */
type Officer = {
  name: string;
  certNo: string;
  org: string;
  area: string | null;
  validFrom: string;
  validTo: string;
  status: 'valid' | 'suspended' | 'revoked';
  statusLabel: string;
  expired: boolean;
  mayEnforce: boolean;
  problem: string | null;
};

const form = $<HTMLFormElement>('#officer-form');
const input = $<HTMLInputElement>('#certNo');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#officer-status');
const row = (label: string, value: string | Node) => el('div', {}, el('dt', {}, label), el('dd', {}, value));
const given = new URLSearchParams(location.search).get('certNo');
if (given) input.value = given;

function stateOf(o: Officer): string {
  if (o.status !== 'valid') return o.statusLabel;
  if (o.expired) return '已过期';
  return o.mayEnforce ? '有效' : '尚未生效';
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const certNo = input.value.replace(/\s+/g, '').toUpperCase();
  $('#result').hidden = true;
  if (!certNo) return errors.show([['certNo', '请填写执法证号']]);
  if (!/^[0-9A-Z]{6,20}$/.test(certNo)) return errors.show([['certNo', '执法证号应为 6–20 位数字或字母']]);
  errors.clear();
  status.textContent = '正在查询…';
  try {
    const o = await api<Officer>(`/api/public/enforcement/officers/${encodeURIComponent(certNo)}`);
    status.textContent = '';
    const state = stateOf(o);
    $('#facts').replaceChildren(
      row('姓名', o.name),
      row('执法证号', el('span', { class: 'mono' }, o.certNo)),
      row('执法单位', o.org),
      row('执法区域', o.area ?? '—'),
      row('有效期', `${formatDate(o.validFrom)} 至 ${formatDate(o.validTo)}`),
      row('证件状态', el('strong', { class: `cert-state cert-${o.mayEnforce ? 'ok' : 'bad'}` }, state)),
    );
    const verdict = $('#verdict');
    verdict.className = `notice ${o.mayEnforce ? 'ok' : 'warn strong'}`;
    verdict.textContent = o.mayEnforce
      ? '该执法证当前有效，持证人可以在上述区域从事民政行政执法活动。'
      : `该执法证当前不能用于执法：${o.problem ?? state}。持证人不得从事行政执法活动。`;
    $('#result').hidden = false;
    $('#result').focus();
  } catch (err) {
    status.textContent = '';
    const notFound = err instanceof PortalError && err.problem.status === 404;
    const msg = notFound ? '未查到该执法证号，请核对证件上的号码后重新输入。' : err instanceof PortalError ? err.problem.title : '查询失败，请稍后重试';
    errors.show([[notFound || (err instanceof PortalError && err.problem.field) ? 'certNo' : '', msg]]);
  }
});
