import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { policy2025 } from '../../../domain/policy';
import { renderPage, stubApi } from '../../lib/test-render';
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

function renderOpen() {
  stubApi({
    '/api/v1/review-assignments': { items: [ASSIGNMENT] },
    '/api/v1/applications/app1': APPLICATION,
    '/api/v1/program-years/2026': { year: 2026, policy: policy2025 },
    '/api/v1/districts': { items: [{ code: '110108', name: '海淀区' }] },
  });
  renderPage(<MyReviewsPage />, { at: '/reviews?a=ra1', route: '/reviews' });
}

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
