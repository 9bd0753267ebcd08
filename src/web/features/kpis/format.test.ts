import { describe, expect, it } from 'vitest';
import type { MatrixRow } from './api';
import { attainmentByDistrict, IUR_GROUP } from './charts';
import { attainmentLevel, cellLevel, formatCell, periodProgressLabel, progressPercent } from './format';

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

  it('judges a cell by met, not by a rounded ratio', () => {
    expect(cellLevel({ met: false, ratio: 1 })).toBe('near');
    expect(cellLevel({ met: true, ratio: 1 })).toBe('met');
  });

  it('labels the period', () => {
    expect(periodProgressLabel(1)).toBe('项目期已结束');
    expect(periodProgressLabel(0)).toBe('项目期尚未开始');
    expect(periodProgressLabel(0.372)).toBe('项目期已过 37%');
    expect(periodProgressLabel(0.001)).toBe('项目期已过 1%');
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
