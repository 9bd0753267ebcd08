// Entry: only React, the router and two lazy routes. The sign-in page is plain React + CSS; everything behind it
// (antd, react-query, the layout and every page) loads after sign-in, so the first screen stays small.
import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { apiHooks } from './lib/api';
import { probeSessionEarly } from './lib/session';

const LoginPage = lazy(() => import('./features/auth/login-page'));
const RegisterPage = lazy(() => import('./features/auth/register-page'));
const AppShell = lazy(() => import('./app/shell'));

/** Lets the API client navigate inside the SPA (401 → sign-in, forced password change). */
function NavigatorBridge() {
  const navigate = useNavigate();
  useEffect(() => {
    apiHooks.navigate = (to) => navigate(to, { replace: to.startsWith('/login') });
  }, [navigate]);
  return null;
}

function BootLoading() {
  return <div className="boot-loading">正在加载…</div>;
}

const root = document.getElementById('root');
if (root && !/^\/(login|register)(\/|$)/.test(window.location.pathname)) {
  // Opening a page of the app (a link, a reload): everything it needs starts downloading now, side by side, rather
  // than each part once the part before it has run. Over 4G that chain cost a second (issue 16). The sign-in page
  // still loads none of it.
  probeSessionEarly();
}
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <NavigatorBridge />
        <Suspense fallback={<BootLoading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="*" element={<AppShell />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </StrictMode>,
  );
}
