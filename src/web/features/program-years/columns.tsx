import type { TableColumnsType } from 'antd';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { YEAR_STATUS_LABELS } from '../../../shared/labels';
import { formatInstant } from '../../lib/format';
import type { ProgramYearSummary } from '../../lib/program-years';

export function YearStatusTag({ status }: { status: 'draft' | 'locked' }) {
  return <Tag color={status === 'locked' ? 'default' : 'processing'}>{YEAR_STATUS_LABELS[status]}</Tag>;
}

export const programYearColumns: TableColumnsType<ProgramYearSummary> = [
  { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => <Link to={`/program-years/${y}`}>{y}</Link> },
  { title: '标题', dataIndex: 'title', ellipsis: true },
  { title: '状态', dataIndex: 'status', width: 100, render: (s: 'draft' | 'locked') => <YearStatusTag status={s} /> },
  { title: '名额合计', dataIndex: 'quotaTotal', width: 100, align: 'right' },
  { title: '已设站点', dataIndex: 'stationCount', width: 100, align: 'right' },
  { title: '锁定时间', dataIndex: 'lockedAt', width: 180, render: (v: string | null) => formatInstant(v) },
  {
    title: '操作',
    key: 'actions',
    width: 90,
    fixed: 'right',
    render: (_, y) => <Link to={`/program-years/${y.year}`}>查看政策</Link>,
  },
];
