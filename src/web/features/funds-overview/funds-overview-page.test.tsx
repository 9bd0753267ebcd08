import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/permissions';
import { renderPage, signedIn, stubApi } from '../../lib/test-render';
import type { YearExecutionDto } from './api';
import FundsOverviewPage from './funds-overview-page';

const WARNING = '距项目期结束还有 30 天，尚有 100,000.00 元资助经费未执行，请抓紧按预算执行（第十五条）';

const EXECUTION: YearExecutionDto = {
  items: [
    {
      stationId: 's1',
      name: '海淀区产业特派员工作站',
      type: 'district_a',
      districtCode: '110108',
      periodEnd: '2025-12-31',
      grantedFen: 15_000_000,
      spentGrantFen: 5_000_000,
      matchingSpentFen: 123_456,
      paidFen: 15_000_000,
      executionRate: 0.3333,
      timeElapsed: 0.9,
      hasBudget: true,
      warning: WARNING,
    },
    {
      stationId: 's2',
      name: '北京理工大学产学研合作站点',
      type: 'iur',
      districtCode: null,
      periodEnd: '2025-12-31',
      grantedFen: 5_000_000,
      spentGrantFen: 0,
      matchingSpentFen: 0,
      paidFen: 0,
      executionRate: 0,
      timeElapsed: 0.9,
      hasBudget: false,
      warning: null,
    },
  ],
  total: 2,
  page: 1,
  pageSize: 20,
  year: 2025,
  today: '2025-12-01',
  totals: {
    stations: 2,
    grantedFen: 20_000_000,
    spentGrantFen: 5_000_000,
    matchingSpentFen: 123_456,
    executionRate: 0.25,
    timeElapsed: 0.9,
    byCategory: [
      { category: 'consulting', name: '咨询费', spentFen: 4_000_000 },
      { category: 'labour', name: '劳务费', spentFen: 1_000_000 },
      { category: 'activity', name: '活动费', spentFen: 0 },
      { category: 'meeting', name: '会议费', spentFen: 0 },
      { category: 'other', name: '其他', spentFen: 0 },
    ],
  },
};

function serve(execution: YearExecutionDto = EXECUTION) {
  return stubApi({
    '/api/v1/program-years': {
      items: [{ year: 2025 }, { year: 2024 }].map((y) => ({ ...y, title: `${y.year}`, status: 'locked' })),
    },
    '/api/v1/districts': {
      items: [{ code: '110108', name: '海淀区', fullName: '北京市海淀区', stationType: 'district_a' }],
    },
    '/api/v1/funds/execution': execution,
  });
}

const openAs = (role: Role, at = '/funds') =>
  renderPage(<FundsOverviewPage />, {
    at,
    me: signedIn(role, { districtCode: role === 'district' ? '110108' : null }),
  });

describe('经费执行 page', () => {
  it('asks for the newest program year and shows the totals, the chart and the stations', async () => {
    const api = serve();
    openAs('center_admin');
    expect(screen.getByRole('heading', { name: '经费执行' })).toBeTruthy();
    await screen.findByRole('link', { name: '海淀区产业特派员工作站' });
    const table = screen.getByRole('table', { name: '站点经费执行' });
    expect(api.urls()).toContain('/api/v1/funds/execution?year=2025&page=1&pageSize=20');

    expect(screen.getByText('200,000.00 元')).toBeTruthy();
    expect(screen.getAllByText('50,000.00 元').length).toBeGreaterThan(0);
    expect(screen.getByText('配套经费已支出')).toBeTruthy();
    expect(screen.getByLabelText('执行率 25.0%')).toBeTruthy();
    expect(screen.getByLabelText('时间进度 90.0%')).toBeTruthy();

    const chart = screen.getByRole('figure', { name: '年度分类支出图' });
    expect(within(chart).getByRole('img', { name: '咨询费 已支出 40,000.00 元，占 80.0%' })).toBeTruthy();
    expect(within(chart).getAllByRole('img')).toHaveLength(5);

    const link = within(table).getByRole('link', { name: '海淀区产业特派员工作站' });
    expect(link.getAttribute('href')).toBe('/stations/s1/funds');
    expect(within(table).getByText('海淀区')).toBeTruthy();
    expect(within(table).getAllByText('至 2025-12-31')).toHaveLength(2);
    expect(within(table).getByLabelText(WARNING).textContent).toContain('第十五条');
    expect(within(table).getByLabelText('执行率 33.3%')).toBeTruthy();
    expect(within(table).getByText('1,234.56 元')).toBeTruthy();
    expect(within(table).getByText('按资助标准')).toBeTruthy();

    expect(screen.getByRole('combobox', { name: '所在区' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeTruthy();
  });

  it('offers no district filter to a district account, and searches from the first page', async () => {
    const api = serve();
    openAs('district');
    await screen.findByRole('link', { name: '海淀区产业特派员工作站' });
    expect(screen.getByRole('combobox', { name: '站点类型' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: '所在区' })).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索站点' }), { target: { value: ' 海淀 ' } });
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    const q = `/api/v1/funds/execution?year=2025&q=${encodeURIComponent('海淀')}&page=1&pageSize=20`;
    await waitFor(() => expect(api.urls()).toContain(q));
  });

  it('opens with the filters the address names (a reload, Back or a shared link keeps them)', async () => {
    const api = serve();
    openAs('center_admin', '/funds?year=2025&type=district_a&q=%E6%B5%B7%E6%B7%80');
    await screen.findByRole('link', { name: '海淀区产业特派员工作站' });
    expect(api.urls()).toContain(
      `/api/v1/funds/execution?year=2025&type=district_a&q=${encodeURIComponent('海淀')}&page=1&pageSize=20`,
    );
    expect((screen.getByRole('searchbox', { name: '搜索站点' }) as HTMLInputElement).value).toBe('海淀');
  });

  it('shows the empty state when no station matches', async () => {
    serve({
      ...EXECUTION,
      items: [],
      total: 0,
      totals: { ...EXECUTION.totals, stations: 0, grantedFen: 0, spentGrantFen: 0, matchingSpentFen: 0 },
    });
    openAs('host');
    expect(await screen.findByText('本范围内尚无资助经费支出')).toBeTruthy();
    expect(screen.getByText('没有符合条件的工作站点')).toBeTruthy();
  });
});
