import type { ReactNode } from 'react';

/**
 * A page's title as an h2 (the menu name) with its actions on the right. Plain markup: antd's Typography brings its
 * copy, edit and ellipsis machinery (and Tooltip) to every page for a heading (issue 16).
 */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-header">
      <div style={{ minWidth: 0 }}>
        <h2 className="page-title">{title}</h2>
        {subtitle && <div className="page-subtitle">{subtitle}</div>}
      </div>
      {extra && <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div>}
    </div>
  );
}
