import { el } from '../common.ts';
import { sizeText } from '../files.ts';

/** 申请材料 as files: one file input per material of the item's list (the server's limits and types). */
const MAX_FILE = 10 * 1024 * 1024;
const MAX_TOTAL = 40 * 1024 * 1024;
const FILE_EXT = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'txt'];
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt';

export type Material = { name: string; required: boolean };
export type MaterialInputs = { problem(): [string, string] | null; append(fd: FormData): number };

/**
 * A file input for each material (`index` is its place in the item's list, sent as field
 * material.<index>); `only` limits them to those names (the 补正 notice's list).
 */
export function materialInputs(slot: HTMLElement, list: Material[], only?: string[]): MaterialInputs {
  const shown = list.map((m, index) => ({ ...m, index })).filter((m) => !only || only.includes(m.name));
  const inputs = shown.map((m) => {
    const id = `m-${m.index}`;
    const input = el('input', { type: 'file', id, name: `material.${m.index}`, accept: ACCEPT, 'aria-describedby': `${id}-error` }) as HTMLInputElement;
    const chosen = el('p', { class: 'hint', 'aria-live': 'polite' });
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      chosen.textContent = f ? `已选择：${f.name}（${sizeText(f.size)}）` : '';
    });
    slot.append(
      el(
        'div',
        { class: 'field material', 'data-testid': 'material' },
        el('label', { for: id }, m.required ? `${m.name}（必要）` : `${m.name}（如有）`),
        input,
        chosen,
        el('p', { class: 'error', 'data-error-for': id, id: `${id}-error`, hidden: '' }),
      ),
    );
    return { m, input };
  });
  return {
    problem() {
      let total = 0;
      for (const { m, input } of inputs) {
        const f = input.files?.[0];
        if (!f) continue;
        total += f.size;
        const ext = f.name.split('.').pop()?.toLowerCase() ?? '';
        if (!FILE_EXT.includes(ext)) return [input.id, `「${m.name}」只接受 PDF、JPG、PNG、DOCX、XLSX、TXT 文件`];
        if (f.size === 0) return [input.id, `「${m.name}」文件为空`];
        if (f.size > MAX_FILE) return [input.id, `「${m.name}」超过 10 MB 上限`];
      }
      return total > MAX_TOTAL ? ['', '申请材料合计超过 40 MB 上限'] : null;
    },
    append(fd) {
      let n = 0;
      for (const { m, input } of inputs) {
        const f = input.files?.[0];
        if (f) (fd.append(`material.${m.index}`, f, f.name), n++);
      }
      return n;
    },
  };
}
