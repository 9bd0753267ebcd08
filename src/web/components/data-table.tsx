// Our thin table wrapper (pro-components does not support antd 6): Chinese empty state, "共 N 条", server paging.
import { Empty, Table, type TableProps } from 'antd';
import { useIsPhone } from './use-phone';

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

export type DataTableProps<T> = Omit<TableProps<T>, 'pagination'> & {
  paging?: Paging;
  /** client-side paging for short lists; false for none */
  localPaging?: boolean;
  emptyText?: string;
};

export function showTotal(total: number): string {
  return `共 ${total} 条`;
}

export function DataTable<T extends object>({
  paging,
  localPaging,
  emptyText = '暂无数据',
  ...rest
}: DataTableProps<T>) {
  // On a phone a table without its own width scrolls inside itself rather than widening the page.
  const phone = useIsPhone();
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
  return (
    <Table<T>
      size="middle"
      rowKey={'id' as TableProps<T>['rowKey']}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      pagination={pagination}
      {...rest}
      scroll={scroll}
    />
  );
}
