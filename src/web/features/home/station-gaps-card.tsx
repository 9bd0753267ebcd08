// 待补事项 on a host's home page: what its station still lacks for its targets, computed by the server from the
// records (src/domain/gaps), each item a link to the filtered list where it is fixed. 我的待办 links here with
// ?gaps=<station id>, which picks that station and scrolls to the card.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ChoiceSelect } from '../../components/choice-select';
import { Panel } from '../../components/panel';
import { StationGapsList } from '../../components/station-gaps-list';
import { useStationGaps } from '../../lib/station-gaps';
import type { Station } from '../../lib/stations';

export function StationGapsCard({ stations }: { stations: Station[] }) {
  const [params] = useSearchParams();
  const asked = params.get('gaps');
  const [chosen, setChosen] = useState<string>();
  const stationId = chosen ?? stations.find((s) => s.id === asked)?.id ?? stations[0]?.id;
  const gaps = useStationGaps(stationId);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asked) ref.current?.scrollIntoView?.({ block: 'start' });
  }, [asked]);
  if (!stationId) return null;
  const items = gaps.data?.items ?? [];
  const behind = items.filter((i) => i.pace?.behind).length;

  return (
    <div ref={ref} id="station-gaps">
      <Panel
        className="card-gap"
        title={
          <span className="panel-title-line">
            <ExclamationCircleOutlined aria-hidden style={{ color: '#fa8c16' }} />
            <span style={{ whiteSpace: 'nowrap' }}>待补事项</span>
            {gaps.data && (
              <span style={{ color: 'rgba(0,0,0,0.45)', fontWeight: 400 }}>
                共 {items.length} 项 · 项目期已过 {gaps.data.elapsedPercent}%
              </span>
            )}
          </span>
        }
        extra={
          <Space size={8}>
            {behind > 0 && <Tag color="red">落后进度 {behind} 项</Tag>}
            {stations.length > 1 && (
              <ChoiceSelect
                label="选择工作站点"
                size="small"
                width={220}
                value={stationId}
                onChange={setChosen}
                options={stations.map((s) => ({ value: s.id, label: `${s.name}（${s.programYear}）` }))}
              />
            )}
          </Space>
        }
      >
        {gaps.isPending ? (
          <Skeleton active title={false} paragraph={{ rows: 2 }} />
        ) : gaps.isError ? (
          <Space>
            <span style={{ color: 'rgba(0,0,0,0.55)' }}>待补事项暂时无法加载。</span>
            <Button size="small" onClick={() => gaps.refetch()}>
              重试
            </Button>
          </Space>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ margin: '8px 0' }} description="目前没有待补事项" />
        ) : (
          <>
            <div style={{ color: 'rgba(0,0,0,0.55)', marginBottom: 4 }}>
              “{gaps.data.stationName}”按台账记录计算，执行期 {gaps.data.periodStart} 至 {gaps.data.periodEnd}
              ；指标按项目期已过的比例估算此时应完成的数量（向上取整）。
            </div>
            <StationGapsList items={items} />
          </>
        )}
      </Panel>
    </div>
  );
}
