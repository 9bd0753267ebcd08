// The authenticated layout: side menu generated from the route table, header with the app name and the user menu.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Route, Routes } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { useIsPhone } from '../components/use-phone';
import ForbiddenPage from '../features/errors/forbidden-page';
import NotFoundPage from '../features/errors/not-found-page';
import { APP_NAME } from '../lib/app';
import { NavContext } from '../lib/nav';
import { useMe } from '../lib/session-context';
import { type AppRoute, canOpen, NAV, ROUTES } from '../routes';
import { AccountButton } from './account-button';

const AccountMenu = lazy(() => import('./account-menu'));
const SideMenu = lazy(() => import('./side-menu').then((m) => ({ default: m.SideMenu })));
const MenuDrawer = lazy(() => import('./side-menu').then((m) => ({ default: m.MenuDrawer })));

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

/** The account button; its menu (antd Dropdown and Menu) loads on the first tap, not with every page (issue 16). */
function UserMenu({ compact }: { compact: boolean }) {
  const [wanted, setWanted] = useState(false);
  const button = <AccountButton compact={compact} onClick={wanted ? undefined : () => setWanted(true)} />;
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <AccountMenu compact={compact} />
    </Suspense>
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
  const [drawerWanted, setDrawerWanted] = useState(false);
  return (
    <Layout className="app-layout">
      {phone ? (
        // The drawer and its menu load when first opened: a phone shows the page, not the menu (issue 16).
        drawerWanted && (
          <Suspense fallback={null}>
            <MenuDrawer role={me.role} open={menuOpen} onClose={() => setMenuOpen(false)}>
              <Logo />
            </MenuDrawer>
          </Suspense>
        )
      ) : (
        <Layout.Sider width={200}>
          <div className="app-sider-inner">
            <Logo />
            <Suspense fallback={null}>
              <SideMenu role={me.role} />
            </Suspense>
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
                onClick={() => {
                  setDrawerWanted(true);
                  setMenuOpen((o) => !o);
                }}
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
