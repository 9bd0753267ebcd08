import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/permissions';
import type { GoldenBridgeCandidateDto } from '../../../shared/schemas/golden-bridge';
import { type ApiStub, renderPage, signedIn, stubApi } from '../../lib/test-render';
import GoldenBridgePage from './golden-bridge-page';

// The page opens on the working year (issue 14): the year list is asked for first.
const YEAR_2025 = {
  year: 2025,
  title: '2025 年度',
  status: 'locked',
  lockedAt: null,
  stationCount: 23,
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  working: true,
  quotaTotal: 23,
  version: 1,
};

// 金桥工程推荐 review (第九条): the reviewer decides on the candidate's details, nothing is pre-selected, and a
// 不推荐 — alone or for a batch — is not sent without its reason.

const REASON = '选择“不推荐”时请填写理由（第九条）';

const candidate = (n: number): GoldenBridgeCandidateDto => ({
  outcomeId: `o${n}`,
  stationId: 's1',
  stationName: '海淀区“千人进千企”工作站点',
  stationTypeLabel: '区工作站点（A类）',
  districtCode: '110108',
  districtName: '海淀区',
  hostOrgName: '海淀区科技服务协会',
  programYear: 2025,
  title: `新型传感器量产项目${n}`,
  date: '2025-05-20',
  uscc: '91110108MA00000017',
  enterpriseName: `北京某某科技有限公司${n}`,
  recordedAt: '2025-05-21T02:00:00.000Z',
  recordUpdatedAt: '2025-05-22T02:00:00.000Z',
  recommended: null,
  statusLabel: '待审核',
  comment: null,
  reviewedAt: null,
  reviewerName: null,
  reviewVersion: null,
});

// The page reads nothing from what a review's POST returns; `{}` for it and for any other address keeps it quiet.
const serve = () =>
  stubApi({
    '/api/v1/golden-bridge?': { items: [candidate(1), candidate(2)], total: 2, page: 1, pageSize: 20 },
    '/api/v1/program-years': { items: [YEAR_2025] },
    '/': {},
  });

const openAs = (role: Role) => renderPage(<GoldenBridgePage />, { me: signedIn(role) });

const posts = (api: ApiStub) => api.requests.filter((r) => r.method === 'POST');

describe('金桥工程推荐 review dialog', () => {
  it('shows the outcome’s details, pre-selects no decision, and refuses 不推荐 without a reason', async () => {
    const api = serve();
    openAs('center_admin');
    await screen.findByText('新型传感器量产项目1');
    fireEvent.click(screen.getAllByRole('button', { name: '审核' })[0]);
    const dialog = await screen.findByRole('dialog');
    const details = within(dialog);
    expect(details.getByText('北京某某科技有限公司1')).toBeTruthy();
    expect(details.getByText('91110108MA00000017')).toBeTruthy();
    expect(details.getByText('海淀区科技服务协会')).toBeTruthy();
    expect(details.getByText('海淀区')).toBeTruthy();
    expect(details.getByText(/台账“落地成果”不附文件/)).toBeTruthy();

    const radios = details.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).toEqual([false, false]);
    const submit = details.getByRole('button', { name: '提交审核' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    await act(async () => {
      fireEvent.click(details.getByLabelText('不推荐'));
    });
    await waitFor(() => expect(submit.disabled).toBe(false));
    expect(details.getByText('不推荐理由')).toBeTruthy();
    await act(async () => {
      fireEvent.click(submit);
    });
    await details.findByText(REASON);
    expect(posts(api)).toEqual([]);

    fireEvent.change(details.getByRole('textbox'), { target: { value: '尚未形成产业化效益' } });
    await act(async () => {
      fireEvent.click(submit);
    });
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]).toEqual({
      method: 'POST',
      url: '/api/v1/golden-bridge/o1/review',
      body: { recommend: false, comment: '尚未形成产业化效益', version: null },
    });
  });

  it('batch 不推荐 lists the count and needs one reason for all', async () => {
    const api = serve();
    openAs('center_staff');
    await screen.findByText('新型传感器量产项目2');
    const table = screen.getByRole('table');
    const boxes = within(table).getAllByRole('checkbox');
    // The header's "select all" comes first.
    fireEvent.click(boxes[1]);
    fireEvent.click(boxes[2]);
    await screen.findByText('已选 2 项候选成果');
    fireEvent.click(screen.getByRole('button', { name: '批量不推荐' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('新型传感器量产项目1')).toBeTruthy();
    const confirm = dialog.getByRole('button', { name: '确认批量不推荐（2 项）' });
    await act(async () => {
      fireEvent.click(confirm);
    });
    await dialog.findByText(REASON);
    expect(posts(api)).toEqual([]);
  });

  it('a district account sees the details without a decision to make', async () => {
    serve();
    openAs('district');
    await screen.findByText('新型传感器量产项目1');
    expect(screen.queryByRole('button', { name: '审核' })).toBeNull();
    expect(within(screen.getByRole('table')).queryAllByRole('checkbox')).toEqual([]);
    fireEvent.click(screen.getAllByRole('button', { name: '详情' })[0]);
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('海淀区科技服务协会')).toBeTruthy();
    expect(dialog.queryByRole('radio')).toBeNull();
  });
});
