// 修改密码: from the user menu, and forced at first sign-in (or after a reset) before anything else opens.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { checkPassword, PASSWORD_RULES_HINT } from '../../../domain/password-policy';
import { changePasswordSchema } from '../../../shared/schemas/auth';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { APP_NAME } from '../../lib/app';
import { applyApiError, zodRule } from '../../lib/form';
import { sessionApi } from '../../lib/session';
import { useMe } from '../../lib/session-context';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function onFinish(v: Values) {
    try {
      await sessionApi.changePassword(v.currentPassword, v.newPassword);
      message.success('密码已修改，其他设备上的登录已结束');
      form.resetFields();
      onDone();
    } catch (e) {
      if (!applyApiError(form, e)) message.error(e instanceof ApiError ? e.message : '修改失败，请稍后重试');
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
      <Form.Item
        name="currentPassword"
        label="当前密码"
        required
        rules={[zodRule(changePasswordSchema.shape.currentPassword)]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        required
        extra={PASSWORD_RULES_HINT}
        rules={[
          zodRule(changePasswordSchema.shape.newPassword),
          {
            validator: async (_, v: string | undefined) => {
              if (!v) return;
              const problems = checkPassword(v, { username: me.username });
              if (problems.length) throw new Error(problems.join('；'));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认新密码"
        required
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, v) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        修改密码
      </Button>
    </Form>
  );
}

export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();

  if (!forced) {
    return (
      <>
        <PageHeader title="修改密码" />
        <Card>
          <ChangePasswordForm onDone={() => undefined} />
        </Card>
      </>
    );
  }

  async function signOut() {
    await sessionApi.logout().catch(() => undefined);
    queryClient.clear();
    navigate('/login', { replace: true });
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <Card style={{ width: 520 }}>
        <Typography.Text type="secondary">{APP_NAME}</Typography.Text>
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 8 }}>
          修改密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            me.passwordExpired
              ? `${me.displayName}，您的密码已超过安全管理员规定的使用期限，请先设置新密码后再使用系统。`
              : `${me.displayName}，您正在使用临时密码，请先设置新密码后再使用系统。`
          }
        />
        <ChangePasswordForm
          onDone={async () => {
            await queryClient.invalidateQueries({ queryKey: ['me'] });
            navigate('/', { replace: true });
          }}
        />
        <div style={{ marginTop: 16 }}>
          <Button type="link" style={{ padding: 0 }} onClick={signOut}>
            退出登录
          </Button>
        </div>
      </Card>
    </div>
  );
}
