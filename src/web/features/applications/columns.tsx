import { type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { formatInstant } from '../../lib/format';
import { typeColor } from '../../lib/stations';
import type { ApplicationSummary } from './api';
import { STATUS_COLORS } from './application-helpers';

export function StatusTag({ a }: { a: Pick<ApplicationSummary, 'status' | 'statusLabel'> }) {
  return <Tag color={STATUS_COLORS[a.status]}>{a.statusLabel}</Tag>;
}

export function ScoreCell({ a }: { a: Pick<ApplicationSummary, 'averageScore' | 'scoredCount'> }) {
  if (a.averageScore === null) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>未评分</span>;
  return (
    <Tooltip title={`${a.scoredCount} 位专家已评分（回避的专家不计）`}>
      <strong>{a.averageScore.toFixed(1)}</strong>
      <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 4 }}>（{a.scoredCount} 人）</span>
    </Tooltip>
  );
}

export function applicationColumns(opts: {
  districtName: (code: string | null) => string;
  showHost: boolean;
  showScore: boolean;
}): TableColumnsType<ApplicationSummary> {
  const cols: TableColumnsType<ApplicationSummary> = [
    { title: '年度', dataIndex: 'programYear', width: 64 },
    {
      title: '站点名称',
      dataIndex: 'stationName',
      ellipsis: true,
      render: (name: string, a) => <Link to={`/applications/${a.id}`}>{name || '（未命名申报书）'}</Link>,
    },
    {
      title: '站点类型',
      dataIndex: 'stationTypeLabel',
      width: 150,
      render: (v: string, a) => <Tag color={typeColor[a.stationType]}>{v}</Tag>,
    },
    {
      title: '所在区',
      dataIndex: 'districtCode',
      key: 'district',
      sorter: true,
      width: 92,
      render: (c: string | null) => opts.districtName(c),
    },
  ];
  if (opts.showHost) cols.push({ title: '依托单位', dataIndex: 'hostName', key: 'host', sorter: true, ellipsis: true });
  cols.push(
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      width: 98,
      render: (_: unknown, a) => <StatusTag a={a} />,
    },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      sorter: true,
      width: 160,
      render: (v: string | null) => (v ? formatInstant(v).slice(0, 16) : '—'),
    },
  );
  if (opts.showScore)
    cols.push({ title: '平均分', key: 'score', width: 120, align: 'right', render: (_, a) => <ScoreCell a={a} /> });
  cols.push({
    title: '最近修改',
    dataIndex: 'updatedAt',
    key: 'updatedAt',
    sorter: true,
    width: 160,
    render: (v: string) => formatInstant(v).slice(0, 16),
  });
  return cols;
}
