import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { policy2025 } from '../../../domain/policy';
import { renderPage, stubApi } from '../../lib/test-render';
import { ReportDraftButton } from './report-draft-button';

// The host sees only the reports its station must write, each with its article, and a click saves the Word draft.

const YEAR = { year: 2025, title: policy2025.title, policy: policy2025 };

function serve(type: 'district_a' | 'iur') {
  return stubApi({
    '/api/v1/stations/s1/report-drafts/': () =>
      new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('海淀站-需求分析报告（草稿）.docx')}`,
        },
      }),
    '/api/v1/stations/s1': { id: 's1', name: '海淀站', type, programYear: 2025 },
    '/api/v1/program-years/2025': YEAR,
  });
}

async function openMenu() {
  const button = await screen.findByRole('button', { name: /生成报告草稿/ });
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
  await act(async () => {
    fireEvent.click(button);
  });
}

describe('生成报告草稿', () => {
  const saved: string[] = [];
  beforeEach(() => {
    saved.length = 0;
    URL.createObjectURL = vi.fn(() => 'blob:draft');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('offers a district A station its three reports with their articles, not the IUR one', async () => {
    serve('district_a');
    renderPage(<ReportDraftButton stationId="s1" programYear={2025} />);
    await openMenu();
    expect(await screen.findByText('总结报告（第七条、第十二条）')).toBeTruthy();
    expect(screen.getByText('需求分析报告（第七条）')).toBeTruthy();
    expect(screen.getByText('专家服务企业典型模式报告（第七条）')).toBeTruthy();
    expect(screen.queryByText(/产学研工作模式报告/)).toBeNull();
    expect(screen.queryByText(/区域企业发展报告/)).toBeNull();
  });

  it('offers an IUR station the 总结报告 (第十二条) and the 产学研工作模式报告 (第八条)', async () => {
    serve('iur');
    renderPage(<ReportDraftButton stationId="s1" programYear={2025} />);
    await openMenu();
    expect(await screen.findByText('总结报告（第十二条）')).toBeTruthy();
    expect(screen.getByText('产学研工作模式报告（第八条）')).toBeTruthy();
    expect(screen.queryByText(/需求分析报告/)).toBeNull();
  });

  it('downloads the chosen draft through its endpoint and saves it under the server’s name', async () => {
    const api = serve('district_a');
    renderPage(<ReportDraftButton stationId="s1" programYear={2025} />);
    await openMenu();
    const item = await screen.findByText('需求分析报告（第七条）');
    await act(async () => {
      fireEvent.click(item);
    });
    await waitFor(() => expect(saved).toEqual(['海淀站-需求分析报告（草稿）.docx']));
    expect(api.urls()).toContain('/api/v1/stations/s1/report-drafts/demand_analysis/draft.docx');
    expect(await screen.findByText('已生成“海淀站-需求分析报告（草稿）.docx”')).toBeTruthy();
  });
});
