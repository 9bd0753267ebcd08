import { Alert, Card, Col, Empty, Row, Space, Spin, Statistic, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ROLE_SCOPE } from '../../../shared/permissions';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { YearTypeDistrictFilters } from '../../components/year-type-district-filters';
import { formatPercent } from '../../lib/format';
import { useProgramYears } from '../../lib/program-years';
import { useCan, useMe } from '../../lib/session-context';
import {
  type MatrixDto,
  type MatrixFilters,
  type MatrixRow,
  matrixExportUrl,
  useKpiActivity,
  useKpiMatrix,
} from './api';
import { activityChartOption, attainmentByDistrict, districtChartOption } from './charts';
import { FIXED_COLUMNS_WIDTH, KPI_COLUMN_WIDTH, matrixColumns } from './columns';
import { EChart } from './echart';
import { ATTAINMENT_STYLE } from './format';

const muted = { color: 'rgba(0,0,0,0.55)' };

function Totals({ totals }: { totals: MatrixDto['totals'] }) {
  if (!totals.length) return null;
  return (
    <Row gutter={[16, 16]} className="card-gap">
      {totals.map((t) => (
        <Col key={t.type} xs={24} md={8}>
          <Card size="small" title={t.typeLabel}>
            <Row gutter={8}>
              <Col span={7}>
                <Statistic title="站点数" value={t.stations} suffix="个" />
              </Col>
              <Col span={8}>
                <Statistic title="全部达标站点" value={t.fullyMet} suffix={`/ ${t.stations}`} />
              </Col>
              <Col span={9}>
                <Statistic
                  title="指标达标率"
                  value={t.stations ? formatPercent(t.attainment) : '—'}
                  styles={{ content: { color: t.attainment >= 1 ? '#389e0d' : undefined } }}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Legend() {
  return (
    <Space wrap size={[16, 4]} style={{ ...muted, fontSize: 12 }} aria-label="图例">
      <span>单元格为“实际/目标”，颜色按完成比例：</span>
      {Object.values(ATTAINMENT_STYLE).map((s) => (
        <span key={s.label} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span style={{ width: 14, height: 14, background: s.background, border: '1px solid rgba(0,0,0,0.1)' }} />
          {s.label}
        </span>
      ))}
      <span>“—” 该类型站点不考核此项</span>
    </Space>
  );
}

function Charts({ rows, filters }: { rows: MatrixRow[]; filters: MatrixFilters }) {
  const activity = useKpiActivity(filters);
  const byDistrict = useMemo(() => districtChartOption(attainmentByDistrict(rows)), [rows]);
  const monthly = useMemo(() => activityChartOption(activity.data ?? []), [activity.data]);
  return (
    <Row gutter={[16, 16]} className="card-gap">
      <Col xs={24} xl={12}>
        <Card size="small" title="各区指标达标率" extra={<span style={muted}>达标项数 / 考核项数</span>}>
          {rows.length ? (
            <EChart option={byDistrict} label="各区指标达标率柱状图" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无站点" />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="各月工作量" extra={<span style={muted}>台账记录数，按月</span>}>
          {activity.isError ? (
            <Alert type="error" showIcon title="无法加载各月工作量" />
          ) : activity.data && !activity.data.length ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无台账记录" />
          ) : (
            <EChart option={monthly} label="各月活动、联系企业、收集需求数量折线图" />
          )}
        </Card>
      </Col>
    </Row>
  );
}

export default function KpiDashboardPage() {
  const me = useMe();
  const can = useCan();
  const years = useProgramYears();
  const [filters, setFilters] = useState<MatrixFilters>({});
  useEffect(() => {
    if (filters.year === undefined && years.data?.length) setFilters((f) => ({ ...f, year: years.data[0].year }));
  }, [filters.year, years.data]);
  // A district (or host, auditor) account only sees its own stations: a district filter would mean nothing.
  const showDistricts = ROLE_SCOPE[me.role] === 'all' && can('read:district');
  const matrix = useKpiMatrix(filters);
  const m = matrix.data;
  const columns = useMemo(
    () => matrixColumns((m?.columns ?? []).filter((c) => !filters.type || c.types.includes(filters.type))),
    [m?.columns, filters.type],
  );
  const totals = (m?.totals ?? []).filter((t) => (filters.type ? t.type === filters.type : t.stations > 0));
  const set = (patch: Partial<MatrixFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader
        title="考核看板"
        subtitle="各站点考核指标完成情况（第七条、第八条），由台账记录实时计算"
        extra={filters.year !== undefined && <ExportButton path={matrixExportUrl(filters)} />}
      />
      <div className="filter-bar">
        <YearTypeDistrictFilters filters={filters} set={set} showDistricts={showDistricts} />
      </div>
      {years.data && !years.data.length && <Empty description="尚未设置项目年度" />}
      {matrix.isError && (
        <Alert className="card-gap" type="error" showIcon title="无法加载考核看板" description={matrix.error.message} />
      )}
      <Spin spinning={matrix.isFetching && !m} description="正在加载…">
        {m && <Totals totals={totals} />}
        {m && <Charts rows={m.rows} filters={filters} />}
        <Card
          size="small"
          title={`站点 × 考核指标（${m?.rows.length ?? 0} 个站点）`}
          extra={<Legend />}
          styles={{ body: { padding: 0 } }}
        >
          <Table<MatrixRow>
            size="small"
            bordered
            rowKey="stationId"
            loading={matrix.isFetching && Boolean(m)}
            columns={columns}
            dataSource={m?.rows ?? []}
            pagination={false}
            sticky
            scroll={{ x: FIXED_COLUMNS_WIDTH + KPI_COLUMN_WIDTH * (columns.length - 3) }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的工作站点" /> }}
          />
        </Card>
      </Spin>
    </>
  );
}
