// The dialogs of 对接推荐 (issue #15, 第七条、第八条): a demand's full list of suggestions, and the demands an expert or an
// achievement could serve. Apart from matching.tsx so that they load when opened, not with every ledger page.
import { useQuery } from '@tanstack/react-query';
import { Empty, List, Modal, Space, Spin, Typography } from 'antd';
import { matchingApi } from '../../../shared/api/matching';
import type { DemandMatchDto, MatchTargetKind } from '../../../shared/schemas/matching';
import { call } from '../../lib/api';
import { Suggestions } from './matching';

/** A demand's full list of suggestions (up to ten), with the profiles they come from. */
export function DemandMatchesModal({
  stationId,
  demand,
  canAccept,
  onClose,
}: {
  stationId: string;
  demand: { id: string; version: number; title: string };
  canAccept: boolean;
  onClose: () => void;
}) {
  const q = useQuery({
    queryKey: ['ledger', stationId, 'matching', 'demand', demand.id],
    queryFn: () => call(matchingApi.demandMatches, { params: { id: stationId, recordId: demand.id } }),
  });
  return (
    <Modal open title={`对接推荐：${demand.title}`} footer={null} onCancel={onClose} width={720}>
      <Typography.Paragraph type="secondary">
        按需求描述与专家专业领域、成果简介的关键词相关度排序，同行业、同区和已有对接经历加分（第七条、第八条）。
        {q.data ? `本年度可对接的专家和成果共 ${q.data.poolSize} 项。` : ''}
      </Typography.Paragraph>
      {q.isLoading ? (
        <Spin />
      ) : q.data?.items.length ? (
        <Suggestions stationId={stationId} demand={demand} suggestions={q.data.items} canAccept={canAccept} detailed />
      ) : (
        <Empty description="暂无推荐：请补充需求描述，或登记专家的专业领域、成果简介" />
      )}
    </Modal>
  );
}

/** The reverse: open demands an expert or an achievement of this station could serve. */
export function TargetDemandsModal({
  stationId,
  kind,
  record,
  onClose,
}: {
  stationId: string;
  kind: MatchTargetKind;
  record: { id: string; name: string };
  onClose: () => void;
}) {
  const endpoint = kind === 'expert' ? matchingApi.expertDemandMatches : matchingApi.achievementDemandMatches;
  const q = useQuery({
    queryKey: ['ledger', stationId, 'matching', kind, record.id],
    queryFn: () => call(endpoint, { params: { id: stationId, recordId: record.id } }),
  });
  return (
    <Modal open title={`可服务的企业需求：${record.name}`} footer={null} onCancel={onClose} width={720}>
      <Typography.Paragraph type="secondary">
        本年度尚未匹配（已征集）的需求，按相关度排序；由需求所在站点采纳后成为对接（第七条、第八条）。
      </Typography.Paragraph>
      <List<DemandMatchDto>
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '暂无相关的未匹配需求' }}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <span>{d.title}</span>
                  <Typography.Text type="secondary">相关度 {d.score}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div>
                    {d.stationName} · {d.enterpriseName ?? '（未登记企业）'} · 征集于 {d.collectedOn}
                  </div>
                  <div style={{ fontSize: 12 }}>{d.reasons.join('；')}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
