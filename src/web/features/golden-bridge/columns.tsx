import { Button, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import type { GoldenBridgeCandidateDto } from '../../../shared/schemas/golden-bridge';
import { statusColor } from './candidate-details';

type Candidate = GoldenBridgeCandidateDto;

export function candidateColumns(opts: {
  canReview: boolean;
  onReview: (c: Candidate) => void;
}): TableColumnsType<Candidate> {
  // A sortable column's key is its sort key on the server (GOLDEN_BRIDGE_SORT_KEYS).
  return [
    { title: '年度', dataIndex: 'programYear', key: 'year', sorter: true, width: 80 },
    {
      title: '工作站点',
      dataIndex: 'stationName',
      key: 'station',
      sorter: true,
      width: 220,
      render: (n: string, c) => <Link to={`/stations/${c.stationId}/ledger/outcomes`}>{n}</Link>,
    },
    { title: '成果名称', dataIndex: 'title', key: 'title', sorter: true, ellipsis: { showTitle: true } },
    { title: '落地日期', dataIndex: 'date', key: 'date', sorter: true, width: 120 },
    {
      title: '企业',
      dataIndex: 'enterpriseName',
      key: 'enterprise',
      sorter: true,
      width: 200,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: '中心审核',
      key: 'status',
      sorter: true,
      width: 110,
      render: (_, c) => <Tag color={statusColor(c)}>{c.statusLabel}</Tag>,
    },
    { title: '审核意见', dataIndex: 'comment', width: 200, ellipsis: { showTitle: true }, render: (v) => v ?? '' },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_: unknown, c: Candidate) => (
        <Button type="link" size="small" onClick={() => opts.onReview(c)}>
          {opts.canReview ? (c.recommended === null ? '审核' : '修改审核') : '详情'}
        </Button>
      ),
    },
  ];
}
