// The filter bar of a list page: its filters, then 重置 (enabled once something is filtered), then any extra actions
// (an export of the filtered rows). One component, so the lists look and behave alike (issue 14).
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { SearchBox } from './search-box';

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

/**
 * The search box of a filter bar: shows what the address says, searches on Enter or 搜索 (trimmed, empty = no
 * filter), and starts empty again after 重置 (it remounts when the value changes).
 */
export function FilterSearch({
  value,
  onSearch,
  label,
  placeholder,
  width = 240,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  label: string;
  placeholder: string;
  width?: number;
}) {
  return (
    <SearchBox
      key={value ?? ''}
      defaultValue={value}
      label={label}
      placeholder={placeholder}
      width={width}
      onSearch={onSearch}
    />
  );
}
