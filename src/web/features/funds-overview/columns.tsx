// The columns of 站点经费执行 (第十五条): the grant, paid and spent, the execution rate against the time passed, the
// matching funds apart (第十四条), and the warning as a tag whose tooltip carries the whole sentence.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Progress, type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { formatPercent } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import type { StationExecutionDto } from './api';
import { isBehind, progressValue } from './format';

const muted = { color: 'rgba(0,0,0,0.45)', fontSize: 12 };
const num = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };

export function executionColumns(districtName: (code: string | null) => string | null) {
  const columns: TableColumnsType<StationExecutionDto> = [
    {
      title: '站点',
      dataIndex: 'name',
      render: (name: string, s) => {
        const district = districtName(s.districtCode);
        return (
          <>
            <Link to={`/stations/${encodeURIComponent(s.stationId)}/funds`}>{name}</Link>
            {district && <div style={muted}>{district}</div>}
          </>
        );
      },
    },
    {
      title: '类型',
      dataIndex: 'type',
      width: 148,
      render: (t: string) => STATION_TYPE_LABELS[t] ?? t,
    },
    {
      title: '资助经费',
      dataIndex: 'grantedFen',
      align: 'right',
      width: 112,
      render: (v: number, s) => (
        <>
          <span style={num}>{formatMoney(v)}</span>
          {!s.hasBudget && (
            <div style={muted} title="尚无项目合作协议或导入的经费预算，按年度资助标准计">
              按资助标准
            </div>
          )}
        </>
      ),
    },
    {
      title: '已拨付',
      dataIndex: 'paidFen',
      align: 'right',
      width: 104,
      render: (v: number) => <span style={num}>{formatMoney(v)}</span>,
    },
    {
      title: '已支出',
      dataIndex: 'spentGrantFen',
      align: 'right',
      width: 104,
      render: (v: number) => <span style={num}>{formatMoney(v)}</span>,
    },
    {
      title: '执行率',
      dataIndex: 'executionRate',
      width: 116,
      render: (v: number, s) => (
        <Progress
          size="small"
          percent={progressValue(v)}
          format={() => formatPercent(v)}
          status={isBehind(v, s.timeElapsed) ? 'exception' : 'normal'}
          aria-label={`执行率 ${formatPercent(v)}`}
        />
      ),
    },
    {
      title: '时间进度',
      dataIndex: 'timeElapsed',
      align: 'right',
      width: 96,
      render: (v: number, s) => (
        <>
          <span style={num}>{formatPercent(v)}</span>
          <div style={{ ...muted, whiteSpace: 'nowrap' }}>至 {s.periodEnd}</div>
        </>
      ),
    },
    {
      title: '配套经费支出',
      dataIndex: 'matchingSpentFen',
      align: 'right',
      width: 112,
      render: (v: number) => <span style={num}>{formatMoney(v)}</span>,
    },
    {
      title: '提示',
      dataIndex: 'warning',
      width: 104,
      render: (w: string | null) =>
        w ? (
          <Tooltip title={w}>
            <Tag color="orange" icon={<ExclamationCircleOutlined aria-hidden />} tabIndex={0} aria-label={w}>
              第十五条
            </Tag>
          </Tooltip>
        ) : (
          <span style={muted}>—</span>
        ),
    },
  ];
  return columns;
}

/** The fixed columns (896 px) and room for a station name: the table scrolls sideways below this width. */
export const EXECUTION_TABLE_MIN_WIDTH = 1120;
