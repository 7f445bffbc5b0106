import type { ReactNode } from 'react';

/** Page title, one line of explanation, and the page's main actions. */
export function PageHeader({ title, desc, extra }: { title: ReactNode; desc?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="mz-page-header">
      <div>
        <h1>{title}</h1>
        {desc && <p>{desc}</p>}
      </div>
      {extra && <div className="mz-page-extra">{extra}</div>}
    </div>
  );
}
