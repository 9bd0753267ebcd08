import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderPage, stubApi } from '../../lib/test-render';
import AuditEventsPage from './audit-events-page';

// 等保 审计记录保护 (decision 017): the audit administrator downloads a signed checkpoint and later checks the log
// against one, on the page.

const CHECKPOINT = {
  format: 'qianqi-audit-checkpoint/1',
  seq: 120,
  hash: 'a'.repeat(64),
  at: '2025-06-15T02:00:00.000Z',
  signature: 'b'.repeat(64),
};

function serve() {
  return stubApi({
    '/api/v1/audit-events/verification': {
      ok: false,
      checked: 100,
      firstBadSeq: 101,
      reason: '操作日志比检查点短：检查点记录到第 120 条，现只有 100 条（末尾记录被删除）',
      keyedFrom: 1,
      checkpoint: { seq: 120, at: CHECKPOINT.at },
    },
    '/api/v1/audit-events/checkpoint': () =>
      json(CHECKPOINT, {
        headers: {
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('操作日志检查点-第120条-2025-06-15.json')}`,
        },
      }),
    '/api/v1/audit-events': { items: [], total: 0, page: 1, pageSize: 20 },
  });
}

describe('操作日志 page: checkpoints', () => {
  it('downloads a checkpoint and says to keep it outside the system', async () => {
    const api = serve();
    renderPage(<AuditEventsPage />);
    fireEvent.click(screen.getByRole('button', { name: /下载检查点/ }));
    await screen.findByText('已下载“操作日志检查点-第120条-2025-06-15.json”，请保存到系统之外（离线介质或另一台主机）');
    expect(api.urls()).toContain('/api/v1/audit-events/checkpoint');
  });

  it('checks an uploaded checkpoint and names what failed', async () => {
    const api = serve();
    renderPage(<AuditEventsPage />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([JSON.stringify(CHECKPOINT)], 'checkpoint.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByText('与检查点核对失败：第 101 条起异常');
    expect(screen.getByText(/末尾记录被删除/)).toBeTruthy();
    await waitFor(() =>
      expect(api.urls()).toContain(
        `/api/v1/audit-events/verification?checkpoint=${encodeURIComponent(JSON.stringify(CHECKPOINT))}`,
      ),
    );
  });
});
