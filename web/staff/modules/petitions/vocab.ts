import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { zh } from './i18n.ts';

/** Display label of a server vocabulary value (来信, 低保 …) in the current language. */
export function useVocab() {
  const t = useT();
  return (v: string | null | undefined): string => {
    if (!v) return '—';
    const key = `petitions.v.${v}`;
    return key in zh ? t(key as MessageKey) : v;
  };
}

export const options = (vocab: (v: string) => string, values: readonly string[]) => values.map((v) => ({ value: v, label: vocab(v) }));
