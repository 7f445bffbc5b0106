import type { ReactNode } from 'react';

/**
 * A white panel with an optional title, drawn as antd's Card is (styles.css, .mz-panel). The home
 * page paints with it: antd's Card always brings its Tabs, ~11 KB gzip before the first paint.
 */
export function Panel({ title, className, children, testId }: { title?: ReactNode; className?: string; children: ReactNode; testId?: string }) {
  return (
    <section className={className ? `mz-panel ${className}` : 'mz-panel'} data-testid={testId}>
      {title && (
        <div className="mz-panel-head">
          <h2 className="mz-panel-title">{title}</h2>
        </div>
      )}
      <div className="mz-panel-body">{children}</div>
    </section>
  );
}
