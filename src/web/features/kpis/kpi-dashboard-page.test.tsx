import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPage, signedIn, stubApi } from '../../lib/test-render';
import { screenWidth } from '../../lib/test-screen';
import type { MatrixDto, MatrixRow } from './api';
import KpiDashboardPage from './kpi-dashboard-page';

// ECharts cannot draw in happy-dom; the charts are checked in the browser tests.
vi.mock('./echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const IUR_ONLY = '征集并推介高校创新成果';
const cell = (p: Partial<NonNullable<MatrixRow['kpis']['events']>>) => ({
  actual: 4,
  target: 4,
  met: true,
  ratio: 1,
  pace: 'met' as const,
  behind: false,
  ...p,
});

const row = (p: Partial<MatrixRow>): MatrixRow => ({
  stationId: 'x',
  name: '海淀区产业特派员工作站',
  type: 'district_a',
  districtCode: '110108',
  districtName: '海淀区',
  hostName: '海淀区科协',
  kpis: {},
  metCount: 0,
  kpiCount: 2,
  behindCount: 0,
  mainShortfall: null,
  elapsed: 0.5,
  ...p,
});

const MATRIX: MatrixDto = {
  year: 2025,
  columns: [
    {
      id: 'events',
      name: '举办活动',
      unit: '场',
      measure: 'count',
      types: ['district_a', 'district_b', 'iur'],
      nameByType: { district_a: '举办活动', district_b: '举办活动', iur: '举办产学研活动' },
      unitByType: { district_a: '场', district_b: '场', iur: '场' },
    },
    {
      id: 'association_share',
      name: '企业科协比例',
      unit: '',
      measure: 'share',
      types: ['district_a', 'district_b'],
      nameByType: { district_a: '企业科协比例', district_b: '企业科协比例' },
      unitByType: { district_a: '', district_b: '' },
    },
    {
      id: 'achievements',
      name: IUR_ONLY,
      unit: '项',
      measure: 'count',
      types: ['iur'],
      nameByType: { iur: IUR_ONLY },
      unitByType: { iur: '项' },
    },
  ],
  rows: [
    // in the server's order (by district code): the worst station is not first
    row({
      stationId: 'y',
      name: '朝阳区工作站',
      districtCode: '110105',
      districtName: '朝阳区',
      kpis: { events: cell({}), association_share: cell({ actual: 0.5, target: 0.4, ratio: 1.25 }) },
      metCount: 2,
    }),
    row({
      kpis: {
        events: cell({ actual: 1, met: false, ratio: 0.25, pace: 'at_risk', behind: true }),
        association_share: cell({ actual: 0.3, target: 0.4, met: false, ratio: 0.75, pace: 'at_risk', behind: true }),
      },
      behindCount: 2,
      mainShortfall: {
        kpiId: 'events',
        name: '举办活动',
        unit: '场',
        article: '第七条',
        actual: 1,
        target: 4,
        expected: 3,
        status: 'at_risk',
      },
    }),
    row({
      stationId: 'z',
      name: '北京理工大学产学研合作站点',
      type: 'iur',
      districtCode: null,
      districtName: null,
      kpis: { achievements: cell({ actual: 10, target: 30, met: false, ratio: 0.33, pace: 'on_track' }) },
      kpiCount: 1,
    }),
  ],
  totals: [
    { type: 'district_a', typeLabel: '区工作站点（A类）', stations: 2, fullyMet: 1, attainment: 0.5, metByKpi: {} },
    { type: 'district_b', typeLabel: '区工作站点（B类）', stations: 0, fullyMet: 0, attainment: 0, metByKpi: {} },
    { type: 'iur', typeLabel: '产学研合作站点', stations: 1, fullyMet: 0, attainment: 0, metByKpi: {} },
  ],
};

function serve() {
  return stubApi({
    '/api/v1/program-years': {
      items: [
        {
          year: 2025,
          title: '2025',
          status: 'locked',
          lockedAt: null,
          stationCount: 3,
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          working: true,
          quotaTotal: 30,
        },
      ],
    },
    '/api/v1/districts': { items: [] },
    '/api/v1/kpi-matrix/activity': [],
    '/api/v1/kpi-matrix': MATRIX,
  });
}

const openAt = (at = '/kpi-dashboard') => renderPage(<KpiDashboardPage />, { at, me: signedIn('center_admin') });

describe('考核看板', () => {
  it('shows the A-type stations with only A columns, worst first, with the main shortfall', async () => {
    const api = serve();
    openAt();
    await screen.findByText('举办活动 1/4（应达 3）');
    const table = screen.getByRole('table', { name: '站点考核指标' });
    expect(api.urls()).toContain('/api/v1/kpi-matrix?year=2025');

    expect(screen.getByRole('tab', { name: '区工作站点（A类） 2 个' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: '产学研合作站点 1 个' })).toBeTruthy();
    // no station of type B: no tab of empty columns
    expect(screen.queryByRole('tab', { name: /B类/ })).toBeNull();

    expect(screen.getAllByText('举办活动').length).toBeGreaterThan(0);
    expect(screen.queryByText(IUR_ONLY)).toBeNull();
    expect(screen.queryByText('举办产学研活动')).toBeNull();
    expect(screen.queryByRole('link', { name: '北京理工大学产学研合作站点' })).toBeNull();

    const stations = within(table)
      .getAllByRole('link')
      .map((a) => a.textContent)
      .filter((t) => t?.endsWith('工作站'));
    expect(stations).toEqual(['海淀区产业特派员工作站', '朝阳区工作站']);
    expect(within(table).getByText('2 项落后')).toBeTruthy();

    const unmet = within(table).getByRole('link', { name: /^海淀区产业特派员工作站 举办活动 明细/ });
    expect(unmet.getAttribute('href')).toBe('/stations/x/kpis?kpi=events&counted=false');
    expect(unmet.textContent).toBe('▼1/4');
    const met = within(table).getByRole('link', { name: /^朝阳区工作站 举办活动 明细/ });
    expect(met.getAttribute('href')).toBe('/stations/y/kpis?kpi=events');
    expect(
      within(table).getByRole('link', { name: /^朝阳区工作站 企业科协比例 明细：50.0%\/40.0%，达标$/ }),
    ).toBeTruthy();

    const legend = screen.getByLabelText('图例');
    for (const label of ['达标', '有风险', '未达标', '进度正常']) expect(within(legend).getByText(label)).toBeTruthy();
    expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeTruthy();
  });

  it('sorts the matrix by a column’s header and back to worst first', async () => {
    serve();
    openAt();
    await screen.findByText('举办活动 1/4（应达 3）');
    const table = screen.getByRole('table', { name: '站点考核指标' });
    const order = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('link')[0].textContent);
    const WORST_FIRST = ['海淀区产业特派员工作站', '朝阳区工作站'];
    const REVERSED = ['朝阳区工作站', '海淀区产业特派员工作站'];
    expect(order()).toEqual(WORST_FIRST);
    // 所在区 in Chinese order: 朝 (cháo) before 海 (hǎi), then the other way, then the worst first again.
    const district = within(table).getByRole('columnheader', { name: /所在区/ });
    const sortBy = (h: HTMLElement) => fireEvent.click(within(h).getByRole('button'));
    expect(within(district).getByRole('button').title).toBe('点击升序');
    sortBy(district);
    expect(district.getAttribute('aria-sort')).toBe('ascending');
    expect(order()).toEqual(REVERSED);
    expect(within(district).getByRole('button').title).toBe('点击降序');
    sortBy(district);
    expect(district.getAttribute('aria-sort')).toBe('descending');
    expect(order()).toEqual(WORST_FIRST);
    expect(within(district).getByRole('button').title).toBe('取消排序');
    sortBy(district);
    expect(district.getAttribute('aria-sort')).toBeNull();
    expect(order()).toEqual(WORST_FIRST);
    // 主要短板 sorts the worst first on its first click (its question), the other way on the second.
    const shortfall = within(table).getByRole('columnheader', { name: /主要短板/ });
    sortBy(shortfall);
    expect(shortfall.getAttribute('aria-sort')).toBe('descending');
    expect(order()).toEqual(WORST_FIRST);
    sortBy(shortfall);
    expect(shortfall.getAttribute('aria-sort')).toBe('ascending');
    expect(order()).toEqual(REVERSED);
    // 达标项: 2/2 after 0/2 going up, before it going down; one sorted column at a time.
    const met = within(table).getByRole('columnheader', { name: /达标项/ });
    sortBy(met);
    expect(shortfall.getAttribute('aria-sort')).toBeNull();
    expect(order()).toEqual(WORST_FIRST);
    sortBy(met);
    expect(order()).toEqual(REVERSED);
  });

  it('moves along the station types with the arrow keys, and chooses one with a click', async () => {
    serve();
    const { address } = openAt('/kpi-dashboard?year=2025');
    await screen.findByText('举办活动 1/4（应达 3）');
    const a = screen.getByRole('tab', { name: '区工作站点（A类） 2 个' });
    const iur = screen.getByRole('tab', { name: '产学研合作站点 1 个' });
    expect(a.tabIndex).toBe(0);
    expect(iur.tabIndex).toBe(-1);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(a.id);
    a.focus();
    // from the first, Left wraps round to the last; passing a tab chooses nothing
    fireEvent.keyDown(a, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(iur);
    expect(iur.getAttribute('aria-selected')).toBe('false');
    fireEvent.keyDown(iur, { key: 'Home' });
    expect(document.activeElement).toBe(a);
    fireEvent.keyDown(a, { key: 'End' });
    expect(document.activeElement).toBe(iur);
    expect(address()).not.toContain('type=');
    fireEvent.click(iur);
    await screen.findAllByText(IUR_ONLY);
    expect(address()).toContain('type=iur');
    expect(iur.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(iur.id);
  });

  it('keeps the chosen tab in the address', async () => {
    serve();
    const { address } = openAt('/kpi-dashboard?year=2025');
    await screen.findByText('举办活动 1/4（应达 3）');
    fireEvent.click(screen.getByRole('tab', { name: '产学研合作站点 1 个' }));
    await screen.findAllByText(IUR_ONLY);
    expect(address()).toContain('type=iur');
    // the KPI as the IUR type words it, not as the district types do
    expect(screen.getAllByText('举办产学研活动').length).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: /举办活动 明细/ })).toBeNull();
    const cellLink = screen.getByRole('link', { name: new RegExp(`^北京理工大学产学研合作站点 ${IUR_ONLY} 明细`) });
    expect(cellLink.getAttribute('href')).toBe('/stations/z/kpis?kpi=achievements&counted=false');
  });

  it('opens on the tab the address names', async () => {
    serve();
    openAt('/kpi-dashboard?year=2025&type=iur');
    await screen.findAllByText(IUR_ONLY);
    expect(screen.getByRole('tab', { name: '产学研合作站点 1 个' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows a card per station on a phone', async () => {
    screenWidth(390);
    serve();
    openAt();
    const list = await screen.findByRole('list', { name: '站点考核指标' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const first = within(list).getAllByRole('listitem')[0];
    expect(within(first).getByRole('link', { name: '海淀区产业特派员工作站' }).getAttribute('href')).toBe(
      '/stations/x/kpis',
    );
    expect(within(first).getByText('举办活动 1/4（应达 3）')).toBeTruthy();
    expect(within(first).getByText('2 项落后')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
