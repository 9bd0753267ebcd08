import { Button, Card, Col, Progress, Row, Spin, type TableColumnsType, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { FINDING_SEVERITY_LABELS } from '../../../shared/labels';
import { Breadcrumb } from '../../components/breadcrumb';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { StationTabs } from '../../components/station-tabs';
import { ApiError } from '../../lib/api';
import { typeColor } from '../../lib/stations';
import { type KpiRowDto, type StationKpisDto, useStationKpis } from './api';
import { KpiDrilldown } from './drilldown';
import { periodProgressLabel } from './format';
import { kpiColumns } from './kpi-table';

type FindingRow = StationKpisDto['findings'][number];

const SEVERITY: Record<string, { label: string; color: string }> = {
  block: { label: FINDING_SEVERITY_LABELS.block, color: 'error' },
  warn: { label: FINDING_SEVERITY_LABELS.warn, color: 'warning' },
};

const findingColumns: TableColumnsType<FindingRow> = [
  {
    title: '级别',
    dataIndex: 'severity',
    width: 88,
    render: (s: string) => <Tag color={SEVERITY[s]?.color}>{SEVERITY[s]?.label ?? s}</Tag>,
  },
  { title: '依据', dataIndex: 'article', width: 96, render: (a: string | null) => (a ? <Tag>{a}</Tag> : '—') },
  { title: '问题', dataIndex: 'label' },
  { title: '涉及记录', dataIndex: 'ref', width: 260, render: (r: string) => <span className="mono">{r}</span> },
];

const muted = { color: 'rgba(0,0,0,0.55)' };

function Summary({ data }: { data: StationKpisDto }) {
  const { station: s, kpis } = data;
  const elapsed = kpis[0]?.pace.elapsed ?? (data.today > s.periodEnd ? 1 : 0);
  const atRisk = kpis.filter((k) => k.pace.status === 'at_risk').length;
  const notMet = kpis.filter((k) => k.pace.status === 'not_met').length;
  return (
    <Card size="small" className="card-gap">
      <Row gutter={[24, 12]} align="middle">
        <Col xs={24} md={7}>
          <div style={muted}>考核指标达标</div>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 6 }}>
            <span
              style={{ fontSize: 28, fontWeight: 600, color: data.metCount === kpis.length ? '#389e0d' : undefined }}
            >
              {data.metCount}
            </span>
            <span style={{ fontSize: 16 }}>/ {kpis.length} 项</span>
            {atRisk > 0 && <Tag color="warning">有风险 {atRisk} 项</Tag>}
            {notMet > 0 && <Tag color="error">未达标 {notMet} 项</Tag>}
          </div>
        </Col>
        <Col xs={24} md={10}>
          <div style={muted}>
            执行期 {s.periodStart} 至 {s.periodEnd}
          </div>
          <Progress
            percent={Math.round(elapsed * 100)}
            format={() => periodProgressLabel(elapsed)}
            strokeColor={elapsed >= 1 ? '#8c8c8c' : undefined}
            status="normal"
            aria-label="项目期进度"
            styles={{ indicator: { width: 'auto', minWidth: 110 } }}
          />
        </Col>
        <Col xs={24} md={7}>
          <div style={muted}>统计日期</div>
          <div>{data.today}（按台账记录实时计算）</div>
        </Col>
      </Row>
    </Card>
  );
}

export default function StationKpisPage() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const kpis = useStationKpis(id);
  const [drill, setDrill] = useState<KpiRowDto | null>(null);
  // `?kpi=events` (the acceptance sheet's evidence links, a 考核看板 cell) opens that KPI's drill-down once the figures
  // are in; `&counted=false` opens it on the records that did not count. Both leave the address once read, so that
  // the next 明细 opened by hand starts on all records and Back leads to the page the link was on.
  const [drillCounted, setDrillCounted] = useState<boolean | undefined>(undefined);
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const wanted = params.get('kpi');
  const wantedCounted = params.get('counted');
  // Read once per link: the address is cleaned in the browser's history entry, not by a navigation (a navigation
  // fired when the figures arrive could undo a menu click made meanwhile), so the router still shows the link's
  // query and a refetch must not reopen the drill-down.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    const link = `${wanted}|${wantedCounted}`;
    if (!wanted || !kpis.data || opened.current === link) return;
    opened.current = link;
    const row = kpis.data.kpis.find((k) => k.id === wanted);
    if (row) {
      setDrill(row);
      setDrillCounted(wantedCounted === 'true' ? true : wantedCounted === 'false' ? false : undefined);
    }
    const url = new URL(window.location.href);
    if (url.pathname !== pathname) return;
    url.searchParams.delete('kpi');
    url.searchParams.delete('counted');
    window.history.replaceState(window.history.state, '', url);
  }, [wanted, wantedCounted, kpis.data, pathname]);
  const openDrill = (k: KpiRowDto) => {
    setDrillCounted(undefined);
    setDrill(k);
  };

  if (kpis.isPending) return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (kpis.isError) {
    const missing = kpis.error instanceof ApiError && kpis.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h2 className="result-title">{missing ? '工作站点不存在或您无权查看' : '无法加载考核指标'}</h2>}
        subTitle={
          missing ? '请检查链接是否正确；区科协、依托单位和审计人员账户只能查看其范围内的站点。' : kpis.error.message
        }
        extra={<Button onClick={() => navigate('/stations')}>返回工作站点列表</Button>}
      />
    );
  }
  const data = kpis.data;
  const s = data.station;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">工作站点</Link> },
          { title: <Link to={`/stations/${s.id}`}>{s.name}</Link> },
          { title: '考核指标' },
        ]}
      />
      <PageHeader
        title={s.name}
        subtitle={
          <>
            <Tag color={typeColor[s.type]}>{s.typeLabel}</Tag> {s.programYear} 年度 · 考核指标由台账记录计算
          </>
        }
      />
      <StationTabs stationId={s.id} />
      <Summary data={data} />
      <Card size="small" className="card-gap" title="考核指标" styles={{ body: { padding: 0 } }}>
        <DataTable<KpiRowDto>
          size="middle"
          columns={kpiColumns(openDrill)}
          dataSource={data.kpis}
          emptyText="该站点类型暂无考核指标"
          scroll={{ x: 900 }}
        />
      </Card>
      <Card
        size="small"
        title={`合规提示（${data.findings.length} 条）`}
        styles={{ body: data.findings.length ? { padding: 0 } : undefined }}
      >
        {data.findings.length ? (
          <DataTable<FindingRow>
            size="small"
            columns={findingColumns}
            dataSource={data.findings}
            rowKey={(f) => `${f.id}:${f.ref}`}
            localPaging={data.findings.length > 20}
            scroll={{ x: 700 }}
          />
        ) : (
          <span style={muted}>未发现合规问题。</span>
        )}
      </Card>
      <KpiDrilldown stationId={s.id} kpi={drill} initialCounted={drillCounted} onClose={() => setDrill(null)} />
    </>
  );
}
