import { fileChooser, sizeText } from './files.ts';
import type { PetitionTrack, ServedDocument } from '../../src/modules/petitions/contracts/portal.ts';
import { $, api, el, ErrorDisplay, formatDate, formatDateTime, PortalError } from './common.ts';
import { documentFileName, postForFile, saveBlob, verifyUrl } from './documents.ts';

/** 办理查询: ref + query code → progress, reply, 评价, 复查 / 复核 requests. */

type Track = PetitionTrack;

const form = $<HTMLFormElement>('#track-form');
const errors = new ErrorDisplay($('#error-summary'));
const status = $('#query-status');
const result = $('#result');
let creds: { refNo: string; queryCode: string } | null = null;
let afterAction: string | null = null;

const preset = new URLSearchParams(location.search).get('ref');
if (preset) $<HTMLInputElement>('#q-ref').value = preset;

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const refNo = $<HTMLInputElement>('#q-ref').value.trim();
  const queryCode = $<HTMLInputElement>('#q-code').value.trim().toUpperCase();
  const problems: [string, string][] = [];
  if (!refNo) problems.push(['q-ref', '请填写信访事项编号']);
  if (!queryCode) problems.push(['q-code', '请填写查询码']);
  if (problems.length) return errors.show(problems);
  errors.clear();
  creds = { refNo, queryCode };
  afterAction = null;
  await load(true);
});

async function load(focus: boolean) {
  if (!creds) return;
  status.textContent = '正在查询…';
  try {
    const t = await api<Track>('/api/public/petitions/track', creds);
    status.textContent = '';
    render(t);
    result.hidden = false;
    if (focus) result.focus();
  } catch (err) {
    status.textContent = '';
    result.hidden = true;
    errors.show([['q-code', err instanceof PortalError ? err.problem.title : '查询失败，请稍后重试']]);
  }
}

const row = (label: string, value: Node | string, testId?: string) =>
  el('div', {}, el('dt', {}, label), el('dd', testId ? { 'data-testid': testId } : {}, value));

function render(t: Track) {
  const parts: Node[] = [];
  parts.push(el('h2', { id: 'result-title' }, `查询结果：${t.refNo}`));
  if (afterAction) parts.push(el('div', { class: 'notice ok', role: 'status' }, el('p', {}, afterAction)));

  const holder = t.pendingTransfer ? `已转送至${t.pendingTransfer.to}，等待其签收` : (t.holderOrgName ?? '—');
  const deadline = t.deadline?.dueDate
    ? `${t.deadline.label}：${formatDate(t.deadline.dueDate)}${t.deadline.paused ? '（暂停计算中）' : ''}${t.deadline.legalBasis ? `（依据${t.deadline.legalBasis}）` : ''}`
    : '—';
  parts.push(
    el(
      'section',
      { class: 'panel', 'aria-labelledby': 'sum-title' },
      el('h3', { id: 'sum-title' }, '办理情况'),
      el(
        'dl',
        { class: 'facts' },
        row('当前状态', el('strong', {}, t.statePlain), 'track-state'),
        row('承办机关', holder, 'track-holder'),
        ...(t.forwardedTo?.length
          ? [
              row(
                '转送、交办去向',
                t.forwardedTo.map((f) => `${formatDate(f.on)}${f.kind}至${f.office}${f.returned ? '（经核实退回）' : ''}`).join('；'),
                'track-forwarded',
              ),
            ]
          : []),
        row('法定期限', deadline, 'track-deadline'),
        ...(t.satisfaction ? [row('您的评价', t.satisfaction, 'track-satisfaction')] : []),
      ),
      ...(t.extensions.length
        ? [
            el(
              'div',
              { class: 'notice warn' },
              el('h4', {}, '办理期限延长'),
              ...t.extensions.map((x) =>
                el('p', { 'data-testid': 'track-extension' }, `${x.clock}延长 ${x.length}（${formatDate(x.approvedOn)}经负责人批准），理由：${x.reason}`),
              ),
            ),
          ]
        : []),
    ),
  );

  if (t.materials.length) {
    parts.push(
      el(
        'section',
        { class: 'panel', 'aria-labelledby': 'mat-title' },
        el('h3', { id: 'mat-title' }, '您提交的证明材料'),
        el(
          'ul',
          { class: 'file-list', 'data-testid': 'track-materials' },
          ...t.materials.map((m) => el('li', {}, el('span', {}, `${m.fileName}（${sizeText(m.sizeBytes)}）`))),
        ),
      ),
    );
  }
  if (t.canAddMaterials) parts.push(materialsForm());
  if (t.reply) {
    const block = opinionBlock(
      'reply-title',
      '处理意见书（答复）',
      t.reply.opinion,
      t.reply.text,
      `送达时间：${formatDateTime(t.reply.deliveredAt)}${t.reply.receivedOn ? `；您收到答复的日期：${formatDate(t.reply.receivedOn)}` : ''}`,
      'track-reply',
    );
    if (t.reply.document) block.append(documentDownload(t.reply.document));
    parts.push(block);
  }
  if (t.reviewOpinion) {
    const block = opinionBlock(
      'review-op-title',
      '复查意见',
      t.reviewOpinion.opinion,
      t.reviewOpinion.text,
      `${t.reviewOpinion.office ?? ''} ${formatDateTime(t.reviewOpinion.at)}${t.reviewOpinion.receivedOn ? `；您收到复查意见的日期：${formatDate(t.reviewOpinion.receivedOn)}` : ''}`,
      'track-review-opinion',
    );
    if (t.reviewOpinion.document) block.append(documentDownload(t.reviewOpinion.document, 'review'));
    parts.push(block);
  }
  if (t.recheckOpinion) {
    const block = opinionBlock(
      'recheck-op-title',
      '复核意见',
      t.recheckOpinion.opinion,
      t.recheckOpinion.text,
      `${t.recheckOpinion.office ?? ''} ${formatDateTime(t.recheckOpinion.at)}${t.recheckOpinion.receivedOn ? `；您收到复核意见的日期：${formatDate(t.recheckOpinion.receivedOn)}` : ''}`,
      'track-recheck-opinion',
    );
    if (t.recheckOpinion.document) block.append(documentDownload(t.recheckOpinion.document, 'recheck'));
    parts.push(block);
  }

  if (t.canRate) parts.push(rateForm());
  if (t.canRequestReview)
    parts.push(
      requestForm(
        'review',
        '申请复查',
        `对处理意见不服的，可以自收到书面答复之日起 ${t.requestDays} 日内请求原办理机关的上一级机关复查${t.reviewDeadline ? `（您于${formatDate(t.reviewReceivedOn ?? '')}收到答复，最后一日为${formatDate(t.reviewDeadline)}，邮寄的以邮戳日期为准）` : ''}。`,
      ),
    );
  if (t.canRequestRecheck)
    parts.push(
      requestForm(
        'recheck',
        '申请复核',
        `对复查意见不服的，可以自收到书面复查意见之日起 ${t.requestDays} 日内向复查机关的上一级机关请求复核${t.recheckDeadline ? `（您于${formatDate(t.recheckReceivedOn ?? '')}收到复查意见，最后一日为${formatDate(t.recheckDeadline)}，邮寄的以邮戳日期为准）` : ''}。`,
      ),
    );

  parts.push(
    el(
      'section',
      { class: 'panel', 'aria-labelledby': 'hist-title' },
      el('h3', { id: 'hist-title' }, '办理经过'),
      el(
        'ol',
        { class: 'timeline', 'data-testid': 'track-history' },
        ...t.progress.map((p) =>
          el(
            'li',
            {},
            el('time', { datetime: new Date(p.at).toISOString() }, formatDateTime(p.at)),
            el('span', { class: 'what' }, p.office ? `${p.office} ${p.detail}` : p.detail),
            el('span', { class: 'state' }, p.stateLabel),
          ),
        ),
      ),
    ),
  );
  result.replaceChildren(...parts);
}

function opinionBlock(id: string, title: string, opinion: string | null, text: string | null, meta: string, testId: string) {
  return el(
    'section',
    { class: 'panel reply', 'aria-labelledby': id, 'data-testid': testId },
    el('h3', { id }, title),
    opinion ? el('p', {}, '处理意见：', el('strong', {}, opinion)) : null,
    el('div', { class: 'reply-text' }, text ?? ''),
    el('p', { class: 'meta' }, meta.trim()),
  );
}

const PAPER = { opinion: '处理意见书', review: '复查意见书', recheck: '复核意见书' } as const;

/**
 * 下载处理意见书 / 复查意见书 / 复核意见书: the PDF as issued, fetched with ref + query code (never in a URL), and how to check a
 * printed copy at 文书查验 with its number and verification code.
 */
function documentDownload(d: ServedDocument, which: keyof typeof PAPER = 'opinion') {
  const error = el('p', { class: 'form-error', role: 'alert', hidden: '' });
  const button = el('button', { type: 'button', class: 'btn primary', 'data-testid': `track-${which}-pdf` }, `下载${PAPER[which]}（PDF）`);
  button.addEventListener('click', async () => {
    if (!creds) return;
    error.hidden = true;
    button.disabled = true;
    try {
      const name = documentFileName(d);
      saveBlob(await postForFile('/api/public/petitions/opinion.pdf', which === 'opinion' ? creds : { ...creds, which }), name);
    } catch (err) {
      error.textContent = err instanceof PortalError ? err.problem.title : '下载失败，请稍后重试';
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  const verify = verifyUrl(d);
  return el(
    'div',
    { class: 'doc-download', 'data-testid': which === 'opinion' ? 'track-document' : `track-${which}-document` },
    el('div', { class: 'actions' }, button),
    error,
    el(
      'p',
      { class: 'meta' },
      `文书编号 ${d.docNo}${d.version > 1 ? `（第 ${d.version} 版）` : ''}，验证码 `,
      el('strong', { class: 'code' }, d.verifyCode),
      '。纸质或电子文书的真伪可在',
      el('a', { href: verify }, '文书查验'),
      '页面凭文书编号和验证码核对。',
    ),
  );
}

/** A small form with its own error box (role=alert) linked to its field. */
function actionError(form: HTMLElement, fieldId: string | null, msg: string) {
  const box = form.querySelector<HTMLElement>('.form-error')!;
  box.textContent = msg;
  box.hidden = false;
  if (fieldId) {
    const f = document.getElementById(fieldId)!;
    f.setAttribute('aria-invalid', 'true');
    f.focus();
  }
}

/** 补充证明材料: the same chooser and limits as on the submit page; the holding office is told. */
function materialsForm() {
  const input = el('input', {
    id: 'm-files',
    type: 'file',
    class: 'file-input',
    multiple: '',
    accept: '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt',
    'aria-describedby': 'm-files-hint m-files-list m-files-error',
  });
  const list = el('ul', { class: 'file-list', id: 'm-files-list', 'aria-live': 'polite' });
  const slot = el('p', { class: 'error', id: 'm-files-error', hidden: '' });
  const chooser = fileChooser(input, list, slot);
  const f = el(
    'form',
    { class: 'panel', 'aria-labelledby': 'more-title', novalidate: '', id: 'materials-form' },
    el('h3', { id: 'more-title' }, '补充证明材料'),
    el('p', { class: 'form-error', role: 'alert', id: 'materials-error', hidden: '' }),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'm-files' }, '选择要补充的文件'),
      input,
      el('label', { for: 'm-files', class: 'btn file-pick', 'aria-hidden': 'true' }, '选择文件…'),
      el('p', { class: 'hint', id: 'm-files-hint' }, '每次最多 5 个文件，每个不超过 10 MB；每件信访事项网上提交的材料合计不超过 10 个'),
      list,
      slot,
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'btn' }, '上传补充材料')),
  );
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!creds) return;
    if (!chooser.files().length) return actionError(f, 'm-files', '请先选择要补充的文件');
    const p = chooser.problem();
    if (p) {
      slot.textContent = p;
      slot.hidden = false;
      return actionError(f, 'm-files', p);
    }
    const fd = new FormData();
    fd.append('refNo', creds.refNo);
    fd.append('queryCode', creds.queryCode);
    for (const file of chooser.files()) fd.append('files', file, file.name);
    try {
      const r = await api<{ added: number }>('/api/public/petitions/materials', fd);
      afterAction = `已补充证明材料 ${r.added} 个，承办机关会收到提示。`;
      await load(true);
    } catch (err) {
      actionError(f, 'm-files', err instanceof PortalError ? err.problem.title : '上传失败，请稍后重试');
    }
  });
  return f;
}

function rateForm() {
  const options = ['满意', '基本满意', '不满意'];
  const f = el(
    'form',
    { class: 'panel', 'aria-labelledby': 'rate-title', novalidate: '', id: 'rate-form' },
    el('h3', { id: 'rate-title' }, '评价办理情况'),
    el('p', { class: 'form-error', role: 'alert', id: 'rate-error', hidden: '' }),
    el(
      'fieldset',
      { class: 'choices', id: 'rate-choice', tabindex: '-1', 'aria-describedby': 'rate-error' },
      el('legend', {}, '您对本信访事项的处理是否满意？'),
      ...options.map((o, i) => el('label', { class: 'choice' }, el('input', { type: 'radio', name: 'satisfaction', value: o, id: `rate-${i}` }), ` ${o}`)),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'rate-comment' }, '意见或建议（选填）'),
      el('textarea', { id: 'rate-comment', rows: '3', maxlength: '500' }),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'btn primary' }, '提交评价')),
  );
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = f.querySelector<HTMLInputElement>('input[name="satisfaction"]:checked')?.value;
    if (!chosen) return actionError(f, 'rate-choice', '请选择满意、基本满意或不满意');
    const comment = (document.getElementById('rate-comment') as HTMLTextAreaElement).value.trim();
    try {
      const r = await api<{ satisfaction: string; hint: string | null }>('/api/public/petitions/rate', {
        ...creds,
        satisfaction: chosen,
        comment: comment || undefined,
      });
      afterAction = `感谢您的评价（${r.satisfaction}）。${r.hint ? `${r.hint}如需申请复查，请在下方填写理由。` : ''}`;
      await load(true);
    } catch (err) {
      actionError(f, null, err instanceof PortalError ? err.problem.title : '提交失败，请稍后重试');
    }
  });
  return f;
}

function requestForm(kind: 'review' | 'recheck', title: string, note: string) {
  const id = `${kind}-reason`;
  const f = el(
    'form',
    { class: 'panel', 'aria-labelledby': `${kind}-title`, novalidate: '', id: `${kind}-form` },
    el('h3', { id: `${kind}-title` }, title),
    el('p', {}, note),
    el('p', { class: 'form-error', role: 'alert', id: `${kind}-error`, hidden: '' }),
    el(
      'div',
      { class: 'field' },
      el('label', { for: id }, `${kind === 'review' ? '申请复查' : '申请复核'}的理由（必填）`),
      el('textarea', { id, rows: '4', maxlength: '5000', 'aria-describedby': `${kind}-error` }),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'btn' }, `提交${title}`)),
  );
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const reason = (document.getElementById(id) as HTMLTextAreaElement).value.trim();
    if (reason.length < 5) return actionError(f, id, '请说明理由（不少于 5 字）');
    try {
      const r = await api<{ notice: string }>(`/api/public/petitions/${kind}`, { ...creds, reason });
      afterAction = r.notice;
      await load(true);
    } catch (err) {
      actionError(
        f,
        err instanceof PortalError && err.problem.status === 400 ? id : null,
        err instanceof PortalError ? err.problem.title : '提交失败，请稍后重试',
      );
    }
  });
  return f;
}
