import { $, api, ErrorDisplay, el, formatDate, PortalError } from '../common.ts';

/** 举报处理结果查询: the state, the reply due date and, once replied, the outcome and the reply (nothing else). */
type Track = {
  refNo: string;
  office: string;
  receivedOn: string;
  replyDue: string;
  stateLabel: string;
  outcome: string | null;
  reply: string | null;
  repliedOn: string | null;
};

const form = $<HTMLFormElement>('#track-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#track-status');
const ref = new URLSearchParams(location.search).get('ref');
if (ref) $<HTMLInputElement>('#refNo').value = ref;
const row = (label: string, value: string) => el('div', {}, el('dt', {}, label), el('dd', {}, value));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const a = { refNo: $<HTMLInputElement>('#refNo').value.trim(), queryCode: $<HTMLInputElement>('#queryCode').value.trim() };
  const miss: [string, string][] = [];
  if (!a.refNo) miss.push(['refNo', '请填写举报编号']);
  if (!a.queryCode) miss.push(['queryCode', '请填写查询码']);
  if (miss.length) return errors.show(miss);
  errors.clear();
  status.textContent = '正在查询…';
  try {
    const t = await api<Track>('/api/public/enforcement/tipoffs/track', a);
    status.textContent = '';
    $('#facts').replaceChildren(
      row('举报编号', t.refNo),
      row('受理机关', t.office),
      row('收到日期', formatDate(t.receivedOn)),
      row('办理状态', t.stateLabel),
      row(t.repliedOn ? '答复日期' : '答复期限', formatDate(t.repliedOn ?? t.replyDue)),
      ...(t.outcome ? [row('处理结果', t.outcome)] : []),
    );
    $('#reply').textContent = t.reply ? `答复：${t.reply}` : '正在办理，答复后可在此查看。';
    $('#result').hidden = false;
    $('#result').focus();
  } catch (err) {
    status.textContent = '';
    errors.show([['', err instanceof PortalError ? err.problem.title : '查询失败，请稍后重试']]);
  }
});
