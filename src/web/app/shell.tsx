// The authenticated application, loaded after sign-in: antd with the Chinese locale, react-query, the session
// gate and the layout. Lazy-loaded from main.tsx so that the sign-in page does not carry any of it.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { Result } from '../components/result';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { ApiError, apiHooks, loginPath } from '../lib/api';
import { currentSession } from '../lib/session';
import './app.css';
import { SessionContext } from '../lib/session-context';

dayjs.locale('zh-cn');

// Both start as the shell runs, while the session is checked, rather than one after the other once it is known:
// over 4G every step of that chain is a round trip (issue 16).
const layoutModule = import('./layout');
const AppLayout = lazy(() => layoutModule);
layoutModule.catch(() => {
  // reported by React when it renders the layout
});
import('../routes').then(
  (r) => r.preloadPageAt(window.location.pathname),
  () => {
    // React loads the page itself, and reports a failure, when it renders it
  },
);
const ChangePasswordPage = lazy(() => import('../features/auth/change-password-page'));

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/** Shows API errors centrally (convention 5: the web shows the server's userMessage). */
function ErrorNotifier() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    apiHooks.notify = (err) => {
      message.error({ content: err.message, key: `${err.status}:${err.message}`, duration: 4 });
    };
    return () => {
      apiHooks.notify = () => {};
    };
  }, [message]);
  return null;
}

function SessionGate() {
  const location = useLocation();
  const me = useQuery({ queryKey: ['me'], queryFn: currentSession, staleTime: 60_000, retry: false });
  if (me.isPending) return <FullPageSpin />;
  const unauthenticated = me.isError && me.error instanceof ApiError && me.error.status === 401;
  if (me.isError && !unauthenticated) {
    return (
      <Result
        status="error"
        title="无法加载账户信息"
        subTitle={me.error.message}
        extra={<Button onClick={() => me.refetch()}>重试</Button>}
      />
    );
  }
  const user = me.data;
  // Not signed in (no session, or it expired; the probe answers `me: null`): to the sign-in page, and back here after.
  if (!user) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <SessionContext.Provider value={user}>
      <Suspense fallback={<FullPageSpin />}>
        {user.mustChangePassword ? <ChangePasswordPage forced /> : <AppLayout />}
      </Suspense>
    </SessionContext.Provider>
  );
}

function isClientError(e: unknown): boolean {
  return e instanceof ApiError && e.status >= 400 && e.status < 500;
}

export default function AppShell() {
  // One cache per signed-in session: the shell unmounts on the sign-in page, so nothing leaks between accounts.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            retry: (n, e) => !isClientError(e) && n < 1,
            refetchOnWindowFocus: false,
            staleTime: 15_000,
          },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1d4ed8', fontFamily: FONT, borderRadius: 6 } }}
      componentSize="middle"
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <ErrorNotifier />
          <SessionGate />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
