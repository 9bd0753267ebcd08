import { Alert, Button, Skeleton, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { Panel } from '../../components/panel';
import { formatKpiValue } from '../../lib/format';
import { useCan } from '../../lib/session-context';
import type { Station } from '../../lib/stations';
import { useStationKpis } from './api';
import { PACE_STATUS, periodProgressLabel } from './format';

/** A host's own station on its home page: KPIs met, those at risk (or missed), and the two things to do next. */
export function StationKpiCard({ station, others }: { station: Station; others: number }) {
  const can = useCan();
  const navigate = useNavigate();
  const kpis = useStationKpis(station.id);
  const base = `/stations/${station.id}`;
  const d = kpis.data;
  const attention = (d?.kpis ?? []).filter((k) => k.pace.status === 'at_risk' || k.pace.status === 'not_met');
  const elapsed = d?.kpis[0]?.pace.elapsed;

  return (
    <Panel
      className="card-gap"
      title={`本单位工作站点：${station.name}`}
      extra={
        <Space size={4}>
          <Tag>{station.programYear} 年度</Tag>
          <Tag color="blue">{station.typeLabel}</Tag>
        </Space>
      }
    >
      {kpis.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : kpis.isError ? (
        <Alert type="error" showIcon title="无法加载考核指标" description={kpis.error.message} />
      ) : (
        d && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 32px', alignItems: 'center' }}>
            <div>
              <div style={{ color: 'rgba(0,0,0,0.55)' }}>考核指标达标</div>
              <span style={{ fontSize: 28, fontWeight: 600 }}>{d.metCount}</span>
              <span style={{ fontSize: 16 }}> / {d.kpis.length} 项</span>
            </div>
            <div style={{ flex: '1 1 360px', minWidth: 0 }}>
              <div style={{ color: 'rgba(0,0,0,0.55)', marginBottom: 4 }}>
                执行期 {station.periodStart} 至 {station.periodEnd}
                {elapsed !== undefined && `（${periodProgressLabel(elapsed)}）`}
              </div>
              {attention.length ? (
                (['at_risk', 'not_met'] as const).map((status) => {
                  const list = attention.filter((k) => k.pace.status === status);
                  if (!list.length) return null;
                  return (
                    <div key={status} style={{ marginTop: 2 }}>
                      <Tag color={PACE_STATUS[status].tag}>
                        {PACE_STATUS[status].label} {list.length} 项
                      </Tag>
                      {list.map((k, i) => (
                        <span key={k.id}>
                          {i > 0 && '、'}
                          {k.name}（{formatKpiValue(k.actual, k.measure, k.unit)} /{' '}
                          {formatKpiValue(k.target, k.measure, k.unit)}）
                        </span>
                      ))}
                    </div>
                  );
                })
              ) : (
                <span className="text-success">暂无有风险或未达标的指标</span>
              )}
            </div>
            <Space wrap>
              <Button type="primary" onClick={() => navigate(`${base}/kpis`)}>
                查看考核指标
              </Button>
              {can('read:ledger') && <Button onClick={() => navigate(`${base}/ledger/enterprises`)}>记录台账</Button>}
            </Space>
          </div>
        )
      )}
      {others > 0 && (
        <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
          本单位另有 {others} 个工作站点，此处显示最新的一个；其余可在“工作站点”中查看。
        </div>
      )}
    </Panel>
  );
}
