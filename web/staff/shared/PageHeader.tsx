import type { ReactNode } from 'react';
import { usePublishRecordTitle } from './record-title.ts';

/** Page title, one line of explanation, and the page's main actions. A plain-text title also names a record's page in the trail. */
export function PageHeader({ title, desc, extra }: { title: ReactNode; desc?: ReactNode; extra?: ReactNode }) {
  usePublishRecordTitle(title);
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
