/** The seal-style mark and platform name used in the header and on the login page (texts from the caller's dictionary). */
export function BrandMark({ name, org, dark }: { name: string; org?: string; dark?: boolean }) {
  return (
    <span className={`mz-brand${dark ? ' mz-brand-dark' : ''}`}>
      <span className="mz-seal" aria-hidden="true">
        民
      </span>
      <span className="mz-brand-text">
        <span className="mz-brand-name">{name}</span>
        {org && <span className="mz-brand-org">{org}</span>}
      </span>
    </span>
  );
}
