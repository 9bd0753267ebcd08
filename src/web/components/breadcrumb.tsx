import type { CSSProperties, ReactNode } from 'react';

/**
 * Where a page sits (工作站点 / 站点 / 台账记录). antd's Breadcrumb brings its Dropdown and Menu, for item menus no page
 * here uses, to every station page a host opens on a phone (issue 16); this is the same line in plain markup.
 */
export function Breadcrumb({ items, style }: { items: Array<{ title: ReactNode }>; style?: CSSProperties }) {
  return (
    <nav aria-label="当前位置" className="app-breadcrumb" style={style}>
      <ol>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a level's position is what it is; the list never reorders
          <li key={i} aria-current={i === items.length - 1 ? 'page' : undefined}>
            {item.title}
          </li>
        ))}
      </ol>
    </nav>
  );
}
