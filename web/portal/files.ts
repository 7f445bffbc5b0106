import { el } from './common.ts';

/** 证明材料: the server's limits for one portal upload (5 files, 10 MB each, 20 MB in all, these types). */
const MAX_FILES = 5;
const MAX_FILE = 10 * 1024 * 1024;
const MAX_TOTAL = 20 * 1024 * 1024;
const FILE_EXT = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'txt'];

export const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export type FileChooser = { files(): File[]; problem(): string | null; clear(): void };

/**
 * A file input with the chosen files listed under it: files add up across picks (a phone's picker
 * often takes one at a time) and each can be removed; a shown error follows the list as it changes.
 */
export function fileChooser(input: HTMLInputElement, list: HTMLElement, errorSlot: HTMLElement): FileChooser {
  let chosen: File[] = [];
  const problem = (): string | null => {
    if (chosen.length > MAX_FILES) return `证明材料最多 ${MAX_FILES} 个文件（现有 ${chosen.length} 个），请移除多余的文件`;
    for (const [i, f] of chosen.entries()) {
      const ext = f.name.split('.').pop()?.toLowerCase() ?? '';
      if (!FILE_EXT.includes(ext)) return `附件 ${i + 1}《${f.name}》：只接受 PDF、JPG、PNG、DOCX、XLSX、TXT 文件`;
      if (f.size === 0) return `附件 ${i + 1}《${f.name}》为空`;
      if (f.size > MAX_FILE) return `附件 ${i + 1}《${f.name}》超过 10 MB 上限`;
    }
    if (chosen.reduce((n, f) => n + f.size, 0) > MAX_TOTAL) return '证明材料合计超过 20 MB 上限';
    return null;
  };
  const render = () => {
    list.replaceChildren(
      ...chosen.map((f, i) => {
        const remove = el('button', { type: 'button', class: 'btn', 'aria-label': `移除 ${f.name}` }, '移除');
        remove.addEventListener('click', () => {
          chosen = chosen.filter((_, k) => k !== i);
          render();
          input.focus();
        });
        return el('li', {}, el('span', {}, `${f.name}（${sizeText(f.size)}）`), remove);
      }),
    );
    if (!errorSlot.hidden) {
      const p = problem();
      errorSlot.textContent = p ?? '';
      errorSlot.hidden = !p;
      if (p) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };
  input.addEventListener('change', () => {
    chosen = [...chosen, ...Array.from(input.files ?? [])];
    input.value = '';
    render();
  });
  return {
    files: () => chosen,
    problem,
    clear: () => {
      chosen = [];
      render();
    },
  };
}
