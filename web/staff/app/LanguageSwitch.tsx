import { Segmented } from 'antd';
import { useI18n, type Locale } from '../i18n/i18n.tsx';

/** 中文 / English switch; the choice is kept in localStorage. */
export function LanguageSwitch({ size = 'small', className }: { size?: 'small' | 'middle'; className?: string }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      className={className}
      size={size}
      aria-label={t('lang.switch')}
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
  );
}
