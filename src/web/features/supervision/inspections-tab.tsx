// 检查批次 (第十九条): the Center's inspections of a program year, scheduled or unannounced, with their findings.
import { Select, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { INSPECTION_STATUS_LABELS } from '../../../shared/labels';
import { INSPECTION_SORT_KEYS } from '../../../shared/schemas/supervision';
import { DataTable } from '../../components/data-table';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { knownSort, useYearListFilters } from '../../lib/list-filters';
import { type InspectionFilters, type InspectionSummary, useInspections } from './api';
import { inspectionStatusColor } from './labels';

// A column's key is its sort key on the server (INSPECTION_SORT_KEYS).
const columns: TableColumnsType<InspectionSummary> = [
  {
    title: '检查名称',
    dataIndex: 'title',
    key: 'title',
    sorter: true,
    ellipsis: true,
    render: (title: string, i) => <Link to={`/inspections/${i.id}`}>{title}</Link>,
  },
  { title: '方式', dataIndex: 'kindLabel', width: 120 },
  { title: '检查日期', dataIndex: 'plannedOn', key: 'plannedOn', sorter: true, width: 120 },
  { title: '站点数', dataIndex: 'stationCount', key: 'stationCount', sorter: true, width: 100, align: 'right' },
  { title: '发现数', dataIndex: 'findingCount', key: 'findingCount', sorter: true, width: 100, align: 'right' },
  {
    title: '状态',
    dataIndex: 'statusLabel',
    key: 'status',
    sorter: true,
    width: 100,
    render: (v: string, i) => <Tag color={inspectionStatusColor[i.status]}>{v}</Tag>,
  },
];

export function InspectionsTab() {
  const {
    years,
    filters: asked,
    setFilter,
    paging,
    setPaging,
    ready,
    reset,
    filtered,
  } = useYearListFilters<InspectionFilters>({
    defaultYear: 'working',
    keys: ['status', 'q', 'sort'],
  });
  const filters = { ...asked, sort: knownSort(INSPECTION_SORT_KEYS, asked.sort) };
  const list = useInspections(filters, paging, ready);

  return (
    <>
      <FilterBar onReset={reset} filtered={filtered}>
        <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
        <Select
          allowClear
          aria-label="检查状态"
          placeholder="检查状态"
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          options={Object.entries(INSPECTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <FilterSearch
          value={filters.q}
          onSearch={(q) => setFilter({ q })}
          label="搜索检查"
          placeholder="检查名称"
          width={260}
        />
      </FilterBar>
      <DataTable<InspectionSummary>
        settingsKey="inspections"
        aria-label="监督检查列表"
        sort={{ value: filters.sort, onChange: (sort) => setFilter({ sort }) }}
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        emptyText={filtered ? '没有符合条件的检查' : '本年度尚未安排检查：点击“安排检查”开始'}
        scroll={{ x: 800 }}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
}
