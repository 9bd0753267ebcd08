import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { policy2025 } from '../../../domain/policy';
import { screenWidth } from '../../lib/test-screen';
import MyReviewsPage from './my-reviews-page';
import { ASSIGNMENT } from './test-assignment';

// 我的评审 with one assignment open: the 申报书 beside the scoring form on a PC, behind a switch on a phone.

const RESOURCES = '本单位拥有专家 300 余人，长期服务科技企业，设有专职工作人员 3 名。';

// Only what the read-only view shows; the server's answer has more.
const APPLICATION = {
  id: 'app1',
  programYear: 2026,
  stationType: 'district_a',
  stationTypeLabel: '区工作站点（A类）',
  stationName: ASSIGNMENT.stationName,
  hostName: ASSIGNMENT.hostName,
  hostKind: 'association',
  form: {
    stationName: ASSIGNMENT.stationName,
    stationType: 'district_a',
    districtCode: '110108',
    leaderName: '王主任',
    contactEmail: 'a-very-long-contact-address-without-spaces@example.org.cn',
    resources: RESOURCES,
    activityPlan: '全年举办需求征集会和对接会不少于四场。',
    schedule: [{ month: '2026-03', content: '启动会' }],
    targets: {},
    budgetFen: {},
  },
  files: [],
  requiredDocuments: [],
  history: [],
};

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

function renderOpen() {
  const fetch = vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/review-assignments')) return json({ items: [ASSIGNMENT] });
    if (url.startsWith('/api/v1/applications/app1')) return json(APPLICATION);
    if (url.startsWith('/api/v1/program-years/2026')) return json({ year: 2026, policy: policy2025 });
    if (url.startsWith('/api/v1/districts')) return json({ items: [{ code: '110108', name: '海淀区' }] });
    return new Response('{}', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={['/reviews?a=ra1']}>
        <AntApp>
          <Routes>
            <Route path="/reviews" element={<MyReviewsPage />} />
          </Routes>
        </AntApp>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the reviewer’s scoring beside the 申报书 (第十条)', () => {
  it('on a PC both are on screen at once, the application left of the form', async () => {
    screenWidth(1280);
    renderOpen();
    const application = await screen.findByRole('region', { name: '申报书' });
    const scoring = screen.getByRole('region', { name: '评分' });
    expect(await within(application).findByText(RESOURCES)).toBeTruthy();
    expect(within(scoring).getByLabelText('基础条件（满分 30）')).toBeTruthy();
    expect(application.compareDocumentPosition(scoring) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '评分' })).toBeNull();
  });

  it('on a phone a switch shows one at a time, and the scores typed survive a look back at the application', async () => {
    screenWidth(390);
    renderOpen();
    const application = await screen.findByRole('region', { name: '申报书' });
    expect(await within(application).findByText(RESOURCES)).toBeTruthy();
    expect(screen.queryByRole('region', { name: '评分' })).toBeNull();

    fireEvent.click(screen.getByText('评分', { selector: '.ant-segmented-item-label' }));
    const scoring = await screen.findByRole('region', { name: '评分' });
    expect(screen.queryByRole('region', { name: '申报书' })).toBeNull();
    fireEvent.change(within(scoring).getByLabelText('工作方案（满分 40）'), { target: { value: '32' } });

    fireEvent.click(screen.getByText('申报书', { selector: '.ant-segmented-item-label' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '评分' })).toBeNull());
    fireEvent.click(screen.getByText('评分', { selector: '.ant-segmented-item-label' }));
    const again = await screen.findByRole('region', { name: '评分' });
    expect((within(again).getByLabelText('工作方案（满分 40）') as HTMLInputElement).value).toBe('32');
  });
});
