// 已导入名单: the official lists imported, newest first, paged in SQL; a list opens its entries in a drawer.
import { Button, Select, type TableColumnsType } from 'antd';
import { OFFICIAL_LIST_KINDS, type OfficialListKind } from '../../../domain/official-lists/official-lists';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatInstant } from '../../lib/format';
import { useListFilters } from '../../lib/list-filters';
import { type OfficialList, useOfficialLists } from './api';
import { KIND_OPTIONS, KindTag } from './format';

export function ListsTab({ onOpen, onImport }: { onOpen: (id: string) => void; onImport: () => void }) {
  const { filters, setFilter, paging, setPaging, reset, filtered } = useListFilters<{ kind?: string; q?: string }>({
    keys: ['kind', 'q'],
  });
  const kind = OFFICIAL_LIST_KINDS.find((k) => k === filters.kind) as OfficialListKind | undefined;
  const list = useOfficialLists({ kind, q: filters.q }, paging);

  const columns: TableColumnsType<OfficialList> = [
    {
      title: '名单名称',
      key: 'name',
      dataIndex: 'name',
      render: (name: string, l) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onOpen(l.id)}
        >
          {name}
        </Button>
      ),
    },
    { title: '名单类型', dataIndex: 'kind', width: 150, render: (k: OfficialListKind) => <KindTag kind={k} /> },
    { title: '生效日期', dataIndex: 'effectiveOn', width: 110 },
    { title: '企业数', dataIndex: 'entries', width: 90, align: 'right' },
    { title: '更新标识', dataIndex: 'changed', width: 90, align: 'right' },
    { title: '未在台账中', dataIndex: 'unregistered', width: 100, align: 'right' },
    { title: '导入时间', dataIndex: 'importedAt', width: 170, render: (v: string) => formatInstant(v) },
    { title: '导入人', dataIndex: 'importedBy', width: 110 },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, l) => (
        <Button size="small" onClick={() => onOpen(l.id)}>
          查看企业
        </Button>
      ),
    },
  ];

  return (
    <>
      <FilterBar onReset={reset} filtered={filtered}>
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索名单"
          placeholder="名单名称或文件名"
          width={260}
        />
        <Select
          allowClear
          aria-label="名单类型"
          placeholder="名单类型"
          style={{ width: 260, maxWidth: '100%' }}
          options={KIND_OPTIONS}
          value={kind}
          onChange={(k) => setFilter({ kind: k })}
        />
      </FilterBar>
      <ResponsiveTable<OfficialList>
        aria-label="已导入的官方名单"
        titleColumn="name"
        actionsColumn="actions"
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText={
          filtered ? '没有符合条件的名单' : '尚未导入官方名单：点击“导入名单”，从 Excel 导入专精特新或企业科协名单'
        }
        scroll={{ x: 1150 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {!filtered && list.data?.total === 0 && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button type="primary" onClick={onImport}>
            导入名单
          </Button>
        </div>
      )}
    </>
  );
}
