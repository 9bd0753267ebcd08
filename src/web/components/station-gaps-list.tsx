// The items of 待补事项 (src/domain/gaps), each with its count, the sentence, the article it rests on and a link to the
// list where it is fixed. Shared by the host's home card and the year-end submission's confirmation.
import { RightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router';
import type { GapItem } from '../lib/station-gaps';

const KIND_LABELS: Record<GapItem['kind'], string> = {
  kpi: '指标',
  evidence: '佐证',
  report_words: '字数',
  voucher: '凭证',
  outside_period: '日期',
};

export function StationGapsList({ items, compact = false }: { items: GapItem[]; compact?: boolean }) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="待补事项">
      {items.map((g, i) => (
        <li
          key={g.key}
          style={{
            display: 'flex',
            alignItems: 'baseline',
            gap: 8,
            padding: compact ? '2px 0' : '6px 0',
            borderBottom: compact || i === items.length - 1 ? undefined : '1px solid #f0f0f0',
          }}
        >
          {!compact && (
            <Tag color={g.pace?.behind ? 'red' : g.kind === 'kpi' ? 'orange' : 'default'} style={{ flex: 'none' }}>
              {KIND_LABELS[g.kind]}
            </Tag>
          )}
          <span style={{ flex: 1, minWidth: 0 }}>
            {g.sentence}
            {!compact && (
              <Link
                to={g.link}
                aria-label={`去处理：${g.sentence}`}
                style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }}
              >
                去处理 <RightOutlined aria-hidden style={{ fontSize: 10 }} />
              </Link>
            )}
          </span>
          <Tag style={{ marginInlineEnd: 0, flex: 'none' }}>{g.article}</Tag>
        </li>
      ))}
    </ul>
  );
}
