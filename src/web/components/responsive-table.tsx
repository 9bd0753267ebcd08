// A list that is a table on a PC and a column of cards on a phone (below 768 px): a table of eight columns does not
// fit 390 px, and one that scrolls sideways hides everything but its first and last column. On a phone each row is a
// card with the title column on top, the other columns as "label: value" lines, the expanded row (an event's
// evidence) inside it and the row's actions at its foot. The paging is the table's: the server still pages.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, type TableColumnType, type TableProps } from 'antd';
import { isValidElement, type Key, lazy, type ReactNode, Suspense, useState } from 'react';
import type { DataTableProps } from './data-table';
import { showTotal } from './show-total';
import { useIsPhone } from './use-phone';

// The antd table (with its filters, tree and virtual list) is the heaviest part of a list page; a phone shows cards
// and never downloads it (issue 16).
const DataTable = lazy(() => import('./data-table').then((m) => ({ default: m.DataTable })));

export type ResponsiveTableProps<T> = DataTableProps<T> & {
  /** The list's name: the table's on a PC, the list of cards' on a phone. */
  'aria-label'?: string;
  /** On a phone: the column (its `key`, or its `dataIndex` when it has no key) shown as the card's title. */
  titleColumn: string;
  /** On a phone: the column holding the row's buttons, shown at the foot of the card. */
  actionsColumn?: string;
};

const LOCAL_PAGE_SIZE = 20;

function columnId<T>(c: TableColumnType<T>): string | undefined {
  if (c.key !== undefined) return String(c.key);
  if (typeof c.dataIndex === 'string' || typeof c.dataIndex === 'number') return String(c.dataIndex);
  return Array.isArray(c.dataIndex) ? c.dataIndex.join('.') : undefined;
}

function valueAt(row: object, dataIndex: TableColumnType<object>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let v: unknown = row;
  for (const p of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[p];
  return v;
}

/** What the table would show in the cell: the column's render, else the raw value. */
function cell<T extends object>(c: TableColumnType<T>, row: T, index: number): ReactNode {
  const value = valueAt(row, c.dataIndex as TableColumnType<object>['dataIndex']);
  const out: unknown = c.render ? c.render(value, row, index) : value;
  // A render may answer antd's { children, props } cell form.
  if (out && typeof out === 'object' && !isValidElement(out) && 'children' in out) {
    return (out as { children?: ReactNode }).children;
  }
  if (out === null || out === undefined || out === '') return '—';
  return out as ReactNode;
}

function keyOf<T extends object>(row: T, rowKey: TableProps<T>['rowKey'], index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index);
  return (row as Record<string, Key>)[(rowKey as string | undefined) ?? 'id'] ?? index;
}

/**
 * The phone's pager: the total, 上一页 / 下一页 and where one is. antd's Pagination brings its Select (for a page-size
 * changer a phone hides) and its own chunk, 29 kB on the wire of every list a host opens (issue 16); a thumb needs
 * two large buttons, not a row of page numbers.
 */
export function PhonePager({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="card-list-pagination" aria-label="分页">
      <span className="card-list-total">{showTotal(total)}</span>
      <Button
        icon={<LeftOutlined aria-hidden />}
        disabled={page <= 1}
        onClick={() => onChange(page - 1, pageSize)}
        aria-label="上一页"
      />
      <span aria-live="polite">
        第 {page} / {pages} 页
      </span>
      <Button
        icon={<RightOutlined aria-hidden />}
        disabled={page >= pages}
        onClick={() => onChange(page + 1, pageSize)}
        aria-label="下一页"
      />
    </nav>
  );
}

function PhoneCards<T extends object>(props: ResponsiveTableProps<T>) {
  const { columns = [], dataSource = [], titleColumn, actionsColumn, expandable, paging, localPaging } = props;
  const [localPage, setLocalPage] = useState(1);
  // Column groups (a header over several columns) are not used by our lists; their leaves would need flattening.
  const leaves = columns.filter((c): c is TableColumnType<T> => !('children' in c));
  const title = leaves.find((c) => columnId(c) === titleColumn);
  const actions = actionsColumn ? leaves.find((c) => columnId(c) === actionsColumn) : undefined;
  const fields = leaves.filter((c) => c !== title && c !== actions);
  const rows = localPaging
    ? dataSource.slice((localPage - 1) * LOCAL_PAGE_SIZE, localPage * LOCAL_PAGE_SIZE)
    : [...dataSource];
  const loading = typeof props.loading === 'boolean' ? props.loading : Boolean(props.loading);
  const expandedKeys = expandable?.expandedRowKeys ?? [];
  const label = props['aria-label'];

  return (
    <Spin spinning={loading}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText ?? '暂无数据'} />
      ) : (
        <ul className="card-list" aria-label={label}>
          {rows.map((row, i) => {
            const key = keyOf(row, props.rowKey, i);
            const expanded = expandable?.expandedRowRender && expandedKeys.includes(key);
            return (
              <li key={key} className="card-list-item">
                {title && <div className="card-list-title">{cell(title, row, i)}</div>}
                <dl className="card-list-fields">
                  {fields.map((c, n) => (
                    <div key={columnId(c) ?? n}>
                      <dt>{typeof c.title === 'function' ? columnId(c) : c.title}</dt>
                      <dd>{cell(c, row, i)}</dd>
                    </div>
                  ))}
                </dl>
                {expanded && (
                  <div className="card-list-expanded">{expandable.expandedRowRender?.(row, i, 0, true)}</div>
                )}
                {actions && <div className="card-list-actions">{cell(actions, row, i)}</div>}
              </li>
            );
          })}
        </ul>
      )}
      {paging && paging.total > 0 && (
        <PhonePager page={paging.page} pageSize={paging.pageSize} total={paging.total} onChange={paging.onChange} />
      )}
      {localPaging && dataSource.length > LOCAL_PAGE_SIZE && (
        <PhonePager page={localPage} pageSize={LOCAL_PAGE_SIZE} total={dataSource.length} onChange={setLocalPage} />
      )}
    </Spin>
  );
}

/** The antd table on a PC (unchanged, paging included); cards on a phone. */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const phone = useIsPhone();
  if (phone) return <PhoneCards<T> {...props} />;
  const { titleColumn: _title, actionsColumn: _actions, ...table } = props;
  const Table = DataTable as <R extends object>(p: DataTableProps<R>) => ReactNode;
  return (
    <Suspense fallback={<Spin spinning />}>
      <Table<T> {...table} />
    </Suspense>
  );
}
