// 检查范围: the inspection's stations and, for each, the expenses drawn for examination (ref, date, amount, payee).
import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/money';
import type { Inspection } from './api';

interface Row {
  key: string;
  stationId: string;
  stationName: string;
  /** rows the station cell spans (0 for the station's later rows) */
  span: number;
  expense: Inspection['targets'][number]['expenses'][number] | null;
}

function rows(inspection: Inspection): Row[] {
  return inspection.targets.flatMap((t): Row[] =>
    t.expenses.length
      ? t.expenses.map((x, i) => ({
          key: `${t.stationId}:${x.id}`,
          stationId: t.stationId,
          stationName: t.stationName,
          span: i === 0 ? t.expenses.length : 0,
          expense: x,
        }))
      : [{ key: t.stationId, stationId: t.stationId, stationName: t.stationName, span: 1, expense: null }],
  );
}

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

const columns: TableColumnsType<Row> = [
  {
    title: '站点',
    dataIndex: 'stationName',
    width: 220,
    onCell: (r) => ({ rowSpan: r.span }),
    render: (name: string, r) => <Link to={`/stations/${r.stationId}/supervision`}>{name}</Link>,
  },
  {
    title: '抽查支出编号',
    key: 'ref',
    width: 150,
    onCell: (r) => ({ colSpan: r.expense ? 1 : 5 }),
    render: (_: unknown, r) => r.expense?.ref ?? muted('未抽查支出'),
  },
  {
    title: '日期',
    key: 'date',
    width: 110,
    onCell: (r) => ({ colSpan: r.expense ? 1 : 0 }),
    render: (_: unknown, r) => r.expense?.date,
  },
  {
    title: '金额',
    key: 'amount',
    width: 130,
    align: 'right',
    onCell: (r) => ({ colSpan: r.expense ? 1 : 0 }),
    render: (_: unknown, r) => (r.expense ? formatMoney(r.expense.amountFen) : null),
  },
  {
    title: '收款人',
    key: 'payee',
    width: 160,
    ellipsis: true,
    onCell: (r) => ({ colSpan: r.expense ? 1 : 0 }),
    render: (_: unknown, r) => r.expense?.payee,
  },
  {
    title: '用途',
    key: 'purpose',
    ellipsis: true,
    onCell: (r) => ({ colSpan: r.expense ? 1 : 0 }),
    render: (_: unknown, r) => r.expense?.purpose ?? '—',
  },
];

export function ScopeCard({ inspection }: { inspection: Inspection }) {
  const expenses = inspection.targets.reduce((n, t) => n + t.expenses.length, 0);
  return (
    <Card
      size="small"
      className="card-gap"
      title={`检查范围（${inspection.targets.length} 个站点${expenses ? `，抽查 ${expenses} 笔支出` : ''}）`}
    >
      {inspection.sampleNote && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          抽样：{inspection.sampleNote}
        </Typography.Paragraph>
      )}
      <Table<Row>
        size="small"
        aria-label="检查范围"
        bordered
        pagination={false}
        columns={columns}
        dataSource={rows(inspection)}
        scroll={{ x: 900 }}
        locale={{ emptyText: '本次检查没有站点' }}
      />
    </Card>
  );
}
