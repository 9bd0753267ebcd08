// The side menu, generated from the route table; on a phone inside a drawer. Loaded apart from the layout: a phone
// needs it only when the menu button is tapped (issue 16).
import { Drawer, Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Role } from '../../shared/permissions';
import { menuKeyFor, menuRoutesFor } from '../routes';

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

export function MenuDrawer({
  role,
  open,
  onClose,
  children,
}: {
  role: Role;
  open: boolean;
  onClose: () => void;
  /** above the menu: the logo */
  children: ReactNode;
}) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={240}
      closable={false}
      title={null}
      rootClassName="app-menu-drawer"
      styles={{ body: { padding: 0, background: '#001529' } }}
    >
      {children}
      <SideMenu role={role} onNavigate={onClose} />
    </Drawer>
  );
}
