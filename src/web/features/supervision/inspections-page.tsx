// 监督检查 (第十九条): the Center's inspections of a program year, scheduled or unannounced, with their findings.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, type TableColumnsType, Tag } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { INSPECTION_STATUS_LABELS } from '../../../shared/labels';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { useProgramYears } from '../../lib/program-years';
import { type InspectionFilters, type InspectionSummary, useInspections } from './api';
import { inspectionStatusColor } from './labels';

const NewInspectionModal = lazy(() => import('./new-inspection-modal'));

const columns: TableColumnsType<InspectionSummary> = [
  {
    title: '检查名称',
    dataIndex: 'title',
    ellipsis: true,
    render: (title: string, i) => <Link to={`/inspections/${i.id}`}>{title}</Link>,
  },
  { title: '方式', dataIndex: 'kindLabel', width: 120 },
  { title: '检查日期', dataIndex: 'plannedOn', width: 120 },
  { title: '站点数', dataIndex: 'stationCount', width: 90, align: 'right' },
  { title: '发现数', dataIndex: 'findingCount', width: 90, align: 'right' },
  {
    title: '状态',
    dataIndex: 'statusLabel',
    width: 100,
    render: (v: string, i) => <Tag color={inspectionStatusColor[i.status]}>{v}</Tag>,
  },
];

export default function InspectionsPage() {
  const years = useProgramYears();
  const [filters, setFilters] = useState<InspectionFilters>({});
  const [yearChosen, setYearChosen] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  // Default to the newest year once the years are known, as the other lists do; the user may pick 全部年度.
  useEffect(() => {
    if (!yearChosen && years.data?.length) {
      setFilters((f) => ({ ...f, year: years.data[0].year }));
      setYearChosen(true);
    }
  }, [yearChosen, years.data]);
  const list = useInspections(filters, paging, yearChosen || years.isError || years.data?.length === 0);
  const setFilter = (patch: InspectionFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const filtered = Boolean(filters.status || filters.q);

  return (
    <>
      <PageHeader
        title="监督检查"
        subtitle="中心对站点工作和经费使用的计划检查与不定期抽查（第十九条），违规问题追回经费（第十八条）"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            安排检查
          </Button>
        }
      />
      <div className="filter-bar">
        <Select
          aria-label="项目年度"
          style={{ width: 130 }}
          value={filters.year ?? 0}
          onChange={(y) => setFilter({ year: y || undefined })}
          options={[
            { value: 0, label: '全部年度' },
            ...(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` })),
          ]}
        />
        <Select
          allowClear
          aria-label="检查状态"
          placeholder="检查状态"
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          options={Object.entries(INSPECTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          allowClear
          aria-label="搜索检查"
          placeholder="检查名称"
          style={{ width: 260 }}
          enterButton="搜索"
          onSearch={(q) => setFilter({ q: q.trim() || undefined })}
        />
      </div>
      <DataTable<InspectionSummary>
        aria-label="监督检查列表"
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
      {creating && (
        <Suspense fallback={null}>
          <NewInspectionModal defaultYear={filters.year ?? years.data?.[0]?.year} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
