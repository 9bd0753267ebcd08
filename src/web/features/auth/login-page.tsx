// The sign-in page: plain React and a small stylesheet, no antd (see main.tsx), so it loads fast on office PCs.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, safeReturnPath } from '../../lib/api';
import { APP_NAME } from '../../lib/app';
import { sessionApi } from '../../lib/session';
import './login.css';

export default function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  useEffect(() => usernameRef.current?.focus(), []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errs: typeof fieldErrors = {};
    if (!username.trim()) errs.username = '请输入用户名';
    if (!password) errs.password = '请输入密码';
    setFieldErrors(errs);
    setError(null);
    if (errs.username || errs.password) return;
    setBusy(true);
    try {
      const me = await sessionApi.login(username.trim(), password);
      navigate(me.mustChangePassword ? '/change-password' : safeReturnPath(params.get('next')), { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (err instanceof ApiError) {
        const issues = err.issues.filter((i) => i.path === 'username' || i.path === 'password');
        if (issues.length) setFieldErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
        setError(err.message);
      } else {
        setError('登录失败，请稍后重试');
      }
    }
  }

  return (
    <div className="login-page">
      <main className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1 className="login-title">千企</h1>
            <p className="login-subtitle">千人进千企工作站点管理平台</p>
          </div>
        </div>
        <p className="login-owner">北京市科学技术协会 · 科创公共服务工作站点</p>
        <form className="login-form" onSubmit={onSubmit} noValidate aria-label="登录表单">
          {error && (
            <div className="login-alert" role="alert">
              {error}
            </div>
          )}
          <div className="login-field">
            <label htmlFor="login-username">用户名</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              ref={usernameRef}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={Boolean(fieldErrors.username)}
              aria-describedby={fieldErrors.username ? 'login-username-error' : undefined}
              maxLength={64}
            />
            {fieldErrors.username && (
              <div id="login-username-error" className="login-field-error">
                {fieldErrors.username}
              </div>
            )}
          </div>
          <div className="login-field">
            <label htmlFor="login-password">密码</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(fieldErrors.password)}
              aria-describedby={fieldErrors.password ? 'login-password-error' : undefined}
              maxLength={128}
            />
            {fieldErrors.password && (
              <div id="login-password-error" className="login-field-error">
                {fieldErrors.password}
              </div>
            )}
          </div>
          <button type="submit" className="login-button" disabled={busy} aria-busy={busy}>
            登录
          </button>
        </form>
        <p className="login-note">连续多次输错密码账户将被临时锁定。忘记密码请联系系统管理员重置。</p>
        <p className="login-note">
          新依托单位？申报期内可 <Link to="/register">注册单位账户</Link>，经创新服务中心审核后使用。
        </p>
      </main>
      <footer className="login-footer">{APP_NAME}</footer>
    </div>
  );
}
