import { type CSSProperties, type ReactNode, useId } from 'react';

/**
 * A titled box of a page, in the look of antd's small Card, as a named region. antd's Card imports its Tabs (for a
 * tab-card no page here draws): 13 kB on the wire that came to a host's home on a phone with each card (issue 16).
 */
export function Panel({
  title,
  extra,
  className,
  bodyStyle,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  className?: string;
  bodyStyle?: CSSProperties;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={id}>
      <div className="panel-head">
        {/* Not a heading, as antd's Card title is not: a page's headings stay its title and its sections. */}
        <div className="panel-title" id={id}>
          {title}
        </div>
        {extra && <div className="panel-extra">{extra}</div>}
      </div>
      <div className="panel-body" style={bodyStyle}>
        {children}
      </div>
    </section>
  );
}
