// The authenticated layout: side menu generated from the route table, header with the app name and the user menu.
import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Dropdown, Layout, Menu, type MenuProps, Tag } from 'antd';
import { Suspense, useState } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS, type Role } from '../../shared/permissions';
import { FullPageSpin } from '../components/full-page-spin';
import { useIsPhone } from '../components/use-phone';
import ForbiddenPage from '../features/errors/forbidden-page';
import NotFoundPage from '../features/errors/not-found-page';
import { APP_NAME } from '../lib/app';
import { NavContext } from '../lib/nav';
import { sessionApi } from '../lib/session';
import { useMe } from '../lib/session-context';
import { type AppRoute, canOpen, menuKeyFor, menuRoutesFor, NAV, ROUTES } from '../routes';

const HEADER_STYLE = {
  position: 'sticky',
  top: 0,
  zIndex: 10,
  height: 56,
  padding: '0 var(--app-gutter)',
  lineHeight: 'normal',
  display: 'flex',
  alignItems: 'center',
  background: '#fff',
  borderBottom: '1px solid #f0f0f0',
} as const;

export function SideMenu({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const navigate = useNavigate();
  const location = useLocation();
  const items: MenuProps['items'] = menuRoutesFor(role).map((r) => ({ key: r.path, icon: r.icon, label: r.label }));
  return (
    <Menu
      theme="dark"
      mode="inline"
      aria-label="主菜单"
      selectedKeys={[menuKeyFor(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

/** On a phone the button shows the role only (the name is in its label and the menu), so the header fits 390 px. */
function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();

  async function signOut(everywhere: boolean) {
    try {
      if (everywhere) {
        const r = await sessionApi.logoutEverywhere();
        message.success(`已退出所有设备（共 ${r.ended} 个会话）`);
      } else {
        await sessionApi.logout();
      }
    } catch {
      // the session may already be gone; go to the sign-in page anyway
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined aria-hidden />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: '退出登录' },
    { key: 'logout-all', icon: <LogoutOutlined aria-hidden />, label: '退出所有设备' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/change-password');
    if (key === 'logout') void signOut(false);
    if (key === 'logout-all') {
      modal.confirm({
        title: '退出所有设备？',
        content: '您在所有电脑和浏览器上的登录都将结束，需要重新登录。',
        okText: '退出所有设备',
        cancelText: '取消',
        onOk: () => signOut(true),
      });
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={`账户菜单：${me.displayName}`}>
        <UserOutlined aria-hidden />
        {!compact && <span>{me.displayName}</span>}
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {ROLE_LABELS[me.role]}
        </Tag>
        <DownOutlined aria-hidden style={{ fontSize: 11 }} />
      </Button>
    </Dropdown>
  );
}

function Guarded({ route }: { route: AppRoute }) {
  const me = useMe();
  if (!canOpen(me.role, route)) return <ForbiddenPage />;
  const Page = route.page;
  return <Page />;
}

function Logo() {
  return (
    <div className="app-logo">
      <img src="/favicon.svg" alt="" width={26} height={26} />
      <span>千企</span>
    </div>
  );
}

export default function AppLayout() {
  const me = useMe();
  // On a phone (narrower than 768 px) the menu is a drawer opened from the header, so no 200 px column takes the
  // width of the page.
  const phone = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <Layout className="app-layout">
      {phone ? (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={240}
          closable={false}
          title={null}
          rootClassName="app-menu-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Logo />
          <SideMenu role={me.role} onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider width={200}>
          <div className="app-sider-inner">
            <Logo />
            <SideMenu role={me.role} />
          </div>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={HEADER_STYLE}>
          <div className="app-header-inner">
            {phone && (
              <Button
                type="text"
                icon={<MenuOutlined aria-hidden />}
                aria-label="菜单"
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen((o) => !o)}
              />
            )}
            <div className="app-name">{phone ? '千企' : APP_NAME}</div>
            <UserMenu compact={phone} />
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">
          <NavContext.Provider value={NAV}>
            <Suspense fallback={<FullPageSpin />}>
              <Routes>
                {ROUTES.map((r) => (
                  <Route key={r.path} path={r.path} element={<Guarded route={r} />} />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
          </NavContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
