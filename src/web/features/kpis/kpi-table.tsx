import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Progress, type TableColumnsType, Tag, Tooltip } from 'antd';
import { formatKpiValue } from '../../lib/format';
import type { KpiRowDto } from './api';
import { PACE_STATUS, progressPercent } from './format';

function paceNote(k: KpiRowDto): string {
  const s = PACE_STATUS[k.pace.status];
  if (k.pace.projected !== null) return `${s.hint}（预计期末 ${formatKpiValue(k.pace.projected, k.measure, k.unit)}）`;
  return s.hint;
}

/** The columns of one station's KPI table (第七条、第八条 targets against the ledger). */
export function kpiColumns(onDrill: (k: KpiRowDto) => void): TableColumnsType<KpiRowDto> {
  return [
    {
      title: '指标',
      dataIndex: 'name',
      render: (name: string, k) => (
        <Tooltip title={`统计口径：${k.countingRule}`}>
          <span style={{ cursor: 'help' }}>
            {name} <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.35)', fontSize: 12 }} aria-label="统计口径" />
          </span>
        </Tooltip>
      ),
    },
    { title: '依据', dataIndex: 'article', width: 90, render: (a: string) => <Tag>{a}</Tag> },
    {
      title: '目标',
      dataIndex: 'target',
      width: 100,
      align: 'right',
      render: (v: number, k) => formatKpiValue(v, k.measure, k.unit),
    },
    {
      title: '实际',
      dataIndex: 'actual',
      width: 110,
      align: 'right',
      render: (v: number, k) => <strong>{formatKpiValue(v, k.measure, k.unit)}</strong>,
    },
    {
      title: '完成进度',
      key: 'progress',
      width: 170,
      render: (_, k) => (
        <Progress
          percent={progressPercent(k.actual, k.target)}
          size="small"
          strokeColor={PACE_STATUS[k.pace.status].bar}
          format={(p) => `${Math.floor(p ?? 0)}%`}
          status="normal"
          aria-label={`${k.name}完成进度`}
        />
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, k) => (
        <Tooltip title={paceNote(k)}>
          <Tag color={PACE_STATUS[k.pace.status].tag}>{PACE_STATUS[k.pace.status].label}</Tag>
        </Tooltip>
      ),
    },
    {
      title: '明细',
      key: 'drill',
      width: 72,
      render: (_, k) => (
        <Button type="link" size="small" onClick={() => onDrill(k)} aria-label={`查看“${k.name}”的明细`}>
          明细
        </Button>
      ),
    },
  ];
}
