// ECharts options of the 考核看板, built from the API's data by pure functions (ECharts itself loads lazily).

import { formatPercent } from '../../lib/format';
import type { ActivityMonth, MatrixRow } from './api';
import type { ChartOption } from './echart';
import { type AttainmentLevel, attainmentLevel } from './format';

export const IUR_GROUP = '产学研站点';
const IUR_KEY = 'iur';

export interface DistrictAttainment {
  name: string;
  stations: number;
  met: number;
  all: number;
  attainment: number;
}

/** KPIs met / KPIs applicable, per district; the 产学研合作站点 (no district) form one group at the end. */
export function attainmentByDistrict(rows: MatrixRow[]): DistrictAttainment[] {
  const groups = new Map<string, DistrictAttainment & { code: string }>();
  for (const r of rows) {
    const key = r.type === 'iur' || !r.districtCode ? IUR_KEY : r.districtCode;
    const name = key === IUR_KEY ? IUR_GROUP : (r.districtName ?? r.districtCode ?? '—');
    const g = groups.get(key) ?? { code: key, name, stations: 0, met: 0, all: 0, attainment: 0 };
    g.stations += 1;
    g.met += r.metCount;
    g.all += r.kpiCount;
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => Number(a.code === IUR_KEY) - Number(b.code === IUR_KEY) || (a.code < b.code ? -1 : 1))
    .map(({ code: _, ...g }) => ({ ...g, attainment: g.all ? g.met / g.all : 0 }));
}

const BAR_COLORS: Record<AttainmentLevel, string> = { met: '#52c41a', near: '#faad14', low: '#ff7875' };

export function districtChartOption(groups: DistrictAttainment[]): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (params as Array<{ dataIndex: number }>)[0];
        const g = groups[p.dataIndex];
        return `${g.name}<br/>指标达标率 <b>${formatPercent(g.attainment)}</b><br/>达标 ${g.met} / ${g.all} 项，站点 ${g.stations} 个`;
      },
    },
    xAxis: {
      type: 'category',
      data: groups.map((g) => g.name),
      axisLabel: { interval: 0, rotate: groups.length > 10 ? 40 : 0, fontSize: 12 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: '指标达标率',
        barMaxWidth: 28,
        data: groups.map((g) => ({
          value: Math.round(g.attainment * 1000) / 10,
          itemStyle: { color: BAR_COLORS[attainmentLevel(g.attainment)] },
        })),
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: unknown) => formatPercent(groups[(p as { dataIndex: number }).dataIndex].attainment),
        },
      },
    ],
  };
}

export function activityChartOption(months: ActivityMonth[]): ChartOption {
  const series = [
    { key: 'events', name: '活动（场）' },
    { key: 'contacts', name: '联系企业（次）' },
    { key: 'demands', name: '收集需求（项）' },
  ] as const;
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: months.map((m) => {
        const [y, mo] = m.month.split('-');
        return `${y}年${Number(mo)}月`;
      }),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'line' as const,
      name: s.name,
      symbolSize: 6,
      data: months.map((m) => m[s.key]),
    })),
  };
}
