import { useT } from '../i18n/i18n.tsx';

/** The seal-style mark and platform name used in the header and on the login page. */
export function BrandMark({ compact, dark }: { compact?: boolean; dark?: boolean }) {
  const t = useT();
  return (
    <span className={`mz-brand${dark ? ' mz-brand-dark' : ''}`}>
      <span className="mz-seal" aria-hidden="true">
        民
      </span>
      <span className="mz-brand-text">
        <span className="mz-brand-name">{compact ? t('app.nameShort') : t('app.name')}</span>
        {!compact && <span className="mz-brand-org">{t('app.org')}</span>}
      </span>
    </span>
  );
}
