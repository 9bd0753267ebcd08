// The columns of 问题清单 and 追回经费 (监督检查 for the Center, 整改与追回 for the others): every inspection's findings and orders in one list, the
// station linking to its supervision page (where its host answers), overdue ones marked beside their due date.
import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/money';
import type { FindingOverview, RecoveryOrder } from './api';
import { findingOverdueHint, OverdueTag, orderOverdueHint } from './columns';
import { findingStatusColor, recoveryStatusColor } from './labels';

const stationLink = (name: string, r: { stationId: string }) => (
  <Link to={`/stations/${r.stationId}/supervision`}>{name}</Link>
);

/** `inspections`: the reader has the 监督检查 pages, so an inspection's title opens it. */
export const findingOverviewColumns = ({
  inspections,
}: {
  inspections: boolean;
}): TableColumnsType<FindingOverview> => [
  { title: '工作站点', key: 'station', dataIndex: 'stationName', width: 200, render: stationLink },
  { title: '所在区', dataIndex: 'districtName', width: 90, render: (d: string | null) => d ?? '—' },
  {
    title: '检查',
    dataIndex: 'inspectionTitle',
    width: 170,
    ellipsis: true,
    render: (t: string, f) => (inspections ? <Link to={`/inspections/${f.inspectionId}`}>{t}</Link> : t),
  },
  {
    title: '类型',
    dataIndex: 'kindLabel',
    width: 96,
    render: (v: string, f) => <Tag color={f.kind === 'violation' ? 'red' : 'blue'}>{v}</Tag>,
  },
  {
    title: '问题',
    dataIndex: 'description',
    render: (d: string, f) => (
      <>
        <div style={{ whiteSpace: 'pre-wrap' }}>{d}</div>
        {f.groundLabel && <Typography.Text type="secondary">{f.groundLabel}</Typography.Text>}
      </>
    ),
  },
  {
    title: '整改期限',
    dataIndex: 'dueOn',
    width: 170,
    render: (d: string | null, f) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        {d ?? '—'}
        {f.overdue && <OverdueTag hint={findingOverdueHint(f, f.article)} />}
      </span>
    ),
  },
  {
    title: '状态',
    dataIndex: 'statusLabel',
    width: 110,
    render: (v: string, f) => <Tag color={findingStatusColor[f.status]}>{v}</Tag>,
  },
];

const money = (fen: number) => formatMoney(fen);

export const recoveryOverviewColumns: TableColumnsType<RecoveryOrder> = [
  { title: '工作站点', key: 'station', dataIndex: 'stationName', width: 180, render: stationLink },
  {
    title: '情形',
    dataIndex: 'groundLabel',
    ellipsis: { showTitle: false },
    render: (g: string) => <Tooltip title={g}>{g}</Tooltip>,
  },
  { title: '追回金额', dataIndex: 'amountFen', width: 120, align: 'right', render: money },
  { title: '已退回', dataIndex: 'paidFen', width: 120, align: 'right', render: money },
  {
    title: '尚欠',
    dataIndex: 'owedFen',
    width: 120,
    align: 'right',
    render: (fen: number, o) => <Typography.Text type={o.overdue ? 'danger' : undefined}>{money(fen)}</Typography.Text>,
  },
  {
    title: '退回期限',
    dataIndex: 'dueOn',
    width: 170,
    render: (d: string, o) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        {d}
        {o.overdue && <OverdueTag hint={orderOverdueHint(o)} />}
      </span>
    ),
  },
  { title: '责任人', dataIndex: 'responsiblePerson', width: 90, ellipsis: true },
  {
    title: '状态',
    dataIndex: 'statusLabel',
    width: 110,
    render: (v: string, o) => (
      <Tooltip title={o.closingNote ? `结案意见：${o.closingNote}` : undefined}>
        <Tag color={recoveryStatusColor[o.status]}>{v}</Tag>
      </Tooltip>
    ),
  },
];
