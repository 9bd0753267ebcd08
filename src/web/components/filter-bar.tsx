// The filter bar of a list page: its filters, then 重置 (enabled once something is filtered), then any extra actions
// (an export of the filtered rows). One component, so the lists look and behave alike (issue 14).
import { Button } from 'antd';
import type { ReactNode } from 'react';

export function FilterBar({
  children,
  onReset,
  filtered,
  extra,
}: {
  children: ReactNode;
  onReset: () => void;
  /** a filter other than the year is set */
  filtered: boolean;
  extra?: ReactNode;
}) {
  return (
    <div className="filter-bar">
      {children}
      <Button onClick={onReset} disabled={!filtered}>
        重置
      </Button>
      {extra}
    </div>
  );
}
