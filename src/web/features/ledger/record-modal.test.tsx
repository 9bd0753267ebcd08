import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usccCheckChar } from '../../../domain/uscc';
import { type ApiStub, json, renderPage, stubApi } from '../../lib/test-render';
import { RecordForm } from './record-forms';

const first17 = '91110108MA0000001';
const USCC = first17 + usccCheckChar(first17);

/** The server as the contact form sees it: the station (its period), an empty 名录, and contacts it accepts. */
function serve(period: { start: string; end: string }) {
  let saved = 0;
  return stubApi({
    '/api/v1/stations/s1/enterprises': { items: [], total: 0, page: 1, pageSize: 200 },
    '/api/v1/stations/s1/contacts': (r) =>
      json(
        {
          id: `c${++saved}`,
          version: 1,
          updatedAt: '2025-06-01T00:00:00.000Z',
          enterpriseName: null,
          people: null,
          note: null,
          ...(r.body as object),
        },
        { status: 201 },
      ),
    '/': { id: 's1', name: '海淀区产业特派员工作站', periodStart: period.start, periodEnd: period.end },
  });
}

const renderContactForm = (onClose: () => void) =>
  renderPage(<RecordForm kind="contacts" stationId="s1" record={null} onClose={onClose} />);

async function typeUscc() {
  const input = await screen.findByLabelText('企业（统一社会信用代码）');
  await act(async () => {
    fireEvent.change(input, { target: { value: USCC } });
  });
}

const posts = (api: ApiStub) => api.requests.filter((r) => r.method === 'POST');

describe('the contact dialog', () => {
  it('保存并继续新增 saves, keeps the dialog open with a fresh form and the same date', async () => {
    // A period long past: the new contact starts on its last day, inside the period, so no question is asked.
    const api = serve({ start: '2020-01-01', end: '2020-12-31' });
    const onClose = vi.fn();
    renderContactForm(onClose);
    await waitFor(() => expect(screen.getByText(/项目期 2020-01-01 至 2020-12-31/)).toBeTruthy());
    await typeUscc();
    fireEvent.click(screen.getByRole('button', { name: '保存并继续新增' }));
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0].url).toBe('/api/v1/stations/s1/contacts');
    expect(posts(api)[0].body).toMatchObject({ uscc: USCC, date: '2020-12-31', mode: 'visit' });
    expect(await screen.findByText(/请继续填写下一条/)).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByLabelText('企业（统一社会信用代码）') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('联系日期') as HTMLInputElement).value).toBe('2020-12-31');
  });

  it('a date outside the period asks first; 返回修改 sends nothing, 仍然保存 saves and closes', async () => {
    // A period still to come: the contact starts today, before the period, which 第七条、第八条 do not count.
    const api = serve({ start: '2099-01-01', end: '2099-12-31' });
    const onClose = vi.fn();
    renderContactForm(onClose);
    await waitFor(() => expect(screen.getByText(/项目期 2099-01-01 至 2099-12-31/)).toBeTruthy());
    await typeUscc();
    fireEvent.click(screen.getByRole('button', { name: /^保\s*存$/ }));
    expect((await screen.findAllByText('该记录不计入考核指标')).length).toBeGreaterThan(0);
    expect(screen.getByText(/不计入考核指标（第七条、第八条只统计项目期内的记录）/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '返回修改' }));
      await new Promise((r) => setTimeout(r, 100));
    });
    expect(posts(api)).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();

    // Asked again (the first question may still be fading out in the page), and this time confirmed.
    const asked = screen.queryAllByRole('button', { name: '仍然保存' }).length;
    fireEvent.click(screen.getByRole('button', { name: /^保\s*存$/ }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: '仍然保存' }).length).toBe(asked + 1));
    fireEvent.click(screen.getAllByRole('button', { name: '仍然保存' })[asked]);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posts(api)).toHaveLength(1);
  });
});
