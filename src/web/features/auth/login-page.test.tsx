import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LoginPage from './login-page';

function respond(status: number, body: unknown) {
  return vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

function renderAt(url: string) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={<p>首页内容</p>} />
        <Route path="/stations" element={<p>工作站点内容</p>} />
        <Route path="/change-password" element={<p>修改密码内容</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('login page', () => {
  // A wrong password and a locked account get the same answer from the server (decision 016), shown as it comes.
  it('shows the server’s message when the sign-in is refused', async () => {
    const message = '用户名或密码错误，或账户已锁定（连续输错 5 次锁定 15 分钟，可联系系统管理员解锁）';
    const fetch = respond(401, { error: { code: 'unauthenticated', message } });
    vi.stubGlobal('fetch', fetch);
    renderAt('/login');
    signIn('staff', 'wrong');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', message);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/sessions');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'staff', password: 'wrong' });
  });

  it('asks for both fields before calling the server', async () => {
    const fetch = respond(201, {});
    vi.stubGlobal('fetch', fetch);
    renderAt('/login');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('goes back to the page the user came from after signing in', async () => {
    const me = {
      id: '1',
      username: 'center',
      displayName: '中心管理员',
      role: 'center_admin',
      mustChangePassword: false,
    };
    vi.stubGlobal('fetch', respond(201, { me }));
    renderAt('/login?next=%2Fstations');
    signIn('center', 'Qianqi@2025');
    expect(await screen.findByText('工作站点内容')).toBeTruthy();
  });

  it('sends an account with a temporary password to the change-password page', async () => {
    const me = { id: '1', username: 'newbie', displayName: '新用户', role: 'host', mustChangePassword: true };
    vi.stubGlobal('fetch', respond(201, { me }));
    renderAt('/login?next=%2Fstations');
    signIn('newbie', 'Temp@12345!');
    expect(await screen.findByText('修改密码内容')).toBeTruthy();
  });
});
