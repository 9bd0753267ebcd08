import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KpiDrilldownDto } from '../../../shared/schemas/kpis';
import { renderPage, signedIn, stubApi } from '../../lib/test-render';
import type { KpiRowDto, StationKpisDto } from './api';
import StationKpisPage from './station-kpis-page';

const kpi = (p: Partial<KpiRowDto>): KpiRowDto => ({
  id: 'events',
  article: '第七条',
  target: 4,
  actual: 1,
  met: false,
  name: '举办活动',
  unit: '场',
  measure: 'count',
  countingRule: '项目期内举办且有佐证材料的活动场数',
  pace: { status: 'at_risk', projected: 2, elapsed: 0.5 },
  ...p,
});

const STATION: StationKpisDto = {
  station: {
    id: 'x',
    name: '海淀区产业特派员工作站',
    type: 'district_a',
    typeLabel: '区工作站点（A类）',
    districtCode: '110108',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    programYear: 2025,
  },
  today: '2025-07-01',
  kpis: [kpi({}), kpi({ id: 'demands', name: '调研收集服务企业需求', target: 20, actual: 20, met: true })],
  findings: [],
  metCount: 1,
};

const RECORDS: KpiDrilldownDto = {
  items: [
    {
      id: 'e2',
      kind: 'event',
      title: '专精特新企业座谈会',
      date: '2025-03-02',
      counted: false,
      weight: 0,
      reason: 'no_evidence',
      reasonLabel: '缺少佐证材料',
      detail: null,
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
  kpi: 'events',
  countedTotal: 1,
  notCountedTotal: 1,
  reasons: [{ reason: 'no_evidence', label: '缺少佐证材料', count: 1 }],
};

const serve = () => stubApi({ '/api/v1/stations/x/kpis/': RECORDS, '/api/v1/stations/x/kpis': STATION });

// The browser's address too: the page cleans the link's query there, in the history entry, not by a navigation.
const openAt = (at: string) => {
  window.history.replaceState(null, '', at);
  return renderPage(<StationKpisPage />, { at, route: '/stations/:id/kpis', me: signedIn('center_admin') });
};
const browserAddress = () => `${window.location.pathname}${window.location.search}`;

describe('a station KPI page opened from a 考核看板 cell', () => {
  it('opens the drill-down of ?kpi= on the records that did not count, with their reasons', async () => {
    const api = serve();
    openAt('/stations/x/kpis?kpi=events&counted=false');
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('指标明细：举办活动')).toBeTruthy();
    await within(drawer).findByText('专精特新企业座谈会');
    expect(within(drawer).getByText('未计入原因：缺少佐证材料 1 条')).toBeTruthy();
    expect(api.urls()).toContain('/api/v1/stations/x/kpis/events/records?page=1&pageSize=20&counted=false');
    // read once: the address no longer opens it (a reload or Back), and another 明细 starts on all records
    await waitFor(() => expect(browserAddress()).toBe('/stations/x/kpis'));

    fireEvent.click(screen.getByRole('button', { name: '查看“调研收集服务企业需求”的明细' }));
    await waitFor(() => expect(screen.getByText('指标明细：调研收集服务企业需求')).toBeTruthy());
    await waitFor(() => expect(api.urls()).toContain('/api/v1/stations/x/kpis/demands/records?page=1&pageSize=20'));
  });

  it('opens on all records without ?counted=', async () => {
    const api = serve();
    openAt('/stations/x/kpis?kpi=events');
    await screen.findByText('指标明细：举办活动');
    await waitFor(() => expect(api.urls()).toContain('/api/v1/stations/x/kpis/events/records?page=1&pageSize=20'));
  });
});
