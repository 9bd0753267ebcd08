// 对接推荐 (issue #15, 第七条、第八条): a demand's suggested experts and achievements with why, accepted in two clicks
// (采纳 → 确定); the reverse for an expert or an achievement; the dockings other stations made with this station's.
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { matchingApi } from '../../../shared/api/matching';
import { INDUSTRY_LABELS } from '../../../shared/labels';
import type { MatchSuggestionDto, MatchTargetKind } from '../../../shared/schemas/matching';
import { ApiError, call } from '../../lib/api';

export type MatchSuggestion = MatchSuggestionDto;

const KIND_TAG: Record<MatchTargetKind, { label: string; color: string }> = {
  expert: { label: '专家', color: 'blue' },
  achievement: { label: '成果', color: 'green' },
};

/** The top suggestions of a page's open demands, in one request. */
export function useDemandSuggestions(stationId: string, demandIds: string[]) {
  const ids = [...demandIds].sort().join(',');
  return useQuery({
    queryKey: ['ledger', stationId, 'matching', 'page', ids],
    queryFn: ids
      ? () => call(matchingApi.demandSuggestions, { params: { id: stationId }, query: { ids, limit: 3 } })
      : skipToken,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

function useAcceptMatch(stationId: string) {
  const qc = useQueryClient();
  const invalidate = () => {
    qc.invalidateQueries({ queryKey: ['ledger', stationId] });
    qc.invalidateQueries({ queryKey: ['kpis'] });
  };
  return useMutation({
    mutationFn: (v: { demandId: string; version: number; kind: MatchTargetKind; targetId: string }) =>
      call(
        matchingApi.acceptMatch,
        {
          params: { id: stationId, recordId: v.demandId },
          body: { kind: v.kind, targetId: v.targetId, version: v.version },
        },
        { quiet: true },
      ),
    onSettled: invalidate,
  });
}

export interface SuggestionsProps {
  stationId: string;
  demand: { id: string; version: number; title: string };
  /** undefined while they load */
  suggestions: MatchSuggestion[] | undefined;
  /** the host may accept; others read */
  canAccept: boolean;
  /** full reasons and excerpts (the dialog); the list's cell shows names and the first reasons */
  detailed?: boolean;
}

/** Suggestions with their reasons; 采纳 asks once, then takes the demand to 已匹配 (第七条). */
export function Suggestions({ stationId, demand, suggestions, canAccept, detailed }: SuggestionsProps) {
  const accept = useAcceptMatch(stationId);
  const { message } = App.useApp();
  if (!suggestions) return <span className="text-secondary">正在计算推荐…</span>;
  if (!suggestions.length) return <span className="text-secondary">暂无推荐（可补充需求描述）</span>;
  return (
    <div className="match-suggestions" style={{ display: 'grid', gap: 6, minWidth: 0 }}>
      {suggestions.map((s) => (
        <div key={`${s.kind}:${s.id}`} style={{ minWidth: 0 }}>
          <Space size={4} wrap style={{ rowGap: 0 }}>
            <Tag color={KIND_TAG[s.kind].color} style={{ marginInlineEnd: 0 }}>
              {KIND_TAG[s.kind].label}
            </Tag>
            <strong>{s.name}</strong>
            {/* the same title may come from two universities: the university or employer tells them apart */}
            {!detailed && s.detail && (
              <span className="text-secondary" style={{ fontSize: 12 }}>
                {s.detail}
              </span>
            )}
            <span className="text-secondary">相关度 {s.score}</span>
            {canAccept && (
              <Popconfirm
                title="采纳推荐"
                description={`需求“${demand.title}”将转为已匹配，匹配对象：${s.name}（${s.stationName}），匹配日期为今天（第七条）。`}
                okText="确定"
                cancelText="取消"
                onConfirm={() =>
                  accept
                    .mutateAsync({ demandId: demand.id, version: demand.version, kind: s.kind, targetId: s.id })
                    .then(
                      () => message.success(`已采纳：${s.name}`),
                      (e: unknown) => message.error(e instanceof ApiError ? e.message : '采纳失败，请重试'),
                    )
                }
              >
                <Button type="link" size="small" aria-label={`采纳 ${s.name}`} style={{ padding: 0, height: 'auto' }}>
                  采纳
                </Button>
              </Popconfirm>
            )}
          </Space>
          <p className="text-secondary" style={{ margin: 0, fontSize: 12 }}>
            {(detailed ? s.reasons : s.reasons.slice(0, 2)).join('；')}
          </p>
          {detailed && (
            <p style={{ margin: 0, fontSize: 12 }}>
              {[s.detail, s.industry ? INDUSTRY_LABELS[s.industry] : null].filter(Boolean).join(' · ')}
              {s.excerpt ? `：${s.excerpt}` : ''}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}

/** Other stations' demands matched with this station's experts or achievements (推介, 第八条). */
export function useDockings(stationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ledger', stationId, 'matching', 'dockings'],
    queryFn: () => call(matchingApi.dockings, { params: { id: stationId } }),
    enabled,
  });
}

export function DockingsPanel({ stationId, kind }: { stationId: string; kind: MatchTargetKind }) {
  const q = useDockings(stationId, true);
  const items = (q.data?.items ?? []).filter((d) => d.targetKind === kind);
  if (!items.length) return null;
  return (
    <div className="dockings" role="region" aria-label="其他站点采纳的对接" style={{ marginBottom: 12 }}>
      <strong>
        其他站点采纳的对接（{kind === 'achievement' ? '成果推介' : '专家对接'}）：{items.length} 项
      </strong>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {items.slice(0, 20).map((d) => (
          <li key={d.demandId}>
            {d.targetName} → {d.stationName}“{d.demandTitle}”{d.enterpriseName ? `（${d.enterpriseName}）` : ''}
            {d.matchedOn ? `，${d.matchedOn} 匹配` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
