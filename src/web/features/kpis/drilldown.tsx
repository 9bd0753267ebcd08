import { Alert, Descriptions, Drawer, Segmented, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { dash, formatKpiValue } from '../../lib/format';
import { type DrillReason, type DrillRow, type KpiRowDto, useKpiRecords } from './api';
import { PACE_STATUS } from './format';

const columns: TableColumnsType<DrillRow> = [
  { title: '记录', dataIndex: 'title', ellipsis: { showTitle: true } },
  { title: '日期', dataIndex: 'date', width: 108, render: (d: string | null) => dash(d) },
  {
    title: '计入',
    dataIndex: 'counted',
    width: 84,
    render: (c: boolean) => (c ? <Tag color="success">计入</Tag> : <Tag>未计入</Tag>),
  },
  {
    title: '说明',
    key: 'why',
    width: 240,
    render: (_, r) => (
      <>
        {r.reasonLabel && <div style={{ color: '#ad4e00' }}>{r.reasonLabel}</div>}
        {r.detail && <div style={{ color: 'rgba(0,0,0,0.55)' }}>{r.detail}</div>}
        {!r.reasonLabel && !r.detail && '—'}
      </>
    ),
  },
];

type Filter = 'all' | 'counted' | 'excluded';
const COUNTED: Record<Filter, boolean | undefined> = { all: undefined, counted: true, excluded: false };
const filterOf = (counted: boolean | undefined): Filter =>
  counted === undefined ? 'all' : counted ? 'counted' : 'excluded';
const EMPTY: Record<Filter, string> = {
  all: '该指标暂无相关记录',
  counted: '该指标暂无计入的记录',
  excluded: '该指标没有未计入的记录',
};
function ReasonSummary({ reasons }: { reasons: DrillReason[] }) {
  if (!reasons.length) return null;
  return (
    <div style={{ margin: '8px 0', color: '#ad4e00' }}>
      未计入原因：{reasons.map((r) => `${r.label} ${r.count} 条`).join('；')}
    </div>
  );
}

/**
 * One KPI's records, filtered by the server over all of them (not one page). Keyed by the KPI so that opening
 * another KPI starts again at page 1 with the initial filter.
 */
function KpiRecords({
  stationId,
  kpiId,
  initialCounted,
}: {
  stationId: string;
  kpiId: KpiRowDto['id'];
  initialCounted?: boolean;
}) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [counted, setCounted] = useState<boolean | undefined>(initialCounted);
  const records = useKpiRecords({ stationId, kpiId, ...paging, counted });
  if (records.isError) {
    return <Alert type="error" showIcon title="无法加载明细" description={records.error.message} />;
  }
  const data = records.data;
  const filter = filterOf(counted);
  const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label}（${n}）`);
  return (
    <>
      <div className="filter-bar">
        <Segmented<Filter>
          aria-label="按是否计入筛选"
          value={filter}
          onChange={(f) => {
            setCounted(COUNTED[f]);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: withCount('全部', data && data.countedTotal + data.notCountedTotal) },
            { value: 'counted', label: withCount('计入', data?.countedTotal) },
            { value: 'excluded', label: withCount('未计入', data?.notCountedTotal) },
          ]}
        />
      </div>
      <ReasonSummary reasons={data?.reasons ?? []} />
      <DataTable<DrillRow>
        size="small"
        loading={records.isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        rowKey={(r) => `${r.kind}:${r.id}`}
        emptyText={EMPTY[filter]}
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
}

/** The records behind one KPI figure, counted or not, with the reason (issue #3). */
export function KpiDrilldown({
  stationId,
  kpi,
  onClose,
  initialCounted,
}: {
  stationId: string;
  kpi: KpiRowDto | null;
  onClose: () => void;
  /** opens on the records that count (true) or do not (false), else on all (the page reads `?counted=` once) */
  initialCounted?: boolean;
}) {
  const start = initialCounted;

  return (
    <Drawer
      title={kpi ? `指标明细：${kpi.name}` : '指标明细'}
      open={Boolean(kpi)}
      onClose={onClose}
      size={860}
      destroyOnHidden
    >
      {kpi && (
        <Descriptions
          size="small"
          column={3}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'a', label: '实际', children: <strong>{formatKpiValue(kpi.actual, kpi.measure, kpi.unit)}</strong> },
            { key: 't', label: '目标', children: formatKpiValue(kpi.target, kpi.measure, kpi.unit) },
            {
              key: 's',
              label: '状态',
              children: <Tag color={PACE_STATUS[kpi.pace.status].tag}>{PACE_STATUS[kpi.pace.status].label}</Tag>,
            },
            { key: 'r', label: '统计口径', span: 3, children: `${kpi.countingRule}（${kpi.article}）` },
          ]}
        />
      )}
      {kpi && <KpiRecords key={kpi.id} stationId={stationId} kpiId={kpi.id} initialCounted={start} />}
    </Drawer>
  );
}
