import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import type { TemporaryPassword } from './api';

/** Shows a temporary password once; it is never shown again. */
export function TempPasswordModal({ result, onClose }: { result: TemporaryPassword; onClose: () => void }) {
  const { message } = App.useApp();
  async function copy() {
    try {
      await navigator.clipboard.writeText(result.temporaryPassword);
      message.success('临时密码已复制');
    } catch {
      message.warning('浏览器不允许自动复制，请手动选中密码复制');
    }
  }
  return (
    <Modal
      open
      title="临时密码"
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
      mask={{ closable: false }}
    >
      <p>
        账户 <strong>{result.user.username}</strong>（{result.user.displayName}）的临时密码：
      </p>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '12px 0' }}>
        <Typography.Text code style={{ fontSize: 18 }} aria-label="临时密码" data-testid="temporary-password">
          {result.temporaryPassword}
        </Typography.Text>
        <Button icon={<CopyOutlined aria-hidden />} onClick={copy}>
          复制
        </Button>
      </div>
      <Alert type="warning" showIcon title="临时密码只显示这一次，请通过安全渠道告知本人。首次登录时必须修改密码。" />
    </Modal>
  );
}
