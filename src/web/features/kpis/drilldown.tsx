import { Alert, Descriptions, Drawer, Segmented, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { dash, formatKpiValue } from '../../lib/format';
import { type DrillRow, type KpiRowDto, useKpiRecords } from './api';
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

/** The records behind one KPI figure, counted or not, with the reason (issue #3). */
export function KpiDrilldown({
  stationId,
  kpi,
  onClose,
}: {
  stationId: string;
  kpi: KpiRowDto | null;
  onClose: () => void;
}) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [filter, setFilter] = useState<Filter>('all');
  const kpiId = kpi?.id ?? null;
  useEffect(() => {
    if (kpiId) {
      setPaging((p) => ({ ...p, page: 1 }));
      setFilter('all');
    }
  }, [kpiId]);
  const records = useKpiRecords(stationId, kpiId, paging);
  const rows = (records.data?.items ?? []).filter(
    (r) => filter === 'all' || (filter === 'counted' ? r.counted : !r.counted),
  );

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
      {records.isError ? (
        <Alert type="error" showIcon title="无法加载明细" description={records.error.message} />
      ) : (
        <>
          <div className="filter-bar">
            <Segmented<Filter>
              aria-label="筛选本页记录"
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: '全部' },
                { value: 'counted', label: '计入' },
                { value: 'excluded', label: '未计入' },
              ]}
            />
            <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>筛选仅作用于当前页</span>
          </div>
          <DataTable<DrillRow>
            size="small"
            loading={records.isFetching}
            columns={columns}
            dataSource={rows}
            rowKey={(r) => `${r.kind}:${r.id}`}
            emptyText={filter === 'all' ? '该指标暂无相关记录' : '当前页没有符合条件的记录'}
            paging={{
              page: paging.page,
              pageSize: paging.pageSize,
              total: records.data?.total ?? 0,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
          />
        </>
      )}
    </Drawer>
  );
}
