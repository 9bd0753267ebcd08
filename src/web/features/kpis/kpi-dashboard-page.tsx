import { Alert, Col, Empty, Row, Spin } from 'antd';
import { useMemo } from 'react';
import { ROLE_SCOPE } from '../../../shared/permissions';
import { EmptyYearNotice } from '../../components/empty-year-notice';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ResponsiveTable } from '../../components/responsive-table';
import { useIsPhone } from '../../components/use-phone';
import { formatPercent } from '../../lib/format';
import { useCan, useMe } from '../../lib/session-context';
import { useYearAndFilters } from '../../lib/working-year';
import {
  type MatrixDto,
  type MatrixFilters,
  type MatrixRow,
  matrixExportUrl,
  useKpiActivity,
  useKpiMatrix,
} from './api';
import { activityChartOption, attainmentByDistrict, districtChartOption } from './charts';
import { matrixColumns, phoneColumns } from './columns';
import { EChart } from './echart';
import { worstFirst } from './format';
import { MatrixFilterBar, PaceLegend, TYPE_PANEL_ID, TypeTabs, typeTabId, useTypeParam } from './matrix-bits';
import { MatrixTable } from './matrix-table';

const muted = { color: 'rgba(0,0,0,0.55)' };

function Totals({ totals }: { totals: MatrixDto['totals'] }) {
  if (!totals.length) return null;
  return (
    <Row gutter={[16, 16]} className="card-gap">
      {totals.map((t) => (
        <Col key={t.type} xs={24} md={8}>
          <Panel title={t.typeLabel}>
            <dl className="matrix-totals">
              <div>
                <dt>站点数</dt>
                <dd>
                  {t.stations}
                  <small>个</small>
                </dd>
              </div>
              <div>
                <dt>全部达标站点</dt>
                <dd>
                  {t.fullyMet}
                  <small>/ {t.stations}</small>
                </dd>
              </div>
              <div>
                <dt>指标达标率</dt>
                <dd style={{ color: t.attainment >= 1 ? '#389e0d' : undefined }}>
                  {t.stations ? formatPercent(t.attainment) : '—'}
                </dd>
              </div>
            </dl>
          </Panel>
        </Col>
      ))}
    </Row>
  );
}

function Charts({ rows, filters }: { rows: MatrixRow[]; filters: MatrixFilters }) {
  const activity = useKpiActivity(filters);
  const byDistrict = useMemo(() => districtChartOption(attainmentByDistrict(rows)), [rows]);
  const monthly = useMemo(() => activityChartOption(activity.data ?? []), [activity.data]);
  return (
    <Row gutter={[16, 16]} className="card-gap">
      <Col xs={24} xl={12}>
        <Panel title="各区指标达标率" extra={<span style={muted}>达标项数 / 考核项数</span>}>
          {rows.length ? (
            <EChart option={byDistrict} label="各区指标达标率柱状图" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无站点" />
          )}
        </Panel>
      </Col>
      <Col xs={24} xl={12}>
        <Panel title="各月工作量" extra={<span style={muted}>台账记录数，按月</span>}>
          {activity.isError ? (
            <Alert type="error" showIcon title="无法加载各月工作量" />
          ) : activity.data && !activity.data.length ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无台账记录" />
          ) : (
            <EChart option={monthly} label="各月活动、联系企业、收集需求数量折线图" />
          )}
        </Panel>
      </Col>
    </Row>
  );
}

export default function KpiDashboardPage() {
  const me = useMe();
  const can = useCan();
  const phone = useIsPhone();
  const { years, filters, set, summary, workingYear, setYear } = useYearAndFilters<MatrixFilters>({
    keys: ['districtCode'],
  });
  // A district (or host, auditor) account only sees its own stations: a district filter would mean nothing.
  const showDistricts = ROLE_SCOPE[me.role] === 'all' && can('read:district');
  // Every type in one request: the tabs count their stations, and switching tabs asks the server nothing.
  const matrix = useKpiMatrix(filters);
  const m = matrix.data;
  const counts = useMemo(() => (m ? Object.fromEntries(m.totals.map((t) => [t.type, t.stations])) : undefined), [m]);
  const { type, setType } = useTypeParam(counts);
  const { columns, rows } = useMemo(() => {
    const measures = new Map<string, string>((m?.columns ?? []).map((c) => [c.id, c.measure]));
    const measureOf = (id: string) => measures.get(id) ?? 'count';
    // A KPI's name is the tab's type's own (产学研 stations 联系企业, district stations 联系本区企业).
    const ofType = (m?.columns ?? [])
      .filter((c) => c.types.includes(type))
      .map((c) => ({ ...c, name: c.nameByType[type] ?? c.name, unit: c.unitByType[type] ?? c.unit }));
    return {
      columns: phone ? phoneColumns(measureOf) : matrixColumns({ columns: ofType, measureOf }),
      rows: (m?.rows ?? []).filter((r) => r.type === type).sort(worstFirst),
    };
  }, [m, type, phone]);
  const totals = (m?.totals ?? []).filter((t) => t.stations > 0);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的工作站点" />;

  return (
    <>
      <PageHeader
        title="考核看板"
        subtitle="各站点考核指标完成情况（第七条、第八条），由台账记录实时计算"
        extra={filters.year !== undefined && <ExportButton path={matrixExportUrl(filters)} />}
      />
      <MatrixFilterBar filters={filters} set={set} years={years.data} showDistricts={showDistricts} />
      {years.data && !years.data.length && <Empty description="尚未设置项目年度" />}
      <EmptyYearNotice
        year={filters.year}
        stationCount={summary?.stationCount}
        workingYear={workingYear}
        onSwitch={setYear}
      />
      {matrix.isError && (
        <Alert className="card-gap" type="error" showIcon title="无法加载考核看板" description={matrix.error.message} />
      )}
      <Spin spinning={matrix.isFetching && !m} description="正在加载…">
        {m && <Totals totals={totals} />}
        {m && <Charts rows={m.rows} filters={filters} />}
        <Panel
          title="站点 × 考核指标"
          extra={<span style={muted}>落后项多的站点在前</span>}
          bodyStyle={{ paddingTop: 0 }}
        >
          <TypeTabs type={type} setType={setType} counts={counts} phone={phone} />
          <div role="tabpanel" id={TYPE_PANEL_ID} aria-labelledby={typeTabId(type)}>
            {phone ? (
              <ResponsiveTable<MatrixRow>
                aria-label="站点考核指标"
                rowKey="stationId"
                titleColumn="name"
                loading={matrix.isFetching && Boolean(m)}
                columns={columns}
                dataSource={rows}
                emptyText="没有符合条件的工作站点"
              />
            ) : (
              <>
                <PaceLegend />
                <MatrixTable<MatrixRow>
                  key={type}
                  aria-label="站点考核指标"
                  rowKey={(r) => r.stationId}
                  loading={matrix.isFetching && Boolean(m)}
                  columns={columns}
                  rows={rows}
                  empty={empty}
                />
              </>
            )}
          </div>
        </Panel>
      </Spin>
    </>
  );
}
