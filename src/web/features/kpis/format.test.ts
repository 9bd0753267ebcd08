import { describe, expect, it } from 'vitest';
import type { MatrixRow } from './api';
import { attainmentByDistrict, IUR_GROUP } from './charts';
import {
  attainmentLevel,
  drillPath,
  formatCell,
  PACE_LEGEND,
  PACE_STATUS,
  periodProgressLabel,
  progressPercent,
  type Shortfall,
  shortfallNote,
  shortfallText,
  worstFirst,
} from './format';

describe('KPI matrix cells', () => {
  it('show no unit, a share still as a percentage', () => {
    expect(formatCell(0.45, 'share')).toBe('45.0%');
    expect(formatCell(3000, 'words')).toBe('3,000');
  });
});

describe('progress and attainment', () => {
  it('caps the progress at 100 and treats a zero target as reached', () => {
    expect(progressPercent(5, 10)).toBe(50);
    expect(progressPercent(15, 10)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
    expect(progressPercent(1, 3)).toBe(33.3);
  });

  it.each([
    [1.2, 'met'],
    [1, 'met'],
    [0.99, 'near'],
    [0.6, 'near'],
    [0.59, 'low'],
    [0, 'low'],
  ])('ratio %s → %s', (r, level) => expect(attainmentLevel(r)).toBe(level));

  it('labels the period', () => {
    expect(periodProgressLabel(1)).toBe('项目期已结束');
    expect(periodProgressLabel(0)).toBe('项目期尚未开始');
    expect(periodProgressLabel(0.372)).toBe('项目期已过 37%');
    expect(periodProgressLabel(0.001)).toBe('项目期已过 1%');
  });
});

describe('one colour scale', () => {
  it('has a legend entry and a cell tint for every pace status', () => {
    expect([...PACE_LEGEND].sort()).toEqual(Object.keys(PACE_STATUS).sort());
    for (const s of Object.values(PACE_STATUS)) expect(s.cell.background).not.toBe(s.cell.color);
  });
});

describe('a cell opens its drill-down', () => {
  it('on the records that did not count when the KPI is unmet', () => {
    expect(drillPath({ stationId: 'x', kpiId: 'events', met: false })).toBe(
      '/stations/x/kpis?kpi=events&counted=false',
    );
    expect(drillPath({ stationId: 'x', kpiId: 'events', met: true })).toBe('/stations/x/kpis?kpi=events');
  });
});

describe('主要短板', () => {
  const events: Shortfall = {
    name: '举办活动',
    unit: '场',
    article: '第七条',
    actual: 1,
    target: 4,
    expected: 3,
    status: 'at_risk',
  };

  it('reads as actual/target with what the pace expects by now', () => {
    expect(shortfallText(events, 'count')).toBe('举办活动 1/4（应达 3）');
    expect(shortfallText({ ...events, expected: 4, status: 'not_met' }, 'count')).toBe('举办活动 1/4');
    const share = { ...events, name: '企业科协比例', unit: '', actual: 0.3, target: 0.4, expected: 0.4 };
    expect(shortfallText(share, 'share')).toBe('企业科协比例 30.0%/40.0%');
  });

  it('explains the period elapsed and the article', () => {
    expect(shortfallNote(events, { measure: 'count', elapsed: 0.5 })).toBe(
      '项目期已过 50%，按进度应完成 3 场，实际 1 场（第七条）',
    );
    expect(shortfallNote({ ...events, expected: 4, status: 'not_met' }, { measure: 'count', elapsed: 1 })).toBe(
      '项目期已结束，目标 4 场，实际 1 场，未达标（第七条）',
    );
  });

  it('ranks the stations worst first', () => {
    const r = (name: string, behindCount: number, actual = 0, expected = 1) => ({
      name,
      behindCount,
      mainShortfall: behindCount ? { actual, expected } : null,
    });
    const ranked = [r('甲', 0), r('乙', 2, 2, 3), r('丙', 2, 1, 3), r('丁', 5)].sort(worstFirst);
    expect(ranked.map((x) => x.name)).toEqual(['丁', '丙', '乙', '甲']);
  });
});

describe('attainment by district', () => {
  const row = (p: Partial<MatrixRow>): MatrixRow => ({
    stationId: 'x',
    name: 'x',
    type: 'district_a',
    districtCode: '110108',
    districtName: '海淀区',
    hostName: 'h',
    kpis: {},
    metCount: 0,
    kpiCount: 10,
    behindCount: 0,
    mainShortfall: null,
    elapsed: 0.5,
    ...p,
  });

  it('sums KPIs met per district and groups the 产学研 stations last', () => {
    const groups = attainmentByDistrict([
      row({ type: 'iur', districtCode: null, districtName: null, metCount: 5 }),
      row({ metCount: 10 }),
      row({ metCount: 5 }),
      row({ districtCode: '110105', districtName: '朝阳区', metCount: 2 }),
    ]);
    expect(groups).toEqual([
      { name: '朝阳区', stations: 1, met: 2, all: 10, attainment: 0.2 },
      { name: '海淀区', stations: 2, met: 15, all: 20, attainment: 0.75 },
      { name: IUR_GROUP, stations: 1, met: 5, all: 10, attainment: 0.5 },
    ]);
  });
});
