import { Tabs } from 'antd';
import type { ComponentType } from 'react';
import { useSearchParams } from 'react-router';

export interface ListTab {
  key: string;
  label: string;
  Body: ComponentType;
}

/**
 * Lists under tabs, the open tab in the address (`?tab=`, the first tab without it) so that a reload or a link keeps
 * it. Each tab has its own filters (a status means another thing in each): a switch keeps only the year. Only the
 * open tab is mounted, because each reads and writes the address's filters.
 */
export function ListTabs({ tabs }: { tabs: readonly ListTab[] }) {
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t.key === params.get('tab'))?.key ?? tabs[0].key;
  const switchTo = (key: string) =>
    setParams((p) => {
      const next = new URLSearchParams();
      const year = p.get('year');
      if (year) next.set('year', year);
      if (key !== tabs[0].key) next.set('tab', key);
      return next;
    });
  return (
    <Tabs
      activeKey={tab}
      onChange={switchTo}
      items={tabs.map(({ key, label, Body }) => ({ key, label, children: key === tab ? <Body /> : null }))}
    />
  );
}
