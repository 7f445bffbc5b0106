import type { z } from 'zod';
import { $, api, el, PortalError } from '../common.ts';
import type { FeedbackResult, PublicEntries } from '../../../src/modules/policyqa/contracts/http.ts';
import { QA_CATEGORIES } from '../../../src/modules/policyqa/contracts/vocab.ts';

/** 政策问答: search the published entries; each answer asks “这条回答有帮助吗”. */
type Entries = z.infer<typeof PublicEntries>;

const form = $<HTMLFormElement>('#search');
const qInput = $<HTMLInputElement>('#q');
const catSel = $<HTMLSelectElement>('#category');
const status = $('#status');
const result = $('#result');
catSel.append(...QA_CATEGORIES.map((c) => el('option', { value: c }, c)));

const params = new URLSearchParams(location.search);
qInput.value = params.get('q') ?? '';
catSel.value = params.get('category') ?? '';

function entry(e: Entries['items'][number]) {
  const note = el('span', { role: 'status', 'aria-live': 'polite' });
  const voteBtn = (helpful: boolean) => {
    const b = el('button', { type: 'button', class: 'btn' }, helpful ? '有帮助' : '没帮助');
    b.addEventListener('click', async () => {
      try {
        const r = await api<z.infer<typeof FeedbackResult>>(`/api/public/policyqa/${e.id}/feedback`, { helpful });
        note.textContent = `谢谢您的评价（${r.helpfulYes} 人认为有帮助）`;
      } catch (err) {
        note.textContent = err instanceof PortalError ? err.problem.title : '评价未能提交，请稍后重试';
      }
    });
    return b;
  };
  return el(
    'details',
    { class: 'panel qa', 'data-testid': 'qa-entry' },
    el('summary', {}, `${e.seq}. ${e.question}`),
    el('p', { class: 'answer' }, e.answer),
    el('p', { class: 'policy' }, `类别：${e.category}　政策依据：${e.policyTitle}`),
    el('div', { class: 'vote' }, el('span', {}, '这条回答有帮助吗？'), voteBtn(true), voteBtn(false), note),
  );
}

async function search() {
  status.textContent = '正在检索…';
  const p = new URLSearchParams();
  if (qInput.value.trim()) p.set('q', qInput.value.trim());
  if (catSel.value) p.set('category', catSel.value);
  history.replaceState(null, '', p.size ? `?${p}` : location.pathname);
  try {
    const r = await api<Entries>(`/api/public/policyqa?${p}`);
    status.textContent = r.total ? `共 ${r.total} 条问答` : '没有找到相关问答，请换个关键词试试';
    result.replaceChildren(...r.items.map(entry));
  } catch (err) {
    status.textContent = err instanceof PortalError ? err.problem.title : '检索失败，请稍后重试';
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void search();
});
catSel.addEventListener('change', () => void search());
void search();
