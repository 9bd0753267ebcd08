// The account menu of the header: change password, sign out, sign out everywhere. Loaded on the first tap of the
// account button (src/web/app/layout.tsx), not with every page (issue 16).
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sessionApi } from '../lib/session';
import { AccountButton } from './account-button';

/** The account menu, opened by the tap that loaded it. */
export default function AccountMenu({ compact }: { compact: boolean }) {
  const [open, setOpen] = useState(true);
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
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight" open={open} onOpenChange={setOpen}>
      {/* The button the tap landed on was the placeholder's: keep the keyboard focus on the account button. */}
      <AccountButton compact={compact} autoFocus />
    </Dropdown>
  );
}
