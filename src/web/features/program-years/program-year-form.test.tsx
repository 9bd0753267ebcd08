import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { policy2025 } from '../../../domain/policy';
import type { ProgramYear } from '../../lib/program-years';
import { type ApiStub, renderPage, stubApi } from '../../lib/test-render';
import { ProgramYearForm } from './program-year-form';

const YEAR: ProgramYear = {
  year: 2025,
  title: policy2025.title,
  status: 'draft',
  lockedAt: null,
  version: 3,
  quotaTotal: 23,
  policy: policy2025,
  problems: [],
  editable: true,
  lockedReason: null,
};

/** The update route as the form sees it: it answers every PUT with the year, one version on. */
const serve = () => stubApi({ '/': { ...YEAR, version: YEAR.version + 1 } });

const renderForm = (onClose: () => void) => renderPage(<ProgramYearForm year={YEAR} open onClose={onClose} />);

async function type(label: string, value: string) {
  const input = await screen.findByLabelText(label);
  await act(async () => {
    fireEvent.change(input, { target: { value } });
  });
}

async function clickSave() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
  });
}

const puts = (api: ApiStub) => api.requests.filter((r) => r.method === 'PUT');

// About forty inputs in four antd tables: happy-dom renders and validates them in seconds, more on a busy 2-core machine.
describe('the year policy form', { timeout: 60_000 }, () => {
  it('shows the quota rule under a quota of −5 and sends nothing, leaving −5 as typed', async () => {
    const api = serve();
    const onClose = vi.fn();
    renderForm(onClose);
    await type('产学研合作站点名额', '-5');
    await clickSave();
    expect(await screen.findByText('名额须为 1–500 之间的整数（第六条）')).toBeTruthy();
    expect((screen.getByLabelText('产学研合作站点名额') as HTMLInputElement).value).toBe('-5');
    expect(screen.queryByText(/以下修改/)).toBeNull();
    expect(puts(api)).toEqual([]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('refuses a third decimal of yuan and an amount above ¥2,000,000 instead of rounding them', async () => {
    const api = serve();
    renderForm(vi.fn());
    await type('产学研合作站点支持金额（元）', '50000.001');
    await type('区工作站点（A类）支持金额（元）', '2000000.01');
    await type('区工作站点（B类）支持金额（元）', '-5');
    await clickSave();
    expect(await screen.findByText(/金额最多两位小数/)).toBeTruthy();
    expect(await screen.findByText('每站支持经费须在 0.01–2,000,000.00 元之间（第六条）')).toBeTruthy();
    expect(await screen.findByText('金额不能为负数')).toBeTruthy();
    expect((screen.getByLabelText('产学研合作站点支持金额（元）') as HTMLInputElement).value).toBe('50000.001');
    expect(puts(api)).toEqual([]);
  });

  it('lists what changes (字段：旧值 → 新值) before saving, then saves in fen and says so', async () => {
    const api = serve();
    const onClose = vi.fn();
    renderForm(onClose);
    await type('产学研合作站点支持金额（元）', '60000.50');
    await clickSave();
    // The test build gives every dialog the same aria-labelledby id, so the confirmation is found by its title.
    const title = await screen.findByText('保存对 2025 年度政策的以下修改？', { selector: '.ant-modal-confirm-title' });
    const dialog = title.closest<HTMLElement>('[role="dialog"]') as HTMLElement;
    expect(within(dialog).getByText('产学研站点每站支持经费：¥50,000.00 → ¥60,000.50')).toBeTruthy();
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(1);
    expect(puts(api)).toEqual([]);

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    });
    await waitFor(() => expect(puts(api)).toHaveLength(1));
    const body = puts(api)[0].body as { version: number; stationTypes: Record<string, { fundingFen: number }> };
    expect(body.version).toBe(3);
    expect(body.stationTypes.iur.fundingFen).toBe(6_000_050);
    expect(body.stationTypes.district_a.fundingFen).toBe(15_000_000);
    expect(await screen.findByText('已保存 2025 年度政策')).toBeTruthy();
    expect(onClose).toHaveBeenCalled();
  });
});
