// Our thin table wrapper (pro-components does not support antd 6): Chinese empty state, "共 N 条", server paging,
// server sorting (`sort`: a column key, `-key` descending, kept by the page in its address) and 列设置 (the columns a
// user hides, remembered per table in this browser).
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Popover, Table, type TableColumnsType, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { showTotal } from './show-total';
import { useIsPhone } from './use-phone';

export { showTotal };

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

export interface ServerSort {
  /** `key` ascending, `-key` descending, undefined for the list's own order */
  value: string | undefined;
  onChange: (sort: string | undefined) => void;
}

export type DataTableProps<T> = Omit<TableProps<T>, 'pagination'> & {
  paging?: Paging;
  /** client-side paging for short lists; false for none */
  localPaging?: boolean;
  emptyText?: string;
  /** columns with `sorter: true` and a `key` sort on the server */
  sort?: ServerSort;
  /** where 列设置 remembers the hidden columns; without it the table has no 列设置 */
  settingsKey?: string;
};

const STORE = 'qianqi.columns.';

function hiddenOf(key: string | undefined): string[] {
  if (!key) return [];
  try {
    const v = JSON.parse(localStorage.getItem(STORE + key) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const columnKey = (c: { key?: React.Key; dataIndex?: unknown }) =>
  String(c.key ?? (Array.isArray(c.dataIndex) ? c.dataIndex.join('.') : (c.dataIndex ?? '')));
const columnTitle = (c: { title?: unknown }, key: string) => (typeof c.title === 'string' ? c.title : key);

function ColumnSettings<T>({
  columns,
  hidden,
  onChange,
}: {
  columns: TableColumnsType<T>;
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const all = columns.map((c) => ({ key: columnKey(c), label: columnTitle(c, columnKey(c)) }));
  const content = (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 360, overflow: 'auto' }}>
      {all.map((c, i) => (
        <Checkbox
          key={c.key}
          // The first column names the row: it cannot be hidden.
          disabled={i === 0}
          checked={!hidden.includes(c.key)}
          onChange={(e) => onChange(e.target.checked ? hidden.filter((h) => h !== c.key) : [...hidden, c.key])}
        >
          {c.label}
        </Checkbox>
      ))}
      <Button size="small" disabled={!hidden.length} onClick={() => onChange([])}>
        恢复默认
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示的列" content={content}>
      <Button size="small" icon={<SettingOutlined aria-hidden />}>
        列设置
      </Button>
    </Popover>
  );
}

export function DataTable<T extends object>({
  paging,
  localPaging,
  emptyText = '暂无数据',
  sort,
  settingsKey,
  ...rest
}: DataTableProps<T>) {
  // On a phone a table without its own width scrolls inside itself rather than widening the page.
  const phone = useIsPhone();
  const [hidden, setHidden] = useState(() => hiddenOf(settingsKey));
  const scroll = phone && rest.scroll?.x === undefined ? { ...rest.scroll, x: 'max-content' as const } : rest.scroll;
  const pagination: TableProps<T>['pagination'] = paging
    ? {
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        showTotal,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        onChange: paging.onChange,
      }
    : localPaging
      ? { showTotal, defaultPageSize: 20, hideOnSinglePage: false, showSizeChanger: true }
      : false;
  const sortKey = sort?.value?.replace(/^-/, '');
  const columns = (rest.columns ?? [])
    .filter((c) => !hidden.includes(columnKey(c)))
    .map((c) =>
      sort && c.sorter === true
        ? { ...c, sortOrder: columnKey(c) === sortKey ? (sort.value?.startsWith('-') ? 'descend' : 'ascend') : null }
        : c,
    ) as TableColumnsType<T>;
  // antd's signature: (pagination, filters, sorter, extra)
  const onTableChange = (...args: Parameters<NonNullable<TableProps<T>['onChange']>>) => {
    const [, , sorter, extra] = args;
    if (sort && extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const key = s?.columnKey !== undefined ? String(s.columnKey) : undefined;
      sort.onChange(key && s?.order ? `${s.order === 'descend' ? '-' : ''}${key}` : undefined);
    }
    rest.onChange?.(...args);
  };
  const setAndRemember = (next: string[]) => {
    setHidden(next);
    try {
      localStorage.setItem(STORE + settingsKey, JSON.stringify(next));
    } catch {
      // storage unavailable: the choice holds for this visit
    }
  };
  const table = (
    <Table<T>
      size="middle"
      rowKey={'id' as TableProps<T>['rowKey']}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      pagination={pagination}
      {...rest}
      columns={rest.columns ? columns : undefined}
      onChange={onTableChange}
      scroll={scroll}
    />
  );
  if (!settingsKey || !rest.columns) return table;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ColumnSettings columns={rest.columns} hidden={hidden} onChange={setAndRemember} />
      </div>
      {table}
    </>
  );
}
