import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, type ButtonProps, Tag } from 'antd';
import { ROLE_LABELS } from '../../shared/permissions';
import { useMe } from '../lib/session-context';

/**
 * The header's account button. On a phone it shows the role only (the name is in its label and the menu), so the
 * header fits 390 px. Other props (the menu's click and ref, once it has loaded) go to the button.
 */
export function AccountButton({ compact, ...rest }: { compact: boolean } & ButtonProps) {
  const me = useMe();
  return (
    <Button type="text" aria-label={`账户菜单：${me.displayName}`} {...rest}>
      <UserOutlined aria-hidden />
      {!compact && <span>{me.displayName}</span>}
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {ROLE_LABELS[me.role]}
      </Tag>
      <DownOutlined aria-hidden style={{ fontSize: 11 }} />
    </Button>
  );
}
