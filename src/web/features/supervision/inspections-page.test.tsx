import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FindingOverviewDto, RecoveryOrderDto } from '../../../shared/schemas/supervision';
import { type ApiStub, renderPage, signedIn, stubApi } from '../../lib/test-render';
import { screenWidth } from '../../lib/test-screen';
import InspectionsPage from './inspections-page';

// 监督检查's tabs (第十八条、第十九条): 问题清单 and 追回经费 across inspections, their filters and tab in the address,
// overdue rows marked with the article, on a PC and as cards on a phone.

const FINDING: FindingOverviewDto = {
  id: 'f1',
  inspectionId: 'i1',
  inspectionTitle: '2025年度第一次不定期抽查',
  programYear: 2025,
  stationId: 's1',
  stationName: '海淀区产业特派员工作站',
  districtCode: '110108',
  districtName: '海淀区',
  kind: 'rectification',
  kindLabel: '整改要求',
  ground: null,
  groundLabel: '',
  article: '第十九条',
  description: '活动佐证材料不全',
  dueOn: '2025-07-31',
  overdue: true,
  status: 'open',
  statusLabel: '待整改',
  version: 1,
};

const ORDER: RecoveryOrderDto = {
  id: 'o1',
  stationId: 's1',
  stationName: '海淀区产业特派员工作站',
  findingId: 'f2',
  ground: 'misappropriation',
  groundLabel: '第十八条（二）截留、挤占、挪用项目资金',
  amountFen: 250_000,
  paidFen: 50_000,
  owedFen: 200_000,
  dueOn: '2025-08-31',
  overdue: true,
  responsiblePerson: '王建国',
  status: 'partly_paid',
  statusLabel: '部分退回',
  closingNote: null,
  payments: [],
  createdAt: '2025-06-10T00:00:00Z',
  version: 2,
};

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

function serve(opts: { findings?: FindingOverviewDto[]; orders?: RecoveryOrderDto[] } = {}) {
  return stubApi({
    '/api/v1/program-years': {
      items: [{ year: 2025, title: '2025', status: 'locked', stationCount: 23, working: true }],
    },
    '/api/v1/districts': {
      items: [{ code: '110108', name: '海淀区', fullName: '北京市海淀区', stationType: 'district_a' }],
    },
    '/api/v1/inspection-findings?': page(opts.findings ?? [FINDING]),
    '/api/v1/recoveries?': page(opts.orders ?? [ORDER]),
    '/api/v1/inspections?': page([]),
  });
}

const openAt = (at: string) => renderPage(<InspectionsPage />, { at, me: signedIn('center_admin') });

/** The query of the last request to a list, as a plain object. */
function lastQuery(api: ApiStub, path: string): Record<string, string> {
  const url = api.urls().findLast((u) => u.startsWith(`${path}?`));
  if (!url) throw new Error(`no request to ${path}`);
  return Object.fromEntries(new URLSearchParams(url.slice(path.length + 1)));
}

describe('监督检查 · 问题清单', () => {
  it('reads its filters from the address, links the station, marks an overdue finding with its article', async () => {
    const api = serve();
    openAt('/inspections?tab=findings&year=2025&overdue=true&status=foo');
    const table = await screen.findByRole('table', { name: '问题清单' });
    const link = await within(table).findByRole('link', { name: '海淀区产业特派员工作站' });
    expect(link.getAttribute('href')).toBe('/stations/s1/supervision');
    expect(within(table).getByRole('link', { name: '2025年度第一次不定期抽查' }).getAttribute('href')).toBe(
      '/inspections/i1',
    );
    // A status the list does not know (a pasted link) is not sent.
    expect(lastQuery(api, '/api/v1/inspection-findings')).toEqual({
      year: '2025',
      overdue: 'true',
      page: '1',
      pageSize: '20',
    });
    expect(screen.getByRole('tab', { name: '问题清单', selected: true })).toBeTruthy();
    expect(screen.getByRole('switch', { name: '仅看逾期' }).getAttribute('aria-checked')).toBe('true');

    const tag = within(table).getByText('已逾期');
    fireEvent.mouseEnter(tag);
    expect(await screen.findByText('已超过整改期限 2025-07-31，尚未办结（第十九条）')).toBeTruthy();
    expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeTruthy();
  });

  it('keeps a changed filter in the address, and 重置 clears it but keeps the tab and year', async () => {
    const api = serve();
    const { address } = openAt('/inspections?tab=findings&year=2025');
    await screen.findByRole('table', { name: '问题清单' });
    fireEvent.click(screen.getByRole('switch', { name: '仅看逾期' }));
    await waitFor(() => expect(lastQuery(api, '/api/v1/inspection-findings').overdue).toBe('true'));
    expect(address()).toContain('overdue=true');
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索问题' }), { target: { value: ' 佐证 ' } });
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    await waitFor(() => expect(lastQuery(api, '/api/v1/inspection-findings').q).toBe('佐证'));
    fireEvent.click(screen.getByRole('button', { name: '重 置' }));
    await waitFor(() => expect(address()).toBe('/inspections?tab=findings&year=2025'));
  });

  it('says so when no finding is overdue', async () => {
    serve({ findings: [] });
    openAt('/inspections?tab=findings&year=2025&overdue=true');
    expect(await screen.findByText('没有逾期未办结的问题')).toBeTruthy();
  });

  it('is a list of cards on a 390 px phone', async () => {
    screenWidth(390);
    serve();
    openAt('/inspections?tab=findings&year=2025');
    const cards = await screen.findByRole('list', { name: '问题清单' });
    expect(within(cards).getByRole('link', { name: '海淀区产业特派员工作站' })).toBeTruthy();
    expect(within(cards).getByText('已逾期')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '问题清单' })).toBeNull();
  });
});

describe('监督检查 · tabs and 追回经费', () => {
  it('switches tab in the address, keeping only the year, and shows the orders’ amounts in yuan', async () => {
    const api = serve();
    const { address } = openAt('/inspections?year=2025&status=planned');
    await screen.findByRole('table', { name: '监督检查列表' });
    fireEvent.click(screen.getByRole('tab', { name: '追回经费' }));
    await waitFor(() => expect(address()).toBe('/inspections?year=2025&tab=recoveries'));
    const table = await screen.findByRole('table', { name: '追回经费通知' });
    await within(table).findByText('2,500.00 元');
    expect(within(table).getByText('500.00 元')).toBeTruthy();
    expect(within(table).getByText('2,000.00 元')).toBeTruthy();
    expect(within(table).getByText('已逾期')).toBeTruthy();
    expect(lastQuery(api, '/api/v1/recoveries')).toEqual({ year: '2025', page: '1', pageSize: '20' });
  });

  it('says so when there is no recovery order', async () => {
    serve({ orders: [] });
    openAt('/inspections?tab=recoveries&year=2025');
    expect(await screen.findByText('本年度没有追回经费通知')).toBeTruthy();
  });
});
