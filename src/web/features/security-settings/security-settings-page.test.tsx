import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/permissions';
import type { Me } from '../../lib/session';
import { SessionContext } from '../../lib/session-context';
import SecuritySettingsPage from './security-settings-page';

const VIEW = {
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  passwordHistoryCount: 5,
  adminPasswordMaxAgeDays: 0,
  version: null,
  updatedAt: null,
  passwordMinLength: 8,
  passwordClasses: '大写字母、小写字母、数字、符号中至少 3 类',
  passwordCommonCheck: '拒绝常见密码',
  loginRatePerMinute: 20,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  auditRetentionDays: 180,
  cookieSecure: false,
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAs(role: Role, fetch: ReturnType<typeof vi.fn>) {
  vi.stubGlobal('fetch', fetch);
  const me: Me = {
    id: 'u1',
    username: role,
    displayName: role,
    role,
    organizationId: null,
    organizationName: null,
    districtCode: null,
    mustChangePassword: false,
    passwordExpired: false,
  };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter>
        <AntApp>
          <SessionContext.Provider value={me}>
            <SecuritySettingsPage />
          </SessionContext.Provider>
        </AntApp>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('安全策略 page', () => {
  it('the security administrator saves the policy with the version it read', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') return json({ ...VIEW, ...JSON.parse(String(init.body)), version: 1 });
      return json(VIEW);
    });
    renderAs('sec_admin', fetch);
    const age = await screen.findByLabelText('管理员密码最长使用期限（天）');
    fireEvent.change(age, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/v1/security-settings');
    expect(JSON.parse(String(put[1]!.body))).toEqual({
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      passwordHistoryCount: 5,
      adminPasswordMaxAgeDays: 90,
      version: null,
    });
    expect(await screen.findByText('安全策略已保存，立即生效')).toBeTruthy();
  });

  it('checks a value against the same rule as the server before sending it', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(VIEW));
    renderAs('sec_admin', fetch);
    const failures = await screen.findByLabelText('连续登录失败锁定阈值');
    fireEvent.change(failures, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('连续登录失败锁定阈值不能少于 1 次')).toBeTruthy();
    expect(fetch.mock.calls.every(([, init]) => init?.method !== 'PUT')).toBe(true);
  });
});
