import { useI18n } from '../../i18n/i18n.tsx';
import { CREDIT_LIST_LABEL, ORG_KIND_LABEL, ORG_STATUS_LABEL } from './api.ts';
import { VOCAB_EN } from './i18n.ts';

const ZH: Record<string, string> = { ...ORG_KIND_LABEL, ...ORG_STATUS_LABEL, ...CREDIT_LIST_LABEL };

/** The label of a kind, status or list code in the console's language (Chinese from the server's contract). */
export function useOrgVocab() {
  const { locale } = useI18n();
  return (code: string) => (locale === 'en-US' ? (VOCAB_EN[code] ?? ZH[code] ?? code) : (ZH[code] ?? code));
}
