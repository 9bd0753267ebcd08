import { Tag, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { MatrixColumn, MatrixRow } from './api';
import { drillPath, formatCell, PACE_STATUS, shortfallNote, shortfallText, worstFirst } from './format';
import type { MatrixTableColumn as Column } from './matrix-table';

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
const cellStyle: CSSProperties = { textAlign: 'center', fontSize: 12, fontVariantNumeric: 'tabular-nums', padding: 0 };
const linkStyle: CSSProperties = { display: 'block', padding: '6px 4px', color: 'inherit' };
const muted = { color: 'rgba(0,0,0,0.55)' };
const unitOf = (c: MatrixColumn) => (c.measure === 'share' ? '比例' : c.unit);
const byName = (a: MatrixRow, b: MatrixRow) => a.name.localeCompare(b.name, 'zh-CN');
const attainment = (r: MatrixRow) => r.metCount / (r.kpiCount || 1);
const districtOf = (r: MatrixRow) => r.districtName ?? (r.type === 'iur' ? '产学研' : (r.districtCode ?? '—'));

const KPI_COLUMN_WIDTH = 92;
const NAME_WIDTH = 190;
const SHORTFALL_WIDTH = 210;

/** The KPI's measure, for formatting a shortfall the row names only by id. */
export type MeasureOf = (kpiId: string) => string;

/** 主要短板: the KPI furthest behind, linked to its drill-down, and how many KPIs are behind. */
function ShortfallCell({ row, measureOf }: { row: MatrixRow; measureOf: MeasureOf }) {
  const s = row.mainShortfall;
  if (!s) return <span style={muted}>—</span>;
  const measure = measureOf(s.kpiId);
  const text = shortfallText(s, measure);
  return (
    <div style={{ whiteSpace: 'normal', lineHeight: 1.4 }}>
      <Tooltip title={shortfallNote(s, { measure, elapsed: row.elapsed })}>
        <Link to={drillPath({ stationId: row.stationId, kpiId: s.kpiId, met: false })} aria-label={`主要短板：${text}`}>
          {text}
        </Link>
      </Tooltip>{' '}
      {row.behindCount > 0 && (
        <Tag color={PACE_STATUS[s.status].tag} style={{ marginInlineEnd: 0 }}>
          {row.behindCount} 项落后
        </Tag>
      )}
    </div>
  );
}

function stationColumn(): Column<MatrixRow> {
  return {
    title: '工作站点',
    dataIndex: 'name',
    fixed: 'left',
    width: NAME_WIDTH,
    sorter: byName,
    render: (name: string, r) => (
      <Tooltip title={`${name}（依托单位：${r.hostName}）`} placement="topLeft">
        <Link to={`/stations/${r.stationId}/kpis`} style={{ whiteSpace: 'normal' }}>
          {name}
        </Link>
      </Tooltip>
    ),
  };
}

function shortfallColumn(measureOf: MeasureOf, fixed: boolean): Column<MatrixRow> {
  return {
    title: '主要短板',
    key: 'shortfall',
    fixed: fixed ? 'left' : undefined,
    width: SHORTFALL_WIDTH,
    // The worst first on the first click: that is the question the column answers.
    sortDirections: ['descend', 'ascend'],
    sorter: (a, b) => worstFirst(b, a),
    render: (_, r) => <ShortfallCell row={r} measureOf={measureOf} />,
  };
}

function metColumn(): Column<MatrixRow> {
  return {
    title: '达标项',
    key: 'met',
    width: 76,
    align: 'center',
    sorter: (a, b) => attainment(a) - attainment(b),
    render: (_, r) => (
      <span style={{ fontWeight: 600, color: r.metCount === r.kpiCount ? '#389e0d' : undefined }}>
        {r.metCount}/{r.kpiCount}
      </span>
    ),
  };
}

function kpiColumn(c: MatrixColumn): Column<MatrixRow> {
  return {
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
      if (!k) return { style: { ...cellStyle, color: 'rgba(0,0,0,0.45)' } };
      const s = PACE_STATUS[k.pace];
      return {
        style: { ...cellStyle, ...s.cell, fontWeight: k.behind ? 700 : undefined },
        title: `${c.name}：实际 ${formatCell(k.actual, c.measure)}，目标 ${formatCell(k.target, c.measure)}，${s.label}${k.behind ? '，落后于进度' : ''}`,
      };
    },
    render: (_, r) => {
      const k = r.kpis[c.id];
      if (!k) return '—';
      const text = `${formatCell(k.actual, c.measure)}/${formatCell(k.target, c.measure)}`;
      return (
        <Link
          to={drillPath({ stationId: r.stationId, kpiId: c.id, met: k.met })}
          style={linkStyle}
          aria-label={`${r.name} ${c.name} 明细：${text}，${PACE_STATUS[k.pace].label}${k.behind ? '，落后于进度' : ''}`}
        >
          {/* a marker beyond the colour, for those who cannot tell the tints apart */}
          {k.behind && <span aria-hidden="true">▼</span>}
          {text}
        </Link>
      );
    },
  };
}

/**
 * The station × KPI matrix of one station type: the station and its 主要短板 fixed at the left, then one narrow
 * column per KPI of that type, each cell coloured by the KPI's pace and opening that station's drill-down.
 */
export function matrixColumns({
  columns,
  measureOf,
}: {
  columns: MatrixColumn[];
  measureOf: MeasureOf;
}): Column<MatrixRow>[] {
  return [
    stationColumn(),
    shortfallColumn(measureOf, true),
    {
      title: '所在区',
      key: 'district',
      width: 80,
      sorter: (a, b) => districtOf(a).localeCompare(districtOf(b), 'zh-CN'),
      render: (_, r) => districtOf(r),
    },
    metColumn(),
    ...columns.map(kpiColumn),
  ];
}

/** On a phone a card per station: its name (to its KPI page), 主要短板 and 达标项. */
export function phoneColumns(measureOf: MeasureOf): Column<MatrixRow>[] {
  return [stationColumn(), shortfallColumn(measureOf, false), metColumn()];
}
