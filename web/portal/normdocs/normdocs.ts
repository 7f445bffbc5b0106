import { $, api, el, ErrorDisplay, formatDate, PortalError, sendWithPow } from '../common.ts';
import type { z } from 'zod';
import type { PortalCommentResult, PublicConsultations, PublicNormdocs } from '../../../src/modules/normdocs/contracts/http.ts';
import type { PublicCleanups } from '../../../src/modules/normdocs/cleanup/contracts.ts';

/** 规范性文件: the drafts under public consultation with the comment form, the documents in force and the 清理 results. */

const errors = new ErrorDisplay($('#error-summary'));
const docSelect = $<HTMLSelectElement>('#f-doc');
const status = $('#submit-status');
const submit = $<HTMLButtonElement>('#submit');
const result = $('#result');
const FIELD_IDS: Record<string, string> = { name: 'f-name', content: 'f-content' };

async function loadOpen() {
  const openStatus = $('#open-status');
  try {
    const r = await api<z.infer<typeof PublicConsultations>>('/api/public/normdocs/consultations');
    openStatus.textContent = r.items.length ? `共 ${r.items.length} 份草案正在征求意见` : '目前没有正在公开征求意见的草案。';
    // Everything below is set as text: titles and drafts are never parsed as markup.
    $('#open-list').replaceChildren(
      ...r.items.map((c) =>
        el(
          'article',
          { class: 'panel', 'data-testid': 'consultation' },
          el('h3', {}, c.title),
          el('p', { class: 'meta' }, `起草单位：${c.drafter}；征求意见期：${formatDate(c.startOn)}至${formatDate(c.endOn)}；已收到意见 ${c.comments} 条`),
          el('details', {}, el('summary', {}, `阅读草案全文（第 ${c.versionNo} 稿）`), el('div', { class: 'reply-text' }, c.text)),
          el('p', {}, el('a', { href: '#comment', 'data-doc': c.id }, '对本草案提出意见')),
        ),
      ),
    );
    docSelect.replaceChildren(...r.items.map((c) => el('option', { value: c.id }, c.title)));
    submit.disabled = r.items.length === 0;
  } catch {
    openStatus.textContent = '加载失败，请稍后刷新页面重试';
  }
}

async function loadInForce() {
  const list = $('#force-list');
  try {
    const r = await api<z.infer<typeof PublicNormdocs>>('/api/public/normdocs');
    list.replaceChildren(
      r.items.length
        ? el(
            'ul',
            { class: 'plain-list' },
            ...r.items.map((d) =>
              el(
                'li',
                {},
                el('strong', {}, `${d.number} `),
                d.title,
                el('span', { class: 'meta' }, `（${d.issuer}，${formatDate(d.effectiveOn)}起施行，有效期至${formatDate(d.validUntil)}）`),
                ' ',
                el('a', { href: `/api/public/normdocs/${encodeURIComponent(d.id)}/official.pdf`, 'data-testid': 'normdoc-official-pdf' }, '正式文本（PDF）'),
                ' ',
                el('a', { href: `/api/public/normdocs/${encodeURIComponent(d.id)}/official.docx` }, 'Word'),
              ),
            ),
          )
        : el('p', {}, '暂无现行有效的规范性文件。'),
    );
  } catch {
    list.textContent = '加载失败，请稍后刷新页面重试';
  }
}

async function loadCleanups() {
  const list = $('#cleanup-list');
  try {
    const r = await api<z.infer<typeof PublicCleanups>>('/api/public/normdocs/cleanups');
    list.replaceChildren(
      ...(r.items.length
        ? r.items.map((k) =>
            el(
              'article',
              { class: 'panel', 'data-testid': 'cleanup' },
              el('h3', {}, k.name),
              el('p', { class: 'meta' }, `${k.issuer}；清理基准日：${formatDate(k.asOf)}；完成日期：${formatDate(k.closedOn)}；依据：${k.basis}`),
              el(
                'ul',
                { class: 'plain-list' },
                ...k.items.map((i) =>
                  el('li', {}, el('strong', {}, `${i.number} `), i.title, el('span', { class: 'meta' }, `：${i.conclusion}（${i.reason}）`)),
                ),
              ),
            ),
          )
        : [el('p', {}, '暂无已完成的清理。')]),
    );
  } catch {
    list.textContent = '加载失败，请稍后刷新页面重试';
  }
}

document.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest?.('a[data-doc]');
  if (a) docSelect.value = a.getAttribute('data-doc')!;
});

$<HTMLFormElement>('#comment-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const content = $<HTMLTextAreaElement>('#f-content').value.trim();
  const name = $<HTMLInputElement>('#f-name').value.trim();
  if (!docSelect.value) return errors.show([['f-doc', '请选择草案']]);
  if (content.length < 5) return errors.show([['f-content', '「意见内容」请至少写5个字']]);
  errors.clear();
  submit.disabled = true;
  status.textContent = '正在进行安全校验…';
  try {
    const r = await sendWithPow(
      (pow) =>
        api<z.infer<typeof PortalCommentResult>>(`/api/public/normdocs/consultations/${encodeURIComponent(docSelect.value)}/comments`, {
          ...(name ? { name } : {}),
          content,
          pow,
        }),
      () => (status.textContent = '正在提交…'),
    );
    status.textContent = '';
    result.textContent = `${formatDate(r.receivedOn)}：${r.notice}`;
    result.hidden = false;
    result.focus();
    $<HTMLTextAreaElement>('#f-content').value = '';
    void loadOpen();
  } catch (err) {
    status.textContent = '';
    if (err instanceof PortalError) errors.show([[err.problem.field ? (FIELD_IDS[err.problem.field] ?? '') : '', err.problem.title]]);
    else errors.show([['', '提交失败，请稍后重试']]);
  } finally {
    submit.disabled = false;
  }
});

void loadOpen();
void loadInForce();
void loadCleanups();
