import { type TableColumnsType, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { MatrixColumn, MatrixRow } from './api';
import { ATTAINMENT_STYLE, cellLevel, formatCell } from './format';

const headStyle: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  whiteSpace: 'normal',
  fontSize: 12,
  lineHeight: 1.35,
  fontWeight: 600,
};
const cellStyle: CSSProperties = { textAlign: 'center', fontSize: 12, fontVariantNumeric: 'tabular-nums' };
const unitOf = (c: MatrixColumn) => (c.measure === 'share' ? '比例' : c.unit);

export const KPI_COLUMN_WIDTH = 92;
export const FIXED_COLUMNS_WIDTH = 220 + 84 + 76;

/** The station × KPI matrix: one row per station, one narrow column per KPI, cells coloured by attainment. */
export function matrixColumns(cols: MatrixColumn[]): TableColumnsType<MatrixRow> {
  return [
    {
      title: '工作站点',
      dataIndex: 'name',
      fixed: 'left',
      width: 220,
      ellipsis: { showTitle: false },
      render: (name: string, r) => (
        <Tooltip title={`${name}（依托单位：${r.hostName}）`} placement="topLeft">
          <Link to={`/stations/${r.stationId}/kpis`}>{name}</Link>
        </Tooltip>
      ),
    },
    {
      title: '所在区',
      dataIndex: 'districtName',
      width: 84,
      render: (v: string | null, r) => v ?? (r.type === 'iur' ? '产学研' : (r.districtCode ?? '—')),
    },
    {
      title: '达标项',
      key: 'met',
      width: 76,
      align: 'center',
      sorter: (a, b) => a.metCount / (a.kpiCount || 1) - b.metCount / (b.kpiCount || 1),
      render: (_, r) => (
        <span style={{ fontWeight: 600, color: r.metCount === r.kpiCount ? '#389e0d' : undefined }}>
          {r.metCount}/{r.kpiCount}
        </span>
      ),
    },
    ...cols.map((c): TableColumnsType<MatrixRow>[number] => ({
      key: c.id,
      width: KPI_COLUMN_WIDTH,
      title: (
        <Tooltip title={`${c.name}${c.unit ? `（${c.unit}）` : ''}，显示为 实际/目标`}>
          <div style={headStyle}>{c.name}</div>
          {unitOf(c) && <div style={{ fontSize: 11, fontWeight: 400, color: 'rgba(0,0,0,0.45)' }}>{unitOf(c)}</div>}
        </Tooltip>
      ),
      onCell: (r) => {
        const k = r.kpis[c.id];
        if (!k) return { style: { ...cellStyle, color: 'rgba(0,0,0,0.3)' }, title: '该类型站点不考核此项' };
        const s = ATTAINMENT_STYLE[cellLevel(k)];
        return {
          style: { ...cellStyle, background: s.background, color: s.color },
          title: `${c.name}：实际 ${formatCell(k.actual, c.measure)}，目标 ${formatCell(k.target, c.measure)}`,
        };
      },
      render: (_, r) => {
        const k = r.kpis[c.id];
        return k ? `${formatCell(k.actual, c.measure)}/${formatCell(k.target, c.measure)}` : '—';
      },
    })),
  ];
}
