// The tables of findings and recovery orders, shared by the inspection page (the Center) and a station's page.
import { Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { INSPECTION_ARTICLE, VIOLATION_ARTICLE } from '../../../domain/supervision/supervision';
import { formatMoney } from '../../lib/money';
import type { Finding, RecoveryOrder } from './api';
import { findingStatusColor, recoveryStatusColor } from './labels';

/** 已逾期 beside a due date, its tooltip saying which deadline passed and under which article. */
export function OverdueTag({ hint }: { hint: string }) {
  return (
    <Tooltip title={hint}>
      <Tag color="red" style={{ marginInlineStart: 6 }}>
        已逾期
      </Tag>
    </Tooltip>
  );
}

export const findingOverdueHint = (f: Pick<Finding, 'dueOn'>, article: string) =>
  `已超过整改期限 ${f.dueOn ?? ''}，尚未办结（${article}）`;
export const orderOverdueHint = (o: Pick<RecoveryOrder, 'dueOn' | 'owedFen'>) =>
  `已超过退回期限 ${o.dueOn}，尚欠 ${formatMoney(o.owedFen)}（${VIOLATION_ARTICLE}）`;

export function findingColumns(opts: {
  /** the station page: which inspection, instead of which station */
  byInspection?: boolean;
  /** Center pages link the inspection */
  linkInspection?: boolean;
  actions?: (f: Finding) => ReactNode;
}): TableColumnsType<Finding> {
  const cols: TableColumnsType<Finding> = [
    opts.byInspection
      ? {
          title: '检查',
          dataIndex: 'inspectionTitle',
          width: 160,
          ellipsis: true,
          render: (t: string | undefined, f) =>
            opts.linkInspection ? <Link to={`/inspections/${f.inspectionId}`}>{t}</Link> : (t ?? '—'),
        }
      : { title: '站点', dataIndex: 'stationName', width: 150, ellipsis: true },
    {
      title: '类型',
      dataIndex: 'kindLabel',
      width: 90,
      render: (v: string, f) => <Tag color={f.kind === 'violation' ? 'red' : 'blue'}>{v}</Tag>,
    },
    {
      title: '问题',
      dataIndex: 'description',
      render: (d: string, f) => (
        <>
          <div style={{ whiteSpace: 'pre-wrap' }}>{d}</div>
          {f.expenseRef && <Typography.Text type="secondary">关联支出：{f.expenseRef}</Typography.Text>}
        </>
      ),
    },
    {
      title: '依据/期限',
      key: 'ground',
      width: 180,
      render: (_: unknown, f) =>
        f.kind === 'violation' ? (
          f.groundLabel
        ) : (
          <span>
            限 {f.dueOn ?? '—'} 前整改
            {f.overdue && <OverdueTag hint={findingOverdueHint(f, INSPECTION_ARTICLE)} />}
          </span>
        ),
    },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 110,
      render: (v: string, f) => <Tag color={findingStatusColor[f.status]}>{v}</Tag>,
    },
    {
      title: '整改反馈',
      dataIndex: 'response',
      width: 200,
      render: (r: string | null, f) => (
        <>
          <div style={{ whiteSpace: 'pre-wrap' }}>
            {r ?? <Typography.Text type="secondary">未反馈</Typography.Text>}
          </div>
          {f.closingNote && (
            <Typography.Text type="secondary">
              {f.status === 'closed' ? '办结意见' : '退回理由'}：{f.closingNote}
            </Typography.Text>
          )}
        </>
      ),
    },
  ];
  if (opts.actions)
    cols.push({ title: '操作', key: 'actions', width: 140, render: (_: unknown, f) => opts.actions?.(f) });
  return cols;
}

export function orderColumns(opts: { actions?: (o: RecoveryOrder) => ReactNode }): TableColumnsType<RecoveryOrder> {
  const cols: TableColumnsType<RecoveryOrder> = [
    { title: '站点', dataIndex: 'stationName', width: 150, ellipsis: true },
    {
      title: '情形',
      dataIndex: 'groundLabel',
      ellipsis: { showTitle: false },
      render: (g: string) => <Tooltip title={g}>{g}</Tooltip>,
    },
    { title: '金额', dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => formatMoney(f) },
    {
      title: '已退回',
      dataIndex: 'paidFen',
      width: 120,
      align: 'right',
      render: (f: number, o) => (
        <Tooltip
          title={
            o.payments.length
              ? o.payments
                  .map((p) => `${p.paidOn} ${formatMoney(p.amountFen)}${p.note ? `（${p.note}）` : ''}`)
                  .join('；')
              : '尚无退回记录'
          }
        >
          {formatMoney(f)}
        </Tooltip>
      ),
    },
    {
      title: '期限',
      dataIndex: 'dueOn',
      width: 140,
      render: (d: string, o) => (
        <span>
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
  if (opts.actions)
    cols.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, o) => <Space size={4}>{opts.actions?.(o)}</Space>,
    });
  return cols;
}
