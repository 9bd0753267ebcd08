import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/permissions';
import { renderPage, signedIn, stubApi } from '../../lib/test-render';
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

const openAs = (role: Role) => renderPage(<SecuritySettingsPage />, { me: signedIn(role) });

describe('安全策略 page', () => {
  it('the security administrator saves the policy with the version it read', async () => {
    const api = stubApi({
      '/': (r) => (r.method === 'PUT' ? { ...VIEW, ...(r.body as object), version: 1 } : VIEW),
    });
    openAs('sec_admin');
    const age = await screen.findByLabelText('管理员密码最长使用期限（天）');
    fireEvent.change(age, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = api.requests.find((r) => r.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/security-settings');
    expect(put.body).toEqual({
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      passwordHistoryCount: 5,
      adminPasswordMaxAgeDays: 90,
      version: null,
    });
    expect(await screen.findByText('安全策略已保存，立即生效')).toBeTruthy();
  });

  it('checks a value against the same rule as the server before sending it', async () => {
    const api = stubApi({ '/': VIEW });
    openAs('sec_admin');
    const failures = await screen.findByLabelText('连续登录失败锁定阈值');
    fireEvent.change(failures, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('连续登录失败锁定阈值不能少于 1 次')).toBeTruthy();
    expect(api.requests.every((r) => r.method !== 'PUT')).toBe(true);
  });
});
